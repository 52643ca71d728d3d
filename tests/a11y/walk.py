"""What a screen reader gets from the running app, tab by tab, read through AT-SPI with pyatspi.

For each tab: the interactive nodes and those without a meaningful name, the links the reading
panes announce, and the Tab order from the tab bar round to the tab bar again (or the trap that
stops it). Runs under Debian's ``python3``, which has pyatspi; :mod:`tests.a11y` starts the stack.
"""

from __future__ import annotations

import subprocess
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyatspi
from gi.repository import GLib

APP = "briefing-viewer"
INTERACTIVE = {
    "check box",
    "combo box",
    "entry",
    "link",
    "list item",
    "menu item",
    "page tab",
    "push button",
    "radio button",
    "spin button",
    "slider",
    "table cell",
    "toggle button",
    "tree item",
}
"""Roles a reader acts on, besides anything focusable."""
ITEM_VIEWS = {"table", "tree", "tree table", "list", "list box"}
"""Containers whose cells are listed even when scrolled out of sight."""
TAB_BAR = {"page tab list", "page tab"}
PRESSES = 600
"""Tab presses allowed to come back round to the tab bar before a tab counts as a trap."""
STUCK = 60
"""Presses in a row without leaving one widget that make it a trap."""
REPEATS = 5
"""Presses in a row that land on the very same stop (the same link said again)."""
SETTLE = 0.15
"""Seconds to wait for the app's events after a key."""


def pump(seconds: float) -> None:
    """Let AT-SPI's events in for ``seconds``."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.iteration(False):
            pass
        time.sleep(0.01)


def press(key: str) -> None:
    subprocess.run(["xdotool", "key", key], check=True, timeout=10)


def has_state(node, state) -> bool:
    return node.getState().contains(state)


def children(node) -> Iterator:
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            yield child


def labelled_by(node) -> str:
    """The names of the labels tied to ``node`` (a buddy label)."""
    names = []
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for index in range(relation.getNTargets()):
                names.append(relation.getTarget(index).name)
    return " ".join(name for name in names if name)


def private_use(text: str) -> bool:
    return any(unicodedata.category(char) in ("Co", "Cn") for char in text)


def fault(node, role: str) -> str:
    """Why ``node``'s name does not say what it is, or "" when it does."""
    name = (node.name or "").strip()
    if role in ("table column header", "table row header") and name.isdigit():
        return f"numbered, not named ({name!r})"
    if role == "combo box":
        return "" if labelled_by(node) else "combo box named only by its value, no label"
    if not name:
        return "no name"
    if private_use(name):
        return "private-use characters in the name"
    if not any(char.isalnum() for char in name):
        return f"no words in the name ({name!r})"
    return ""


@dataclass
class Census:
    interactive: int = 0
    unnamed: Counter = field(default_factory=Counter)
    """(role, why, where) → count."""
    texts: list[str] = field(default_factory=list)
    """Text panes and what their text interface holds that a reader should not hear."""

    @property
    def unnamed_total(self) -> int:
        return sum(self.unnamed.values())


def census(root) -> Census:
    """Count the interactive nodes under ``root`` that are on screen (with every cell of a
    table), and those without a meaningful name."""
    found = Census()

    def visit(node, where: str, listed: bool) -> None:
        role = node.getRoleName()
        states = node.getState()
        if not listed and not states.contains(pyatspi.STATE_SHOWING):
            return
        interactive = role in INTERACTIVE or states.contains(pyatspi.STATE_FOCUSABLE)
        found.interactive += interactive
        why = fault(node, role) if interactive or "header" in role else ""
        if why:
            found.unnamed[role, why, where] += 1
        if role in ("label", "text", "paragraph", "document text"):
            text_faults(node, found)
        name = node.name or where
        for child in children(node):
            visit(child, name, role in ITEM_VIEWS)

    visit(root, "", False)
    return found


def text_faults(node, found: Census) -> None:
    """Private-use characters (Qt's frame marks around a table) in a pane's text."""
    try:
        text = node.queryText()
    except NotImplementedError:
        return
    content = text.getText(0, -1)
    marks = sum(private_use(char) for char in content)
    if marks:
        found.texts.append(
            f"{node.name!r} has {marks} private-use characters in its text (Qt's text interface "
            "marks table cells with U+FDD0/U+FDD1)"
        )


class Focus:
    """Follows keyboard focus, and what the app announces, through AT-SPI's events."""

    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []
        pyatspi.Registry.registerEventListener(
            self._heard, "object:state-changed:focused", "object:announcement"
        )

    def _heard(self, event) -> None:
        if event.type.startswith("object:state-changed:focused") and not event.detail1:
            return
        said = str(event.any_data) if event.type == "object:announcement" else ""
        self.events.append((said, event.source))

    def after(self, key: str) -> tuple[object | None, str]:
        """Press ``key``; the node focused after it (None if focus did not move) and what was
        announced."""
        self.events.clear()
        press(key)
        pump(SETTLE)
        focused = [source for said, source in self.events if not said]
        said = [said for said, _ in self.events if said]
        return (focused[-1] if focused else None), "; ".join(said)


def describe(node) -> str:
    role = node.getRoleName()
    name = labelled_by(node) if role == "combo box" else node.name
    return f"{role} {name!r}"


def widget_of(node):
    """A cell's table, a tab's tab bar: the widget a Tab stop belongs to."""
    role = node.getRoleName()
    if role in ("table cell", "tree item", "list item", "page tab"):
        parent = node.parent
        return parent if parent is not None else node
    return node


@dataclass
class Cycle:
    stops: list[str]
    returned: bool
    trap: str = ""
    silent: int = 0
    """Presses after which the reader heard nothing: focus moved where AT-SPI cannot see."""


def tab_cycle(focus: Focus, key: str) -> Cycle:
    """Press ``key`` until focus is on the tab bar, then record every stop until it is back
    there. A run of presses that moves focus only inside one widget (cell to cell), presses that
    land on the same stop again and again, or no way back at all, make a trap."""
    cycle = Cycle([], False)
    current = last = ""
    stuck = repeated = 0
    started = False
    for _ in range(PRESSES):
        node, said = focus.after(key)
        if node is not None and node.getRoleName() in TAB_BAR:
            if started:
                cycle.returned = True
                return cycle
            started, current, stuck = True, "", 0
            continue
        if node is None and not said:
            cycle.silent += started
            continue
        widget = describe(widget_of(node)) if node is not None else current
        stop = f"{widget} → {said}" if said else widget
        repeated = repeated + 1 if stop == last else 0
        stuck = stuck + 1 if node is not None and widget == current else 0
        current, last = widget, stop
        if started:
            cycle.stops.append(stop)
        if stuck >= STUCK:
            cycle.trap = f"{current}: {STUCK} presses without leaving it"
            return cycle
        if repeated >= REPEATS:
            cycle.trap = f"{stop}: focus stays there, press after press"
            return cycle
    cycle.trap = f"not back to the tab bar after {PRESSES} presses (last: {current})"
    return cycle


def compact(stops: list[str]) -> list[str]:
    """Runs of stops in one widget as one line with their count."""
    lines: list[tuple[str, int]] = []
    for stop in stops:
        widget = stop.split(" → ")[0]
        if lines and lines[-1][0] == widget:
            lines[-1] = (widget, lines[-1][1] + 1)
        else:
            lines.append((widget, 1))
    return [f"{widget}" + (f" ×{count}" if count > 1 else "") for widget, count in lines]


def application(timeout: float = 60):
    """The app, once it shows a briefing (its title names it)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            if app.name == APP:
                frame = next(children(app), None)
                if frame is not None and " — " in (frame.name or ""):
                    return app, frame
        time.sleep(0.5)
    raise SystemExit(f"{APP} did not show a briefing within {timeout:.0f} s")


def find(node, role: str):
    if node.getRoleName() == role:
        return node
    for child in children(node):
        found = find(child, role)
        if found is not None:
            return found
    return None


def current_page(frame):
    """The page under the tab bar that is on screen."""
    tab_bar = find(frame, "page tab list")
    views = tab_bar.parent
    stack = next(child for child in children(views) if child.getRoleName() != "page tab list")
    return tab_bar, next(p for p in children(stack) if has_state(p, pyatspi.STATE_SHOWING))


@dataclass
class TabReport:
    title: str
    census: Census
    forward: Cycle
    backward: Cycle
    said: list[str]


def walk_tab(frame, focus: Focus, number: int) -> TabReport:
    press(f"ctrl+{number}")
    pump(2.0)
    tab_bar, page = current_page(frame)
    title = tab_bar.getChildAtIndex(number - 1).name
    counted = census(page)
    forward = tab_cycle(focus, "Tab")
    backward = tab_cycle(focus, "shift+Tab")
    said = [stop.split(" → ", 1)[1] for stop in forward.stops if " → " in stop]
    return TabReport(title, counted, forward, backward, said)


def report(tab: TabReport) -> str:
    lines = [f"== {tab.title} =="]
    counted = tab.census
    lines.append(
        f"interactive nodes: {counted.interactive}; unnamed: {counted.unnamed_total}; "
        f"traps: {int(bool(tab.forward.trap)) + int(bool(tab.backward.trap))}"
    )
    for (role, why, where), count in sorted(counted.unnamed.items()):
        lines.append(f"  unnamed: {count} × {role} in {where!r}: {why}")
    lines.extend(f"  Qt limit: {line}" for line in counted.texts)
    order = " → ".join(["tab bar", *compact(tab.forward.stops)])
    lines.append(f"Tab order: {order}" + (" → tab bar" if tab.forward.returned else ""))
    if tab.said:
        shown = "; ".join(tab.said[:6]) + ("; …" if len(tab.said) > 6 else "")
        lines.append(f"  links announced on the way: {len(tab.said)} ({shown})")
    for direction, cycle in (("Tab", tab.forward), ("Shift+Tab", tab.backward)):
        if cycle.trap:
            lines.append(f"  TRAP ({direction}): {cycle.trap}")
        else:
            presses = len(cycle.stops) + cycle.silent + 1
            lines.append(f"  {direction}: back to the tab bar after {presses} presses")
        if cycle.silent:
            lines.append(f"  {direction}: {cycle.silent} presses announced nothing")
    return "\n".join(lines)


def walk(only: set[int] | None = None) -> int:
    """Walk every tab (or the numbers in ``only``) and print the report; the number of failures
    (unnamed nodes, traps)."""
    _app, frame = application()
    focus = Focus()
    pump(1.0)
    failures = 0
    totals = []
    tabs = sum(
        1 for tab in children(find(frame, "page tab list")) if tab.getRoleName() == "page tab"
    )
    for number in range(1, tabs + 1):
        if only and number not in only:
            continue
        tab = walk_tab(frame, focus, number)
        print(report(tab), flush=True)
        traps = int(bool(tab.forward.trap)) + int(bool(tab.backward.trap))
        failures += tab.census.unnamed_total + traps
        totals.append((tab.title, tab.census.interactive, tab.census.unnamed_total, traps))
    print("\n== Summary ==")
    print(f"{'tab':<14}{'interactive':>12}{'unnamed':>9}{'traps':>7}")
    for title, interactive, unnamed, traps in totals:
        print(f"{title:<14}{interactive:>12}{unnamed:>9}{traps:>7}")
    print(
        f"{'total':<14}{sum(t[1] for t in totals):>12}{sum(t[2] for t in totals):>9}"
        f"{sum(t[3] for t in totals):>7}"
    )
    return failures

"""Parsing YAML into located nodes, with bounds on size, depth and alias expansion.

The loader works on PyYAML's node graph rather than on constructed Python objects: nodes carry the
line and column of every value (for precise errors), and composing never constructs arbitrary
objects. Aliases share nodes, so expansion is measured on the graph without expanding it.
"""

from __future__ import annotations

import yaml

from viewer.domain.limits import MAX_YAML_DEPTH, MAX_YAML_NODES
from viewer.domain.problems import Location

Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader is about four times faster; fall back only where it is not built in."""

TYPE_NAMES = {
    yaml.ScalarNode: "a single value",
    yaml.SequenceNode: "a list",
    yaml.MappingNode: "a mapping",
}


class YamlProblem(Exception):
    def __init__(self, location: Location, message: str) -> None:
        super().__init__(message)
        self.location = location
        self.message = message


_HINTS = {
    "mapping values are not allowed in this context": (
        " (a text value containing ': ' must be quoted, as in title: \"Fish: who wants what\")"
    ),
}
"""Plain words for the YAML mistakes authors make most."""


def _tab_hint(text: str, reported: int) -> str:
    """Every line indented with a tab, since the parser stops at the first."""
    lines = [
        number
        for number, line in enumerate(text.split("\n"), 1)
        if "\t" in line[: len(line) - len(line.lstrip())]
    ]
    others = [str(number) for number in lines if number != reported]
    also = f"; tabs also indent line{'s' * (len(others) > 1)} {', '.join(others)}" if others else ""
    return f" (YAML indents with spaces only: replace each tab with spaces){also}"


def locate(node: yaml.Node | yaml.Event, shown: str) -> Location:
    mark = node.start_mark
    return Location(shown, mark.line + 1, mark.column + 1)


def compose(text: str, shown: str) -> yaml.Node | None:
    """Parse ``text`` into a node graph, or raise :class:`YamlProblem`."""
    try:
        nodes, aliased = _check_depth(text, shown)
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)
        message = exc.problem or exc.context or "invalid YAML"
        hint = _HINTS.get(message, "")
        if "tab" in message:
            hint = _tab_hint(text, where.line)
        raise YamlProblem(where, f"YAML syntax: {message}{hint}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(Location(shown), f"YAML syntax: {exc}") from None
    if node is not None and aliased:
        _check_bounds(node, shown)
    elif nodes > MAX_YAML_NODES:  # a tree: its size is its count of nodes, its depth checked
        raise YamlProblem(Location(shown), f"YAML holds more than {MAX_YAML_NODES:,} values")
    return node


_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
_NODES = (yaml.ScalarEvent, *_OPEN)


def _check_depth(text: str, shown: str) -> tuple[int, bool]:
    """Refuse deep nesting before composing: libyaml's composer recurses in C and would crash.
    Returns the count of nodes and whether any alias repeats one: without aliases the graph is
    a tree, which needs no walk to measure (a tenth of a second for a roll-call's issues)."""
    depth = nodes = 0
    aliased = False
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, _NODES):
            nodes += 1
        elif isinstance(event, yaml.AliasEvent):
            aliased = True
        if isinstance(event, _OPEN):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise YamlProblem(
                    locate(event, shown),
                    f"YAML nesting is deeper than the limit of {MAX_YAML_DEPTH} levels",
                )
        elif isinstance(event, _CLOSE):
            depth -= 1
    return nodes, aliased


def _check_bounds(root: yaml.Node, shown: str) -> None:
    """Measure expanded size and depth with memoisation, so a bomb costs no more than its text."""
    sizes: dict[int, int] = {}
    depths: dict[int, int] = {}
    in_progress: set[int] = set()

    def visit(node: yaml.Node, level: int) -> tuple[int, int]:
        key = id(node)
        if key in sizes:
            return sizes[key], depths[key]
        if key in in_progress:
            raise YamlProblem(locate(node, shown), "recursive YAML alias")
        if level > MAX_YAML_DEPTH:
            raise YamlProblem(
                locate(node, shown),
                f"YAML nesting is deeper than the limit of {MAX_YAML_DEPTH} levels",
            )
        in_progress.add(key)
        size, depth = 1, 0
        if isinstance(node, yaml.SequenceNode):
            children: list[yaml.Node] = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        else:
            children = []
        for child in children:
            child_size, child_depth = visit(child, level + 1)
            size += child_size
            depth = max(depth, child_depth + 1)
            if size > MAX_YAML_NODES:
                raise YamlProblem(
                    locate(node, shown),
                    f"YAML expands to more than {MAX_YAML_NODES:,} values "
                    "(aliases repeated too often)",
                )
        in_progress.discard(key)
        sizes[key], depths[key] = size, depth
        return size, depth

    visit(root, 1)

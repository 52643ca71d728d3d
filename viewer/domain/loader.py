"""Loading a briefing folder into immutable data, collecting every problem in one pass."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import threading
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from viewer.domain import bundles, cache
from viewer.domain.model import Briefing
from viewer.domain.problems import Location, Problem
from viewer.domain.progress import Progress
from viewer.domain.prose import RenderedProse
from viewer.domain.prose_worker import ProseRenderer, shared_renderer
from viewer.domain.textfiles import BRIEFING_FILE, FileStamp


@dataclass(frozen=True)
class LoadResult:
    folder: Path
    """What was opened: a briefing folder or a bundle file."""
    briefing: Briefing | None
    problems: tuple[Problem, ...]
    files: tuple[FileStamp, ...] = ()
    """Every file the briefing was read from, as it was when read (what to watch)."""
    rendered: RenderedProse | None = None
    """The prose as rendered, even when errors in the data keep the briefing from opening."""
    store: Callable[[], None] | None = field(default=None, compare=False, repr=False)
    """Writing the cache entry, when the caller asked to do it after showing the briefing."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


def load_briefing(
    path: str | Path,
    use_cache: bool = False,
    renderer: ProseRenderer | None = None,
    progress: Progress | None = None,
    store_later: bool = False,
) -> LoadResult:
    """Load the briefing in folder ``path`` (or the folder of a ``briefing.yaml`` given directly,
    or the bundle file ``path``: see ``bundles``).

    File names in problems are shown relative to ``path`` as the user wrote it. With
    ``use_cache``, an unchanged briefing loaded before comes from the cache (see ``cache``).
    The prose is rendered by ``renderer`` (the process's shared one unless given). ``progress``
    hears each step and can stop the load (by raising ``progress.Cancelled``). With
    ``store_later``, a new cache entry is not written but left to the caller as ``store`` (the
    window writes it once the reader sees the briefing: a second at roll-call scale).

    ``briefing`` is None when the data has errors; when only the prose does (it is over a bound,
    or could not be rendered in time), the briefing is there without its ``rendered`` text.
    """
    folder = Path(path)
    if folder.name == BRIEFING_FILE and folder.is_file():
        folder = folder.parent
    renderer = renderer or shared_renderer()
    if not bundles.is_bundle(folder):
        with collector_paused():
            return _load(folder, use_cache, renderer, folder, progress, store_later)
    stamp = FileStamp.of(folder)
    try:
        inner = bundles.unpack(folder)
    except bundles.BundleProblem as exc:
        return LoadResult(folder, None, (Problem(Location(str(folder)), str(exc)),), (stamp,))
    with collector_paused():
        result = _load(inner, use_cache, renderer, folder, progress, store_later)
    return dataclasses.replace(result, folder=folder, files=(stamp,))


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects, and take what was
    built out of its sight for good.

    Loading creates hundreds of thousands of tuples and none of them form cycles. Without the
    pause, the collector re-scans the growing heap again and again, which doubles the load time
    and, holding the interpreter lock, stalls the window's thread meanwhile. Without the freeze,
    the first collections after the pause, and every full one later, would walk the millions of
    objects of a roll-call again (close to a second each). Frozen objects are still freed by
    reference counting when the briefing is closed.

    Two threads may load at once (the window's loader and the library's scan): the collector
    runs again when the last of them is done.
    """
    global _pauses, _was_enabled
    with _pause_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0:
                gc.freeze()
                if _was_enabled:
                    gc.enable()


_pause_lock = threading.Lock()
_pauses = 0
_was_enabled = True


def _load(
    folder: Path,
    use_cache: bool,
    renderer: ProseRenderer,
    shown: Path,
    progress: Progress | None,
    store_later: bool,
) -> LoadResult:
    if use_cache:
        if progress is not None:
            progress.step(f"Opening {shown.name}")
        if (held := _held(folder)) is not None:
            return held
        if (cached := cache.fetch(folder)) is not None:
            return _hold(LoadResult(folder, *cached))
    from viewer.domain.reader import Reader  # YAML and CSV parsing, only needed on a cache miss

    loader = Reader(folder, renderer, shown, progress)
    briefing = loader.load()
    problems = loader.problems.sorted()
    files = tuple(loader.files)
    store = None
    if use_cache and briefing is not None and not loader.problems.has_errors:
        store = functools.partial(cache.store, briefing, files, problems)
        if not store_later:
            store()
            store = None
        _hold(LoadResult(folder, briefing, problems, files))
    return LoadResult(folder, briefing, problems, files, loader.rendered, store)


_HELD: dict[str, tuple[weakref.ref[Briefing], tuple[Problem, ...], tuple[FileStamp, ...]]] = {}
"""Briefings loaded in this process and still in use somewhere (held weakly), by folder, with
how they were read: a briefing open in the window and indexed by the library's scan is held in
memory once (a roll-call is hundreds of megabytes)."""
_held_lock = threading.Lock()


def _hold(result: LoadResult) -> LoadResult:
    assert result.briefing is not None
    with _held_lock:
        _HELD[str(result.folder)] = (weakref.ref(result.briefing), result.problems, result.files)
    return result


def _held(folder: Path) -> LoadResult | None:
    """The briefing of ``folder`` if this process still holds it and no file of it changed."""
    with _held_lock:
        held = _HELD.get(str(folder))
    if held is None:
        return None
    briefing_ref, problems, files = held
    briefing = briefing_ref()
    if briefing is None:
        with _held_lock:
            if _HELD.get(str(folder)) is held:  # closed since, and not loaded again meanwhile
                del _HELD[str(folder)]
        return None
    if not all(stamp.current for stamp in files):
        return None
    return LoadResult(folder, briefing, problems, files)

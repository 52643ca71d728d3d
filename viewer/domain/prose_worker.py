"""Rendering prose in a child process, so that no text can freeze or crash the app.

The bounds in ``prose_limits`` turn away the known slow shapes of input; this is the layer under
them. A child process (``python -m viewer.domain.prose_worker``) renders, and the caller waits at
most :data:`RENDER_SECONDS`: a render that takes longer is stopped by killing the child, and one
that crashes it (a deep recursion, memory exhausted) ends the child, not the app. The child is
kept between requests, so a viewer or ``validate`` pays for starting Python and importing
Markdown once.

Requests and replies are JSON, each preceded by its length as 8 bytes: nothing but plain data
crosses the pipe.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from typing import IO

from viewer.domain.children import CHILD_MEMORY_BYTES, limit_memory, start_child
from viewer.domain.prose import NamedActor, RenderedProse
from viewer.domain.schema import from_plain, to_plain

RENDER_SECONDS = 10.0
"""The most any one rendering may take, from the request to the reply."""
RENDERING = "Rendering the text"
"""How a load's progress names its wait for this worker (the step :data:`RENDER_SECONDS` bounds)."""
_HEADER = 8


class RenderFailed(Exception):
    """The prose could not be rendered; the message says why, in the reader's words."""


def _send(stream: IO[bytes], payload: object) -> None:
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    stream.write(len(data).to_bytes(_HEADER, "big") + data)
    stream.flush()


def _receive_exactly(stream: IO[bytes], size: int) -> bytes:
    chunks = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


class ProseRenderer:
    """Renders in a child process that is started on first use and replaced after a failure.

    Safe to call from any thread: requests are served one at a time.
    """

    def __init__(self, seconds: float = RENDER_SECONDS) -> None:
        self.seconds = seconds
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def render(
        self,
        files: Sequence[tuple[str, str]],
        actors: Sequence[NamedActor] = (),
        language: str = "",
    ) -> RenderedProse:
        """The rendered prose of ``files`` (shown name, text), its quotation marks those of
        ``language``; raises :class:`RenderFailed`."""
        request = {
            "files": [[name, text] for name, text in files],
            "actors": [[actor.id, list(actor.names)] for actor in actors],
            "language": language,
        }
        deadline = time.monotonic() + self.seconds
        # The limit counts from the request: waiting for an earlier render is part of it.
        if not self._lock.acquire(timeout=self.seconds):
            raise RenderFailed(self._too_long())
        try:
            reply = self._exchange(request, deadline)
        finally:
            self._lock.release()
        if "failure" in reply:
            raise RenderFailed(str(reply["failure"]))
        return from_plain(RenderedProse, reply)

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is not None:
            self.close()  # it ended: let go of its pipes
        if self._process is None:
            self._process = start_child("viewer.domain.prose_worker", stderr=subprocess.DEVNULL)
        return self._process

    def _too_long(self) -> str:
        return f"rendering took longer than {self.seconds:g} s and was stopped"

    def _exchange(self, request: dict, deadline: float) -> dict:
        """Send ``request`` and wait for the reply. A child that died while idle (killed from
        outside, say) is only noticed when the request cannot be sent: then a new child gets it.
        One that dies while rendering is reported: the same text would likely kill it again."""
        for attempt in (1, 2):
            reused = self._process is not None and self._process.poll() is None
            process = self._start()
            assert process.stdin is not None
            try:
                try:
                    _send(process.stdin, request)
                except BrokenPipeError:
                    if reused and attempt == 1:
                        self.close()
                        continue
                    raise
                header = self._read(process, _HEADER, deadline)
                return json.loads(self._read(process, int.from_bytes(header, "big"), deadline))
            except TimeoutError:
                self.close()
                raise RenderFailed(self._too_long()) from None
            except (OSError, EOFError, ValueError):
                code = self.close()
                how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
                raise RenderFailed(f"the renderer stopped unexpectedly ({how})") from None
        raise RenderFailed("the renderer could not be started")

    @staticmethod
    def _read(process: subprocess.Popen[bytes], size: int, deadline: float) -> bytes:
        """``size`` bytes of the reply, or TimeoutError when the deadline passes first."""
        stream = process.stdout
        assert stream is not None
        descriptor = stream.fileno()
        chunks: list[bytes] = []
        with selectors.DefaultSelector() as selector:
            selector.register(descriptor, selectors.EVENT_READ)
            while size:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not selector.select(remaining):
                    raise TimeoutError
                chunk = os.read(descriptor, min(size, 1 << 20))
                if not chunk:
                    raise EOFError
                chunks.append(chunk)
                size -= len(chunk)
        return b"".join(chunks)

    def close(self) -> int | None:
        """Stop the child; returns how it ended (None if there was none)."""
        process, self._process = self._process, None
        if process is None:
            return None
        with contextlib.suppress(OSError):
            process.kill()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        return process.wait()


_shared: ProseRenderer | None = None
_shared_lock = threading.Lock()


def shared_renderer() -> ProseRenderer:
    """The process's renderer: one child serves every load, so it starts once."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ProseRenderer()
        return _shared


def _serve(source: IO[bytes], sink: IO[bytes]) -> None:
    """The child's loop: one reply per request until the parent closes the pipe."""
    from viewer.domain.markdown_ext import render

    while True:
        try:
            size = int.from_bytes(_receive_exactly(source, _HEADER), "big")
            request = json.loads(_receive_exactly(source, size))
        except EOFError:
            return
        try:
            files = [(str(name), str(text)) for name, text in request["files"]]
            actors = [NamedActor(str(i), tuple(map(str, names))) for i, names in request["actors"]]
            language = str(request.get("language", ""))
            reply: object = to_plain(render(files, actors, language))
        except RecursionError:
            reply = {"failure": "the text is nested too deeply to be shown"}
        except MemoryError:
            reply = {"failure": "the text needs more memory than the renderer may use"}
        except Exception as exc:  # the child reports every failure; the parent decides
            reply = {"failure": f"the renderer failed: {type(exc).__name__}: {exc}"}
        _send(sink, reply)


def main() -> None:
    limit_memory(CHILD_MEMORY_BYTES)
    _serve(sys.stdin.buffer, sys.stdout.buffer)


if __name__ == "__main__":
    main()

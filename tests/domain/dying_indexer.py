"""The library's indexer, except that it dies on a briefing folder named ``dies``, as one that a
hostile briefing crashed would (``python -m tests.domain.dying_indexer INDEX``)."""

import os
import sys
from pathlib import Path

from viewer.domain import indexing, search

_load = search.load_briefing


def _dying(path: Path, *args, **kwargs):
    if path.name == "dies":
        os._exit(70)
    return _load(path, *args, **kwargs)


search.load_briefing = _dying
sys.exit(indexing.main(sys.argv[1:]))

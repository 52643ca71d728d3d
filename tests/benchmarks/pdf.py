"""PDF export times: the bundled briefing whole, and the matrix part of generated briefings.

``python -m tests.benchmarks.pdf MATRIX [LARGE]``; prints one JSON object. MATRIX is a 50 × 200
briefing; LARGE, when given, the 200 × 2,000 one, whose whole matrix (some 800 pages) is
measured too: the matrix is painted page by page, so it grows with its cells.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path


def main(matrix: Path, large: Path | None) -> dict[str, float]:
    from viewer.domain.loader import load_briefing
    from viewer.print.command import start_gui_application
    from viewer.print.export import write_pdf
    from viewer.print.options import PrintOptions
    from viewer.resources import default_briefing

    start_gui_application()
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        runs = [
            ("pdf_bundled_s", default_briefing(), PrintOptions()),
            ("pdf_matrix_50x200_s", matrix, PrintOptions(parts=("matrix",))),
        ]
        if large is not None:
            runs.append(("pdf_matrix_200x2000_s", large, PrintOptions(parts=("matrix",))))
        for name, folder, options in runs:
            briefing = load_briefing(folder, use_cache=True).briefing
            assert briefing is not None
            start = time.perf_counter()
            pages = write_pdf(briefing, options, Path(tmp) / "out.pdf")
            figures[name] = time.perf_counter() - start
            figures[name.replace("_s", "_pages")] = pages
    return figures


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)))

"""PDF export times: the bundled briefing whole, and the matrix part of a generated briefing.

``python -m tests.benchmarks.pdf FOLDER``; prints one JSON object. The matrix part is measured on a
50 × 200 briefing: laying out Qt rich-text tables grows faster than the cell count (10,000 cells
take about 4 s, 50,000 about 38 s), so the full 200 × 2,000 matrix (thousands of pages) would take
many minutes per run; RESULTS.md says so.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path


def main(large: Path) -> dict[str, float]:
    from viewer.domain.loader import load_briefing
    from viewer.print.command import start_gui_application
    from viewer.print.export import write_pdf
    from viewer.print.options import PrintOptions
    from viewer.resources import default_briefing

    start_gui_application()
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, folder, options in (
            ("pdf_bundled_s", default_briefing(), PrintOptions()),
            ("pdf_matrix_50x200_s", large, PrintOptions(parts=("matrix",))),
        ):
            briefing = load_briefing(folder, use_cache=True).briefing
            assert briefing is not None
            start = time.perf_counter()
            pages = write_pdf(briefing, options, Path(tmp) / "out.pdf")
            figures[name] = time.perf_counter() - start
            figures[name.replace("_s", "_pages")] = pages
    return figures


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))

"""``python -m viewer`` takes exactly the arguments of ``briefing-viewer``."""

import sys

from viewer.cli import main

sys.exit(main())

"""``python -m minutes_parser``."""

import sys

from .cli import main

sys.exit(main())

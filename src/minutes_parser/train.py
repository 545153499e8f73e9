"""``python -m minutes_parser.train``: train the learned layer (see
:mod:`minutes_parser.learn.train`)."""

from __future__ import annotations

from .learn.train import main

if __name__ == "__main__":
    raise SystemExit(main())

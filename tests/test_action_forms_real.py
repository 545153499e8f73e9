"""Action forms read from real minutes; each test names the document (corpus/real, dev
split) it was built from."""

from __future__ import annotations

from minutes_parser import parse

from .conftest import CORPUS

REAL_DEV = CORPUS / "real" / "dev" / "docs"


def test_bracketed_marker_with_one_task_per_owner() -> None:
    """era-portal-ops-2024-06-11.pdf: '[Action: IW to provide report on bike store security
    statistic. Portal to explore security measures at bike stores where there is open roof
    top.]' — two owners, two actions, the closing bracket not part of the task."""
    m = parse(REAL_DEV / "era-portal-ops-2024-06-11.pdf")
    got = {(tuple(a.owners), a.description) for a in m.actions}
    assert (("IW",), "provide report on bike store security statistic") in got
    assert (
        ("Portal",),
        "explore security measures at bike stores where there is open roof top",
    ) in got
    assert (("Portal",), "investigate with Vital") in got

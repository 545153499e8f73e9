"""examples/analysis.ipynb runs top to bottom and its answers agree with the parser."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from minutes_parser import parse_meetings
from minutes_parser.models import ActionStatus

from .conftest import CORPUS, ROOT

NOTEBOOK = ROOT / "examples" / "analysis.ipynb"


def expected_summary() -> dict[str, object]:
    """The notebook's answers, computed from the models without the archive or pandas."""
    files = sorted(
        p
        for p in CORPUS.rglob("*")
        if p.is_file() and not p.name.endswith((".json", ".md")) and not p.name.startswith(".")
    )
    meetings = [m for f in files for m in parse_meetings(f)]
    attended: dict[str, set[tuple[str | None, int]]] = defaultdict(set)
    open_actions: Counter[str] = Counter()
    decisions: Counter[str] = Counter()
    for m in meetings:
        key = (m.source.path, m.source.meeting_index)
        for a in m.attendees:
            attended[a.name].add(key)
        for act in m.actions:
            if act.status not in (ActionStatus.COMPLETED, ActionStatus.DROPPED):
                open_actions.update(act.owners)
        decisions[m.meeting.body or "(body not found)"] += len(m.resolutions)
    top = min(attended, key=lambda name: (-len(attended[name]), name))
    return {
        "meetings": len(meetings),
        "top_attender": [top, len(attended[top])],
        "open_actions_per_owner": dict(open_actions),
        "decisions_per_body": {body: n for body, n in decisions.items() if n},
    }


@pytest.mark.corpus
def test_analysis_notebook_answers_match_the_parser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    archive = tmp_path / "corpus.sqlite"
    monkeypatch.setenv("MINUTES_ARCHIVE", str(archive))  # the kernel inherits the environment

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()

    assert archive.is_file()  # the notebook built its archive where it was told to
    last = [c for c in notebook.cells if c.cell_type == "code"][-1]
    printed = "".join(o.get("text", "") for o in last.outputs if o.output_type == "stream")
    summary = json.loads(printed)
    expected = expected_summary()
    assert summary == expected
    assert summary["meetings"] > 21  # the series under corpus/series/ are included
    assert summary["top_attender"][1] >= 3  # someone sits on a body that met repeatedly

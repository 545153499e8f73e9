"""Analyst outputs: normalised tables, the SQLite/CSV/Parquet archives and DataFrames."""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pandas as pd
import pytest

from minutes_parser import ConfigurationError, Meeting, parse, parse_meetings
from minutes_parser.export import (
    CORE_TABLES,
    Table,
    meeting_id,
    meeting_tables,
    read_archive,
    write_csv,
    write_parquet,
    write_sqlite,
)

from .conftest import CORPUS, seed

MINUTES = """Parish Council
Minutes of the meeting held on 11 March 2024

Present: Cllr Jane Smith (Chair), Cllr Tom Brown, Cllr Ann Lee
Apologies: Cllr Bob Green

1. Minutes of the last meeting
RESOLVED that the minutes of the meeting held on 12 February 2024 be approved.

2. Footpaths
Action: Tom Brown to report the broken stile to the county council by 31 March 2024.
"""


def corpus_meetings() -> list[Meeting]:
    files = sorted(
        p
        for p in CORPUS.iterdir()
        if p.is_file() and not p.name.endswith((".json", ".md")) and not p.name.startswith(".")
    )
    return [m for f in files for m in parse_meetings(f)]


@pytest.fixture(scope="module")
def corpus() -> list[Meeting]:
    return corpus_meetings()


def sql(path: Path, query: str, *args: object) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(query, args).fetchall()


def table_counts(path: Path) -> dict[str, int]:
    return {s.name: sql(path, f"SELECT count(*) FROM {s.name}")[0][0] for s in CORE_TABLES}


def test_meeting_ids_are_stable_and_children_keyed_by_position() -> None:
    a, b = parse(seed("002")), parse(seed("002").read_bytes())
    assert meeting_id(a) == meeting_id(b)
    tables = meeting_tables([a])
    (row,) = tables["meetings"].rows
    assert row["meeting_id"] == meeting_id(a)
    assert row["document_sha256"] == a.source.sha256
    assert row["source_path"] == str(seed("002"))
    attendees = tables["attendees"].rows
    assert [(r["position"], r["name"]) for r in attendees] == list(
        enumerate(x.name for x in a.attendees)
    )
    assert {r["meeting_id"] for r in attendees} == {row["meeting_id"]}
    # Agenda items are flattened depth first, children pointing at their parent row.
    agenda = tables["agenda_items"].rows
    assert len(agenda) == sum(len(top.walk()) for top in a.agenda_items)
    child = next(r for r in agenda if r["number"] == "4.1")
    parent = agenda[child["parent_position"]]
    assert (parent["number"], child["depth"]) == ("4", 1)
    owners = [(r["action_position"], r["name"]) for r in tables["action_owners"].rows]
    assert owners == [(i, o) for i, act in enumerate(a.actions) for o in act.owners]


def test_rewriting_the_same_documents_duplicates_nothing(
    tmp_path: Path, corpus: list[Meeting]
) -> None:
    db = tmp_path / "archive.sqlite"
    first = write_sqlite(corpus, db)
    counts = table_counts(db)
    assert counts["meetings"] == len(corpus) == first.meetings
    assert counts["attendees"] == sum(len(m.attendees) for m in corpus)
    assert counts["action_owners"] == sum(len(a.owners) for m in corpus for a in m.actions)
    again = write_sqlite(corpus, db)
    assert table_counts(db) == counts
    assert (again.added, again.replaced, again.unchanged) == (0, 0, first.added)
    # The same meetings passed twice in one call are still one row each.
    write_sqlite(corpus[:3] + corpus[:3], db)
    assert table_counts(db) == counts


def test_a_changed_document_replaces_its_rows_and_leaves_others(tmp_path: Path) -> None:
    doc = tmp_path / "parish.txt"
    doc.write_text(MINUTES, encoding="utf-8")
    db = tmp_path / "archive.sqlite"
    other = parse(seed("002"))
    write_sqlite([parse(doc), other], db)
    old_sha = sql(db, "SELECT document_sha256 FROM meetings WHERE source_path = ?", str(doc))

    doc.write_text(MINUTES.replace("Cllr Ann Lee", "Cllr Ravi Patel"), encoding="utf-8")
    summary = write_sqlite([parse(doc)], db)

    assert (summary.added, summary.replaced, summary.unchanged) == (0, 1, 0)
    rows = sql(
        db, "SELECT meeting_id, document_sha256 FROM meetings WHERE source_path = ?", str(doc)
    )
    assert len(rows) == 1 and [(rows[0][1],)] != old_sha
    names = {
        r[0]
        for r in sql(
            db,
            "SELECT a.name FROM attendees a JOIN meetings m USING (meeting_id) "
            "WHERE m.source_path = ?",
            str(doc),
        )
    }
    assert names == {"Jane Smith", "Tom Brown", "Ravi Patel", "Bob Green"}
    # No orphans: the old meeting's children went with it (ON DELETE CASCADE).
    assert sql(db, "SELECT count(DISTINCT meeting_id) FROM attendees")[0][0] == 2
    assert sql(db, "SELECT count(*) FROM action_owners")[0][0] == sum(
        len(a.owners) for a in [*parse(doc).actions, *other.actions]
    )
    assert sql(db, "SELECT count(*) FROM attendees WHERE meeting_id = ?", meeting_id(other)) == [
        (len(other.attendees),)
    ]


def test_schema_has_keys_foreign_keys_and_filter_indexes(tmp_path: Path) -> None:
    db = tmp_path / "archive.sqlite"
    write_sqlite([parse(seed("002"))], db)
    indexed = {
        (table, col[2])
        for table in ("meetings", "attendees", "actions", "action_owners", "action_updates")
        for ix in sql(db, f"PRAGMA index_list({table})")
        for col in sql(db, f"PRAGMA index_info({ix[1]})")
    }
    assert {
        ("meetings", "body"),
        ("meetings", "date"),
        ("attendees", "name"),
        ("attendees", "status"),
        ("actions", "status"),
        ("action_owners", "name"),
        ("action_updates", "status"),
    } <= indexed
    fks = sql(db, "PRAGMA foreign_key_list(action_owners)")
    assert {(fk[2], fk[3], fk[4]) for fk in fks} == {
        ("actions", "meeting_id", "meeting_id"),
        ("actions", "action_position", "position"),
    }
    assert sql(db, "PRAGMA foreign_key_check") == []
    with pytest.raises(sqlite3.IntegrityError):  # the primary key holds
        sql(db, "INSERT INTO attendees (meeting_id, position) SELECT meeting_id, 0 FROM meetings")


def test_all_three_formats_read_back_the_same_frames(tmp_path: Path, corpus: list[Meeting]) -> None:
    write_sqlite(corpus, tmp_path / "a.sqlite")
    write_csv(corpus, tmp_path / "csv")
    write_parquet(corpus, tmp_path / "parquet")
    frames = [read_archive(tmp_path / p) for p in ("a.sqlite", "csv", "parquet")]
    assert set(frames[0]) == {s.name for s in CORE_TABLES}
    for name in frames[0]:
        for other in frames[1:]:
            pd.testing.assert_frame_equal(frames[0][name], other[name])

    meetings = frames[2]["meetings"].set_index("source_path")
    row = meetings.loc[str(seed("002"))]
    assert row["date"] == pd.Timestamp("2014-12-04")
    assert row["body"] == "Rotherham Local Safeguarding Children Board"
    assert row["document_sha256"] == parse(seed("002")).source.sha256
    attendees = frames[1]["attendees"]
    assert str(attendees["is_chair"].dtype) == "boolean"
    assert str(attendees["span_start"].dtype) == "Int64"
    chair = attendees[attendees["is_chair"].fillna(False)]
    assert "Steve Ashley" in set(chair["name"])


def test_csv_keeps_awkward_text_exactly(tmp_path: Path) -> None:
    text = 'Agree the "Parks, Paths & Stiles" plan\nline two; 3 < 4'
    rows = [{"id": "a1", "text": text, "n": 3, "done": True, "empty": None}]
    table = Table.from_records("notes", rows, primary_key=["id"])
    write_csv([], tmp_path / "csv", extra_tables=[table])
    notes = read_archive(tmp_path / "csv")["notes"]
    assert notes.loc[0, "text"] == text
    assert (notes.loc[0, "n"], notes.loc[0, "done"]) == (3, True)
    assert pd.isna(notes.loc[0, "empty"])


def test_extra_tables_such_as_the_action_register_are_rebuilt_whole(
    tmp_path: Path, corpus: list[Meeting]
) -> None:
    from minutes_parser.reconcile import reconcile

    register = reconcile(corpus)
    rows = register.rows()
    table = Table.from_records("action_register", rows, primary_key=["id"], indexes=[["status"]])
    db = tmp_path / "a.sqlite"
    write_sqlite(corpus, db, extra_tables=[table])
    write_sqlite(corpus, db, extra_tables=[table])
    for archive in (db, tmp_path / "parquet"):
        if archive.suffix != ".sqlite":
            write_parquet(corpus, archive, extra_tables=[table])
        frame = read_archive(archive)["action_register"]
        assert len(frame) == len(rows)
        assert sorted(frame["id"]) == sorted(r["id"] for r in rows)
    smaller = Table.from_records("action_register", rows[:2], primary_key=["id"])
    write_sqlite([], db, extra_tables=[smaller])
    assert sql(db, "SELECT count(*) FROM action_register")[0][0] == 2
    assert table_counts(db)["meetings"] == len(corpus)  # per-document rows untouched
    with pytest.raises(ConfigurationError):
        write_sqlite([], db, extra_tables=[Table.from_records("meetings", [])])


def test_meeting_to_dataframes_matches_the_meeting() -> None:
    meeting = parse(seed("002"))
    frames = meeting.to_dataframes()
    assert frames["attendees"]["name"].tolist() == [a.name for a in meeting.attendees]
    assert frames["actions"]["owners"].tolist() == [
        "; ".join(a.owners) or None for a in meeting.actions
    ]
    assert frames["meetings"].loc[0, "date"] == pd.Timestamp("2014-12-04")


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    meeting = parse(seed("002"))
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install minutes-parser\[notebook\]"):
        meeting.to_dataframes()


def test_read_archive_refuses_what_is_not_an_archive(tmp_path: Path) -> None:
    stray = tmp_path / "notes.txt"
    stray.write_text("hello", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="not a SQLite archive"):
        read_archive(stray)
    with pytest.raises(ConfigurationError, match=r"no schema\.json"):
        read_archive(tmp_path)
    old = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(old)) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(ConfigurationError, match="not a minutes_parser archive"):
        write_sqlite([parse(seed("002"))], old)


def test_documents_parsed_from_strings_are_told_apart_by_their_text(tmp_path: Path) -> None:
    from minutes_parser import parse_text

    first = parse_text(MINUTES)
    second = parse_text(MINUTES.replace("Bob Green", "Ravi Patel"))
    assert first.source.path is None and first.source.sha256 is None
    assert meeting_id(first) != meeting_id(second)
    db = tmp_path / "a.sqlite"
    summary = write_sqlite([first, second], db)
    assert (summary.added, summary.meetings) == (2, 2)
    again = write_sqlite([parse_text(MINUTES)], db)
    assert (again.added, again.unchanged) == (0, 1)
    assert table_counts(db)["meetings"] == 2


def test_items_carry_their_source_and_the_models_confidence_into_the_archive(
    tmp_path: Path,
) -> None:
    # The learned layer (--model) scores rule items and may add its own; an archive user
    # filters on source and confidence as a notebook user does on the Meeting.
    meeting = parse(seed("002"), model=True)
    db = tmp_path / "archive.sqlite"
    write_sqlite([meeting], db)
    rows = sql(db, "SELECT description, source, confidence FROM actions ORDER BY position")
    assert rows == [(a.description, a.source, a.confidence) for a in meeting.actions]
    assert any(confidence is not None for _d, _s, confidence in rows)
    stored = sql(db, "SELECT source, confidence FROM resolutions ORDER BY position")
    assert stored == [(r.source, r.confidence) for r in meeting.resolutions]


def test_an_archive_of_the_previous_version_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("CREATE TABLE meetings (meeting_id TEXT)")
        conn.execute("PRAGMA user_version = 1")
    with pytest.raises(ConfigurationError, match="found user_version 1"):
        write_sqlite([parse(seed("002"))], db)

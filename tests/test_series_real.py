"""The reconciler on real series of minutes: every test reconciles real documents (cited by
path, in corpus/real/dev/docs or ../shared/realworld/docs) and asserts on the register."""

from __future__ import annotations

import shutil
from pathlib import Path

from minutes_parser.models import ActionStatus, Meeting
from minutes_parser.pipeline import parse_meetings
from minutes_parser.reconcile import ActionRegister, reconcile

from .conftest import CORPUS, shared_dir

DEV = CORPUS / "real" / "dev" / "docs"


def _register(*paths: Path) -> ActionRegister:
    meetings: list[Meeting] = [m for p in paths for m in parse_meetings(p)]
    return reconcile(meetings, single_series=True)


def _eth(*numbers: int) -> list[Path]:
    docs = shared_dir("realworld", "docs")
    return [docs / f"eth-acd-{n}.md" for n in numbers]


def test_a_ticked_checklist_in_every_meeting_is_done_again_each_time() -> None:
    # corpus/real/dev/docs/hypha-finance-wg-2019-{11-26,12-03,12-10}.md each end with
    # "- [x] Publish meeting notes to [GitHub][gh]": three tasks done, not one relisted.
    names = [f"hypha-finance-wg-2019-{d}.md" for d in ("11-26", "12-03", "12-10")]
    register = _register(*(DEV / n for n in names))
    notes = [e for e in register.entries if e.description.startswith("Publish meeting notes")]
    assert sorted(Path(e.raised_meeting or "").name for e in notes) == names
    assert all(e.status is ActionStatus.COMPLETED and len(e.history) == 1 for e in notes)


def test_an_ambiguous_date_is_settled_by_the_file_name() -> None:
    # corpus/real/dev/docs/asbroker-2018-07-10.html states its date day first; the archive
    # files it as 2018-07-10, between the meetings of 07-03 and 07-24.
    names = ("asbroker-2018-07-03.txt", "asbroker-2018-07-10.html", "asbroker-2018-07-24.txt")
    register = _register(*(DEV / n for n in names))
    swapped = [d for d in register.diagnostics if d.code == "date_order_from_file_name"]
    assert len(swapped) == 1
    assert "asbroker-2018-07-10.html" in swapped[0].message
    assert "2018-07-10" in swapped[0].message
    # so "ACTION: shurley issue 111" of 07-10 is the action 07-24 relists, not the reverse
    (shurley,) = [e for e in register.entries if e.description == "shurley issue 111"]
    assert [(h.kind, Path(h.meeting_path or "").name) for h in shurley.history] == [
        ("raised", "asbroker-2018-07-10.html"),
        ("relisted", "asbroker-2018-07-24.txt"),
    ]


def test_actions_about_different_numbers_are_not_linked() -> None:
    # corpus/real/dev/docs/asbroker-2018-07-03.txt: "jmrodri assign bundle-lib issue 118 to a
    # bundle-lib release"; asbroker-2018-07-24.txt: "jmrodri assign issue 847 to someone".
    names = ("asbroker-2018-07-03.txt", "asbroker-2018-07-10.html", "asbroker-2018-07-24.txt")
    register = _register(*(DEV / n for n in names))
    issue_118 = [e for e in register.entries if "issue 118" in e.description]
    assert issue_118
    assert all("847" not in h.wording for e in issue_118 for h in e.history)
    (issue_847,) = [e for e in register.entries if "issue 847" in e.description]
    assert Path(issue_847.raised_meeting or "").name == "asbroker-2018-07-24.txt"
    assert len(issue_847.history) == 1


def test_a_report_naming_only_the_actions_number_links_to_it() -> None:
    # ../shared/realworld/docs/eth-acd-61.md reviews "ACTION 60.7: Parity to comment on
    # Libraries for Precompiles"; eth-acd-62.md reports on 60.7 again by its number.
    register = _register(*_eth(61, 62, 63))
    (entry,) = [e for e in register.entries if e.ref == "60.7"]
    later = [h for h in entry.history if Path(h.meeting_path or "").name == "eth-acd-62.md"]
    assert len(later) == 1
    assert later[0].link is not None
    assert later[0].link.evidence == ["action 60.7"]


def test_a_meeting_missing_from_the_numbered_sequence_is_reported() -> None:
    # ../shared/realworld/docs/eth-acd-61.md and eth-acd-63.md: "Ethereum Core Devs Meeting
    # 61 Notes", "... Meeting 63 Notes"; 62 is not among them.
    register = _register(*_eth(61, 63))
    missing = [d.message for d in register.diagnostics if d.code == "meeting_missing"]
    assert len(missing) == 1
    assert "meeting 62" in missing[0]
    assert not [d for d in _register(*_eth(61, 62, 63)).diagnostics if d.code == "meeting_missing"]


def test_a_draft_and_its_approved_copy_are_one_meeting(tmp_path: Path) -> None:
    # ../shared/realworld/docs/eth-acd-61.md filed twice: as approved, and as a draft copy
    # whose date line was not yet filled in ("### Meeting Date/Time: ..." left out).
    (source,) = _eth(61)
    approved = tmp_path / "eth-acd-61.md"
    shutil.copy(source, approved)
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    draft = tmp_path / "eth-acd-61-draft.md"
    draft.write_text("".join(ln for ln in lines if "Meeting Date/Time" not in ln), "utf-8")
    register = _register(draft, approved)
    assert register.duplicates == [{"kept": str(approved), "dropped": str(draft)}]


def test_minutes_without_a_date_are_dated_from_their_folder(tmp_path: Path) -> None:
    # corpus/real/dev/docs/era-portal-ops-2024-06-11.pdf states no meeting date; filed as
    # 2024-06-11/minutes.pdf the folder dates it, and the register says so.
    folder = tmp_path / "2024-06-11"
    folder.mkdir()
    shutil.copy(DEV / "era-portal-ops-2024-06-11.pdf", folder / "minutes.pdf")
    register = _register(folder / "minutes.pdf")
    codes = [d.code for d in register.diagnostics]
    assert codes == ["date_from_folder_name"]
    assert str(register.as_of) == "2024-06-11"
    assert {e.raised_date for e in register.entries if e.raised_meeting} == {register.as_of}


def test_a_later_sentence_with_a_status_word_is_a_mention() -> None:
    # ../shared/realworld/docs/stoke-ferry-pc-2019-02-06.md: "The Chair agreed to contact the
    # band to book them in."; stoke-ferry-pc-2019-03-06.md, under other business: "Ed Taylor
    # had offered his band for the Summer Fayre and it was agreed to provisionally book this
    # pending official approval of payment at the April meeting."
    docs = shared_dir("realworld", "docs")
    register = _register(*(docs / f"stoke-ferry-pc-2019-0{m}.md" for m in ("2-06", "3-06")))
    (band,) = [e for e in register.entries if "contact the band" in e.description]
    assert [h.kind for h in band.history] == ["raised", "mentioned"]
    assert band.status is ActionStatus.ONGOING
    assert "pending official approval" in band.history[-1].wording


def test_a_later_meeting_citing_the_issue_number_keeps_the_action_reported() -> None:
    # corpus/real/dev/docs/asbroker-2018-07-03.txt raises "jmrodri close issue 104";
    # asbroker-2018-07-10.html cites it only as a link, ".../bundle-lib/issues/104", and
    # 07-24 says nothing: one silent meeting, so the action is open, not unreported.
    names = ("asbroker-2018-07-03.txt", "asbroker-2018-07-10.html", "asbroker-2018-07-24.txt")
    register = _register(*(DEV / n for n in names))
    (close_104,) = [e for e in register.entries if e.description == "jmrodri close issue 104"]
    assert close_104.status is ActionStatus.OPEN and not close_104.unreported
    mention = close_104.history[-1]
    assert (mention.kind, Path(mention.meeting_path or "").name) == (
        "mentioned",
        "asbroker-2018-07-10.html",
    )
    assert mention.link is not None and mention.link.evidence == ["mentioned: cites 104"]


def test_tracker_numbers_are_read_from_words_links_and_hashes() -> None:
    from minutes_parser.reconcile.mentions import tracker_numbers

    assert tracker_numbers("close issue 104; review PR 928 and #211") == {"104", "928", "211"}
    assert tracker_numbers("https://github.com/o/bundle-lib/issues/104") == {"104"}
    # a version, a count, an HTML entity and a minute number are not tracker numbers
    assert tracker_numbers("release 1.3, 4 issues open, &#8211; minute 104") == frozenset()

"""The pattern registry refuses what would silently break a rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from minutes_parser.rules import _patterns


def test_registered_pattern_is_compiled_and_listed() -> None:
    compiled = _patterns.pattern("test.registry-example", r"^Action\s*:", re.IGNORECASE)
    try:
        assert compiled.match("ACTION: send the minutes")
        assert _patterns.REGISTRY["test.registry-example"] is compiled
    finally:
        del _patterns.REGISTRY["test.registry-example"]


def test_reused_id_is_refused() -> None:
    _patterns.pattern("test.once", r"x")
    try:
        with pytest.raises(ValueError, match="registered twice"):
            _patterns.pattern("test.once", r"y")
    finally:
        del _patterns.REGISTRY["test.once"]


def test_malformed_id_and_broken_pattern_are_refused() -> None:
    with pytest.raises(ValueError, match="domain"):
        _patterns.pattern("NoDomain", r"x")
    with pytest.raises(re.error):
        _patterns.pattern("test.broken", r"(unclosed")
    assert "test.broken" not in _patterns.REGISTRY


def test_every_registered_id_names_its_rules_module() -> None:
    """``"<domain>.<name>"``: the domain is the rules module that declares the pattern."""
    import minutes_parser.extract  # noqa: F401  (imports every extractor and so every rule)
    from minutes_parser import rules

    domains = {p.stem for p in Path(rules.__file__).parent.glob("*.py") if p.stem[0] != "_"}
    ids = [i for i in _patterns.REGISTRY if not i.startswith("test.")]
    assert len(ids) > 150
    assert {i.split(".")[0] for i in ids} <= domains


def test_a_status_the_model_does_not_know_fails_the_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from minutes_parser.rules import attendance, statuses

    monkeypatch.setattr(
        attendance,
        "ATTENDANCE_HEADINGS",
        (*attendance.ATTENDANCE_HEADINGS, ("visitors", "visiting")),
    )
    with pytest.raises(ValueError, match="visiting"):
        statuses.check_status_tables()


def test_an_action_status_word_must_name_an_action_status(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from minutes_parser.rules import statuses

    monkeypatch.setattr(
        statuses, "ACTION_STATUS_WORDS", (*statuses.ACTION_STATUS_WORDS, (r"\bparked\b", "parked"))
    )
    with pytest.raises(ValueError, match="parked"):
        statuses.check_status_tables()


def test_shared_fragments_are_reused_not_rewritten() -> None:
    """One PERSON and one honorific alternation: the attendance patterns are built from them."""
    from minutes_parser.rules import attendance_narrative, people

    assert people.HONORIFIC_WORDS in people.PERSON
    assert people.PERSON in attendance_narrative.ARRIVED.pattern
    assert people.BODY in people.BODY_OR_MEMBERS or set(people.BODY.split("|")) <= set(
        people.BODY_OR_MEMBERS.split("|")
    )
    assert people.HONORIFIC_PREFIX.match("Cllr Dr Jane Smith").group(0) == "Cllr Dr "

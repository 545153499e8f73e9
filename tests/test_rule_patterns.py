"""The pattern registry refuses what would silently break a rule."""

from __future__ import annotations

import re

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

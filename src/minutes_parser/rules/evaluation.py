"""Evaluation: the patterns ``minutes-parser eval`` normalises names and case ids with."""

from __future__ import annotations

from ._patterns import pattern

SCORING_HONORIFICS = pattern(
    "evaluation.scoring_honorifics",
    r"\b(mr|mrs|ms|miss|dr|prof|professor|cllr|councillor|sir|dame|rev|the)\b\.?",
)
NOT_ALNUM = pattern("evaluation.not_alnum", r"[^a-z0-9 ]+")

CASE_DATE_TAIL = pattern(
    "evaluation.case_date_tail", r"[-_.]?(\d{4}[-_]\d{2}([-_]\d{2})?|\d{8}|\d+)$"
)

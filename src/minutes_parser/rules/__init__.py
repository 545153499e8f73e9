"""Every data-driven rule, one module per domain, validated at import.

Vocabularies (headings, honorifics, statuses, labels) are plain Python literals with ids so a
reader can review them without reading any regex engine code; every compiled pattern is
declared once in its domain's module through :func:`._patterns.pattern`, which gives it an id
(``"<domain>.<name>"``) and compiles it at import. A typo, a duplicate id or a status the
output model does not know fails the import (and so every test) instead of silently matching
nothing.

Domains: ``layout`` (loaders), ``dates``, ``kind``, ``people`` (names, roles, bodies),
``attendance``, ``text`` (sentences, titles), ``agenda``, ``decisions``, ``sections``,
``statuses``, ``actions``. This package re-exports their tables, so ``from
minutes_parser.rules import HONORIFICS`` and ``rules.HONORIFICS`` keep working.
"""

from __future__ import annotations

from .actions import (
    ACTION_COLUMNS as ACTION_COLUMNS,
)
from .actions import (
    ACTION_LINE as ACTION_LINE,
)
from .actions import (
    NOT_TASK_STARTS as NOT_TASK_STARTS,
)
from .agenda import (
    NOT_AGENDA_TITLES as NOT_AGENDA_TITLES,
)
from .agenda import (
    STRUCTURAL_HEADINGS as STRUCTURAL_HEADINGS,
)
from .attendance import (
    ATTENDANCE_COLUMN_TITLES as ATTENDANCE_COLUMN_TITLES,
)
from .attendance import (
    ATTENDANCE_HEADINGS as ATTENDANCE_HEADINGS,
)
from .attendance import (
    ATTENDANCE_NARRATIVE_OPENERS as ATTENDANCE_NARRATIVE_OPENERS,
)
from .attendance import (
    ROSTER_HEADINGS as ROSTER_HEADINGS,
)
from .dates import (
    MDY_SIGNALS as MDY_SIGNALS,
)
from .dates import (
    MONTHS as MONTHS,
)
from .decisions import (
    DECISION_SENTENCES as DECISION_SENTENCES,
)
from .decisions import (
    DECISION_VERBS as DECISION_VERBS,
)
from .decisions import (
    RESOLUTION_LEADS as RESOLUTION_LEADS,
)
from .kind import (
    ANNOUNCEMENT_TITLES as ANNOUNCEMENT_TITLES,
)
from .kind import (
    MINUTES_SIGNALS as MINUTES_SIGNALS,
)
from .kind import (
    MINUTES_STRUCTURE_SIGNALS as MINUTES_STRUCTURE_SIGNALS,
)
from .kind import (
    NOT_MINUTES_SIGNALS as NOT_MINUTES_SIGNALS,
)
from .kind import (
    RECORD_ONLY_SIGNALS as RECORD_ONLY_SIGNALS,
)
from .layout import (
    BULLETS as BULLETS,
)
from .layout import (
    CHARACTER_FIXES as CHARACTER_FIXES,
)
from .layout import (
    HYPHEN_PREFIXES as HYPHEN_PREFIXES,
)
from .layout import (
    MARGIN_LABEL as MARGIN_LABEL,
)
from .layout import (
    MARGIN_LABELS as MARGIN_LABELS,
)
from .layout import (
    SECTION_LABELS as SECTION_LABELS,
)
from .layout import (
    TERMINAL_PUNCTUATION as TERMINAL_PUNCTUATION,
)
from .layout import (
    margin_label_pattern as margin_label_pattern,
)
from .people import (
    BODY as BODY,
)
from .people import (
    BODY_NOUNS as BODY_NOUNS,
)
from .people import (
    BODY_OR_MEMBERS as BODY_OR_MEMBERS,
)
from .people import (
    BOT_HANDLES as BOT_HANDLES,
)
from .people import (
    CHAIR_ROLES as CHAIR_ROLES,
)
from .people import (
    GROUP_OWNERS as GROUP_OWNERS,
)
from .people import (
    HONORIFIC_WORDS as HONORIFIC_WORDS,
)
from .people import (
    HONORIFICS as HONORIFICS,
)
from .people import (
    MEMBERSHIP_WORDS as MEMBERSHIP_WORDS,
)
from .people import (
    MINUTE_TAKER_ROLES as MINUTE_TAKER_ROLES,
)
from .people import (
    NOT_NAMES as NOT_NAMES,
)
from .people import (
    ORGANISATION_SEPARATORS as ORGANISATION_SEPARATORS,
)
from .people import (
    ORGANISATION_WORDS as ORGANISATION_WORDS,
)
from .people import (
    PERSON as PERSON,
)
from .people import (
    ROLE_ABBREVIATIONS as ROLE_ABBREVIATIONS,
)
from .people import (
    ROLE_HEADS as ROLE_HEADS,
)
from .people import (
    ROLE_WORDS as ROLE_WORDS,
)
from .people import (
    SUBSTITUTE_PATTERNS as SUBSTITUTE_PATTERNS,
)
from .people import (
    TITLES_BEFORE_SURNAME as TITLES_BEFORE_SURNAME,
)
from .sections import (
    ACTIONS_SECTION_HEADINGS as ACTIONS_SECTION_HEADINGS,
)
from .sections import (
    PREVIOUS_ACTIONS_CONTEXT as PREVIOUS_ACTIONS_CONTEXT,
)
from .sections import (
    REVIEWED_THINGS as REVIEWED_THINGS,
)
from .statuses import (
    ACTION_STATUS_WORDS as ACTION_STATUS_WORDS,
)
from .statuses import (
    STATUS_LINE as STATUS_LINE,
)
from .statuses import check_status_tables
from .text import (
    SENTENCE_ABBREVIATIONS as SENTENCE_ABBREVIATIONS,
)
from .text import (
    TITLE_LINK_WORDS as TITLE_LINK_WORDS,
)

check_status_tables()

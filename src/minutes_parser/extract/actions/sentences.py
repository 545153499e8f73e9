"""Undertakings in sentences ("Mr Carratt agreed to …", "Ms Wright to ensure …", "staff
were directed to …") and resolutions that are really tasks ("That the strategy be circulated
to members when it is completed")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ...document import BlockKind
from ...models import (
    PersonRef,
    Resolution,
)
from ...rules import (
    NOT_TASK_STARTS,
)
from ..people import split_honorifics
from ..sentences import sentence_spans
from .context import _Context
from .markers import _ACTION_LEAD, _SCRIBE_REF, _split_due
from .merge import _Mention
from .owners import _WHO, _plausible_owner, is_office

#: "Further to public participation, Cllr Glover to report …": an opening phrase before the
#: owner.
_LEAD_IN = (
    r"(?:(?i:further\s+to|following(?:\s+on\s+from)?|after|in\s+response\s+to|"
    r"as\s+agreed(?:\s+at)?)\b[^,]{0,60},\s+|"
    # "Membership – Stacia Koppenhafer and Karen Meyerholz will help": a topic before a dash
    r"[A-Z][\w'’ /&]{0,40}?\s+[–—-]\s+)?"
)
_SENTENCE_FORMS: Sequence[tuple[str, re.Pattern[str]]] = (
    (
        "undertook",
        re.compile(
            # "Cllr Jones (CDC) would make further enquiries": an aside after the name, and
            # reported speech ("would", "was to") as UK minutes record an undertaking.
            rf"^{_LEAD_IN}(?P<who>{_WHO})(?:\s*\([^()]{{1,30}}\))?\s+(?:(?:has\s+|had\s+|kindly\s+)?"
            rf"(?:agreed|undertook|offered|volunteered|promised)\s+to|(?:was|were)\s+(?:further\s+)?"
            rf"ask(?:ed)?\s+to|is\s+going\s+to|will|would(?!\s+(?:like|be|have|not|prefer|welcome))|"
            rf"is\s+to|are\s+to|was\s+to|were\s+to|to)\s+(?P<task>[a-z].+)$"
        ),
    ),
    (
        "agreed_that",
        re.compile(
            rf"(?:it\s+was\s+agreed|agreed)\s+that\s+(?P<who>{_WHO})\s+(?:would|will|should)\s+"
            rf"(?P<task>[a-z].+)$"
        ),
    ),
    (
        "directed_to",
        re.compile(
            rf"\b(?:directed|asked|requested|instructed|tasked|invited)\s+(?P<who>(?:the\s+)?(?:staff|"
            rf"officers|{_WHO}))\s+to\s+(?P<task>[a-z].+)$"
        ),
    ),
    (
        "was_directed",
        re.compile(
            rf"(?P<who>\b(?:staff|officers|{_WHO}))\s+(?:was|were)\s+(?:directed|asked|requested|"
            rf"instructed|tasked)\s+to\s+(?P<task>[a-z].+)$"
        ),
    ),
    (
        "stated_would",
        re.compile(
            rf"^(?P<who>{_WHO})\s+(?:\w+\s+){{0,8}}?(?:stated|said|confirmed|indicated|agreed)\s+that\s+"
            rf"(?:he|she|they)\s+would\s+(?P<task>[a-z].+)$"
        ),
    ),
)
#: What every form above needs ("to", "will", "would" or "should" before a lower-case task):
#: a block without it holds no undertaking in any of its sentences.
_UNDERTAKING_CUE = re.compile(r"\b(?:to|will|would|should)\s+[a-z]")
_PRONOUN = re.compile(r"^(?:he|she|they)$", re.IGNORECASE)
_RESOLUTION_TASK = re.compile(
    r"\bbe\s+(?:circulated|sent|distributed|shared|provided|forwarded|submitted|presented|"
    r"reported|brought\s+back|published)\b",
    re.IGNORECASE,
)


def _sentence_mentions(ctx: _Context, skip: set[int]) -> Iterator[_Mention]:
    doc = ctx.doc
    for k, b in enumerate(doc.blocks):
        if k in skip or b.kind is BlockKind.TABLE_ROW or b.kind is BlockKind.HEADING:
            continue
        text = b.text
        if not _UNDERTAKING_CUE.search(text):
            continue  # splitting into sentences is the costly part; most blocks have no cue
        if _ACTION_LEAD.match(text) or _SCRIBE_REF.match(re.sub(r"^<[^>]+>\s*", "", text)):
            continue
        previous = ""
        for s, e in sentence_spans(text):
            sentence = text[s:e].strip()
            for form, rx in _SENTENCE_FORMS:
                m = rx.search(sentence)
                if not m:
                    continue
                who = m.group("who")
                owners = (
                    _subject_of(ctx, previous)
                    if _PRONOUN.match(who)
                    else _plausible_owner(ctx, who)
                )
                if not owners or not any(
                    o.resolved or split_honorifics(o.as_written)[0] or is_office(o.as_written)
                    for o in owners
                ):
                    continue
                task, due = _split_due(m.group("task").rstrip(". "))
                if len(task.split()) < 2 or task.lower().startswith(NOT_TASK_STARTS):
                    continue
                start = b.start + s + (len(text[s:e]) - len(text[s:e].lstrip()))
                yield _Mention(
                    description=task,
                    owners=owners,
                    span=doc.span(start, b.start + e),
                    rule=f"action_sentence:{form}",
                    due_text=due,
                    weight=2,
                    block=k,
                )
                break
            previous = sentence


def _subject_of(ctx: _Context, sentence: str) -> list[PersonRef]:
    """Who "she" is: the person a sentence opens with ("City Manager Kessler reported …")."""
    words = sentence.split(" ")
    for n in (1, 2, 3):
        refs = _plausible_owner(ctx, " ".join(words[:n]))
        if refs and any(o.resolved and not o.is_group for o in refs):
            return refs
    return []


def _resolution_tasks(ctx: _Context, resolutions: Sequence[Resolution]) -> Iterator[_Mention]:
    """ "That the refreshed Neglect Strategy be circulated to members … when it is completed":
    a decision that is really a task; its owner is unknown unless stated."""
    for r in resolutions:
        if _RESOLUTION_TASK.search(r.text) and re.search(
            r"\b(?:when|once|after)\b.*\b(?:completed?|available|finali[sz]ed|agreed|signed)\b",
            r.text,
            re.IGNORECASE,
        ):
            yield _Mention(
                description=r.text,
                owners=[],
                span=r.span,
                rule="action_from_resolution",
                weight=2,
                block=ctx.doc.block_index_at(r.span.start),
            )

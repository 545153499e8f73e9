"""Undertakings in sentences ("Mr Carratt agreed to …", "Ms Wright to ensure …", "staff
were directed to …") and resolutions that are really tasks ("That the strategy be circulated
to members when it is completed")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...document import BlockKind
from ...models import (
    PersonRef,
    Resolution,
)
from ...rules import (
    NOT_TASK_STARTS,
)
from ...rules.actions import (
    ACTION_LEAD,
    IRC,
    PROGRESSIVE_TASK,
    PRONOUN,
    RESOLUTION_TASK,
    RESOLUTION_WHEN_DONE,
    SCRIBE_REF,
    SENTENCE_FORMS,
    UNDERTAKING_CUE,
)
from ...rules.people import FIRST_AND_SURNAME, ORGANISATION_WORDS, ROLE_WORDS
from ..people import is_name_like, split_honorifics
from ..sentences import sentence_spans
from .context import _Context
from .markers import _split_due
from .merge import _Mention
from .owners import _plausible_owner, is_office


def _sentence_mentions(ctx: _Context, skip: set[int]) -> Iterator[_Mention]:
    doc = ctx.doc
    names: dict[str, list[tuple[int, str | None]]] | None = None

    def full_names() -> dict[str, list[tuple[int, str | None]]]:
        nonlocal names
        if names is None:
            names = _full_names(doc.text)  # read only when a first name needs it
        return names

    for k, b in enumerate(doc.blocks):
        if k in skip or b.kind is BlockKind.TABLE_ROW or b.kind is BlockKind.HEADING:
            continue
        text = b.text
        if not UNDERTAKING_CUE.search(text):
            continue  # splitting into sentences is the costly part; most blocks have no cue
        if ACTION_LEAD.match(text) or SCRIBE_REF.match(IRC.sub("", text)):
            continue
        previous = ""
        for s, e in sentence_spans(text):
            sentence = text[s:e].strip()
            for form, rx in SENTENCE_FORMS:
                m = rx.search(sentence)
                if not m:
                    continue
                who = m.group("who")
                owners = (
                    _subject_of(ctx, previous, text[:s])
                    if PRONOUN.match(who)
                    else _plausible_owner(ctx, who)
                    or _named_before(ctx, text[:s], who)
                    or _introduced(full_names(), b.start + s, who)
                )
                if not owners or not any(
                    o.resolved or split_honorifics(o.as_written)[0] or is_office(o.as_written)
                    for o in owners
                ):
                    continue
                task, due = _split_due(m.group("task").rstrip(". "))
                if len(task.split()) < 2 or (
                    task.lower().startswith(NOT_TASK_STARTS) and not PROGRESSIVE_TASK.match(task)
                ):
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


def _named_before(ctx: _Context, before: str, who: str) -> list[PersonRef] | None:
    """Who a first name is where two attendees share it: the one the paragraph named in full
    just before ("Color Guard by Mary Greiner. Mary will be the color guard coach. … Mary
    will talk to Kennedy HS …")."""
    if " " in who or not who[:1].isupper():
        return None
    at = before.rfind(who + " ")
    while at != -1:
        if at == 0 or not before[at - 1].isalnum():
            surname = before[at + len(who) + 1 :].split(" ", 1)[0].strip(".,;:")
            if surname[:1].isupper():
                refs = _plausible_owner(ctx, f"{who} {surname}")
                if refs and all(r.resolved for r in refs):
                    return refs
        at = before.rfind(who + " ", 0, at)
    return None


_NOT_SURNAMES = ORGANISATION_WORDS | ROLE_WORDS
"""Words after a first name that make an organisation or an office, not a surname."""


def _full_names(text: str) -> dict[str, list[tuple[int, str | None]]]:
    """Each capitalised word written before a surname, with where and which surname: ``None``
    where the word after it makes a firm or an office ("Vantora Systems Ltd"), not a person.
    Read once per document, so that looking a first name up stays linear in its length."""
    out: dict[str, list[tuple[int, str | None]]] = {}
    for m in FIRST_AND_SURNAME.finditer(text):
        first, last = m.group("first"), m.group("last")
        if last.lower() in _NOT_SURNAMES:
            out.setdefault(first, []).append((m.start(), None))
            continue
        j = m.start() - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        lead = text[j] if j >= 0 else ""
        k = m.end("last")
        while k < len(text) and text[k] in " \t":
            k += 1
        after = text[k : k + 1]
        inside = bool(lead) and lead not in ".!?:\n"
        entry = lead in ("", "\n") and after in ("", ",", "(", "\n", "-", "–")
        if (inside or entry) and is_name_like(f"{first} {last}"):
            out.setdefault(first, []).append((m.start(), last))
    return out


def _introduced(
    full_names: dict[str, list[tuple[int, str | None]]], before: int, who: str
) -> list[PersonRef] | None:
    """Who a first name that matches no attendee is, where the record named that person in
    full before offset ``before`` ("Remarks from New Property Manager, McKinzie Baker" …
    "McKinzie will obtain a couple more tree removal bids", heatherstone-hoa-2024-01-17.pdf).
    The full name counts inside a sentence or as an entry of its own ("McKinzie Baker,
    Property Manager"), not as a sentence's first two words ("So Prototype …"); two people of
    that first name leave it unresolved ("James Hancock", "James Prestwich", eth-acd-63.md),
    and so does a word the record also writes as a firm's name ("Vantora Systems Ltd" …
    "Vantora will provide …", corpus/series/project-steering-group)."""
    if " " in who or not who[:1].isupper():
        return None
    seen = [last for at, last in full_names.get(who, []) if at < before]
    if None in seen or len(set(seen)) != 1:
        return None
    return [
        PersonRef(as_written=who, name=f"{who} {seen[0]}", resolved=True, method="named_in_text")
    ]


def _subject_of(ctx: _Context, sentence: str, before: str) -> list[PersonRef]:
    """Who "she" is: the person a sentence opens with ("City Manager Kessler reported …"),
    a shared first name read as the paragraph named that person before."""
    words = sentence.split(" ")
    for n in (1, 2, 3):
        refs = _plausible_owner(ctx, " ".join(words[:n]))
        if refs and any(o.resolved and not o.is_group for o in refs):
            return refs
    return _named_before(ctx, before, words[0]) or []


def _resolution_tasks(ctx: _Context, resolutions: Sequence[Resolution]) -> Iterator[_Mention]:
    """ "That the refreshed Neglect Strategy be circulated to members … when it is completed":
    a decision that is really a task; its owner is unknown unless stated."""
    for r in resolutions:
        if RESOLUTION_TASK.search(r.text) and RESOLUTION_WHEN_DONE.search(r.text):
            yield _Mention(
                description=r.text,
                owners=[],
                span=r.span,
                rule="action_from_resolution",
                weight=2,
                block=ctx.doc.block_index_at(r.span.start),
            )

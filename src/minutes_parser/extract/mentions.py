"""Every place the minutes name an attendee ("Mr Ashley", "Steve Ashley", "Cllr Beaumont").

The phrases come from the document's own attendee list: each person's full name, and title +
surname where the surname belongs to one attendee only (``rules.people.MENTION_TITLES``). A
phrase matches where it stands as whole words, exactly as written (the same matches spaCy's
``PhraseMatcher`` over its tokens gave, without loading spaCy into every worker for it). The
matches become ``Attendee.mentions``, so a reader can jump from a person to everything said of
them. This is a post-pass: it runs once the attendee lists are complete.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from ..document import BlockKind, Document, Span
from ..models import Attendee, Meeting
from ..rules.people import MENTION_TITLES, MENTION_TITLES_DOTTED
from .context import ExtractionContext

__all__ = ["find_phrase", "link_mentions", "mention_patterns"]


def mention_patterns(attendees: Iterable[Attendee]) -> dict[str, list[str]]:
    """Phrases that name each attendee, keyed by the attendee's name."""
    people = list(attendees)
    surnames = Counter(a.name.split()[-1] for a in people)
    out: dict[str, list[str]] = {}
    for a in people:
        phrases = {a.name}
        surname = a.name.split()[-1]
        if surnames[surname] == 1 and len(surname) > 1:
            phrases.update(f"{t} {surname}" for t in MENTION_TITLES)
            phrases.update(f"{t}. {surname}" for t in MENTION_TITLES_DOTTED)
        out[a.name] = sorted(phrases)
    return out


def find_phrase(text: str, phrase: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each place ``phrase`` stands in ``text`` as whole words: not inside
    a longer word or handle ("Lee" in "Leeds", "Lee_Smith"), though punctuation may touch it
    ("(Mr Lee)", "Lee's", "Lee-Smith")."""
    if not phrase:
        return
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not _word_char(before, phrase[0]) and not _word_char(after, phrase[-1]):
            yield at, end
        at = text.find(phrase, at + 1)


def _word_char(neighbour: str, edge: str) -> bool:
    """Whether ``neighbour`` would continue the word that ends (or starts) with ``edge``
    (an underscore joins: "David_Dorwin" in a scribe's list is one handle)."""
    return (neighbour.isalnum() or neighbour == "_") and edge.isalnum()


def link_mentions(
    segments: Sequence[Document], meetings: Sequence[Meeting], context: ExtractionContext
) -> list[Meeting]:
    """Each meeting with its attendees' mentions in its own part of the document."""
    return [_with_mentions(doc, m) for doc, m in zip(segments, meetings, strict=True)]


def _with_mentions(doc: Document, meeting: Meeting) -> Meeting:
    if not meeting.attendees:
        return meeting
    patterns = mention_patterns(meeting.attendees)
    # Later attendees of the same name take the mentions, as the entries merge into them.
    by_name = {a.name: a for a in meeting.attendees}
    found: dict[int, list[Span]] = {id(a): list(a.mentions) for a in meeting.attendees}
    seen = {id(a): {(m.start, m.end) for m in a.mentions} for a in meeting.attendees}
    # Every phrase ends with its person's surname, so a block without it cannot match.
    surname_of = {name: name.split()[-1] for name in by_name}
    for b in doc.blocks:
        if b.kind is BlockKind.TABLE_ROW:
            continue
        for name, attendee in by_name.items():
            if surname_of[name] not in b.text:
                continue
            own = attendee.span
            for phrase in patterns[name]:
                for s, e in find_phrase(b.text, phrase):
                    where = doc.span(b.start + s, b.start + e)
                    inside_own_entry = own.start <= where.start and where.end <= own.end
                    if not inside_own_entry and (where.start, where.end) not in seen[id(attendee)]:
                        seen[id(attendee)].add((where.start, where.end))
                        found[id(attendee)].append(where)
    attendees = [
        a.model_copy(update={"mentions": sorted(found[id(a)], key=lambda s: s.start)})
        for a in meeting.attendees
    ]
    return meeting.model_copy(update={"attendees": attendees})

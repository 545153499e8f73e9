"""Every place the minutes name an attendee ("Mr Ashley", "Steve Ashley", "Cllr Beaumont").

A spaCy ``PhraseMatcher`` is built from the document's own attendee list: each person's full
name, and honorific + surname where the surname belongs to one attendee only. The matches
become ``Attendee.mentions``, so a reader can jump from a person to everything said of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..document import BlockKind, Document
from ..models import Attendee, Meeting
from ..nlp import get_nlp
from ..options import ParseOptions

__all__ = ["extract_mentions", "mention_patterns"]

_TITLES = (
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Prof",
    "Cllr",
    "Councillor",
    "Councilmember",
    "Commissioner",
    "Trustee",
    "Governor",
)


def mention_patterns(attendees: Iterable[Attendee]) -> dict[str, list[str]]:
    """Phrases that name each attendee, keyed by the attendee's name."""
    people = list(attendees)
    surnames = Counter(a.name.split()[-1] for a in people)
    out: dict[str, list[str]] = {}
    for a in people:
        phrases = {a.name}
        surname = a.name.split()[-1]
        if surnames[surname] == 1 and len(surname) > 1:
            phrases.update(f"{t} {surname}" for t in _TITLES)
            phrases.update(f"{t}. {surname}" for t in ("Mr", "Mrs", "Ms", "Dr", "Prof"))
        out[a.name] = sorted(phrases)
    return out


def extract_mentions(doc: Document, meeting: Meeting, options: ParseOptions) -> Meeting:
    if not meeting.attendees:
        return meeting
    from spacy.matcher import PhraseMatcher  # spaCy loads on first use, not on import

    nlp = get_nlp()
    matcher = PhraseMatcher(nlp.vocab)
    by_key: dict[int, Attendee] = {}
    patterns = mention_patterns(meeting.attendees)
    # Every phrase ends with a surname token, so a block holding none of them cannot match:
    # checking that is much cheaper than tokenising the block.
    last_tokens: set[str] = set()
    for attendee in meeting.attendees:
        phrases = [nlp.make_doc(p) for p in patterns[attendee.name]]
        last_tokens.update(p[-1].text for p in phrases if len(p))
        key = nlp.vocab.strings.add(f"PERSON:{attendee.name}")
        matcher.add(f"PERSON:{attendee.name}", phrases)
        by_key[key] = attendee
    seen: dict[str, set[tuple[int, int]]] = {
        a.name: {(m.start, m.end) for m in a.mentions} for a in meeting.attendees
    }
    for b in doc.blocks:
        if b.kind is BlockKind.TABLE_ROW or not any(t in b.text for t in last_tokens):
            continue
        tokens = nlp.make_doc(b.text)
        for key, start, end in matcher(tokens):
            span = tokens[start:end]
            attendee = by_key[key]
            where = doc.span(b.start + span.start_char, b.start + span.end_char)
            own = attendee.span
            inside_own_entry = own.start <= where.start and where.end <= own.end
            if not inside_own_entry and (where.start, where.end) not in seen[attendee.name]:
                seen[attendee.name].add((where.start, where.end))
                attendee.mentions.append(where)
    for attendee in meeting.attendees:
        attendee.mentions.sort(key=lambda s: s.start)
    return meeting

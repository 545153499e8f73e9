"""People: split a written mention into honorifics, name, role and organisation, and resolve
mentions ("WC", "Mr Carratt", "the Chair", "Mainwairing") to the meeting's attendees.

Resolution never guesses: a mention that matches no attendee, or more than one, stays as
written with ``resolved=False``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..models import Attendee, PersonRef
from ..rules import (
    CHAIR_ROLES,
    GROUP_OWNERS,
    MINUTE_TAKER_ROLES,
    NOT_NAMES,
    ORGANISATION_WORDS,
    ROLE_ABBREVIATIONS,
    ROLE_HEADS,
    ROLE_WORDS,
)
from ..rules.people import (
    HANDLE,
    HONORIFIC_PREFIX,
    INITIALS,
    NAME_PART_SEPARATOR,
    NAME_PARTICLES,
    NOT_KEY_CHAR,
    ROLE_ARTICLE,
)

__all__ = [
    "HANDLE",
    "PersonIndex",
    "initials_of",
    "is_name_like",
    "split_honorifics",
]

_NAME_MARKS = frozenset("'’-")


def _is_name_token(token: str) -> bool:
    """A capitalised word of any alphabet ("René", "Åström", "O'Brien", "Νίκος"), an
    initial ("J", "J."), or a lower-case particle ("van", "de")."""
    if token in NAME_PARTICLES:
        return True
    if not token or not token[0].isupper():
        return False
    if len(token) == 1 or (len(token) == 2 and token[1] == "."):
        return True
    return all(ch.isalpha() or ch in _NAME_MARKS for ch in token[1:]) and token[-1].isalpha()


def split_honorifics(text: str) -> tuple[str, str]:
    """``("Cllr", "Beaumont")`` from ``"Cllr Beaumont"``; honorifics joined by spaces."""
    text = text.strip()
    m = HONORIFIC_PREFIX.match(text)
    if not m:
        return "", text
    rest = text[m.end() :].strip()
    if not rest:
        return "", text
    return m.group(0).strip(), rest


def is_name_like(text: str) -> bool:
    """A person's name: one to five capitalised tokens or initials, no role or organisation
    words ("Safeguarding Children Partnership" is not a person)."""
    tokens = text.replace(",", " ").split()
    if not 1 <= len(tokens) <= 5:
        return False
    lowered = [t.lower().strip(".") for t in tokens]
    if any(t in ROLE_HEADS or t in ORGANISATION_WORDS for t in lowered):
        return False
    if len(tokens) == 1 and lowered[0] in NOT_NAMES:
        return False
    return all(_is_name_token(t) for t in tokens) and any(len(t.strip(".")) > 1 for t in tokens)


def initials_of(name: str) -> str:
    parts = [p for p in NAME_PART_SEPARATOR.split(name) if p and p[0].isalpha()]
    return "".join(p[0].upper() for p in parts)


def _norm(text: str) -> str:
    return NOT_KEY_CHAR.sub("", text.lower().replace("’", "'").replace("-", " ")).strip()


@dataclass
class _Person:
    name: str
    first: str
    surname: str
    initials: str
    aliases: set[str] = field(default_factory=set)
    role: str = ""
    is_chair: bool = False
    is_minute_taker: bool = False
    # Normalised forms, computed once: resolve() runs for every candidate owner in a document.
    n_name: str = ""
    n_first: str = ""
    n_surname: str = ""
    n_role: str = ""

    def __post_init__(self) -> None:
        self.n_name, self.n_first, self.n_surname = (
            _norm(self.name),
            _norm(self.first),
            _norm(self.surname),
        )
        self.n_role = _norm(self.role)


class PersonIndex:
    """Looks mentions up among a meeting's attendees (and any extra known people)."""

    def __init__(self, attendees: Iterable[Attendee], extra_aliases: dict[str, str] | None = None):
        self.people: list[_Person] = []
        self._cache: dict[str, PersonRef] = {}
        for a in attendees:
            tokens = a.name.split()
            p = _Person(
                name=a.name,
                first=tokens[0] if len(tokens) > 1 else "",
                surname=tokens[-1],
                initials=initials_of(a.name) if len(tokens) > 1 else "",
                role=(a.role or "").lower(),
                is_chair=a.is_chair,
                is_minute_taker=a.is_minute_taker,
            )
            self.people.append(p)
        for alias, name in (extra_aliases or {}).items():
            for p in self.people:
                if p.name == name:
                    p.aliases.add(alias.upper())

    def _unique(self, found: Sequence[_Person]) -> _Person | None:
        names = {p.name for p in found}
        return found[0] if len(names) == 1 else None

    def resolve(self, mention: str) -> PersonRef:
        """Resolve one person mention; unresolved mentions keep their text and say so."""
        cached = self._cache.get(mention)
        if cached is None:
            cached = self._cache[mention] = self._resolve(mention)
        return cached.model_copy()

    def _resolve(self, mention: str) -> PersonRef:
        written = mention.strip().strip(".,;:")
        ref = PersonRef(as_written=written)
        if not written:
            return ref
        low = _norm(written)
        if low in GROUP_OWNERS or (
            low in {g.replace("all ", "") for g in GROUP_OWNERS if g.startswith("all ")}
            and low.startswith("all")
        ):
            return PersonRef(
                as_written=written, name=written, resolved=True, method="group", is_group=True
            )
        _, bare = split_honorifics(written)
        bare = _after_office(bare.strip())
        nbare = _norm(bare)
        for method, match in (
            ("exact", lambda p: p.n_name == nbare),
            ("alias", lambda p: bare.upper().replace(".", "") in p.aliases),
            (
                "initials",
                lambda p: bool(INITIALS.match(bare)) and p.initials == bare.replace(".", ""),
            ),
            # "JBR" for Joseph Rickert: initials with a middle one the list of names leaves
            # out (rconsortium-submissions-wg-2022-09-02.html)
            (
                "initials_middle",
                lambda p: (
                    bool(INITIALS.match(bare))
                    and len(bare.replace(".", "")) == 3
                    and len(p.initials) == 2
                    and p.initials == bare.replace(".", "")[::2]
                ),
            ),
            ("surname", lambda p: " " not in nbare and p.n_surname == nbare),
            # "Dr. Yasmin", "Dr. Fuad": a title before a first name is a common form of
            # address; no surname matched it above, so the first name is read.
            ("first_name", lambda p: " " not in nbare and p.n_first == nbare),
            ("initial_surname", lambda p: _initial_surname(nbare, p)),
            ("role", lambda p: _role_match(nbare, p)),
        ):
            found = [p for p in self.people if match(p)]
            person = self._unique(found)
            if person is not None:
                return PersonRef(as_written=written, name=person.name, resolved=True, method=method)
            if found:
                return ref  # ambiguous: never guess between two people
        # Typos ("Mainwairing", "Ashely"): fuzzy match on full name or surname.
        scored = []
        squashed = nbare.replace(" ", "")
        for p in self.people:
            # "VanWinkle" is "Joe Van Winkle": compare surnames with the spaces taken out.
            tail = "".join(p.n_name.split()[1:])
            score = max(
                fuzz.ratio(nbare, p.n_name),
                fuzz.ratio(nbare, p.n_surname) if " " not in nbare else 0.0,
                100.0 if " " not in nbare and len(squashed) > 3 and squashed == tail else 0.0,
            )
            scored.append((score, p))
        scored.sort(key=lambda x: -x[0])
        if scored and scored[0][0] >= 85 and (len(scored) == 1 or scored[1][0] < scored[0][0] - 5):
            return PersonRef(
                as_written=written, name=scored[0][1].name, resolved=True, method="fuzzy"
            )
        return ref


def _after_office(text: str) -> str:
    """ "Chisaki" of "Director Chisaki", "Knox White" of "Vice Mayor Knox White": an office
    written before a name, as US minutes address officers; the text as it is otherwise."""
    words = text.split()
    k = 0
    while k < len(words) - 1 and words[k].lower().strip(".,") in ROLE_WORDS:
        k += 1
    return " ".join(words[k:]) if k and words[k][:1].isupper() else text


def _initial_surname(nbare: str, p: _Person) -> bool:
    parts = nbare.split()
    return (
        len(parts) == 2
        and len(parts[0]) == 1
        and bool(p.first)
        and _norm(p.first).startswith(parts[0])
        and _norm(p.surname) == parts[1]
    )


def _role_match(nbare: str, p: _Person) -> bool:
    role = ROLE_ARTICLE.sub("", nbare)
    role = ROLE_ABBREVIATIONS.get(role, role)
    if role in CHAIR_ROLES:
        return p.is_chair
    if role in MINUTE_TAKER_ROLES and p.is_minute_taker:
        return True
    if not p.n_role or not role:
        return False
    held = p.n_role
    # "Clerk" names the "Clerk & RFO"; "Head of Housing" names the "Head of Housing".
    return (
        role == held
        or held.startswith(role + " ")
        or (len(role) > 6 and f" {role} " in f" {held} ")
    )

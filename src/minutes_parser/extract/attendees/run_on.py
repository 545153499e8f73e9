"""Run-on attendance lists: entries written one after another without a comma between them.

Two forms are read, both from where the next person begins:

- an honorific opens each person: "Cllr Sue Lintern (Chair) Cllr Jim McNeill (Vice-Chair)
  Cllr Daphne Clements" (stoke-ferry-pc-2019-02-06.md, ../shared/realworld);
- a role or organisation closes each person, after a comma, and the next name follows it:
  "Amber Bales, Board Member Kathleen Kearney, Board Member (arrived 6:16) Joyce McConeghey
  Board Member" (alameda-libraryboard-2019-08-07.pdf, ../shared/realworld), "Ross Cull,
  Housing Operations Manager, University Estates Division George Martin, …"
  (era-portal-ops-2024-12-10.pdf); a name after a closing bracket starts the next person
  too.

A split is made only where a name of two words follows and is itself followed by the end of
the list, a comma, a bracket or a role, honorific or organisation word, and a role closes an
entry only in a list that ends with a role, so a title before a name ("City Manager Laura
Kessler, Mayor Bob Smith") stays with it.
"""

from __future__ import annotations

from ...rules import HONORIFICS, ORGANISATION_WORDS, ROLE_HEADS, ROLE_WORDS
from ...rules.attendance import LIST_TOKEN, RUN_ON_HONORIFICS, RUN_ON_OFFICES, TITLE_MODIFIERS
from ..people import is_name_like

__all__ = ["run_on_starts"]

_Token = tuple[int, str]

#: Words that end an entry written "Name, Role" or "Name, Role, Organisation": a role head
#: ("Chairman") or an organisation's kind ("University Estates Division").
_CLOSERS = ROLE_HEADS | ORGANISATION_WORDS


def run_on_starts(body: str) -> set[int]:
    """Offsets in ``body`` where a person begins with no comma before them."""
    tokens = [(m.start(), m.group()) for m in LIST_TOKEN.finditer(body)]
    depth = _depths(body)
    # Roles close the entries only in a list that ends with one ("…, Recording Secretary");
    # in "City Manager Laura Kessler, Mayor Bob Smith" they open them.
    roles_close = bool(tokens) and _low(tokens[-1][1]) in _CLOSERS
    starts: set[int] = set()
    for j in range(1, len(tokens)):
        at, word = tokens[j]
        prev_at, prev = tokens[j - 1]
        gap = body[prev_at + len(prev) : at]
        if depth[at] or "," in gap or ";" in gap or not word[:1].isupper():
            continue
        if _low(prev) in TITLE_MODIFIERS and _low(word) in RUN_ON_HONORIFICS:
            continue  # "County Cllr Webb": one title
        if _honorific_opens(tokens, j) or (
            _closes_entry(body, tokens, j, roles_close) and _name_follows(body, tokens, j)
        ):
            starts.add(at)
    return starts


def _depths(body: str) -> list[int]:
    out, depth = [], 0
    for ch in body:
        if ch in "([":
            depth += 1
        out.append(depth)
        if ch in ")]":
            depth = max(0, depth - 1)
    return out


def _low(word: str) -> str:
    return word.lower().strip(".()[]:")


def _honorific_opens(tokens: list[_Token], j: int) -> bool:
    """ "… (Chair) Cllr Jim McNeill": an honorific, after a capitalised word or a bracket that
    is not one itself ("in touch with Dr. Tauqeer" is a sentence, not a list), before a
    capitalised word."""
    prev = _low(tokens[j - 1][1])
    return (
        _low(tokens[j][1]) in RUN_ON_HONORIFICS | RUN_ON_OFFICES
        and (tokens[j - 1][1][:1].isupper() or tokens[j - 1][1].endswith((")", "]")))
        and prev not in HONORIFICS
        and prev not in RUN_ON_HONORIFICS
        and prev not in ("and", "&")
        and j + 1 < len(tokens)
        and tokens[j + 1][1][:1].isupper()
    )


def _closes_entry(body: str, tokens: list[_Token], j: int, roles_close: bool) -> bool:
    """Whether the words before ``j`` end an entry: a closing bracket, or, where roles close
    the entries, a role written after a comma ("Amber Bales, Board Member | Kathleen …")."""
    prev = tokens[j - 1][1]
    if prev.endswith((")", "]")):
        return True
    if not roles_close or _low(prev) not in _CLOSERS:
        return False
    k = j - 1
    while k > 0 and "," not in body[tokens[k - 1][0] + len(tokens[k - 1][1]) : tokens[k][0]]:
        k -= 1
        if j - k > 4:
            return False
    return k > 0 and all(w[:1].isupper() for _, w in tokens[k:j])


def _name_follows(body: str, tokens: list[_Token], j: int) -> bool:
    """A two-word name at ``j``, then the end, a comma, a bracket, or a role, honorific or
    organisation word."""
    if j + 1 >= len(tokens):
        return False
    name = [w for _, w in tokens[j : j + 2]]
    if not is_name_like(" ".join(name)) or any(ch in "()[]" for w in name for ch in w):
        return False
    end = tokens[j + 1][0] + len(tokens[j + 1][1])
    if j + 2 >= len(tokens) or "," in body[end : tokens[j + 2][0]]:
        return True
    after = tokens[j + 2][1]
    low = _low(after)
    return after.startswith(("(", "[")) or low in ROLE_WORDS | HONORIFICS | ORGANISATION_WORDS

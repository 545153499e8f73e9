"""Owners: who an action names ("WC", "Cllr Glover", "the Clerk", "All"), resolved against
the attendees, and handovers to a new owner stated in an update ("now with Dr Rao")."""

from __future__ import annotations

from ...models import (
    PersonRef,
)
from ...rules import (
    GROUP_OWNERS,
    ROLE_HEADS,
    ROLE_WORDS,
)
from ...rules.actions import HANDOVERS, OWNER_ARTICLE, OWNER_LABEL, OWNER_SEP, OWNER_THE
from ...rules.people import CAPITAL_INITIALS
from ..people import HANDLE, is_name_like, split_honorifics
from .context import _Context


def _owners(ctx: _Context, text: str) -> list[PersonRef]:
    text = text.strip().strip(":.,;-–— ")
    text = OWNER_LABEL.sub("", text)
    if not text:
        return []
    low = OWNER_THE.sub("", text.lower())
    if low in GROUP_OWNERS or low.startswith("all "):
        return [PersonRef(as_written=text, name=text, resolved=True, method="group", is_group=True)]
    # A cell holding one owner a line ("Clerk\nClerk", or "Clerk Clerk" where a PDF table
    # joined its lines: the owners of two tasks run into one row, decoy-fgb-2020-02-03.pdf)
    # names each once.
    words = text.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        text = " ".join(words[:half])
    parts = dict.fromkeys(
        p.strip() for line in text.split("\n") for p in OWNER_SEP.split(line) if p and p.strip()
    )
    refs = [ctx.index.resolve(p) for p in parts]
    return [r for r in refs if r.as_written]


def _plausible_owner(ctx: _Context, who: str, *, explicit: bool = False) -> list[PersonRef] | None:
    """Owners when ``who`` names people (resolved, initials, a role or a group), else None.

    After an explicit marker ("ACTION: Bob Nobody to …") a name that matches no attendee is
    still the owner: it is kept as written and flagged unresolved.
    """
    who = OWNER_ARTICLE.sub("", who.strip())
    refs = _owners(ctx, who)
    if not refs or len(who.split()) > 7:
        return None
    for r in refs:
        if r.resolved or r.is_group:
            continue
        hon, bare = split_honorifics(r.as_written)
        if CAPITAL_INITIALS.fullmatch(bare) or hon or (explicit and is_name_like(bare)):
            continue
        if explicit and HANDLE.match(bare):
            continue  # "#todo yj: …", "ACTION: jmrodri test …": a user name, kept as written
        if is_office(bare):
            continue  # "The Clerk was asked to …": an office holder, kept as written
        return None
    return refs


def is_office(text: str) -> bool:
    """ "Clerk", "the Treasurer", "Executive Director": a title of an office a minute can
    give a task to, headed by a role noun with only role words before it."""
    words = OWNER_ARTICLE.sub("", text.strip()).lower().split()
    return 0 < len(words) <= 4 and words[-1] in ROLE_HEADS and all(w in ROLE_WORDS for w in words)


def _handover(ctx: _Context, text: str) -> list[str]:
    """A new owner the update names: "Jason Harwin to follow up (in replacement of Pete
    Horner)", "now with Dr Rao", "passed to the Clerk" → the new owners."""
    for rx in HANDOVERS:
        m = rx.search(text)
        if m:
            refs = _plausible_owner(ctx, m.group("who"), explicit=True)
            return [r.name or r.as_written for r in refs or []]
    return []

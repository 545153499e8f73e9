"""Actions a later meeting speaks of without reporting on them as actions.

Minutes often follow up an earlier action in the discussion of an agenda item ("payroll — pc:
mostly doing reading and research so far") rather than in an action review. A passage of the
later minutes that holds most of the action's own words mentions it: the action is not
unreported there, and the passage's status words (``rules.ACTION_STATUS_WORDS``, read as the
extractors read them) say where it stands. A passage that states no progress still mentions
the action (it is not unreported) without changing its status. So does a passage citing the
tracker number the action names ("close issue 104" … "bundle-lib/issues/104").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Document
from ..extract.actions.status import action_status
from ..models import ActionStatus
from ..rules.series import (
    MENTION_MIN_SHARE,
    MENTION_MIN_WORDS,
    MENTION_SENTENCE_BREAK,
    MENTION_STEM,
    MENTION_STOPWORDS,
    MENTION_WORD,
    TRACKER_NUMBER,
)

__all__ = ["Mention", "find_mention", "passages", "tracker_numbers", "words_of"]


@dataclass(frozen=True)
class Mention:
    passage: str
    status: ActionStatus | None
    """What the passage says of the action's progress; None when it says nothing of it."""
    share: float
    evidence: str


def tracker_numbers(text: str) -> frozenset[str]:
    """The tracker numbers ``text`` cites ("issue 104", "issues/104", "#104" → "104")."""
    return frozenset(m.group("n") or m.group("h") for m in TRACKER_NUMBER.finditer(text))


def words_of(text: str) -> frozenset[str]:
    """The comparable words of a text: lower case, no common words, their first letters."""
    return frozenset(
        w[:MENTION_STEM]
        for w in (t.lower() for t in MENTION_WORD.findall(text))
        if w not in MENTION_STOPWORDS
    )


def passages(doc: Document) -> list[tuple[str, frozenset[str]]]:
    """The blocks of a later meeting's minutes with their words, computed once a meeting."""
    out: list[tuple[str, frozenset[str]]] = []
    for block in doc.blocks:
        sentences = [s for s in MENTION_SENTENCE_BREAK.split(block.text) if s.strip()]
        for i in range(len(sentences)):
            # a sentence and the one after it: "Cllr Stuart had spoken to the contractor.
            # The work was completed in August."
            passage = " ".join(sentences[i : i + 2])
            out.append((passage, words_of(passage)))
    return out


def find_mention(description: str, texts: Sequence[tuple[str, frozenset[str]]]) -> Mention | None:
    """The passage that speaks of the action best, if one holds enough of its words."""
    numbers = tracker_numbers(description)
    if numbers:
        for passage, _words in texts:
            cited = numbers & tracker_numbers(passage)
            if cited:
                status, wording = action_status(passage)
                return Mention(passage, status, 1.0, f"mentioned: cites {min(cited)}")
    own = words_of(description)
    if len(own) < MENTION_MIN_WORDS:
        return None
    best: tuple[float, str] | None = None
    for passage, words in texts:
        hits = len(own & words)
        share = hits / len(own)
        if (
            hits >= MENTION_MIN_WORDS
            and share >= MENTION_MIN_SHARE
            and (best is None or share > best[0])
        ):
            best = (share, passage)
    if best is None:
        return None
    share, passage = best
    status, wording = action_status(passage)
    if status is None or status is ActionStatus.OPEN:
        # A topic discussed again with nothing said of the action's progress: on the words
        # alone, too often another matter of the same topic (measured on the real series).
        return None
    return Mention(passage, status, share, f"mentioned: {share:.2f} of its words, {wording!r}")

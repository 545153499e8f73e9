"""Is this document minutes? A graded judgement from weighted evidence.

Words (``rules.MINUTES_SIGNALS``) and structure (``rules.MINUTES_STRUCTURE_SIGNALS``: a
meeting title, decisions/actions/attendance sections, numbered actions, meeting-bot output)
count for minutes; report phrases (``rules.NOT_MINUTES_SIGNALS``) and an agenda or notice title
(``rules.ANNOUNCEMENT_TITLES``) count against. Losing a real meeting is worse than keeping a
doubtful one, so weak evidence still gives ``minutes``, with a ``doubtful_kind`` diagnostic;
only a document with no meeting evidence, or more evidence against, is ``not_minutes``.
"""

from __future__ import annotations

from ..document import BlockKind, Document, Severity
from ..models import DocumentKind, KindJudgement, Meeting
from ..rules import (
    RECORD_ONLY_SIGNALS,
)
from ..rules.kind import (
    AGENDA_SIGNALS,
    ANNOUNCEMENT_PATTERNS,
    ITEM_NUMBER,
    ITEMS_TO_COME,
    ITEMS_TO_COME_MIN,
    ITEMS_TO_COME_WEIGHT,
    MINUTES_HEADING_LINE,
    MINUTES_PATTERNS,
    NOT_MINUTES_PATTERNS,
    NOT_MINUTES_TITLE_SIGNALS,
    NOTICE_SIGNALS,
    RECORD_TITLE,
    STRUCTURE_PATTERNS,
    TIME_BUDGET,
    TIME_BUDGET_MIN,
    TITLE_LINE_ONLY,
)
from .context import ExtractionContext

__all__ = ["classify", "extract_kind", "judge"]

STRONG = 2.5
"""Evidence at which a document reads as minutes without doubt."""
WEAK = 1.0
"""Least evidence that keeps a document as (doubtful) minutes."""


def judge(doc: Document) -> KindJudgement:
    """The kind, with a confidence and each signal that fired with its weight."""
    blocks = doc.blocks[:120]
    # Headings keep their agenda numbers ("1.3 Apologies"); the signals read them without.
    head = ITEM_NUMBER.sub("", "\n".join(b.text for b in blocks))
    if doc.metadata.get("title"):
        # the page's title in its front matter ("title: Acta de Asamblea General Ordinaria",
        # dcf-asamblea-2022-12-31.md) is read as its first line
        head = f"{doc.metadata['title']}\n{head}"
    # First lines of the blocks, numbers stripped: where section headings and titles stand.
    lines = ITEM_NUMBER.sub(
        "", "\n".join(b.text.split("\n", 1)[0] for b in blocks if b.kind is not BlockKind.TABLE_ROW)
    )
    titles = [line for b in blocks[:3] for line in b.text.split("\n")][:6]
    if doc.metadata.get("title"):
        # the page's own title (front matter, <title>) stands above its first heading
        titles.insert(0, doc.metadata["title"])
        lines = f"{doc.metadata['title']}\n{lines}"
    evidence: dict[str, float] = {}
    for sid, rx, weight in MINUTES_PATTERNS:
        if rx.search(head):
            evidence[sid] = weight
    if MINUTES_HEADING_LINE.search(head):
        evidence["minutes_heading"] = 2.5
    for sid, rx, weight in STRUCTURE_PATTERNS:
        hits = len(rx.findall(lines))
        if hits:
            evidence[sid] = weight * min(hits, 2)
    score = sum(evidence.values())
    against = 0.0
    for sid, rx, weight in NOT_MINUTES_PATTERNS:
        if rx.search(lines if sid in NOT_MINUTES_TITLE_SIGNALS else head):
            evidence[f"not:{sid}"] = -weight
            against += weight
    # "You are hereby summoned to attend …"; "To be filled in after the meeting."
    announced = "not:notice" in evidence or "not:unwritten_record" in evidence
    to_come = len(ITEMS_TO_COME.findall(lines))
    if to_come >= ITEMS_TO_COME_MIN:
        evidence["not:items_to_come"] = -ITEMS_TO_COME_WEIGHT
        announced = True
    if len(TIME_BUDGET.findall(lines)) >= TIME_BUDGET_MIN and not _reports(doc):
        # Minutes may keep the agenda's timings in their headings; an agenda has no prose.
        evidence["not:time_budgets"] = -ITEMS_TO_COME_WEIGHT
        announced = True
    # A document titled minutes ("Minutes for HTTPbis", "Minutes and Agenda") is minutes.
    if not (titles and RECORD_TITLE.search(titles[0])):
        for sid, rx, weight in ANNOUNCEMENT_PATTERNS:
            if any(rx.search(t) for t in (titles[:1] if sid in TITLE_LINE_ONLY else titles)):
                evidence[f"not:{sid}"] = -weight
                announced = True
    if announced:
        # An agenda lists "Apologies", "Minutes of the last meeting" and "Roll call" as items
        # to come, and minutes often open with their agenda: one signal that the meeting took
        # place (people present, a motion seconded, a resolution) makes it minutes again.
        record = sum(v for k, v in evidence.items() if k in RECORD_ONLY_SIGNALS)
        if "not:unwritten_record" in evidence:
            # the page says its record is still to be written: an empty "Attendees" heading
            # is its template's, no sign of a meeting held
            record = 0.0
        if record < STRONG:
            score = record
            against += sum(w for sid, _, w in ANNOUNCEMENT_PATTERNS if f"not:{sid}" in evidence)
            against += ITEMS_TO_COME_WEIGHT if "not:items_to_come" in evidence else 0.0
            against += ITEMS_TO_COME_WEIGHT if "not:time_budgets" in evidence else 0.0
    # Long documents with few meeting markers are reports, not minutes.
    if len(doc.text) > 60000 and score < 6:
        evidence["not:long_without_meeting_structure"] = -2.0
        against += 2.0
    label = _label(evidence)
    if score >= STRONG and score > against:
        confidence = min(0.99, 0.6 + 0.05 * (score - against))
        return KindJudgement(
            kind=DocumentKind.MINUTES,
            label="minutes",
            confidence=round(confidence, 2),
            evidence=evidence,
        )
    if score >= WEAK and score > against:
        return KindJudgement(
            kind=DocumentKind.MINUTES, label="minutes", confidence=0.5, evidence=evidence
        )
    confidence = min(0.99, 0.6 + 0.05 * (against - score)) if against else 0.6
    return KindJudgement(
        kind=DocumentKind.NOT_MINUTES,
        label=label,
        confidence=round(confidence, 2),
        evidence=evidence,
    )


PROSE_WORDS = 12
"""Words in the shortest paragraph of prose."""


def _reports(doc: Document) -> bool:
    """Whether the document holds paragraphs of prose: sentences that report, as an agenda's
    titles do not."""
    return any(
        b.kind is not BlockKind.TABLE_ROW
        and len(b.text.split()) >= PROSE_WORDS
        and b.text.rstrip()[-1:] in ".!?"
        for b in doc.blocks
    )


def _label(evidence: dict[str, float]) -> str:
    if any(f"not:{sid}" in evidence for sid in AGENDA_SIGNALS):
        return "agenda"
    if any(f"not:{sid}" in evidence for sid in NOTICE_SIGNALS):
        return "notice"
    if any(k.startswith("not:") for k in evidence):
        return "report"
    return "other"


def classify(doc: Document) -> tuple[DocumentKind, dict[str, float]]:
    """The kind and the evidence: each signal id that fired, with its weight."""
    judgement = judge(doc)
    return judgement.kind, judgement.evidence


def extract_kind(doc: Document, meeting: Meeting, context: ExtractionContext) -> Meeting:
    judgement = judge(doc)
    meeting = meeting.model_copy(update={"kind": judgement.kind, "kind_judgement": judgement})
    shown = ", ".join(f"{k} {v:+g}" for k, v in judgement.evidence.items()) or "no meeting markers"
    if judgement.kind is DocumentKind.NOT_MINUTES:
        meeting = meeting.with_diagnostic(
            "not_minutes",
            f"this document reads as {judgement.label}, not minutes ({shown}); no attendees, "
            "decisions or actions were extracted from it",
        )
    elif judgement.confidence < 0.6:
        meeting = meeting.with_diagnostic(
            "doubtful_kind",
            f"little evidence that this document is minutes ({shown}); extracted anyway",
            severity=Severity.INFO,
        )
    return meeting

"""Decisions: "Resolved:" lists, "RESOLVED that", "AGREED that", "It was agreed", "The Board
approved", and motions with mover, seconder and vote.

Only what the document states is recorded: "carried unanimously" is a count-free unanimous
vote, never a list of voters inferred from the attendance.
"""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from ..document import Block, BlockKind, Cell, Document
from ..models import DocumentKind, Meeting, Resolution, Vote
from ..rules import RESOLUTION_LEADS
from ..rules.decisions import (
    BODY_DECIDED,
    CAPS_LEAD,
    DECISION_KEYWORDS,
    DECISION_PATTERNS,
    INLINE_NUMBERS,
    ITEM_REFERENCE,
    LEAD_PATTERNS,
    MOTION_CUE,
    MOTION_MADE_BY,
    MOVED,
    MOVED_ALONE,
    MOVED_SECONDED,
    MOVER_LINE,
    NAMED_VOTES,
    NEGATED,
    NUMBERED_DECISION,
    OUTCOME,
    OUTCOME_ONLY,
    PASSIVE,
    PROPOSED,
    REPORTED,
    SENTENCE_NUMBER,
    TRAILING_VOTE_COUNT,
    UNANIMOUS,
    UPPER_WORD,
    VOICE_COUNT,
    VOICE_VOTE,
    VOTE_COUNT,
    VOTER_SEPARATOR,
    VOTERS_TITLE,
)
from ..rules.text import PUNCTUATION_ONLY
from .agenda import item_at
from .context import ExtractionContext
from .people import PersonIndex, split_honorifics
from .resolution_sections import listed_decisions
from .sentences import sentence_spans

__all__ = ["extract_resolutions", "parse_vote"]

_UPPER_ONLY = {"body_noted", "body_endorsed"}
_MOTION_RULES = {"resolution:motion", "resolution:proposed_seconded"}
_LEAD_IDS = {rid for rid, _, _ in RESOLUTION_LEADS}


def parse_vote(text: str) -> Vote | None:
    """Counts and named votes exactly as stated; ``None`` when the text states no vote."""
    vote = Vote()
    stated = False
    for m in NAMED_VOTES.finditer(text):
        kind = m.group("k").lower()
        raw = m.group("names").strip(" .")
        count_m = TRAILING_VOTE_COUNT.search(raw)
        count = int(count_m.group("a") or count_m.group("b")) if count_m else None
        raw = raw[: count_m.start()] if count_m else raw
        names = _names(raw)
        if raw.lower() in ("none", "nil", "0", "") and count is None:
            count = 0
        n = count if count is not None else len(names)
        stated = True
        if kind.startswith(("aye", "yes", "for", "in fav")):
            vote.for_names, vote.for_count = names, n
        elif kind.startswith(("no", "nay", "against")):
            vote.against_names, vote.against_count = names, n
        elif kind.startswith("abst"):
            vote.abstain_names, vote.abstain_count = names, n
        elif kind.startswith(("absent", "recused")):
            vote.absent_names, vote.absent_count = names, n
    cm = VOTE_COUNT.search(text)
    if cm and vote.for_count is None:
        vote.for_count, vote.against_count = int(cm.group("f")), int(cm.group("a"))
        ab = cm.group("ab") or cm.group("ab2")
        if ab:
            vote.abstain_count = int(ab)
        stated = True
    if UNANIMOUS.search(text):
        vote.unanimous = True
        stated = True
    if VOICE_VOTE.search(text):
        vote.voice_vote = True
        stated = True
        vc = VOICE_COUNT.search(text)
        if vc and vote.for_count is None:
            vote.for_count = int(vc.group("n"))
    return vote if stated else None


def _names(raw: str) -> list[str]:
    if raw.strip().lower() in ("none", "nil", ""):
        return []
    raw = VOTERS_TITLE.sub("", raw.strip())
    parts = VOTER_SEPARATOR.split(raw)
    out = []
    for p in parts:
        p = p.strip(" .")
        if p and p.lower() not in ("none", "nil"):
            out.append(split_honorifics(p)[1])
    return out


def _lead(text: str) -> tuple[str, str, int] | None:
    for rid, rx, outcome in LEAD_PATTERNS:
        m = rx.match(text)
        if not m:
            continue
        if rid in _UPPER_ONLY and not UPPER_WORD.search(m.group("lead")):
            continue  # "The Board NOTED …" records a decision; "noted" in prose does not
        return rid, outcome, m.end()
    return None


def _split_inline_numbers(text: str) -> list[tuple[str | None, int, int]]:
    """ "(1) that …; (2) that …" → numbered parts with offsets."""
    marks = list(INLINE_NUMBERS.finditer(text))
    if len(marks) < 2:
        return [(None, 0, len(text))]
    out: list[tuple[str | None, int, int]] = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        out.append((m.group("n"), m.end(), end))
    return out


def _candidates(
    doc: Document, tasks_tables: frozenset[int | None]
) -> Iterator[tuple[str | None, int, int, str, str, Block]]:
    """(number, start, end, rule, outcome, block) for each decision's text."""
    blocks = doc.blocks
    # Rows of an action table are tasks; other tables (a table of discussion points with
    # their notes) state decisions in their cells as paragraphs do.
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind is BlockKind.TABLE_ROW:
            if b.table not in tasks_tables:
                for cell in b.cells or []:
                    if DECISION_KEYWORDS.search(cell.text):
                        for line in _cell_lines(b, cell):
                            yield from _sentence_decisions(line, opening_tried=False)
            i += 1
            continue
        text = b.text
        num_prefix = NUMBERED_DECISION.match(text)
        body_off = 0
        if num_prefix and _lead(num_prefix.group("t")):
            body_off = num_prefix.start("t")
        lead = _lead(text[body_off:])
        if lead is None:
            if DECISION_KEYWORDS.search(text):
                yield from _sentence_decisions(b)
            i += 1
            continue
        rid, outcome, end = lead
        rest_start = body_off + end
        rest = text[rest_start:].strip()
        if not rest or PUNCTUATION_ONLY.fullmatch(rest):
            # "Resolved: -" followed by the decisions as numbered items or one paragraph.
            j = i + 1
            found = False
            while j < len(blocks) and blocks[j].kind is not BlockKind.TABLE_ROW:
                nm = NUMBERED_DECISION.match(blocks[j].text)
                if nm:
                    n = nm.group("n") or nm.group("n2")
                    yield n, blocks[j].start + nm.start("t"), blocks[j].end, rid, outcome, blocks[j]
                    found = True
                    j += 1
                    continue
                if (
                    not found
                    and blocks[j].text[:1].isalpha()
                    and blocks[j].kind is not BlockKind.HEADING
                ):
                    yield None, blocks[j].start, blocks[j].end, rid, outcome, blocks[j]
                    j += 1
                break
            i = j
            continue
        before = blocks[i - 1] if i and not body_off else None
        if (
            OUTCOME_ONLY.fullmatch(rest)
            and before is not None
            and before.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
            and _lead(before.text) is None
        ):
            # "建議 APRIM 註冊費仍匯入學會帳戶 …" / "決議：通過。": the proposal, passed
            yield None, before.start, b.end, rid, outcome, b
            i += 1
            continue
        lead_ws = len(text[rest_start:]) - len(text[rest_start:].lstrip())
        s0 = b.start + rest_start + lead_ws
        number = (
            (num_prefix.group("n") or num_prefix.group("n2")) if body_off and num_prefix else None
        )
        parts = _split_inline_numbers(rest)
        if len(parts) == 1:
            # One decision: its sentence, not the narrative that follows it.
            parts = [(None, 0, _first_sentence_end(rest))]
        for n, s, e in parts:
            yield n or number, s0 + s, s0 + e, rid, outcome, b
        yield from _sentence_decisions(b, after=rest_start + lead_ws + parts[-1][2])
        i += 1


def _first_sentence_end(text: str) -> int:
    spans = sentence_spans(text)
    return spans[0][1] if spans else len(text)


def _cell_lines(row: Block, cell: Cell) -> Iterator[Block]:
    """A table cell read as the paragraphs it holds, one a line ("Adoption of Previous
    Minutes\nMinutes unanimously adopted": a Word or web cell breaks its notes into lines; a
    PDF cell's wrapped lines are joined already). Each slices ``Document.text``."""
    at = cell.start
    for line in cell.text.split("\n"):
        if line.strip():
            yield Block(
                kind=BlockKind.PARAGRAPH, text=line, start=at, end=at + len(line), page=row.page
            )
        at += len(line) + 1


def _sentence_decisions(
    b: Block, after: int = 0, *, opening_tried: bool = True
) -> Iterator[tuple[str | None, int, int, str, str, Block]]:
    """Decisions stated mid-paragraph: "… The Board discussed it. It was agreed that …"."""
    for s, e in sentence_spans(b.text):
        if s < after:
            continue
        number = SENTENCE_NUMBER.match(b.text, s, e)
        s = number.end() if number else s
        sentence = b.text[s:e]
        passive = PASSIVE.search(sentence)
        if passive and (passive.start() == 0 or sentence[: passive.start()].isupper() or s == 0):
            # "The minutes of the meeting held on 12 September were agreed as a true record."
            # (an item heading run into the text may stand before it: "1-B APPROVAL OF …").
            outcome = "carried" if passive.group("verb").lower() == "carried" else "approved"
            # A heading run into the sentence may repeat its first word ("MINUTES Minutes of").
            at = s + passive.start()
            lead_caps = CAPS_LEAD.match(b.text[at:e])
            at += lead_caps.end() if lead_caps else 0
            yield None, b.start + at, b.start + e, "passive", outcome, b
            continue
        decided = BODY_DECIDED.search(sentence)
        if decided and REPORTED.search(sentence, 0, decided.start()):
            decided = None  # "Staff reported that the City Council adopted …": another meeting
        if decided and decided.start() > 0 and not _lead(sentence):
            yield None, b.start + s + decided.start(), b.start + e, "body_decided", "approved", b
            continue
        if REPORTED.match(sentence) is None:
            form, found = next(
                ((f, m) for f in DECISION_PATTERNS if (m := f[1].search(sentence))), (None, None)
            )
            if form is not None and form[0] == "verdict" and len(sentence.split()) <= 2 and s > 0:
                # "… has petitioned to pledge the license … GRANTED": the verdict decides the
                # application the paragraph states.
                yield None, b.start, b.start + e, form[0], form[2], b
                continue
            if (
                form is not None
                and not _lead(sentence)
                and not REPORTED.search(sentence)
                # a negation before the decision undoes it ("no one was appointed"); one
                # after it is what was decided ("it was agreed not to sign")
                and not NEGATED.search(sentence, 0, found.end() if found else len(sentence))
                and not sentence.isupper()  # a title: "APPROVED MINUTES REGULAR MEETING …"
            ):
                yield None, b.start + s, b.start + e, form[0], form[2], b
                continue
        if s == 0 and after == 0 and opening_tried:
            continue  # the block's opening was already tried as a lead-in
        lead = _lead(b.text[s:e])
        if lead is None:
            continue
        rid, outcome, end = lead
        rest = b.text[s + end : e]
        if len(rest.strip()) < 3:
            continue
        start = s + end + (len(rest) - len(rest.lstrip()))
        yield None, b.start + start, b.start + e, rid, outcome, b


SAME_DECISION = 90
"""Token-set similarity at which a listed decision restates one already found."""


def extract_resolutions(doc: Document, meeting: Meeting, context: ExtractionContext) -> Meeting:
    if meeting.kind is DocumentKind.NOT_MINUTES:
        return meeting
    index = context.person_index(meeting.attendees)
    out: list[Resolution] = []
    claimed: set[int] = set()
    for number, s, e, rid, outcome, b in _candidates(doc, context.action_tables):
        text = doc.text[s:e].strip().rstrip(";")
        s = doc.text.index(text, s) if text else s
        if not text:
            continue
        vote = parse_vote(b.text)
        res = Resolution(
            number=number,
            text=text,
            agenda_item=item_at(meeting.agenda_items, s),
            outcome=outcome,
            vote=vote,
            span=doc.span(s, s + len(text)),
            rule=f"resolution:{rid}",
        )
        _attach_mover(res, b.text + " " + _next_text(doc, b), index)
        out.append(res)
        claimed.add(b.start)
    for b in listed_decisions(doc):
        if b.start in claimed:
            continue
        numbered = NUMBERED_DECISION.match(b.text)
        text = (numbered.group("t") if numbered else b.text).strip()
        if not text or any(fuzz.token_set_ratio(text, r.text) >= SAME_DECISION for r in out):
            continue  # stated already, where the record gives it
        s = doc.text.index(text, b.start)
        out.append(
            Resolution(
                number=(numbered.group("n") or numbered.group("n2")) if numbered else None,
                text=text,
                agenda_item=item_at(meeting.agenda_items, s),
                outcome="agreed",
                span=doc.span(s, s + len(text)),
                rule="resolution:listed_decision",
            )
        )
        claimed.add(b.start)
    for b in doc.blocks:
        if b.kind is BlockKind.TABLE_ROW or b.start in claimed:
            continue
        if not MOTION_CUE.search(b.text):
            continue  # both motion patterns open with a name, so they are slow to search
        seconded_motions = [*MOVED.finditer(b.text), *MOTION_MADE_BY.finditer(b.text)]
        taken = [(m.start(), m.end()) for m in seconded_motions]
        seconded_motions += [
            m
            for m in MOVED_SECONDED.finditer(b.text)
            if not any(s0 <= m.start() < e0 for s0, e0 in taken)
        ]
        taken = [(m.start(), m.end()) for m in seconded_motions]
        alone = [
            m
            for m in MOVED_ALONE.finditer(b.text)
            if not any(s0 <= m.start() < e0 for s0, e0 in taken)
        ]
        for m in sorted([*seconded_motions, *alone], key=lambda x: x.start()):
            groups = m.groupdict()
            seconded = groups.get("sec1") or groups.get("sec2")
            tail = b.text[m.end() :]
            outcome_m = OUTCOME.search(tail[:300])
            res_outcome = "carried"
            if outcome_m and outcome_m.group("o").lower() in (
                "failed",
                "defeated",
                "lost",
                "fell",
                "died",
            ):
                res_outcome = "failed"
            text = m.group(0).rstrip(" ;,.")
            s = b.start + m.start()
            res = Resolution(
                text=text,
                agenda_item=item_at(meeting.agenda_items, s),
                outcome=res_outcome,
                mover=index.resolve(m.group("mover")),
                seconder=index.resolve(seconded) if seconded else None,
                vote=parse_vote(tail[:600]),
                span=doc.span(s, s + len(text)),
                rule="resolution:motion",
            )
            out.append(res)
    out.sort(key=lambda r: r.span.start)
    out = _fold_motions(out)
    return meeting.model_copy(update={"resolutions": out})


def _fold_motions(resolutions: list[Resolution]) -> list[Resolution]:
    """A motion that led to a recorded decision ("Action: Approved …") is that decision's
    mover, seconder and vote, not a second decision."""
    decisions = [r for r in resolutions if r.rule not in _MOTION_RULES]
    kept: list[Resolution] = []
    for r in resolutions:
        if r.rule == "resolution:proposed_seconded":
            # "It was moved by A and seconded by B that …" then "RESOLVED – That …": the
            # decision that follows within a few lines is the one this motion carried.
            after = [
                d
                for d in decisions
                if 0 <= d.span.start - r.span.end <= 400 and d.rule.split(":")[1] in _LEAD_IDS
            ]
            if after:
                d = after[0]
                d.mover, d.seconder = d.mover or r.mover, d.seconder or r.seconder
                d.vote = d.vote or r.vote
                continue
        if r.rule != "resolution:motion":
            kept.append(r)
            continue
        named = set(ITEM_REFERENCE.findall(r.text))
        targets = [
            d
            for d in decisions
            if d.agenda_item
            and (d.agenda_item in named if named else _same_item(d.agenda_item, r.agenda_item))
            and d.mover is None
        ]
        if not named:
            targets = [d for d in targets if d.span.start > r.span.start][:1]
        if not targets:
            kept.append(r)
            continue
        for d in targets:
            d.mover, d.seconder = r.mover, r.seconder
            d.vote = d.vote or r.vote
    return kept


def _same_item(a: str | None, b: str | None) -> bool:
    return bool(a and b) and (a == b or str(a).startswith(f"{b}-") or str(a).startswith(f"{b}."))


def _attach_mover(res: Resolution, text: str, index: PersonIndex) -> None:
    m = PROPOSED.search(text)
    if m:
        res.mover = index.resolve(m.group("mover"))
        res.seconder = index.resolve(m.group("sec"))


def _next_text(doc: Document, b: Block) -> str:
    """The block after ``b`` when it records who proposed and seconded ("Proposed Cllr …")."""
    k = doc.block_index_at(b.start) + 1
    if k < len(doc.blocks) and MOVER_LINE.match(doc.blocks[k].text):
        return doc.blocks[k].text
    return ""

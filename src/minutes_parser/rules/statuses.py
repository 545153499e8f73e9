"""Status wording: the words that give an action its status and the lines that report one.

Every status table in rules/ is checked against the enums in ``models.py`` at import."""

from __future__ import annotations

import re
from typing import Final

from ..models import ActionStatus
from ._patterns import pattern

#: Status wording → status. Checked in order; first match wins (so "not complete" precedes
#: "complete").
ACTION_STATUS_WORDS: Final[tuple[tuple[str, str], ...]] = (
    (
        r"\bsuperseded\b|\bwithdrawn\b|\bno longer (?:required|needed|relevant)\b|\bcancelled\b|"
        r"\bdropped\b|\bnot required\b|\bclosing\s+(?:it|this|action)|\bpropos\w+\s+(?:we\s+)?drop|"
        # French, German, Spanish, Dutch
        r"\babandonn[ée]e?\b|\bannul[ée]e?\b|\bgestrichen\b|\bcancelad[oa]\b|\bvervallen\b",
        "dropped",
    ),
    # "not yet done", and a share of the work done ("60% complete", "partially done"): under
    # way, so read before the completed words they contain.
    (
        r"\bnot\s+(?:yet\s+)?(?:complete|completed|done|started)\b|"
        r"\b\d{1,2}(?:\.\d+)?\s*(?:%|per\s?cent)\s+(?:complete[d]?|done|finished)\b|"
        r"\b(?:partially|partly|mostly|nearly|almost|half)\s+(?:complete[d]?|done|finished)\b",
        "ongoing",
    ),
    (
        r"\bcarr(?:ied|y)\s*(?:it\s+)?(?:forwards?|over)\b|\bc/f(?:wd)?\b|\bb/f(?:wd)?\b|\brolled\s+over\b|"
        r"\bdeferred\b|\btabled\b|\breport[ée]e?\b|\bverschoben\b|\baplazad[oa]\b|\buitgesteld\b",
        "carried_forward",
    ),
    (
        r"\bdischarged\b|\bcomplete[d]?\b|\bdone\b|\bclosed\b|\bachieved\b|\bresolved\b|"
        r"\bremoved from (?:the )?log\b|\bactioned\b|\bfixed\b|\bdelivered\b|"
        # French, German, Spanish, Dutch ("→ fait", "erledigt", "hecho", "afgerond")
        r"\bfait\b|\btermin[ée]e?\b|\br[ée]alis[ée]e?\b|\berledigt\b|\bhecho\b|"
        r"\bcompletad[oa]\b|\bafgerond\b|\bgedaan\b",
        "completed",
    ),
    (
        r"\bon-?\s?going\b|\bin progress\b|\bunderway\b|\bunder way\b|\bpending\b|\bstill open\b|"
        r"\bno response\b|\bfollow(?:ing)? (?:this )?up\b|\bpartially\b|\bstill waiting\b|"
        r"\bawaiting\b|\bin hand\b|\bcontinu(?:ing|es)\b|\bin flight\b|\bto follow up\b|"
        r"\boverdue\b|\bre-?opened\b|"
        # "→ en cours pour le moment rien", "(en pause)" (afpy-cd-2022-10-18.md), "in Arbeit",
        # "en curso", "loopt"
        r"\ben\s+cours\b|\ben\s+pause\b|\bin\s+arbeit\b|\ben\s+curso\b|\ben\s+progreso\b|"
        r"\bloopt\b|\blopend\b",
        "ongoing",
    ),
    (r"\bopen\b|\bnew\b|\bnot started\b", "open"),
)

#: A line that reports an action's status: "Status: WIP", "■ Action Complete", "Action
#: carried forwards", "Update: done".
STATUS_LINE: Final[str] = (
    r"^\W{0,3}(?:(?:status|update|progress|outcome)\s*[:–—-]|action\s+(?:is\s+)?"
    r"(?:complete|completed|done|closed|carried|cancel|dropped|ongoing|in\s+progress|"
    r"deferred|discharged)|(?:complete[d]?|done|closed|carried\s+forwards?|ongoing|"
    r"in\s+progress)\b)"
)


#: The status wording compiled, in order: (pattern, status); ids
#: ``statuses.action.<n>_<status>``.
STATUS_PATTERNS: Final = tuple(
    (pattern(f"statuses.action.{n}_{s}", p, re.IGNORECASE), ActionStatus(s))
    for n, (p, s) in enumerate(ACTION_STATUS_WORDS, start=1)
)


def _outcomes() -> frozenset[str]:
    """The outcome words ``models.Resolution.outcome`` accepts (its ``Literal``)."""
    from typing import get_args

    from ..models import Resolution

    found: set[str] = set()
    pending = [Resolution.model_fields["outcome"].annotation]
    while pending:
        arg = pending.pop()
        if isinstance(arg, str):
            found.add(arg)
        else:
            pending.extend(get_args(arg))
    return frozenset(found)


def check_status_tables() -> None:
    """Every status or outcome a rules table gives must be one the output model accepts: an
    ``ActionStatus``, an ``AttendanceStatus``, or a ``Resolution.outcome``."""
    from ..models import AttendanceStatus
    from .attendance import ATTENDANCE_HEADINGS
    from .decisions import DECISION_SENTENCES, RESOLUTION_LEADS

    tables: list[tuple[str, set[str], frozenset[str]]] = [
        (
            "ACTION_STATUS_WORDS",
            {s for _, s in ACTION_STATUS_WORDS},
            frozenset(s.value for s in ActionStatus),
        ),
        (
            "ATTENDANCE_HEADINGS",
            {s for _, s in ATTENDANCE_HEADINGS},
            frozenset(s.value for s in AttendanceStatus),
        ),
        ("RESOLUTION_LEADS", {o for _, _, o in RESOLUTION_LEADS}, _outcomes()),
        ("DECISION_SENTENCES", {o for _, _, o in DECISION_SENTENCES}, _outcomes()),
    ]
    for name, used, allowed in tables:
        if unknown := used - allowed:
            raise ValueError(f"{name} gives {sorted(unknown)}, not in {sorted(allowed)}")
    for name, ids in (
        ("RESOLUTION_LEADS", [i for i, _, _ in RESOLUTION_LEADS]),
        ("DECISION_SENTENCES", [i for i, _, _ in DECISION_SENTENCES]),
    ):
        if len(ids) != len(set(ids)):
            raise ValueError(f"duplicate id in {name}")
    headings = [h for h, _ in ATTENDANCE_HEADINGS]
    if len(headings) != len(set(headings)):
        raise ValueError("duplicate attendance heading")


#: An action written as carried from an earlier meeting: "Liaise with Auckland Harbour Master
#: regarding moorings (carried forward)" in an actions summary (rakino-ratepayers-committee-
#: 2016-09-08.docx), "Newsletter – c/f", "b/f: chase the insurer". Such an entry reports on an
#: earlier action; it raises none.
CARRIED_MARK = pattern(
    "statuses.carried_mark",
    r"^\W{0,3}(?:c/f|b/f|carried\s+forwards?|brought\s+forwards?)\s*[:–—-]\s*\S|"
    r"[(\[]\s*(?:c/f(?:wd)?|b/f(?:wd)?|carried\s+(?:forwards?|over)|brought\s+forwards?)"
    r"(?:\s+from\s+[^)\]]{1,40})?\s*[)\]]\W{0,2}$|"
    r"\s[–—-]\s*(?:c/f|b/f|carried\s+forwards?|brought\s+forwards?)\W{0,2}$",
    re.IGNORECASE,
)

STATUS_CLAUSES = pattern("statuses.status_clauses", r"(?<=[.;,])\s+|\s+[—–]\s+")

#: A status line that names its field ("Status: Will touch base with Antonio next week"): a
#: report on the action even when it states no verdict in status words.
STATUS_LABEL = pattern(
    "statuses.status_label", r"^\W{0,3}(?:status|update|progress)\s*[:–—-]\s*\S", re.IGNORECASE
)

#: Lines below an action line in a table cell searched for its status line ("Action new
#: members: Write Committee bio" / a remark / "Action carried forwards").
CELL_STATUS_WINDOW: Final[int] = 3

"""Actions: action-log columns, restated action lines, verbs that make a sentence a statement
rather than a task, and the patterns of the action forms."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ._patterns import pattern
from .decisions import DECISION_VERBS
from .layout import BULLETS
from .statuses import STATUS_LINE

#: Action-log column headings → the field they hold (matched lower-case, without ":").
ACTION_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "ref": (
        "no",
        "no.",
        "ref",
        "ref.",
        "#",
        "action no",
        "action no.",
        "number",
        "id",
        "action ref",
        "action number",
        "item no",
        "item no.",
    ),
    "owner": (
        "owner",
        "owners",
        "lead",
        "who",
        "action by",
        "responsible",
        "by whom",
        "assigned to",
        "action owner",
        "officer",
        "lead officer",
        "person responsible",
        "action who",
        "action who/when",
        "who/when",
        "action/who",
        "action by whom",
    ),
    "description": (
        "action",
        "actions",
        "details",
        "description",
        "task",
        "action required",
        "agreed action",
        "what",
        "action/decision",
        "action point",
        "action item",
        "action items",
    ),
    # A bare "Item" column is the task only beside an owner column ("No | Item | Who | By");
    # beside "Discussion Summary" it is an agenda table.
    "item": ("item", "items"),
    "due": (
        "due",
        "due date",
        "deadline",
        "by when",
        "target date",
        "when",
        "date due",
        "timescale",
        "target",
        "by",
    ),
    "status": (
        "status",
        "update",
        "progress",
        "rag",
        "comments",
        "outcome",
        "update/status",
        "current status",
        "position",
    ),
    # Minutes kept as a table of points with an owner column: a row is an action only when
    # its owner cell names someone.
    "discussion": (
        "points discussed",
        "points discussed/agreed",
        "discussion",
        "discussion points",
        "item discussed",
        "notes",
    ),
    # When the action was raised: a log's "Date" column, read as raised only where its date
    # is before the meeting's (a later one is a due date).
    "raised": ("date", "date raised", "raised", "date added", "date opened", "meeting date"),
    "minute": (
        "minute ref",
        "minute",
        "min ref",
        "agenda item",
        "item ref",
        "minute no",
        "minute no.",
    ),
}

#: An action restated for review: "ACTION 61.1: task", "Action LB: task", "TODO Mike :: task".
ACTION_LINE: Final[str] = (
    r"^\W{0,3}(?:action(?:\s+item)?|todo)\b\s*(?:(?P<ref>[\w./-]*\d[\w./-]*|(?-i:[A-Z]{1,4}"
    r"(?:\s*(?:&|and|,|/)\s*[A-Z]{1,4})*))|(?P<who>[A-Z][\w.'’-]+(?:\s*(?:&|and|or|/|,|\s)\s*"
    r"[A-Z][\w.'’-]+)*)(?=\s*::))?\s*(?:::|[:–—]|-\s)\s*(?P<task>\S.{3,})$"
)

#: Verbs that open a statement about a role, not a task ("Ms X will take over as Chair").
#: A task in the progressive after "will" ("Lindsey will be sending out a link to a survey",
#: licton-springs-cc-2021-05-19.md): an undertaking, though "be" opens no task otherwise.
#: Where someone will be ("will be moving to another neighborhood", "will be traveling out of
#: state") or what they will be ("Mr Morris will be representing Rotherham", seed 002) is no
#: task.
PROGRESSIVE_TASK = pattern(
    "actions.progressive_task",
    r"be\s+(?!(?:being|moving|leaving|travel+ing|going|staying|retiring|stepping|away|"
    r"representing|chairing|standing|serving|acting|taking\s+over)\b)[a-z]+ing\b",
)
NOT_TASK_STARTS: Final[tuple[str, ...]] = (
    "take over",
    "chair",
    "be ",
    "continue",
    "remain",
    "attend",
    "join",
    "step down",
    "replace",
    "become",
    "have ",
    "need",
    "like",
    "want",
    "also ",
    "not ",
    "now ",
    "still ",
)

#: Between owners: "/", "&", "+", ",", "and", and "and" in the languages whose markers are
#: read ("Charlotte et Anne-Marie", "Jil und Erik", "Sander en Vasilis", "Ana y Luis").
OWNER_SEP = pattern("actions.owner_sep", r"\s*(?:/|&|\+|,|\b(?:and|et|und|en|y)\b)\s*")
WHO = (
    r"(?:(?:the|our)\s+)?(?:[A-Z][\w'’.-]*|[a-z][a-z0-9_-]{1,20}(?=\s?::?\s|\s+to\s))"
    r"(?:\s*(?:/|&|\+|,|and)\s*(?:the\s+)?[A-Z][\w'’.-]*|"
    # "Bobbi Jo van Deusen", "Head of Planning": particles of names and titles
    r"\s+(?:(?:of|for|the|van|von|de|der|den|da|di|du|del|la|le)\s+)?[A-Z][\w'’.-]*){0,5}"
)
OWNER_TASK = pattern(
    "actions.owner_task",
    # "Braden - talk to PSS re: advertising": a numbered action list's "owner - task"
    rf"^(?P<who>{WHO})\s*(?:::?\s+|\s+[–—-]\s+|\s+(?:to|will|agreed\s+to|is\s+to|are\s+to)\s+)"
    r"(?P<task>\S.*)$",
)
#: A reviewed action written as its owner's name and a full stop, then the task: "Jeremy
#: Bennett. Update list of potential projects." (riscv-cso-sig-2020-12-07.adoc).
OWNER_FULL_STOP = pattern(
    "actions.owner_full_stop",
    r"^(?P<who>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})\.[ \t]+(?P<task>[A-Z].*)$",
    re.DOTALL,
)
#: An owner in square brackets before the task: "[HP]   Create a poll about ideas for a new
#: RSE-AUNZ tagline." (rse-aunz-sc-2019-11-01.md), "[NM, DC] Share details …".
BRACKETED_OWNER = pattern(
    "actions.bracketed_owner", r"^\[(?P<who>[^\[\]\n]{1,40})\][ \t]+(?P<task>\S.*)$", re.DOTALL
)
#: An action opened by its reference: "05-10 ORWG to review Chief Officer's job description"
#: in a table's actions column (not-lpc-2018-05-02.pdf), "2.5: AA/CG to find out …" in a list
#: of actions (jmmp-go-2024-05-09.md).
LEADING_REF = pattern(
    "actions.leading_ref",
    r"^(?P<ref>\d{1,3}[-./]\d{1,3}[a-z]?|[A-Z]{1,3}\d{1,3}(?:\.\d{1,3})?)[.:)]?[ \t]+"
    r"(?P<rest>\S.*)$",
)
#: A column title that holds actions ("Action", "Decisions and Action Points").
ACTIONS_COLUMN_TITLE = pattern("actions.actions_column_title", r"\baction", re.IGNORECASE)
HANDOVERS = (
    pattern(
        "actions.handovers.1",
        r"^(?P<who>.+?)\s+to\s+(?:follow|take|pick|lead)\b.*\b(?:in\s+replacement\s+of|"
        r"instead\s+of|replacing|taking\s+over\s+from|in\s+place\s+of)\b",
        re.IGNORECASE,
    ),
    pattern(
        "actions.handovers.2",
        r"\b(?i:now\s+(?:with|owned\s+by|led\s+by)|passed\s+to|transferred\s+to|"
        r"taken\s+over\s+by|reassigned\s+to|handed\s+(?:over\s+)?to)\s+"
        r"(?P<who>(?:the\s+)?[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*){0,2})",
    ),
)

#: The word an action marker opens with, in the languages whose headings are read too
#: ("Taak Sander: een hamer-achtig object meenemen", Dutch).
MARKER_WORDS: Final[str] = r"actions?|taak|actiepunt|aufgabe|[àa]\s+faire"
#: A marker word anywhere in a text: only a paragraph holding one is searched for markers
#: opening its later sentences.
MARKER_CUE = pattern("actions.marker_cue", rf"\b(?:{MARKER_WORDS})\b", re.IGNORECASE)
ACTION_LEAD = pattern(
    "actions.action_lead",
    # "[Action: IW to provide …]": a marker may open a bracket
    rf"^\s*[\[(]?\**\s*(?:agreed\s+)?(?:{MARKER_WORDS})\s*(?:point)?\s*"
    # "Action LB:", "Action Sander:" (a name, in capitals: "Action taken:" names no one)
    r"(?:(?!(?i:items?|points?|required|taken|plan|log|list|update)\b)"
    r"(?P<who>(?-i:[A-Z][a-z]{2,}(?:\s*(?:&|and|en|/)\s*[A-Z][a-z]{2,})*))\s*(?=[:–—]))?"
    r"(?P<tag>\(?[A-Z]{0,4}\d{0,3}\)?)?\s*"
    r"(?:[:–—]|-\s|by\s*:)\s*"
    r"\**\s*(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
TRAILING_REF = pattern(
    "actions.trailing_ref",
    r"^(?P<head>.*?)\s*[–—-]?\s*\baction\s*(?:no\.?\s*)?(?P<ref>\d{1,3})\s*\.?$",
    re.IGNORECASE,
)
#: Its owners named in brackets after the task: "Recontacter l'interorga … (Rafa)."
#: (mdp-rennes-ca-2024-02-22.md), "Ask INFRA to help … (akm)".
TRAILING_OWNER = pattern("actions.trailing_owner", r"\s*\((?P<who>[^()]{1,40})\)\s*\.?\s*$")
#: One part of a text between semicolons, its spaces left out.
SEMICOLON_PART = pattern("actions.semicolon_part", r"[^;\s](?:[^;]*[^;\s])?")
SCRIBE_REF = pattern(
    "actions.scribe_ref",
    r"^\s*ACTION-(?P<ref>\d{1,5})\s*(?:\((?P<who>[^)]*)\))?\s*:?\s*(?P<rest>.*)$",
)
DUE_IN_TEXT = pattern(
    "actions.due_in_text",
    r"\s*[(,]?\s*\b(?:by|before|no\s+later\s+than|due)\s+(?P<due>(?:the\s+)?(?:end\s+of\s+)?"
    r"[^,;()]{2,40}?)\s*\)?\s*\.?$",
    re.IGNORECASE,
)
WHEN_PAREN = pattern(
    "actions.when_paren", r"\s*\((?P<due>by\s+[^)]+|today|tomorrow)\)\s*$", re.IGNORECASE
)
#: "TODO Mike :: …", "#todo yj: …", "#action …": a task marker without a colon after it.
TODO_LEAD = pattern(
    "actions.todo_lead", r"^\W{0,3}(?:#(?i:todo|action)|TODO)\b:?\s+(?P<rest>\S.*)$", re.DOTALL
)
#: An ordered list's enumerator rendered into the item ("c. ACTION: …").
ENUMERATOR = pattern("actions.enumerator", r"^(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s+")
#: MeetBot's stamp after each summary line: "(jmrodri, 13:39:45)".
BOT_STAMP = pattern("actions.bot_stamp", r"\s*\([\w.|-]+,\s*\d{1,2}:\d{2}(?::\d{2})?\)\s*$")
DECISION_RECORD = pattern("actions.decision_record", rf"^(?:{DECISION_VERBS})\b", re.IGNORECASE)
IRC = pattern("actions.irc", r"^<[^>]+>\s*")
TASKLIKE = pattern(
    "actions.tasklike",
    r"\b(?:agreed|will|would|to\s+[a-z]+|asked|requested|undertook|offered)\b",
    re.IGNORECASE,
)
MARKER_MOVEMENT = pattern(
    "actions.marker_movement",
    r"\b(?:left|joined|arrived|returned\s+to)\s+the\s+meeting\b",
    re.IGNORECASE,
)

#: "Further to public participation, Cllr Glover to report …": an opening phrase before the
#: owner.
LEAD_IN = (
    r"(?:(?i:further\s+to|following(?:\s+on\s+from)?|after|in\s+response\s+to|"
    r"as\s+agreed(?:\s+at)?)\b[^,]{0,60},\s+|"
    # "Membership – Stacia Koppenhafer and Karen Meyerholz will help": a topic before a dash
    r"[A-Z][\w'’ /&]{0,40}?\s+[–—-]\s+)?"
)
SENTENCE_FORMS: Sequence[tuple[str, re.Pattern[str]]] = (
    (
        "undertook",
        pattern(
            "actions.sentence_forms.undertook",
            # "Cllr Jones (CDC) would make further enquiries": an aside after the name, and
            # reported speech ("would", "was to") as UK minutes record an undertaking.
            rf"^{LEAD_IN}(?P<who>{WHO})(?:\s*\([^()]{{1,30}}\))?\s+(?:(?:has\s+|had\s+|kindly\s+)?"
            rf"(?:agreed|undertook|offered|volunteered|promised)\s+to|(?:was|were)\s+(?:further\s+)?"
            rf"ask(?:ed)?\s+to|is\s+going\s+to|will|would(?!\s+(?:like|be|have|not|prefer|welcome))|"
            rf"is\s+to|are\s+to|was\s+to|were\s+to|to)\s+(?P<task>[a-z].+)$",
        ),
    ),
    (
        "agreed_that",
        pattern(
            "actions.sentence_forms.agreed_that",
            rf"(?:it\s+was\s+agreed|agreed)\s+that\s+(?P<who>{WHO})\s+(?:would|will|should)\s+"
            rf"(?P<task>[a-z].+)$",
        ),
    ),
    (
        "directed_to",
        pattern(
            "actions.sentence_forms.directed_to",
            rf"\b(?:directed|asked|requested|instructed|tasked|invited)\s+(?P<who>(?:the\s+)?(?:staff|"
            rf"officers|{WHO}))\s+to\s+(?P<task>[a-z].+)$",
        ),
    ),
    (
        "was_directed",
        pattern(
            "actions.sentence_forms.was_directed",
            rf"(?P<who>\b(?:staff|officers|{WHO}))\s+(?:was|were)\s+(?:directed|asked|requested|"
            rf"instructed|tasked)\s+to\s+(?P<task>[a-z].+)$",
        ),
    ),
    (
        # A US council's direction given with a motion: "… with direction to staff to come back
        # by the second meeting in October with options" (alameda-citycouncil-2019-09-03.pdf)
        "direction_to",
        pattern(
            "actions.sentence_forms.direction_to",
            rf"\bdirection\s+(?:was\s+given\s+)?to\s+(?P<who>(?:the\s+)?(?:staff|officers|{WHO}))"
            rf"\s+to\s+(?P<task>[a-z].+)$",
        ),
    ),
    (
        "stated_would",
        pattern(
            "actions.sentence_forms.stated_would",
            rf"^(?P<who>{WHO})\s+(?:\w+\s+){{0,8}}?(?:stated|said|confirmed|indicated|agreed)\s+that\s+"
            rf"(?:he|she|they)\s+would\s+(?P<task>[a-z].+)$",
        ),
    ),
)
#: What every form above needs ("to", "will", "would" or "should" before a lower-case task):
#: a block without it holds no undertaking in any of its sentences.
UNDERTAKING_CUE = pattern("actions.undertaking_cue", r"\b(?:to|will|would|should)\s+[a-z]")
PRONOUN = pattern("actions.pronoun", r"^(?:he|she|they)$", re.IGNORECASE)
RESOLUTION_TASK = pattern(
    "actions.resolution_task",
    r"\bbe\s+(?:circulated|sent|distributed|shared|provided|forwarded|submitted|presented|"
    r"reported|brought\s+back|published)\b",
    re.IGNORECASE,
)

NEXT_MEETING = pattern(
    "actions.next_meeting",
    r"(?:date\s+of\s+(?:the\s+)?next\s+meeting|next\s+meeting)\b[^.\n]{0,80}",
    re.IGNORECASE,
)

#: A status cell that keeps a history: one paragraph per report, or "Update from <date>".
HISTORY = pattern("actions.history", r"\n|(?=\bupdated?\s+(?:from|as\s+at|on)\b)", re.IGNORECASE)
SECTION_ROW = pattern(
    "actions.section_row",
    r"raised|ongoing|on-going|outstanding|carried|previous|new actions|"
    r"actions? (?:from|agreed)|as at",
    re.IGNORECASE,
)
#: Bullet glyphs inside a cell's text; the letter and dash bullets of rules.BULLETS only count
#: at the start of a line.
BETWEEN_BULLETS = pattern(
    "actions.between_bullets",
    "[^" + re.escape("".join(c for c in BULLETS if not (c.isalnum() or c in "*-–"))) + "]+",
)
LEADING_OWNERS = pattern("actions.leading_owners", r"[A-Z][\w'’.-]*(?:\s*[/&,+]\s*[A-Z][\w'’.-]*)*")

LIST_REF = pattern(
    "actions.list_ref",
    r"^(?:min(?:ute)?\.?\s*)?(?P<ref>(?:[A-Z]{1,6}\s?/?)?\d{1,3}(?:/\d{1,4})+(?:\.\d{1,2}|[a-z])?|"
    # "41-1: Video on Deploying VDM", action 1 of meeting 41 (overture-net-meeting-2014-08-10.md)
    r"ACTION-\d+|\d{1,3}[.-]\d{1,3}(?=:)|\d{1,3}\.?)(?=\s|$|:)\s*(?:\((?P<note>[^)]*)\))?\s*[–—:-]?\s*",
    re.IGNORECASE,
)
STATUS_SPLIT = pattern("actions.status_split", r"\s+[—–-]\s+|:\s+|\s*[—–]\s*")

ACTION_LINE_RE = pattern("actions.action_line_re", ACTION_LINE, re.IGNORECASE)
STATUS_LINE_RE = pattern("actions.status_line_re", STATUS_LINE, re.IGNORECASE)
OWNER_INITIALS = pattern(
    "actions.owner_initials", r"^[A-Z]{1,4}(?:\s*(?:&|and|,|/)\s*[A-Z]{1,4})*$"
)

#: A link inside an action's wording, left out when two wordings are compared.
URL = pattern("actions.url", r"\S+://\S+")

#: "the Clerk", "our Treasurer": the article before an owner, not part of who it is.
OWNER_ARTICLE = pattern("actions.owner_article", r"^(?:the|our)\s+", re.IGNORECASE)

#: The label before an owner cell's names: "Owner: Cllr Glover", "by: WC".
OWNER_LABEL = pattern("actions.owner_label", r"^(?:owner|lead|who|by)\s*:\s*", re.IGNORECASE)
#: "the" before a lower-cased owner ("the clerk" → "clerk"), read against GROUP_OWNERS.
OWNER_THE = pattern("actions.owner_the", r"^the\s+")
#: Words that make a "by …" / "(by …)" tail a due date, not more of the task: "by Friday",
#: "by the end of March", "before the AGM", "by next meeting", "by go-live", "by 15/02".
DUE_WORDS = pattern(
    "actions.due_words",
    r"\d|monday|tuesday|wednesday|thursday|friday|today|tomorrow|next|end\s+of|"
    r"january|february|march|april|may|june|july|august|september|october|november|"
    r"december|agm|meeting|go-live",
    re.IGNORECASE,
)
#: A resolution that waits on something being done, and so is a task: "That the strategy be
#: circulated to members when it is completed".
RESOLUTION_WHEN_DONE = pattern(
    "actions.resolution_when_done",
    r"\b(?:when|once|after)\b.*\b(?:completed?|available|finali[sz]ed|agreed|signed)\b",
    re.IGNORECASE,
)
#: A row of an action log saying the rows below are earlier actions: "Actions ongoing as at
#: 04.12.14", "Outstanding actions", "Carried forward".
LOG_EARLIER_ROW = pattern(
    "actions.log_earlier_row", r"ongoing|on-going|outstanding|carried|previous", re.IGNORECASE
)
#: A row of an action log saying the rows below are this meeting's: "New actions",
#: "Actions agreed", "Raised at this meeting".
LOG_NEW_ROW = pattern(
    "actions.log_new_row", r"new actions|actions? agreed|raised at this", re.IGNORECASE
)
#: A reference cell that swallowed the owner column: "1. Warren Carratt" → "1", "Warren Carratt".
REF_THEN_OWNER = pattern("actions.ref_then_owner", r"^(\d{1,3})\.?\s+(\S.*)$")
#: An owner cell stating the action itself: "JN to send Pdfs of each plan" → "JN", "send …".
OWNER_CELL_TASK = pattern("actions.owner_cell_task", r"^(?P<who>.+?)\s+to\s+(?P<task>[a-z].*)$")

#: Offices an unheaded action table names as owners by their title ("Clerk").
HEADERLESS_OWNER_OFFICES: Final[tuple[str, ...]] = (
    "Clerk", "Chair", "Chairman", "Secretary", "Treasurer",
)  # fmt: skip
_OWNER_TOKEN = (
    r"(?:[A-Z]{2,4}|ALL|All|[A-Z][a-z]+\s[A-Z][a-z]+|" + "|".join(HEADERLESS_OWNER_OFFICES) + ")"
)
#: An owner cell of an action table with no header row: initials, "ALL", a name of two
#: words or an office, several joined ("JD / RE / LS", "LS / ALL"), a note after them
#: ("(c/fwd)", "– pass to RE"): "Discuss and agree format of incentive … | ALL" (rakino
#: ratepayers). A lone capitalised word ("Noted", "Feb") is a remark, not an owner.
HEADERLESS_OWNER_CELL = pattern(
    "actions.headerless_owner_cell",
    rf"^{_OWNER_TOKEN}(?:\s*(?:/|&|\+|,|\band\b)\s*{_OWNER_TOKEN})*\b",
)
#: The rows an action table with no header row needs, and the share of them whose second
#: cell names an owner.
HEADERLESS_ROWS_MIN: Final[int] = 3
HEADERLESS_OWNER_SHARE: Final[float] = 0.8

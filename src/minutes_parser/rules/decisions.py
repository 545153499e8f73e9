"""Decisions: resolution lead-ins, whole-sentence decisions, decision verbs, and the motion
and vote patterns."""

from __future__ import annotations

from typing import Final

from .people import BODY, BODY_OR_MEMBERS

#: Lead-ins of a formal decision, with the outcome they record. Matched at a block start.
RESOLUTION_LEADS: Final[tuple[tuple[str, str, str], ...]] = (
    (
        "resolved",
        r"(?:it\s+was\s+)?resolved\s*(?:unanimously\s*)?(?::|–|-|—|,)?\s*(?:that\b)?",
        "resolved",
    ),
    (
        "board_resolved",
        rf"(?:the\s+)?(?:{BODY})\s+(?:unanimously\s+)?resolved\s*(?:to\b|that\b|:)?",
        "resolved",
    ),
    ("agreed_that", r"agreed\s*(?::|–|-)?\s*that\b", "agreed"),
    ("agreed_colon", r"agreed\s*(?::|–|-)", "agreed"),
    ("agreed_unanimously", r"agreed\s+unanimously\s+(?:that\s+|to\s+)?", "agreed"),
    ("it_was_agreed", r"it\s+was\s+(?:unanimously\s+)?agreed\s+(?:that\s+|to\s+)?", "agreed"),
    (
        "body_agreed",
        rf"(?:the\s+)?(?:{BODY_OR_MEMBERS})\s+(?:unanimously\s+)?agreed\s+(?:that\s+|to\s+)?",
        "agreed",
    ),
    (
        "body_approved",
        rf"(?:the\s+)?(?:{BODY_OR_MEMBERS})\s+(?:unanimously\s+)?approved\b",
        "approved",
    ),
    (
        "body_noted",
        rf"(?:the\s+)?(?:{BODY})\s+noted\b",
        "noted",
    ),
    (
        "body_endorsed",
        rf"(?:the\s+)?(?:{BODY_OR_MEMBERS})\s+(?:unanimously\s+)?(?:ENDORSED|RATIFIED|ADOPTED|ACCEPTED|SUPPORTED)\b",
        "approved",
    ),
    (
        "action_decision",
        r"(?:action|result|disposition)\s*:\s*(?=(?:approved|adopted|ratified|awarded|introduced|accepted|denied|authori[sz]ed|continued|received|rejected|referred|tabled|passed|carried|failed|deferred)\b)",
        "approved",
    ),
    ("decision", r"decision\s*:", "agreed"),
    ("resolution", r"resolution\s*:", "resolved"),
)

#: Sentences that record a decision of this meeting whatever their opening words: the whole
#: sentence is the resolution (id, pattern, outcome). Read after the lead-ins above.
DECISION_SENTENCES: Final[tuple[tuple[str, str, str], ...]] = (
    # "It was proposed by Cllr Dunn and seconded by Cllr Mrs Chubb that the Minutes …"
    (
        "proposed_seconded",
        r"\bit\s+was\s+(?:proposed|moved)\s+by\b.{0,120}?\bseconded\b",
        "carried",
    ),
    # "The minutes … were approved after motion by Ensign and second by Crockett."
    (
        "approved_on_motion",
        r"\b(?:was|were)\s+(?:unanimously\s+)?(?:approved|adopted|accepted|denied|tabled)\b"
        r".{0,120}?\b(?:after|on|upon|following|by)\s+(?:a\s+)?motion\b",
        "carried",
    ),
    # "Approved setting budget workshop date …", "Agreed to solicit SIG feedback …"
    (
        "verb_first",
        r"^(?:unanimously\s+)?(?:approved|adopted|agreed\s+to|resolved\s+to)\s+"
        r"(?!(?:by|on|at|as|in)\b)\w",
        "approved",
    ),
    # "It was decided to keep the account", "All members agreed that …", "The EC decided …"
    (
        "decided",
        r"^(?:(?:therefore|thus|so|finally|after\s+(?:some\s+)?discussion),?\s+)?(?:it\s+was\s+"
        r"(?:unanimously\s+|collectively\s+)?decided|(?:all\s+)?(?:the\s+)?(?:members|group|"
        r"committee|board|council|ec|executive|trustees|directors|team|meeting)\s+(?:present\s+)?"
        r"(?:unanimously\s+)?(?:decided|agreed))\b",
        "agreed",
    ),
    # "Agenda approved", "Minutes approved with amendments."
    (
        "item_approved",
        r"^(?:the\s+)?(?:agenda|minutes|accounts|budget)\b[^.;]{0,60}?\s(?:approved|adopted|"
        r"accepted|agreed)\b",
        "approved",
    ),
    # "Secretary: Dexter Chua stands (…) - Elected unanimously (11)"
    (
        "elected",
        r"\b(?:elected|re-?elected|appointed)\s+(?:unanimously|by\s+acclamation|nem\.?\s*con)\b|"
        r"\b(?:was|were)\s+(?:duly\s+|unanimously\s+)?(?:elected|re-?elected|appointed)\b",
        "approved",
    ),
    # "Consensus: adopt the proposal", "There was consensus to …"
    (
        "consensus",
        r"^(?:#?agreed\s*:|consensus\s*:)|\b(?:there\s+was|reached|by)\s+consensus\b|"
        r"\bagreement\s+in\s+(?:the\s+)?room\b|\bnem\.?\s*con\b",
        "agreed",
    ),
    # "Motion by Reid Duford and supported by Sheila Mesler to approve the minutes …"
    (
        "motion_by",
        r"\bmotion\s+by\s+[^,;.]{2,40}?\s+(?:and\s+)?(?:supported|seconded|second(?:ed)?)\s+by\b",
        "carried",
    ),
    # "Minutes of previous meeting Acceptance moved by DH, 2nd by SM, passed."
    ("moved_2nd", r"\bmoved\s+by\s+[^,;.]{1,40}?,?\s+(?:2nd|second(?:ed)?)\s+by\b", "carried"),
    # "SM and SK move that we accept the minutes of previous meeting."
    ("members_move", r"^[\w.'’-]+(?:\s+(?:and|&)\s+[\w.'’-]+)?\s+moves?\s+that\b", "carried"),
    # "No objections, the treasurer's report has been accepted."
    (
        "no_objection",
        r"^no\s+objections?\b.{0,80}?\b(?:accepted|approved|adopted|agreed)\b",
        "approved",
    ),
    # "He proposed to use codespeak as the second server, which was agreed."
    (
        "which_was_agreed",
        r"\b(?:which|this)\s+was\s+(?:unanimously\s+)?(?:agreed|approved)\b",
        "agreed",
    ),
    # A licensing board's verdict closing an application: "… Banco de Sabadell. GRANTED"
    ("verdict", r"(?-i:\b(?:GRANTED|APPROVED|DENIED|REJECTED|CARRIED)\b)\W*$", "approved"),
)

#: Past-tense verbs that make an "Action:" line a record of a decision (US minutes), not a task.
DECISION_VERBS: Final[str] = (
    r"approved|adopted|ratified|awarded|introduced|appointed|accepted|denied|authori[sz]ed|"
    r"continued|received|rejected|referred|tabled|passed|carried|failed|deferred|confirmed|"
    r"noted|elected|waived|granted|refused"
)

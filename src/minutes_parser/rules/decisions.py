"""Decisions: resolution lead-ins, whole-sentence decisions, decision verbs, and the motion
and vote patterns."""

from __future__ import annotations

import re
from typing import Final

from ._patterns import pattern
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
    # The same labels in other languages, as the kind signals know them: Chinese/Japanese
    # "決議：" (resolution) and "決定：", Swedish/Norwegian/Danish "Beslut:", German
    # "Beschluss:", French "Décision :", Dutch "Besluit:", Spanish "Acuerdo:", Italian
    # "Delibera:", Finnish "Päätös:".
    (
        "resolution_translated",
        r"(?:決議|决议|決定|决定|beslut(?:ning)?|vedtak|beschluss|d[ée]cision|besluit|acuerdo|"
        r"delibera|p[äa][äa]t[öo]s)\s*[:：]",
        "resolved",
    ),
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
    # "Approved setting budget workshop date …", "Agreed to solicit SIG feedback …", "Agreed
    # on online group works"
    (
        "verb_first",
        r"^(?:unanimously\s+)?(?:approved|adopted|agreed\s+(?:to|on|upon)|resolved\s+to|"
        # "Decided for the leagues to stick with teams of 6 …" (tayport-tennis-club-2013-01-14)
        r"decided\s+(?:to|on|that|for))\s+"
        r"(?!(?:by|on|at|as|in)\b)\w",
        "approved",
    ),
    # US shorthand for moved, seconded and approved (carried, passed): "M/S/A to commend
    # Janice Lichtenwaldt …" (licton-springs-cc-2021-04-21.md), "MSC to adopt …"
    ("moved_seconded_abbreviated", r"(?-i:\bM/S/[ACP]\b|^MS[ACP]\b)", "carried"),
    # A vote recorded as such: "Board votes to renew Stuart as the Lead Developer …", "Voted
    # that current role occupants will continue …" (sunpy-board-2017-03-13.md)
    (
        "voted",
        r"^(?:(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:board|committee|council|members|directors|"
        r"trustees|governors|meeting|group|assembly)\s+)?vote[sd]?\s+(?:unanimously\s+)?"
        r"(?:to|that|in\s+favou?r\s+of)\b",
        "carried",
    ),
    # The body deciding, as a sentence's subject: "After discussion, the Board made the
    # decision to change the time to comply …" (arrowhead-hoa-2015-07-21.pdf), "The Board
    # rejected the bid from Mittauer & Associates …" (homosassa-swd-2013-07-15.pdf)
    (
        "body_made_decision",
        r"^(?:after\s+[\w ,]{1,60}?,\s*)?(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:board|committee|"
        r"council|commission|trustees|directors)\s+(?:unanimously\s+)?(?:made\s+(?:the|a)\s+"
        r"decision\s+to|decided\s+(?:to|that|on)|rejected|denied)\b",
        "agreed",
    ),
    # "Vote on Monica joining the board: 7-0 in favour."
    ("vote_on", r"^vote\s+(?:on|for)\b[^.;]{1,120}?:\s*\d{1,3}\s*[-–]\s*\d{1,3}\b", "carried"),
    # "Michael was authorized to spend up to $100 on party supplies." (altspace-member-
    # 2023-07-10.md)
    ("authorised", r"\b(?:was|were)\s+(?:unanimously\s+)?authori[sz]ed\s+to\b", "approved"),
    # "Il est décidé d'un atelier en juin …", "… a remporté les votes à l'unanimité"
    # (mdp-rennes-ca-2024-06-12.md); German "einstimmig beschlossen", Spanish "se acordó".
    (
        "decided_translated",
        r"^il\s+(?:est|a\s+été)\s+(?:décidé|convenu|voté|acté)\b|\bà\s+l['’]unanimité\b|"
        r"\beinstimmig\s+(?:beschlossen|angenommen)\b|"
        # "… se aprueba que los asociados designados …", "APROBACIÓN POR UNANIMIDAD"
        # (dcf-asamblea-2022-12-31.md)
        r"\bse\s+(?:acord[óo]|aprob[óo]|decidi[óo]|aprueba|acuerda|decide)\b|"
        r"\bpor\s+unanimidad\b",
        "agreed",
    ),
    # "Mötet beslutar att Sveriges Skaldjurs Sällskap skall bildas" (Swedish: the meeting
    # decides that …), "Die Versammlung beschließt …" (German), "L'assemblée décide …".
    (
        "meeting_decides_translated",
        r"^(?:m[öo]tet|st[äa]mman|styrelsen|die\s+versammlung|der\s+vorstand|l['’]assembl[ée]e|"
        r"le\s+conseil|de\s+vergadering)\s+(?:beslutar|beslutade|besl[öo]t|beschlie[ßs]t|"
        r"beschloss|d[ée]cide|a\s+d[ée]cid[ée]|besluit|besloot)\b",
        "agreed",
    ),
    # "It was decided to keep the account", "All members agreed that …", "The EC decided …";
    # after what it concerns: "Regarding sending tax exempt receipts to membership, it was
    # decided to …" (appna-ok-ec-2018-01-09.docx), "After much discussion it was agreed not to
    # sign …" (milburn-pc-2018-09-04.pdf), "It was therefore resolved to retain …"
    # (newbiggin-pc-2019-09-03.docx). A sentence opening "It was agreed" is a lead-in.
    (
        "decided",
        r"^(?:[^.;:]{1,80}?[:,]\s+)?"
        r"(?:(?:therefore|thus|so|finally|(?:after|in)\s+(?:(?:much|some|further|lengthy|long|"
        r"brief|a\s+(?:long|short|brief)|more|the)\s+)?discussion),?\s+)?(?:it\s+was\s+"
        r"(?:therefore\s+|also\s+|then\s+|further\s+|finally\s+)?"
        r"(?:unanimously\s+|collectively\s+|generally\s+)?(?:decided|agreed|resolved)|"
        # "The Parish Council agreed …", "All Councillors agreed …", "All agreed to …",
        # "The Councillors resolved to pay all of the above." (newbiggin-pc-2019-09-03.docx),
        # "Everyone agrees!" (sunpy-org-meeting-2014-03-05.md)
        r"(?:we|all|everyone|everybody|(?:all\s+)?(?:the\s+)?(?:[\w&'’-]+\s+){0,2}?(?:members|"
        r"group|committee|board|council|councillors|governors|commissioners|ec|executive|"
        r"trustees|directors|team|meeting|panel|forum|sig|wg|tsc|tg|working\s+group|"
        r"task\s+group|steering\s+(?:group|committee)))\s+(?:present\s+)?"
        r"(?:unanimously\s+)?(?:decided|agreed|agrees|resolved\s+(?:to|that)|"
        r"voted\s+(?:unanimously\s+)?(?:to|in\s+favou?r)|"
        # "The Parish Council noted the accounts presented.", "All Councillors noted they
        # were content."
        r"noted\s+(?:the|this|these|(?:that\s+)?they\s+were)))\b",
        "agreed",
    ),
    # "Agenda approved", "Minutes approved with amendments."
    (
        "item_approved",
        # a date's abbreviated month keeps its full stop: "Minutes of Feb. 17 2021 were
        # approved as circulated." (licton-springs-cc-2021-03-17.md)
        r"^(?:the\s+)?(?:agenda|minutes|accounts|budget)\b(?:[^.;]|\.(?=\s*\d)){0,60}?\s"
        r"(?:approved|adopted|"
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
    # "The Constitution was ratified, with two members abstaining."
    ("ratified", r"\b(?:was|were)\s+(?:duly\s+|unanimously\s+)?ratified\b", "approved"),
    # "Consensus: adopt the proposal", "There was consensus to …"
    (
        "consensus",
        r"^(?:#?agreed\s*:|consensus\s*:)|\b(?:there\s+was|reached|by)\s+consensus\b|"
        r"\bagreement\s+in\s+(?:the\s+)?room\b|\bnem\.?\s*con\b|"
        # "Agreement was reached on the importance of …", "Agreement to use the weekly …"
        r"^agreement\s+(?:was|has\s+been)\s+reached\b|^agreement\s+to\s+[a-z]|"
        # "General agreement this is a useful approach." (riscv-cso-sig-2020-12-07.adoc)
        r"^(?:general|broad|unanimous|full)\s+agreement\b|"
        # "Agreement among the Board that we don't need the BPP" (openafs-foundation-2017)
        r"^agreement\s+(?:among|amongst|of|by|within)\s+the\s+[\w ]{1,30}?\s+that\b",
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
    # "Motion to approve DQC_0066 for public review by Chase Bongirno, seconded by Mohini
    # Singh. Motion passed."
    ("motion_to", r"^motion\s+to\s+[a-z]+\b.{0,240}?\bseconded\b", "carried"),
    # A team's choices: "PHP (Raw) selected as the backend language", "MySQL chosen for the
    # database system", "The project topic … was finalized."
    (
        "chosen",
        r"^[\w ().,+/-]{1,60}?\s(?:was|were)\s+(?:chosen|selected)\s+(?:as|for)\s+[a-z]|"
        r"^[\w ().,+/-]{1,40}?\s(?:chosen|selected)\s+as\s+(?:the|our)\s|"
        r"\b(?:was|were|has\s+been|have\s+been)\s+finali[sz]ed\b",
        "agreed",
    ),
    # IETF working groups: "After discussion, the sense of the room was to move forward …"
    ("sense_of_room", r"\bsense\s+of\s+the\s+(?:room|meeting|group)\s+was\b", "agreed"),
    # "The following documents were approved for publication: …"
    (
        "documents_approved",
        r"^(?:the\s+)?following\s+[\w\s-]{1,30}?\s+(?:was|were)\s+(?:unanimously\s+)?"
        r"(?:approved|adopted|ratified|endorsed|agreed)\b",
        "approved",
    ),
    # A document and the outcome after a dash: "Finance Policy - Approved", "Accessibility
    # Plan - Ratified" (decoy-fgb-2020-02-03.pdf, a governors' policy review).
    # "Child Protection Policy – Agreed" (decoy-fgb-2019-10-14.pdf), an election: "Secretary:
    # G M Beat – Unanimous" (tayport-cc-2018-11-05.pdf); not apologies.
    (
        "titled_outcome",
        r"^(?!apologies\b)[\w’'&/(). ]{3,80}?\s[-–—:]\s*(?:approved|ratified|adopted|endorsed|"
        r"agreed|accepted|carried|unanimous)\b",
        "approved",
    ),
    # The outcome closing a short line, capitalised as a verdict: "Replacement windows at 16
    # Rose Street DD6 9DJ Agreed" (tayport-cc-2018-09-03.pdf, planning applications).
    (
        "closing_outcome",
        r"^(?!apologies\b)[^.;:]{3,100}?\s(?-i:Agreed|Approved|Ratified|Adopted|Carried)"
        r"[.!]?\s*$",
        "approved",
    ),
    # What was approved, then the list: "Grants approved: PyCon Africa: USD $500",
    # "Individual members approved: Emmanuel Katchy, …" (dsf-board-2025-09-11.md, -10-09.md)
    (
        "approved_list",
        r"^(?!apologies\b)[\w'’ -]{2,40}?\s(?:approved|adopted|ratified|accepted|elected)\s*:\s*\S",
        "approved",
    ),
    # A licensing board's verdict closing an application: "… Banco de Sabadell. GRANTED"
    ("verdict", r"(?-i:\b(?:GRANTED|APPROVED|DENIED|REJECTED|CARRIED)\b)\W*$", "approved"),
    # Last, as the most general: a sentence whose subject is what was decided ("A date and
    # time in February were agreed.", stoke-ferry-pc-2019-02-06.md); not apologies, nor the
    # "it" or "this" of a report.
    (
        "subject_agreed",
        r"^(?!(?:apologies|it|this|that|there|he|she|they)\b)[\w'’&,()-]+(?:\s+[\w'’&,()-]+)"
        r"{0,7}?\s+(?:was|were)\s+(?:unanimously\s+|duly\s+)?(?:agreed|approved|adopted)"
        r"\s*(?:[.;(]|$|\s+(?:for|as|by\s+(?:all|everyone|the\s+meeting)|unanimously)\b)",
        "agreed",
    ),
)

#: Past-tense verbs that make an "Action:" line a record of a decision (US minutes), not a task.
DECISION_VERBS: Final[str] = (
    r"approved|adopted|ratified|awarded|introduced|appointed|accepted|denied|authori[sz]ed|"
    r"continued|received|rejected|referred|tabled|passed|carried|failed|deferred|confirmed|"
    r"noted|elected|waived|granted|refused"
)


#: The lead-ins compiled, anchored at a block start: (id, pattern, outcome), ids
#: ``decisions.lead.<id>``.
LEAD_PATTERNS: Final = tuple(
    (
        rid,
        pattern(
            f"decisions.lead.{rid}",
            rf"^\s*\**\s*(?P<lead>{pat})\**\s*[:\-–—]?\s*",
            re.IGNORECASE,
        ),
        outcome,
    )
    for rid, pat, outcome in RESOLUTION_LEADS
)
#: The decision sentences compiled: (id, pattern, outcome), ids ``decisions.sentence.<id>``.
DECISION_PATTERNS: Final = tuple(
    (rid, pattern(f"decisions.sentence.{rid}", pat, re.IGNORECASE), outcome)
    for rid, pat, outcome in DECISION_SENTENCES
)

#: A sentence that says something did not happen decides nothing ("no one was appointed").
NEGATED = pattern("decisions.negated", r"\b(?:no\s+one|nobody|not|never|neither)\b", re.IGNORECASE)
DECISION_KEYWORDS = pattern(
    "decisions.decision_keywords",
    r"resolved|agree|approved|noted|endorsed|ratified|adopted|accepted|"
    r"resolution|decision|supported|decided|seconded|elected|appointed|consensus|"
    r"agreement|nem|granted|denied|rejected|carried|motion|moved?|objections?|chosen|selected|"
    r"finali[sz]ed|sense|vote|voted|authori[sz]ed|M/S|MS[ACP]|"
    # the translated labels and verbs above
    r"決議|决议|決定|决定|beslut|besl[öo]t|vedtak|beschlu|beschlie|d[ée]cid|besluit|beslo|"
    r"acuerdo|delibera|p[äa][äa]t[öo]s|unanimi|einstimmig|acord|aprob|aprueba|decide",
    re.IGNORECASE,
)
#: An item number opening a sentence of a paragraph ("6.1 The minutes were approved." on a
#: <br>-broken line of wigan-ehn-2009-01-12.htm): the sentence is read after it.
SENTENCE_NUMBER = pattern(
    "decisions.sentence_number", r"\d{1,3}(?:\.\d{1,3}){1,2}\.?[ \t]+(?=[A-Z])"
)
NUMBERED_DECISION = pattern(
    "decisions.numbered_decision",
    r"^\s*(?:\(?(?P<n>\d{1,2}|[a-z]|[ivx]{1,4})[.)]|(?P<n2>\d{1,2})\.)\s+(?P<t>\S.*)$",
    re.DOTALL,
)
INLINE_NUMBERS = pattern(
    "decisions.inline_numbers",
    r"(?:^|[;:]\s*|\s)\((?P<n>\d{1,2}|[a-z]|[ivx]{1,4})\)\s+",
    re.IGNORECASE,
)
#: A mover or seconder: at most one office or honorific, then up to three capitalised words.
#: Not ``people.PERSON`` (the attendance name, which takes any honorifics but stricter words):
#: the two read different text, and one pattern for both changes which motions are found.
MOTION_PERSON: Final[str] = (
    r"(?:(?:Councilmember|Councillor|Cllr|Commissioner|Board\s*Member|Member|Trustee|Governor|"
    r"Director|Vice\s+Mayor|Mayor|Mr|Mrs|Ms|Dr|Prof|Chair|Vice[- ]Chair|President)\.?\s+)?"
    r"[A-Z][a-zA-Z'’\-]+(?:\s+(?:[A-Z]\.?\s+)?[A-Z][a-zA-Z'’\-]+){0,2}"
)
#: Who seconded a motion, after what it moves: "… seconded by Cllr Lee", "… The motion was
#: seconded by Baille", "… Dopler seconded".
SECONDED_BY: Final[str] = (
    rf"(?:(?:(?:it|the\s+motion)\s+was\s+)?seconded\s+by\s+(?P<sec1>{MOTION_PERSON})|"
    rf"(?P<sec2>{MOTION_PERSON})\s+seconded)"
)
MOVED = pattern(
    "decisions.moved",
    # "motioned" and "/" as US village and HOA minutes write them: "Corson motioned to approve
    # the 2013-14 Operating Budget/Dopler seconded." (rapids-city-vb-2013-05-14.pdf)
    rf"(?P<mover>{MOTION_PERSON})\s+(?:moved|motioned|proposed|made\s+a\s+motion\s+(?:to|for))\s+"
    rf"(?P<what>[^;.]+?)(?:[;,./]\s*|\s+and\s+){SECONDED_BY}",
)
#: The same in the passive: "A motion was made by Patty Brooks to approve minutes. Denise
#: VanWicklen seconded …" (whit-davis-pto-2010-01-12.pdf).
MOTION_MADE_BY = pattern(
    "decisions.motion_made_by",
    rf"\b[Aa]\s+motion\s+was\s+made\s+by\s+(?P<mover>{MOTION_PERSON})\s+"
    rf"(?P<what>(?:to|that|for)\s+[^;.]+?)(?:[;,.]\s*|\s+and\s+){SECONDED_BY}",
)
#: A motion seconded before what it moves: "Councilmember DeWorken moved, seconded by
#: Councilmember Gibson, to approve second and final reading of …" (Greenville city council).
MOVED_SECONDED = pattern(
    "decisions.moved_seconded",
    rf"(?P<mover>{MOTION_PERSON})\s+moved,\s+(?:and\s+(?:it\s+was\s+)?)?seconded\s+by\s+"
    rf"(?P<sec1>{MOTION_PERSON}),?\s+(?P<what>(?:to|that)\s+[^;.]+)",
)
#: A motion no one seconded ("… made a motion to approve …. The motion died for lack of a
#: second."): only the unmistakable verbs, and only with what it proposes.
MOVED_ALONE = pattern(
    "decisions.moved_alone",
    rf"(?P<mover>{MOTION_PERSON})\s+(?:moved|motioned|made\s+a\s+motion\s+to)\s+"
    rf"(?P<what>(?:that|to|approv|adopt|accept|deny|reject|refer)\w*\b[^;.]*)",
)
#: The verbs both motion patterns need; a block without one holds no motion.
MOTION_CUE = pattern(
    "decisions.motion_cue", r"moved|motioned|proposed|made\s+a\s+motion|motion\s+was\s+made"
)
#: A body deciding mid-sentence: "… and the commission unanimously approved Option 1 …".
BODY_DECIDED = pattern(
    "decisions.body_decided",
    # the members who decide, as UK parish and US council minutes name them, or "the meeting"
    rf"\b(?:the\s+)?(?:{BODY}|councillors|councilors|councilmembers|commissioners|meeting)\s+"
    r"(?:unanimously\s+)?(?P<verb>approved|adopted|agreed\s+(?:to|that)|resolved\s+(?:to|that)|endorsed)"
    r"\s+\S",
    re.IGNORECASE,
)
#: Words that make what follows a report of a decision taken elsewhere, not one of this meeting.
REPORTED = pattern(
    "decisions.reported",
    r"\b(?:reported|said|stated|noted|announced|informed|explained|mentioned|advised|updated)\b"
    r"[^.;]*\bthat\b",
    re.IGNORECASE,
)
PASSIVE = pattern(
    "decisions.passive",
    r"\b(?:the\s+)?(?:minutes|motion|recommendations?|report|budget|policy|application|proposal|"
    r"accounts|terms\s+of\s+reference|amendment|plan|strategy|consent\s+calendar|agenda|mou|"
    r"memorandum|contract|agreement|constitution|schedule|statement|charter|procedure|"
    r"guidelines)\b[^.;]{0,200}?"
    r"\s+(?:was|were)\s+(?:unanimously\s+|duly\s+)?(?P<verb>approved|adopted|agreed|accepted|"
    r"carried|ratified|endorsed|noted)\b",
    re.IGNORECASE,
)
# Names keep their capitals: matched case-blind, "Cllr Dunn and" would be a name.
PROPOSED = pattern(
    "decisions.proposed",
    rf"(?i:proposed|moved)\s*(?i:by)?\s*:?\s*(?P<mover>{MOTION_PERSON})[,;.]?\s*(?i:and\s+)?"
    rf"(?i:seconded)\s*(?i:by)?\s*:?\s*(?P<sec>{MOTION_PERSON})",
)
OUTCOME = pattern(
    "decisions.outcome",
    r"\b(?:motion|amendment|resolution|recommendation)?\s*(?:was\s+)?"
    r"(?P<o>carried|passed|approved|adopted|failed|defeated|lost|fell|died)\b",
    re.IGNORECASE,
)
VOTE_COUNT = pattern(
    "decisions.vote_count",
    r"\b(?:carried|passed|approved|failed|defeated|lost|vote[ds]?|voting)\b[^.;]{0,30}?"
    r"(?P<f>\d{1,2})\s*(?:-|–|to|:)\s*(?P<a>\d{1,2})(?:\s*(?:-|–|:)\s*(?P<ab>\d{1,2}))?"
    r"(?:\s*(?:,|with|and)\s*(?P<ab2>\d{1,2})\s+abstentions?)?",
    re.IGNORECASE,
)
UNANIMOUS = pattern(
    "decisions.unanimous",
    r"\bunanimous(?:ly)?\b|\ball\s+in\s+favou?r\b|\bnem\.?\s*con\.?",
    re.IGNORECASE,
)
VOICE_VOTE = pattern("decisions.voice_vote", r"\bvoice\s+vote\b", re.IGNORECASE)
VOICE_COUNT = pattern(
    "decisions.voice_count", r"voice\s+vote\s*[–—-]\s*(?P<n>\d{1,2})\b", re.IGNORECASE
)
NAMED_VOTES = pattern(
    "decisions.named_votes",
    r"\b(?P<k>Ayes?|Yes|For|In\s+favou?r|Noes?|Nays?|Against|Abstain(?:ed|ing|s|tions?)?|"
    r"Absent|Recused)\s*:\s*(?P<names>[^;:]*?)(?=(?:;|\.\s|\.$|$|\b(?:Ayes?|Yes|For|Noes?|Nays?|"
    r"Against|Abstain\w*|Absent|Recused)\s*:))",
    re.IGNORECASE,
)

#: A count after a list of voters ("Ayes: A, B (2)", "Noes: C – 1"), with the space before it.
TRAILING_VOTE_COUNT = pattern(
    "decisions.trailing_vote_count", r"\s*(?:\((?P<a>\d{1,2})\)|[–—-]\s*(?P<b>\d{1,2}))\s*$"
)

#: Between the names of a vote's list ("A, B and C", "A & B").
VOTER_SEPARATOR = pattern("decisions.voter_separator", r",\s*|\s+and\s+|\s*&\s*")

#: A word in capitals ("RESOLVED", "AGREED").
UPPER_WORD = pattern("decisions.upper_word", r"\b[A-Z]{4,}\b")

#: Capitals opening a decision before its sentence ("RESOLVED THAT The …").
CAPS_LEAD = pattern("decisions.caps_lead", r"(?:[A-Z]{3,}\s+)+(?=[A-Z][a-z])")

#: An agenda item named in a decision ("5-A", "7.2").
ITEM_REFERENCE = pattern("decisions.item_reference", r"\b(\d{1,3}-[A-Z]|\d{1,3}(?:\.\d{1,2})+)\b")

#: The title before a vote's list of names ("Councilmembers A, B and C").
VOTERS_TITLE = pattern(
    "decisions.voters_title",
    r"^(?:Councilmembers?|Councillors?|Cllrs?\.?|Commissioners?|Board\s*members?|"
    r"Members?|Trustees?|Governors?|Directors?)\s+",
    re.IGNORECASE,
)

#: A line that names a mover or seconder ("Proposed Cllr A, seconded Cllr B").
MOVER_LINE = pattern("decisions.mover_line", r"\s*(?:proposed|moved|seconded)\b", re.IGNORECASE)

#: A decision label followed by its outcome only ("決議：通過。" resolved: passed; "Decision:
#: Approved."): what was decided is the proposal just before it.
OUTCOME_ONLY = pattern(
    "decisions.outcome_only",
    r"(?:照案)?(?:通過|通过)[。.]?|(?:approved|agreed|carried|adopted|passed|accepted)[.!]?",
    re.IGNORECASE,
)

#: A heading over a list of what was decided: "Conclusion" (lumiera-devmeeting-2012-09-12.txt),
#: "Decisions", "Decisions made", "Agreed", and the same in other languages; not a summary
#: that lists again the decisions stated in the record ("Summary of Resolutions").
DECISIONS_HEADING = pattern(
    "decisions.decisions_heading",
    r"^\W{0,3}(?:\d{1,2}[.)]?\s+)?(?:conclusions?|decisions?(?:\s+(?:made|taken|"
    r"reached))?|resolutions?(?:\s+passed)?|agreed|agreements?|beschl(?:uss|üsse)|"
    r"d[ée]cisions?(?:\s+prises)?|conclusiones|acuerdos|besluiten|decisioni)\W{0,3}$",
    re.IGNORECASE,
)
#: A line introducing a list of what was decided: "Nevertheless we agree on the following..."
#: (lumiera-devmeeting-2012-09-12.txt), "The following was agreed:", "It was decided:".
DECISIONS_INTRO = pattern(
    "decisions.decisions_intro",
    r"\b(?:agree[sd]?|decided?|resolved)\b(?:\s+(?:on|upon|to))?\s+the\s+following\b[^.:]{0,20}"
    r"(?:\.{3}|…|:)\s*$|\bfollowing\s+(?:was|were|has\s+been|have\s+been)\s+(?:agreed|decided|"
    r"resolved)\s*:\s*$",
    re.IGNORECASE,
)

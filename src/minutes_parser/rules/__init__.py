"""Every data-driven rule in one readable place.

Vocabularies (headings, honorifics, statuses, labels) are plain Python literals with ids so a
reader can review them without reading any regex engine code. They are validated at import
(see :func:`_validate`), so a typo fails loudly in the tests rather than silently matching
nothing.
"""

from __future__ import annotations

import re
from typing import Final


def _words(text: str) -> frozenset[str]:
    """A vocabulary written as a comma-separated list (entries may contain spaces)."""
    return frozenset(w.strip() for w in text.replace("\n", " ").split(",") if w.strip())


# --------------------------------------------------------------------------------------------
# Layout (used by loaders)
# --------------------------------------------------------------------------------------------

#: Labels that document templates print in a left margin column beside the content.
#: Matched case-insensitively, with an optional trailing colon.
MARGIN_LABELS: Final[tuple[str, ...]] = (
    "Agenda item",
    "Agenda Item No",
    "Item",
    "Action",
    "Actions",
    "Action by",
    "Owner",
    "Lead",
    "Decision",
    "Outcome",
)

#: Margin labels that name a section: they label a numbered heading and nothing else.
SECTION_LABELS: Final[frozenset[str]] = frozenset({"agenda item", "agenda item no", "item"})

#: Characters that open a bullet list item when they stand first on a line.
BULLETS: Final[str] = "·•●○◦▪■□►▸‣⁃∙o*-–"

#: Prefixes kept hyphenated when a line break falls after them ("multi-\nagency").
HYPHEN_PREFIXES: Final[frozenset[str]] = _words(
    """
    anti, back, check, co, cross, cyber, day, decision, e, east, ex, follow, front, full, half,
    high, inter, long, low, mid, multi, non, north, over, pan, part, post, pre, re, self, semi,
    short, sign, south, step, sub, under, vice, well, west, x, year
    """
)

#: Invisible or look-alike characters extraction leaves behind, mapped to what they stand for.
CHARACTER_FIXES: Final[dict[str, str]] = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200b": "",  # zero-width space
    "\u200c": "",
    "\u200d": "",
    "\ufeff": "",
    "\u00ad": "",  # soft hyphen
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\u2010": "-",
    "\u2011": "-",
}

TERMINAL_PUNCTUATION: Final[str] = ".!?:;"


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

MONTHS: Final[dict[str, int]] = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

#: Words that make an ambiguous numeric date ("04/05/2024") read month-first.
MDY_SIGNALS: Final[tuple[str, ...]] = (
    "councilmember",
    "council member",
    "mayor",
    "a.m.",
    "p.m.",
    "roll call",
    "ayes",
    "noes",
    "city manager",
    "county of",
    "vice mayor",
    "moved approval",
    # US states, read only when the dates themselves do not settle the order
    "alabama",
    "arizona",
    "california",
    "colorado",
    "connecticut",
    "florida",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "missouri",
    "nebraska",
    "new jersey",
    "north carolina",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "tennessee",
    "texas",
    "wisconsin",
)


# --------------------------------------------------------------------------------------------
# Document kind
# --------------------------------------------------------------------------------------------

#: Phrases that show a document records a meeting. Each has an id and a weight.
MINUTES_SIGNALS: Final[tuple[tuple[str, str, float], ...]] = (
    ("minutes_word", r"\bminutes\b", 1.0),
    # A title line, "MINUTES OF THE SPECIAL CITY COUNCIL MEETING", "Meeting Minutes"; not a
    # sentence ("The minutes of the last meeting were approved").
    (
        "minutes_title",
        r"^(?!.*\b(?:were|was|are|is|be|been)\b)(?:\w+\s+){0,4}minutes"
        r"(?:\s+(?:of|for|from)\s+.{1,80})?$",
        2.5,
    ),
    ("meeting_held", r"\bmeeting\b.{0,80}\bheld\b|\bheld\s+on\b", 1.5),
    (
        "present_heading",
        # "Present:", "Members present", "Commissioners Present:", "Others Present:"
        # "(all members present)" as a licensing board's record writes it
        r"^\(?(?:[a-z-]+\s+){0,2}present\b\s*[:)]?|^attendees\b|^attendance\s*:?$|"
        r"^in attendance\b|^sederunt",
        2.5,
    ),
    ("apologies", r"^apologies\b|^regrets\b|apologies for absence", 2.0),
    ("resolved", r"^resolved\b|\bresolved\s*(?:that|:|–|-)|^agreed\s+that|^it was agreed", 1.5),
    ("roll_call", r"\broll call\b", 2.5),
    ("moved_seconded", r"\bseconded\b|\bmoved\b.{0,40}\bapprov", 1.5),
    ("action", r"^action\b|\baction\s*:|\bactions? arising\b", 1.0),
    ("chair", r"\bthe chair\b|\(chair\)|\bchaired\b", 0.5),
    ("adjourned", r"\badjourned\b|\bmeeting closed\b|\bclosed the meeting\b", 1.0),
    # The same record in other languages: the word for minutes (Chinese, Swedish/German/
    # Norwegian/Danish, French, Dutch, Spanish/Portuguese, Italian, Finnish) ...
    (
        "minutes_word_translated",
        r"會議紀錄|會議記錄|会议记录|会议纪要|議事録|\bprotokoll\b|\bprocès-verbal\b|\bnotulen\b|"
        r"\bacta\s+(?:de|da|do)\b|\bverbale\b|\bpöytäkirja\b",
        1.5,
    ),
    # ... and who attended ("出席人員", "Närvarande", "Anwesend", "Présents", "Aanwezig").
    (
        "present_translated",
        r"出席|^n[aä]rvarande\b|^anwesend\b|^pr[ée]sent(?:e)?s\s*:|^aanwezig\b|^asistentes\b|"
        r"^presenti\s*:|^l[äa]sn[äa]\s*:",
        2.0,
    ),
)

#: Phrases typical of documents that are *about* a body's work but are not minutes.
NOT_MINUTES_SIGNALS: Final[tuple[tuple[str, str, float], ...]] = (
    ("annual_report", r"\bannual report\b", 1.0),
    ("contents", r"^(?:table of )?contents$", 2.5),
    ("foreword", r"^foreword\b|^executive summary\b", 1.5),
    ("report_title", r"^(?:first |second |third )?annual report\b", 2.5),
    ("notice", r"\bnotice is hereby given\b|\byou are (?:hereby )?summoned\b", 3.0),
)

#: Structure that shows a record of a meeting whatever its wording: read from the first
#: blocks' headings and lines (id, pattern, weight). Notes of a call ("Meeting 62 Notes",
#: "sync meeting") state no "minutes" and no "Present:" but have these.
MINUTES_STRUCTURE_SIGNALS: Final[tuple[tuple[str, str, float], ...]] = (
    (
        "meeting_title",
        r"^(?!.*\b(?:were|was|are|is|be|been|will|has|have|had)\b)"
        r"(?:[\w#&/.,'’-]+[ \t]+){0,8}(?:meeting|call|sync|minutes|notes|plenum|teleconference|"
        r"telecon|standup|stand-up)\b(?:[ \t]+[\w#&/.,'’()-]+){0,8}[ \t]*:?$",
        1.5,
    ),
    (
        "record_section",
        r"^(?:\d+[.)]?[ \t]+)?(?:summary[ \t]+of[ \t]+)?(?:decisions?(?:[ \t]+made)?|resolutions?|"
        r"actions?(?:[ \t]+(?:items?|required|points|list|log))?|next[ \t]+steps|attendees|"
        r"attendance|(?:\w+[ \t]+)?attendee[ \t]+list|participants|regrets|apologies|present|"
        r"in[ \t]+attendance|"
        r"action[ \t]+items?[ \t]+from[ \t]+last[ \t]+\w+|matters[ \t]+arising|conclusions?)"
        r"[ \t]*:?$",
        1.5,
    ),
    ("numbered_action", r"^action[ \t]+[\w.-]*\d[\w.-]*[ \t]*:", 1.5),
    (
        "meeting_bot",
        r"\bmeeting started by\b|\bscribenick\b|^#(?:agreed|action|topic)\b|"
        r"\bpeople present \(lines said\)|^present:[ \t]*\S",
        2.5,
    ),
    (
        "moderator",
        r"^(?:moderator|facilitator|chair(?:ed by|ing|s)?|scribe|note[- ]?tak(?:er|ing)|"
        r"minute[- ]?taker)[ \t]*:",
        1.0,
    ),
    # A decision recorded as a bare outcome line under each item ("GRANTED", "Approved.").
    ("outcome_line", r"^(?:granted|approved|denied|refused|carried|adopted)\.?[ \t]*$", 1.0),
)

#: Signals only a record of a meeting that took place has (an agenda has the others too).
RECORD_ONLY_SIGNALS: Final[frozenset[str]] = frozenset(
    {
        "present_heading",
        "resolved",
        "moved_seconded",
        "adjourned",
        "meeting_bot",
        "numbered_action",
        "outcome_line",
    }
)

#: A title (the first few blocks) that says the document is about a meeting to come:
#: (id, pattern, weight against minutes).
ANNOUNCEMENT_TITLES: Final[tuple[tuple[str, str, float], ...]] = (
    (
        "agenda_title",
        r"^(?!.*\b(?:was|were|is|are|be|been|to)\b)(?:[\w&'’.,-]+[ \t]+){0,8}agenda"
        r"(?![ \t]+items?\b)(?:[ \t]+[\w&'’.,:/-]+){0,8}[ \t]*$",
        3.0,
    ),
    ("notice_title", r"^notice\s+of\b|^(?:[\w&'’.-]+\s+){0,6}meeting\s+notice\b", 3.0),
)

# --------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------

#: Honorifics and titles kept out of a person's name (lower case, without the dot).
HONORIFICS: Final[frozenset[str]] = _words(
    """
    alderman, board member, board members, boardmember, borough cllr, borough councillor,
    chief superintendent, city cllr, cllr, cllrs, commissioner, commissioners, councillor,
    councillors, councilmember, councilmembers, councilor, county cllr, county councillor, dame,
    dc, dci, deputy mayor, di, district cllr, district councillor, dr, ds, father, fr, governor,
    hon, honourable, insp, inspector, judge, lady, lord, mayor, member, members, miss, mr, mrs,
    ms, mx, parish councillor, pc, prof, professor, ps, rev, revd, reverend, sergeant, sgt, sir,
    sister,
    superintendent, supt, town cllr, trustee, vice mayor, ward cllr, ward councillor
    """
)

#: Lower-case words a title or a body's name can hold ("Update on the Old Mill Site",
#: "Council of the Isles of Scilly"); any other lower-case word means a sentence has begun.
TITLE_LINK_WORDS: Final[frozenset[str]] = _words(
    "&, a, an, and, as, at, by, de, du, for, from, in, into, la, of, on, or, the, to, upon, with"
)

#: Words a full stop follows without ending the sentence (lower case, without the final dot):
#: "Cllr. Smith", "Resolution No. 15576", "approx. 40 residents". Besides these,
#: single letters ("J. Smith") and dotted forms ("e.g.", "U.S.") are told by shape. Titles
#: that are whole words ("Mayor", "Members") are not here: a sentence can end with them.
SENTENCE_ABBREVIATIONS: Final[frozenset[str]] = _words(
    """
    al, apr, approx, aug, ave, cf, cllr, cllrs, co, corp, dc, dci, dec, dept, di, dr, ds, est,
    etc, feb, fig, fr, fri, govt, hon, insp, inc, jan, jr, jul, jun, ltd, mar, min, mins, mon,
    mr, mrs, ms, mx, no, nos, nov, oct, op, para, paras, pc, pg, pp, prof, ps, ref, rep, rev,
    revd, sat, sen, sep, sept, sgt, sr, st, sun, supt, thu, thurs, tue, tues, vol, vs, wed
    """
)

#: Attendance headings → status. Longest match wins; matched at the start of a block.
ATTENDANCE_HEADINGS: Final[tuple[tuple[str, str], ...]] = (
    ("members present", "present"),
    ("trustees present", "present"),
    ("directors present", "present"),
    ("governors present", "present"),
    ("councillors present", "present"),
    ("committee members present", "present"),
    ("board members present", "present"),
    ("commissioners present", "present"),
    ("councilmembers present", "present"),
    ("council members present", "present"),
    ("present", "present"),
    ("attendees", "present"),
    ("attendance", "present"),
    ("attending", "present"),
    ("sederunt", "present"),
    ("members", "present"),
    ("trustees", "present"),
    ("directors", "present"),
    ("roll call", "present"),
    ("in attendance", "in_attendance"),
    ("also in attendance", "in_attendance"),
    ("also present", "in_attendance"),
    ("also attending", "in_attendance"),
    ("officers", "in_attendance"),
    ("officers present", "in_attendance"),
    ("officers in attendance", "in_attendance"),
    ("staff", "in_attendance"),
    ("staff present", "in_attendance"),
    ("staff in attendance", "in_attendance"),
    ("others present", "in_attendance"),
    ("commissioners absent", "absent"),
    ("councilmembers absent", "absent"),
    ("council members absent", "absent"),
    ("guests", "in_attendance"),
    ("observers", "in_attendance"),
    ("clerk", "in_attendance"),
    ("minutes", "in_attendance"),
    ("minute taker", "in_attendance"),
    ("apologies", "apologies"),
    ("apologies for absence", "apologies"),
    ("apologies received", "apologies"),
    ("apologies received from", "apologies"),
    ("regrets", "apologies"),
    ("absent", "absent"),
    ("members absent", "absent"),
    ("not present", "absent"),
    ("absent without apologies", "absent"),
    ("excused", "apologies"),
    ("members excused", "apologies"),
    ("participants", "present"),
    ("attendee list", "present"),
    ("view attendee list", "present"),
    ("attendants", "present"),  # a shared-document export's attendance heading
    ("attendance list", "present"),
    # MeetBot's closing list: "People present (lines said)" / "* jmrodri (87)"
    ("people present", "present"),
    ("staff attending", "in_attendance"),
)

#: Column titles under which a table lists who attended, several names a cell ("Date |
#: Participants | Content"): a running log's table, each row a meeting.
ATTENDANCE_COLUMN_TITLES: Final[frozenset[str]] = frozenset(
    {"participants", "attendees", "attendance", "present", "members present", "absent", "apologies"}
)

#: User names of meeting bots, never attendees ("brokerbot", "lndev-bot", "zakim").
BOT_HANDLES: Final[str] = r"^(?:[\w.-]*[-_.]?bot\d*|zakim|rrsagent|trackbot|meetbot|github-bot)$"

#: Words that open a sentence of narrative, not a list of people, after an attendance list
#: in the same paragraph: "Others Present: Jackie Krause. No members of the public attended."
ATTENDANCE_NARRATIVE_OPENERS: Final[frozenset[str]] = _words(
    """
    a, all, an, apologies, as, because, due, everyone, it, no, nobody, none, the, there, this,
    we
    """
)

#: Offices written before a bare surname in roll calls ("Chair Dieter", "Vice Chair
#: Alexander", "Mayor/Chair Ezzy Ashcraft"); job titles are not ("Consultant Cardiologist").
TITLES_BEFORE_SURNAME: Final[frozenset[str]] = _words(
    """
    alderman, board member, chair, chairman, chairperson, chairwoman, clerk, co-chair,
    commissioner, council member, councillor, councilmember, councilor, deputy mayor, director,
    governor, mayor, member, president, secretary, supervisor, treasurer, trustee, vice chair,
    vice mayor, vice president, vice-chair
    """
)

#: Role words that mark a chair or a minute-taker in an attendance entry.
CHAIR_ROLES: Final[frozenset[str]] = _words(
    """
    chair, chair of the meeting, chairman, chairperson, chairwoman, independent chair, independent
    chairman, mayor, presiding
    """
)
MINUTE_TAKER_ROLES: Final[frozenset[str]] = _words(
    """
    clerk, minute secretary, minute taker, minute-taker, minutes, minuting, note taker, notes,
    scribe, secretary
    """
)

#: Membership words that follow a name after a dash in UK templates ("Name - Member").
MEMBERSHIP_WORDS: Final[frozenset[str]] = _words(
    """
    adviser, advisor, associate member, chair, co-opted member, deputy chair, guest, member,
    minutes, observer, officer, vice chair, vice-chair
    """
)

#: Head nouns of job titles: a phrase holding one of these reads as a role, not a name.
ROLE_HEADS: Final[frozenset[str]] = _words(
    """
    accountant, administrator, adviser, advisor, analyst, assistant, attorney, auditor, bursar,
    cabinet, ceo, cfo, chair, chairman, chairperson, chairwoman, chancellor, chaplain, clerk,
    co-ordinator, commander, constable, consultant, controller, convener, convenor, coo,
    coordinator, correspondent, councillor, counsel, cto, dean, deputy, director, doctor,
    engineer, executive, facilitator, governor, guest, head, headteacher, inspector, lead,
    librarian, manager, mayor, member, minutes, nurse, observer, officer, partner, planner,
    portfolio, president, principal, provost, registrar, representative, scribe, secretary,
    solicitor, specialist, staff, superintendent, teacher, treasurer, trustee, vice-chair
    """
)

#: Words that make a phrase a role or job title rather than a person's name: the role heads
#: and the words around them ("Strategic Commissioning Manager").
ROLE_WORDS: Final[frozenset[str]] = ROLE_HEADS | _words(
    """
    &, acting, agency, and, architect, associate, association, assurance, at, authority, board,
    business, chief, co-opted, college, committee, communications, council, democratic,
    department, designated, development, division, finance, for, foundation, governors, group,
    health, holder, hr, in, independent, interim, junior, lay, legal, limited, local, ltd,
    marketing, md, minute, nhs, of, office, on, operations, pa, parent, plc, police, policy,
    product, programme, project, public, quality, safeguarding, school, senior, sergeant, service,
    services, society, staff, strategic, student, support, taker, team, the, to, trust,
    university, vice
    """
)

#: Words that make a phrase an organisation rather than a person's name.
ORGANISATION_WORDS: Final[frozenset[str]] = _words(
    """
    agency, associates, association, authority, bank, board, borough, capital, center, centre,
    children, church, cic, city, clinic, club, cluster, college, commission, committee, company,
    consortium, consulting, council, county, department, district, division, forum, foundation,
    gmbh, government, group, healthwatch, holdings, hospital, inc, institute, labs, limited, llc,
    llp, ltd, ministry, network, nhs, office, panel, parish, partners, partnership, plc, police,
    safeguarding, school, service, services, society, solutions, systems, team, technologies,
    town, trust, union, unit, university, ventures
    """
)

#: Words that head sections and so are never a person's name ("Notes", "Contents").
NOT_NAMES: Final[frozenset[str]] = _words(
    """
    absent, action, actions, agenda, agreed, annex, any, aob, apologies, appendix, arising,
    attachments, attendance, attendees, background, business, close, closed, contents,
    correspondence, date, decision, decisions, discussion, finance, guests, introduction, item,
    items, location, matters, meeting, minutes, next, nil, none, note, notes, other, planning,
    present, public, questions, regrets, report, reports, resolved, summary, team, time, topic,
    update, updates, venue, welcome,
    councillors, directors, governors, members, officers, residents, staff, trustees, volunteers
    """
)

#: Titles that appear in a numbered contents list but are sections of the record, not
#: agenda items (W3C-style scribe minutes end with these summaries).
NOT_AGENDA_TITLES: Final[tuple[str, ...]] = (
    r"summary of (?:action items|actions|resolutions|decisions)",
    r"(?:table of )?contents",
)

#: Section headings every minutes has that are not items of business (regex fragments).
STRUCTURAL_HEADINGS: Final[tuple[str, ...]] = (
    r"agenda",
    r"minutes",
    r"meeting\s+minutes",
    r"notes",
    r"links?",
    r"resources",
    r"location",
    r"venue",
    r"date",
    r"time",
    r"date\s*(?:and|&|/)\s*time",
    r"meeting\s+(?:date|time|duration|info|information|details)",
    r"next\s+meeting",
    r"date\s+(?:of|for)\s+(?:the\s+)?next\s+meeting",
    r"audio",
    r"video",
    r"recording",
    r"github\s+agenda",
    r"moderator",
    r"summary",
    r"contents",
    r"table\s+of\s+contents",
    r"reminders",
    r"attendance",
    r"attendees",
    r"meeting\s+summary",
    r"end\s+of\s+(?:the\s+)?meeting",
    r"meeting\s+(?:opened|closed|started|ended)",
    r"(?:opened|closed)",
    r"(?:actions?|action\s+items?|action\s+list)[\s,]+(?:by|from)\b",
)

#: Headings of a membership list: not attendance, but the full names that short mentions
#: ("Sofia", "RC") refer to.
ROSTER_HEADINGS: Final[tuple[str, ...]] = (
    "team",
    "team members",
    "membership",
    "committee membership",
    "members of the committee",
    "board membership",
    "project team",
    "core team",
    "distribution",
    "circulation",
)

#: Words that open an organisation name ("Chief Nurse at NHS Rotherham CCG").
ORGANISATION_SEPARATORS: Final[tuple[str, ...]] = (" at ", " of the ", " for the ", " with ")

#: Phrases joining a substitute to the member they stand in for.
SUBSTITUTE_PATTERNS: Final[tuple[str, ...]] = (
    r"\s+representing\s+",
    r"\s+(?:attended\s+|attending\s+|present\s+)?on\s+behalf\s+of\s+",
    r"\s+substitut(?:ed|ing)\s+for\s+",
    r"\s+\(?(?:as\s+)?substitute\s+for\s+",
    r"\s+deputising\s+for\s+",
    r"\s+in\s+place\s+of\s+",
    r"\s+for\s+(?=(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\b)",
)

#: Groups that can own an action or attend as a whole.
GROUP_OWNERS: Final[tuple[str, ...]] = (
    "all members",
    "all board members",
    "all trustees",
    "all governors",
    "all councillors",
    "all directors",
    "all committee members",
    "all",
    "everyone",
    "the board",
    "the committee",
    "members",
    "all partners",
    "all agencies",
    "all staff",
    "staff",
    "officers",
    "directors of education",
    "committee chairs",
    "the team",
    "team",
)

# --------------------------------------------------------------------------------------------
# Decisions
# --------------------------------------------------------------------------------------------

#: Lead-ins of a formal decision, with the outcome they record. Matched at a block start.
RESOLUTION_LEADS: Final[tuple[tuple[str, str, str], ...]] = (
    (
        "resolved",
        r"(?:it\s+was\s+)?resolved\s*(?:unanimously\s*)?(?::|–|-|—|,)?\s*(?:that\b)?",
        "resolved",
    ),
    (
        "board_resolved",
        r"(?:the\s+)?(?:board|committee|council|panel|trustees|governors|directors|commission)\s+(?:unanimously\s+)?resolved\s*(?:to\b|that\b|:)?",
        "resolved",
    ),
    ("agreed_that", r"agreed\s*(?::|–|-)?\s*that\b", "agreed"),
    ("agreed_colon", r"agreed\s*(?::|–|-)", "agreed"),
    ("agreed_unanimously", r"agreed\s+unanimously\s+(?:that\s+|to\s+)?", "agreed"),
    ("it_was_agreed", r"it\s+was\s+(?:unanimously\s+)?agreed\s+(?:that\s+|to\s+)?", "agreed"),
    (
        "body_agreed",
        r"(?:the\s+)?(?:board|committee|council|panel|trustees|governors|directors|members|commission|group)\s+(?:unanimously\s+)?agreed\s+(?:that\s+|to\s+)?",
        "agreed",
    ),
    (
        "body_approved",
        r"(?:the\s+)?(?:board|committee|council|panel|trustees|governors|directors|members|commission|group)\s+(?:unanimously\s+)?approved\b",
        "approved",
    ),
    (
        "body_noted",
        r"(?:the\s+)?(?:board|committee|council|panel|trustees|governors|directors|commission)\s+noted\b",
        "noted",
    ),
    (
        "body_endorsed",
        r"(?:the\s+)?(?:board|committee|council|panel|trustees|governors|directors|members|commission|group)\s+(?:unanimously\s+)?(?:ENDORSED|RATIFIED|ADOPTED|ACCEPTED|SUPPORTED)\b",
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

# --------------------------------------------------------------------------------------------
# Actions
# --------------------------------------------------------------------------------------------

#: Status wording → status. Checked in order; first match wins (so "not complete" precedes
#: "complete").
ACTION_STATUS_WORDS: Final[tuple[tuple[str, str], ...]] = (
    (
        r"\bsuperseded\b|\bwithdrawn\b|\bno longer (?:required|needed|relevant)\b|\bcancelled\b|"
        r"\bdropped\b|\bnot required\b|\bclosing\s+(?:it|this|action)|\bpropos\w+\s+(?:we\s+)?drop",
        "dropped",
    ),
    (r"\bnot\s+(?:yet\s+)?(?:complete|completed|done|started)\b", "ongoing"),
    (
        r"\bcarr(?:ied|y)\s*(?:it\s+)?(?:forward|over)\b|\bc/f\b|\bb/f\b|\brolled\s+over\b|"
        r"\bdeferred\b",
        "carried_forward",
    ),
    (
        r"\bdischarged\b|\bcomplete[d]?\b|\bdone\b|\bclosed\b|\bachieved\b|\bresolved\b|"
        r"\bremoved from (?:the )?log\b|\bactioned\b|\bfixed\b|\bdelivered\b",
        "completed",
    ),
    (
        r"\bon-?\s?going\b|\bin progress\b|\bunderway\b|\bunder way\b|\bpending\b|\bstill open\b|"
        r"\bno response\b|\bfollow(?:ing)? (?:this )?up\b|\bpartially\b|\bstill waiting\b|"
        r"\bawaiting\b|\bin hand\b|\bto follow up\b|\boverdue\b|\bre-?opened\b",
        "ongoing",
    ),
    (r"\bopen\b|\bnew\b|\bnot started\b", "open"),
)

#: Headings of a list of this meeting's actions (regex fragments, matched whole, with an
#: optional qualifier: "Action items for Cultivator", "Next steps:"). Headings that name
#: earlier actions ("Action items from last month") are reviews, not new actions.
ACTIONS_SECTION_HEADINGS: Final[tuple[str, ...]] = (
    r"(?:new\s+|agreed\s+)?actions?(?:\s+agreed|\s+arising|\s+points?|\s+required)?",
    r"(?:new\s+)?action\s+items?",
    r"action\s+(?:list|log|summary|plan)",
    r"summary\s+of\s+action\s+items",
    r"next\s+steps",
    # a team log's "Plan for the next week:"
    r"plans?\s+for\s+(?:the\s+)?(?:next|coming|following)\s+(?:week|meeting|month|sprint|fortnight)",
    r"to-?\s?dos?",
    r"tasks?(?:\s+assigned)?",
    r"assigned\s+tasks",
    r"follow[- ]?ups?",
    r"assignments",
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
        r"^(?:unanimously\s+)?(?:approved|adopted|agreed\s+to|resolved\s+to|decided\s+(?:to|on))\s+"
        r"(?!(?:by|on|at|as|in)\b)\w",
        "approved",
    ),
    # "It was decided to keep the account", "All members agreed that …", "The EC decided …"
    (
        "decided",
        r"^(?:(?:therefore|thus|so|finally|after\s+(?:some\s+)?discussion),?\s+)?(?:it\s+was\s+"
        r"(?:unanimously\s+|collectively\s+)?(?:decided|agreed\s+in\s+the\s+room)|(?:all\s+)?(?:the\s+)?(?:members|group|"
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
    # A licensing board's verdict closing an application: "… Banco de Sabadell. GRANTED"
    ("verdict", r"(?-i:\b(?:GRANTED|APPROVED|DENIED|REJECTED|CARRIED)\b)\W*$", "approved"),
)

#: Past-tense verbs that make an "Action:" line a record of a decision (US minutes), not a task.
DECISION_VERBS: Final[str] = (
    r"approved|adopted|ratified|awarded|introduced|appointed|accepted|denied|authori[sz]ed|"
    r"continued|received|rejected|referred|tabled|passed|carried|failed|deferred|confirmed|"
    r"noted|elected|waived|granted|refused"
)


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

#: Context (a heading or a section row) that makes an action log a report on earlier actions.
PREVIOUS_ACTIONS_CONTEXT: Final[str] = (
    r"previous|matters arising|outstanding|on-?\s?going|carried forward|brought forward|"
    r"review of (?:the )?(?:last|previous|open|outstanding)|last (?:meeting|month|week|time)|"
    r"open action items|(?:actions?|action items?) (?:from|arising from)"
)

#: An action restated for review: "ACTION 61.1: task", "Action LB: task", "TODO Mike :: task".
ACTION_LINE: Final[str] = (
    r"^\W{0,3}(?:action(?:\s+item)?|todo)\b\s*(?:(?P<ref>[\w./-]*\d[\w./-]*|(?-i:[A-Z]{1,4}"
    r"(?:\s*(?:&|and|,|/)\s*[A-Z]{1,4})*))|(?P<who>[A-Z][\w.'’-]+(?:\s*(?:&|and|or|/|,)\s*"
    r"[A-Z][\w.'’-]+)*)(?=\s*::))?\s*(?:::|[:–—]|-\s)\s*(?P<task>\S.{3,})$"
)

#: A line that reports an action's status: "Status: WIP", "■ Action Complete", "Action
#: carried forwards", "Update: done".
STATUS_LINE: Final[str] = (
    r"^\W{0,3}(?:(?:status|update|progress|outcome)\s*[:–—-]|action\s+(?:is\s+)?"
    r"(?:complete|completed|done|closed|carried|cancel|dropped|ongoing|in\s+progress|"
    r"deferred|discharged)|(?:complete[d]?|done|closed|carried\s+forwards?|ongoing|"
    r"in\s+progress)\b)"
)

#: What a heading in that context must name to open a review of earlier actions ("Matters
#: arising", "Action items from last month"); "Previous meeting minutes" approves a record.
REVIEWED_THINGS: Final[str] = r"action|matters"

#: Abbreviated roles as minutes write them ("the CEO"), with what they stand for.
ROLE_ABBREVIATIONS: Final[dict[str, str]] = {
    "ceo": "chief executive",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cto": "chief technology officer",
    "md": "managing director",
    "rfo": "responsible financial officer",
    "hr": "human resources",
    "dph": "director of public health",
    "cx": "chief executive",
    "pm": "project manager",
    "po": "product owner",
}

#: Verbs that open a statement about a role, not a task ("Ms X will take over as Chair").
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


def margin_label_pattern() -> re.Pattern[str]:
    """Matches a line that starts with a margin label: ``**Agenda item:**rest``."""
    names = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in MARGIN_LABELS)
    return re.compile(
        rf"^\s*\**\s*(?P<label>{names})\s*:\s*\**\s*(?P<rest>.*)$",
        re.IGNORECASE | re.DOTALL,
    )


def _validate() -> None:
    if len({m.lower() for m in MARGIN_LABELS}) != len(MARGIN_LABELS):
        raise ValueError("duplicate margin label")
    for src, dst in CHARACTER_FIXES.items():
        if len(src) != 1:
            raise ValueError(f"character fix key {src!r} must be one character")
        if src in dst:
            raise ValueError(f"character fix for {src!r} is not idempotent")
    signal_tables = (
        MINUTES_SIGNALS,
        NOT_MINUTES_SIGNALS,
        MINUTES_STRUCTURE_SIGNALS,
        ANNOUNCEMENT_TITLES,
    )
    ids = [sid for table in signal_tables for sid, _, _ in table]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate kind signal id")
    if not set(ids) >= RECORD_ONLY_SIGNALS:
        raise ValueError(f"unknown record signals {RECORD_ONLY_SIGNALS - set(ids)}")
    for table in signal_tables:
        for sid, pattern, weight in table:
            re.compile(pattern)  # every pattern compiles, or the import fails here
            if weight <= 0:
                raise ValueError(f"kind signal {sid} needs a positive weight")


_validate()

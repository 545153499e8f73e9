"""Attendance: the headings and column titles that open a list of who attended (with the
status they give), the words that end such a list, roster headings, and the narrative and
movement patterns."""

from __future__ import annotations

import re
from typing import Final

from ..models import AttendanceStatus
from ._patterns import pattern, words
from .people import BOT_HANDLES, SUBSTITUTE_PATTERNS
from .text import INCLUSIVE_ENDING

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
    ("attended", "present"),
    ("sederunt", "present"),
    ("members", "present"),
    ("committee members", "present"),
    ("board members", "present"),
    ("trustees", "present"),
    ("directors", "present"),
    ("roll call", "present"),
    ("in attendance", "in_attendance"),
    # A body's own members "in attendance" are its members present (DSF board minutes);
    # other groups before it ("Councillors in attendance") are read as its qualifier.
    ("members in attendance", "present"),
    ("board members in attendance", "present"),
    ("committee members in attendance", "present"),
    ("trustees in attendance", "present"),
    ("directors in attendance", "present"),
    ("members attending", "present"),
    ("trustees attending", "present"),
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
    ("guest", "in_attendance"),
    ("visitors", "in_attendance"),
    ("observers", "in_attendance"),
    ("clerk", "in_attendance"),
    ("minutes", "in_attendance"),
    ("minute taker", "in_attendance"),
    ("apologies", "apologies"),
    ("apologies for absence", "apologies"),
    ("apologies received", "apologies"),
    ("apologies received from", "apologies"),
    # after a reporting verb mid-sentence: "The Democratic Services Manager reported
    # apologies from Mr Beaney, Mr Campkin, …" (kent-cc-2025-01-09.pdf)
    ("apologies from", "apologies"),
    ("apologies for absence from", "apologies"),
    ("regrets", "apologies"),
    ("absent", "absent"),
    ("members absent", "absent"),
    ("not present", "absent"),
    ("absent without apologies", "absent"),
    ("excused", "apologies"),
    ("members excused", "apologies"),
    ("participants", "present"),
    ("attendee list", "present"),
    ("view attendee list", "present"),  # a shared-document export's attendance heading
    ("attendants", "present"),
    ("attendance list", "present"),
    # MeetBot's closing list: "People present (lines said)" / "* jmrodri (87)"
    ("people present", "present"),
    ("staff attending", "in_attendance"),
    ("also attended", "in_attendance"),
    # "PUBLIC ATTENDING: Denny Rogers" (Warrenville library board): members of the public
    ("public attending", "in_attendance"),
    ("public present", "in_attendance"),
    # The same headings in other languages: German, French, Spanish/Portuguese, Dutch,
    # Italian, Swedish ("Anwesende Mitglieder", "Présents", "Excusés", "Afgemeld").
    ("anwesend", "present"),
    ("anwesende", "present"),
    ("anwesende mitglieder", "present"),
    ("teilnehmer", "present"),
    ("teilnehmende", "present"),
    ("entschuldigt", "apologies"),
    ("abwesend", "absent"),
    ("gäste", "in_attendance"),
    ("protokoll", "in_attendance"),
    ("protokollführung", "in_attendance"),
    ("présents", "present"),
    ("presents", "present"),
    ("excusés", "apologies"),
    ("excusées", "apologies"),
    ("absents", "absent"),
    ("invités", "in_attendance"),
    ("asistentes", "present"),
    ("presentes", "present"),
    ("ausentes", "absent"),
    ("invitados", "in_attendance"),
    ("aanwezig", "present"),
    ("afwezig", "absent"),
    ("afgemeld", "apologies"),
    ("presenti", "present"),
    ("assenti", "absent"),
    ("närvarande", "present"),
    ("frånvarande", "absent"),
)

#: Words before "present" that make the line a count, a check or a guess, not a list of
#: people: "Quorum present (4 committee members): YES" (Perth Artifactory); scribe.perl's
#: "Maybe present: cris, dape, …", the speakers it did not find on the Present list.
NOT_ATTENDANCE_QUALIFIERS: Final[frozenset[str]] = words("quorum, quorate, nobody, no one, maybe")

#: Who a heading's qualifier names when it is the body's own members: "Board members in
#: attendance:" lists members present (DSF board), "Staff in attendance:" others present.
MEMBER_GROUP_WORDS: Final[frozenset[str]] = words(
    "members, board, trustees, councillors, councilmembers, directors, governors, commissioners"
)

#: Headings that name a body's members rather than who came ("Committee members: …"): after
#: the record's own attendance list they list an election's result or a roster.
MEMBERSHIP_HEADINGS: Final[frozenset[str]] = frozenset(
    {"members", "committee members", "board members", "trustees", "directors", "officers"}
)

#: Headings that open a list only with a separator after them ("Minutes: Jo Bloggs", "Staff:
#: …"): alone, or before other words, they are a title or a sentence ("PROTOKOLL" titling a
#: German record, hackspace-jena-2011-10-17.txt; "Members asked …").
SEPARATOR_ONLY_HEADINGS: Final[frozenset[str]] = frozenset(
    {"minutes", "protokoll", "clerk", "staff", "members", "trustees", "directors", "attendance"}
)
#: Of those, the ones that title the record itself ("Minutes - Cooper Playground Community
#: Meeting", "Protokoll der Mitgliederversammlung") when nothing or a meeting follows.
RECORD_TITLE_HEADINGS: Final[frozenset[str]] = frozenset({"minutes", "protokoll"})

#: An organisation by its initials after a name ("E.T.N.A.", "WLTC", "NHS").
ACRONYM = pattern("attendance.acronym", r"(?:[A-Z]\.){2,}|[A-Z]{2,6}")
#: Words that join an organisation's capitalised words as no person's name has them.
ORG_JOINERS: Final[frozenset[str]] = words("of, for, &")

#: An attendance heading inside a paragraph that opens with something else: written in
#: capitals ("… AT 7.30 pm PRESENT (Six Councillors):- Tom Foy (TF), …"), or after a full
#: stop with a colon ("… members of the public. In attendance: …") or as the apologies' own
#: sentence ("… to the meeting. Apologies received from …"). The west-dereham minutes
#: were exported as a handful of long paragraphs, title and attendance run together.
MID_ATTENDANCE = pattern(
    "attendance.mid_attendance",
    r"(?:(?<=\s)(?=(?:PRESENT|APOLOGIES|ABSENT|IN ATTENDANCE|ATTENDEES|ATTENDANCE)\b"
    r"[^:\n]{0,40}:)|(?<=[.;]\s)(?=(?:Present|Apologies|Absent|In attendance|Attendees)\s*:)"
    # "… welcomed everyone to the meeting. Apologies received from Cllrs. Peter Harries, …"
    r"|(?<=[.;]\s)(?=Apologies\s+(?:(?:were|had\s+been)\s+)?(?:received|given|tendered)\s+from\b)"
    # "The Democratic Services Manager reported apologies from Mr Beaney, …"
    r"|(?:(?<=reported\s)|(?<=received\s)|(?<=noted\s)|(?<=recorded\s)|(?<=accepted\s))"
    r"(?=apologies\s+(?:for\s+absence\s+)?from\b))",
)

#: Column titles under which a table lists who attended, several names a cell ("Date |
#: Participants | Content"): a running log's table, each row a meeting.
ATTENDANCE_COLUMN_TITLES: Final[frozenset[str]] = frozenset(
    {"participants", "attendees", "attendance", "present", "members present", "absent", "apologies"}
)

#: What a cell of an attendance table's status column says ("Present", "Apologies sent",
#: "Y") → the status; a cell is read whole, else by the entry (3+ letters) it starts with.
ATTENDANCE_STATUS_CELLS: Final[dict[str, AttendanceStatus]] = {
    "present": AttendanceStatus.PRESENT,
    "attended": AttendanceStatus.PRESENT,
    "yes": AttendanceStatus.PRESENT,
    "y": AttendanceStatus.PRESENT,
    "apologies": AttendanceStatus.APOLOGIES,
    "apologies accepted": AttendanceStatus.APOLOGIES,
    "apologies received": AttendanceStatus.APOLOGIES,
    "apologies given": AttendanceStatus.APOLOGIES,
    "sent apologies": AttendanceStatus.APOLOGIES,
    "absent": AttendanceStatus.ABSENT,
    "absent without apologies": AttendanceStatus.ABSENT,
    "apologies not accepted": AttendanceStatus.APOLOGIES,
    "not present": AttendanceStatus.ABSENT,
    "no": AttendanceStatus.ABSENT,
    "in attendance": AttendanceStatus.IN_ATTENDANCE,
    # "Andrei Garcia | Commissioner | Late | 7:08 p.m.": there, though late.
    "late": AttendanceStatus.PRESENT,
    "arrived late": AttendanceStatus.PRESENT,
}

#: A bracketed note after a name that says how or when the person attended, not who they
#: are: "(observing)", "(remote)", "Moru (later on)" (i2p-dev-2010-09-08.rst).
ENTRY_NOTE_WORDS: Final[frozenset[str]] = words(
    """
    observing, observer, deputising, substitute, sub, late, part, virtual, remote, online,
    by phone, via teams, later, later on, arrived late, left early, part time
    """
)

#: Column titles of an attendance table: the person's name ("Attendee Name", "Member") and
#: their attendance ("Status", "Attended"); a title whose first word is a name word
#: ("Attendee Name", "Member name") names the person too.
ATTENDANCE_NAME_COLUMNS: Final[frozenset[str]] = words(
    "name, member, governor, trustee, attendee, councillor, director, full name"
)
#: Titles of the column giving a person's organisation in a table of who attended
#: ("Name | Organisation | Affilliation", not-lpc-2018-05-02.pdf).
ORGANISATION_COLUMNS: Final[frozenset[str]] = words(
    "organisation, organization, company, employer, agency, body, representing, "
    "pharmacy, practice, school, institution, firm"
)
ATTENDANCE_STATUS_COLUMNS: Final[frozenset[str]] = words(
    "attendance, status, present, attended, apologies"
)

#: Words that open a sentence of narrative, not a list of people, after an attendance list
#: in the same paragraph: "Others Present: Jackie Krause. No members of the public attended."
ATTENDANCE_NARRATIVE_OPENERS: Final[frozenset[str]] = words(
    """
    a, all, an, apologies, as, because, due, everyone, it, no, nobody, none, the, there, this,
    we
    """
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

SUBSTITUTE = pattern("attendance.substitute", "|".join(SUBSTITUTE_PATTERNS), re.IGNORECASE)
#: "– until 8.05pm", "for item 5.3", "from TLC/24/05": when someone was there, not who.
ATTENDANCE_QUALIFIER = pattern(
    "attendance.attendance_qualifier",
    r"\s*[-–—,]?\s*\b(?:for|from|until|till|to|during|left|arrived|joined|after|before|"
    r"present\s+for)\s+(?:the\s+)?(?:item|items|minute|min\.?|part|agenda|\d|[A-Z]{1,5}\s?\d|"
    r"[A-Z]{2,5}/).*$",
    re.IGNORECASE,
)
BOT_HANDLE = pattern("attendance.bot_handle", BOT_HANDLES, re.IGNORECASE)
ROLE_COLON = pattern("attendance.role_colon", r"^([^\W\d_][\w .'’/&-]{1,40}?):\s+(\S.*)$")

#: A label before a colon at the start of a block ("ATIENDING:"): read as the attendance
#: heading it stands for when one letter is misread the way OCR misreads letters.
LEADING_LABEL = pattern(
    "attendance.leading_label", r"^\s*(?P<label>[^\W\d_]{3,}(?:[ \t]+[^\W\d_]{2,}){0,2})\s*:"
)
#: What a heading standing alone may say before the attendance heading it names:
#: "Introduction of attendees" (wasm-cg-2019-04-02.md), "List of those present".
HEADING_OF = pattern(
    "attendance.heading_of",
    r"^\s*(?:introductions?|list|record|register|names?|confirmation)\s+of\s+(?=\w)",
    re.IGNORECASE,
)
#: A label in French inclusive writing, the feminine ending set off by a point or brackets
#: ("Présent.es :", "Excusé·e·s :", "Invité(e)s :", mdp-rennes-ca-2024-02-22.md), and the
#: ending's marks, read away to give the heading ("Présents", "Excusés").
INCLUSIVE_LABEL = pattern(
    "attendance.inclusive_label", rf"^\s*(?P<label>[^\W\d_]{{3,}}{INCLUSIVE_ENDING}s)\s*:"
)
INCLUSIVE_MARKS = pattern("attendance.inclusive_marks", rf"{INCLUSIVE_ENDING}(?=s$)")
#: A verb in what reads as when they attended makes it a sentence ("Members on the day were
#: thanked:"), not a heading.
WHEN_VERB = pattern("attendance.when_verb", r"\b(?:were|was|are|is|will)\b", re.IGNORECASE)
#: The shortest heading a label one letter off is read as: a shorter word is one letter from
#: too many others ("Absent" / "Assent").
MISSPELT_HEADING_MIN: Final[int] = 7

HEADINGS_LONGEST_FIRST = sorted(ATTENDANCE_HEADINGS, key=lambda h: -len(h[0]))
ATTENDANCE_HEADING = pattern(
    "attendance.attendance_heading",
    # An agenda or minute number may stand before it: "2. ROLL CALL", "1-A ROLL CALL",
    # "2711. Apologies for absence: …".
    r"^\s*\**\s*(?P<num>(?:\d{3,4}[.)]|\d{1,2}(?:[-.][A-Z\d]{1,2})?[.)]?)\s+)?"
    # "Executive Board members present:": who the list is of, before the heading words (a
    # full heading is preferred: the group is lazy)
    r"(?P<qual>(?:[A-Z][\w'’-]*\s+){1,3}(?=(?i:members\s+|\w+\s+)?"
    r"(?:present|absent|in\s+attendance|attending)\b))??(?P<h>"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h, _ in HEADINGS_LONGEST_FIRST)
    + r")\b"
    # when or how they attended, before a colon: "Directors Present for at least a portion of
    # the time:" (williamsburg-ma-2014-10-09.docx), "Present at the start of the meeting:"
    r"(?P<when>\s+(?:for|at|during|until|via|on|in|by)\s+[^:\n]{1,50}(?=:))?"
    r"\s*(?:\((?P<paren>[^)]*)\))?\s*(?P<sep>[:\-–—]|(?:were|are)\s*:|"
    r"(?:(?:were|was|had\s+been)\s+)?"
    r"(?:received|noted|given|tendered|accepted|submitted)(?:\s+and\s+(?:accepted|noted|approved))?"
    r"\s+(?:from|for)|from)?\**\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: A second section heading with its colon inside an inline list (the layout put two lines in
#: one: "… Palmer Absent: Chair Bellows").
NEXT_ATTENDANCE_SECTION = pattern(
    "attendance.next_attendance_section",
    r"\s+(?=(?:"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h, _ in HEADINGS_LONGEST_FIRST)
    + r")\s*:)",
    re.IGNORECASE,
)

ROSTER_HEADING = pattern(
    "attendance.roster_heading",
    r"^\s*(?:"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in ROSTER_HEADINGS)
    + r")\s*[:\-–—]\s*(?P<rest>.+)$",
    re.IGNORECASE,
)

LIST_NUMBER = pattern("attendance.list_number", r"^\d{1,3}[.)]\s+")
#: An item's number before a heading: "18.11.1 Apologies" (Milburn parish council).
#: Three or four digits stand alone only as a year ("2005 COMMITTEE MEMBERS").
ITEM_NUMBER_PREFIX = pattern(
    "attendance.item_number_prefix",
    r"^\s*(?:\d{1,4}(?:\.\d{1,3}){1,3}[.)]?|\d{1,4}[.)]|\d{1,2})\s+",
)

COUNT_SUFFIX = pattern("attendance.count_suffix", r"\s*[–\-—]\s*\d+\s*\.?$")

#: Where the name ends in an entry of a run-on list: a dash (spaced on at least one side:
#: "Joan Sennington- Felixstowe Council") or an opening bracket.
ENTRY_HEAD_END = pattern("attendance.entry_head_end", r"\s*[–—]\s*|\s-|-\s|\s*[(\[]")

#: A table cell holding only an item's number ("2." beside "Apologies for Absence …").
ITEM_NUMBER_CELL = pattern("attendance.item_number_cell", r"\d{1,2}[.)]?")

#: Where the name ends in a list item of people ("Tejas Guruswamy (Chair, …)").
#: A record with no attendance section may list who came under its title, a name to a line:
#: the run of such lines read, among the record's first lines, and the fewest it needs.
HEAD_LIST_LINES: Final[int] = 12
HEAD_LIST_MIN: Final[int] = 3

PERSON_ITEM_HEAD_END = pattern("attendance.person_item_head_end", r"\s*[(\[,–—]|\s-\s")

#: "Sarah Hunt – Hadleigh": a dash after a name, spaced on at least one side.
DASH_AFTER_NAME = pattern("attendance.dash_after_name", r"\s[–—-]|-\s")

#: A word of an inline attendance list: what a run-on list is read by (``attendees/run_on``).
LIST_TOKEN = pattern("attendance.list_token", r"[^\s,;]+")

#: Honorifics that open the next person where a list runs its entries together without
#: commas ("Cllr Sue Lintern (Chair) Cllr Jim McNeill …"); titles that also name an office
#: ("Member", "Mayor") are not among them.
RUN_ON_HONORIFICS: Final[frozenset[str]] = words(
    """
    cllr, councillor, councilor, dame, dr, father, fr, lady, lord, miss, mr, mrs, ms, mx, prof,
    professor, rev, revd, sir, sister
    """
)

#: Offices written before a name like an honorific, which open the next person of a list
#: run on without commas: "Councillors D Richardson (Chair) … and P Moran Clerk J Connelly".
RUN_ON_OFFICES: Final[frozenset[str]] = words("clerk, chairman, chairwoman, mayor, treasurer")

#: Words that make one title with the honorific after them ("County Councillor Joseph
#: Davies", "Deputy Mayor …"): no new person begins at that honorific.
TITLE_MODIFIERS: Final[frozenset[str]] = words(
    "county, district, town, parish, city, borough, community, ward, deputy, vice, state"
)

#: A sentence that introduces the list below it, its last words saying who the list is:
#: "Board members and officers physically present:", "Participating remotely were:" (Scala
#: Center advisory board). The status group's words → the status its entries get.
LIST_INTRO = pattern(
    "attendance.list_intro",
    r"^[\w ,'’&/-]{0,80}?\b(?P<status>physically\s+present|not\s+present|present|attending|"
    r"participating\s+remotely|joined\s+remotely|remotely|absent|sent\s+apologies)"
    r"(?:\s+(?:were|was|are|is))?\s*:\s*$",
    re.IGNORECASE,
)
LIST_INTRO_STATUS: Final[dict[str, AttendanceStatus]] = {
    "physically present": AttendanceStatus.PRESENT,
    "present": AttendanceStatus.PRESENT,
    "attending": AttendanceStatus.PRESENT,
    "participating remotely": AttendanceStatus.PRESENT,
    "joined remotely": AttendanceStatus.PRESENT,
    "remotely": AttendanceStatus.PRESENT,
    "not present": AttendanceStatus.ABSENT,
    "absent": AttendanceStatus.ABSENT,
    "sent apologies": AttendanceStatus.APOLOGIES,
}

#: Roles that make someone on the list of those present a guest, in attendance rather than a
#: member present: "Marylou Burgess (guest)" (Westhampton board of health).
GUEST_ROLES: Final[frozenset[str]] = words("guest, visitor, observer, invited guest")

#: Longest heading block read as an attendance heading without its colon ("Those present").
HEADING_ALONE_MAX: Final[int] = 40

#: A bracketed note to the end of a status cell: "Present (left 7.40pm)".
STATUS_CELL_NOTE = pattern("attendance.status_cell_note", r"\s*\(.*$")

#: Where the name ends at the start of an entry: a bracket or a dash ("A Baker (Chair)",
#: "Steve Ashley – Chair", "Joan Sennington-Felixstowe").
NAME_LEAD_END = pattern("attendance.name_lead_end", r"\s*[(\[–\-—]")

#: A name, a bracket, then an organisation: "John O'Neill (Chair) Greenheart Partnership Board".
BRACKET_THEN_ORG = pattern(
    "attendance.bracket_then_org", r"^([^()]+?)\s*(\([^)]*\))\s+([A-Z][^()]*)$"
)

#: What an entry's brackets hold: "A Baker (Chair) (CM)" → "Chair", "CM".
BRACKETED = pattern("attendance.bracketed", r"\(([^)]*)\)")

#: A bracketed part with the space before it, taken out of an entry: " (Chair)".
BRACKETED_PART = pattern("attendance.bracketed_part", r"\s*\([^)]*\)")

#: A bracket naming whom the person stands in for: "(substitute for Cllr Jones)",
#: "(representing Sam Smith)".
SUBSTITUTE_NOTE = pattern(
    "attendance.substitute_note",
    r"^(?:substitute|sub|deputising|representing|for)\s+(?:for\s+)?(.+)$",
    re.IGNORECASE,
)

#: A name, a spaced dash, the rest: "Steve Ashley – Chair, Healthwatch".
NAME_DASH_TAIL = pattern("attendance.name_dash_tail", r"^(.*?)\s+[–—-]\s+(.*)$")

#: A dash with space on both sides, between a role and an organisation ("Chair – Healthwatch").
SPACED_DASH = pattern("attendance.spaced_dash", r"\s+[–—-]\s+")

#: A numbered agenda item, which ends an attendance section: "2. Apologies", "4.1) Minutes".
NUMBERED_ITEM = pattern("attendance.numbered_item", r"^\d{1,3}(?:\.\d+)*[.)]?\s+\S")

#: A count of members, which is not an agenda item's number: "5 members of the public".
MEMBER_COUNT = pattern("attendance.member_count", r"^\d+\s*members?")

#: Where the first entry's name ends in a line that may be a list: "A Baker (Chair), …",
#: "Sarah Hunt – Hadleigh, …".
FIRST_ENTRY_END = pattern("attendance.first_entry_end", r"[(–\-]")

#: An inline list that ends on "and" or "&", so goes on in the next line: "A Baker, C Davies and".
TRAILING_AND = pattern("attendance.trailing_and", r"(?:\band|&)\s*$")

#: A line that opens with "and" or "&", so goes on the list above: "and E Evans".
#: The word before a list's last entry, in the languages whose attendance headings are read
#: ("Aanwezig: Arjan, …, Sander en Vasilis", "Anwesend: … und …", "Présents : … et …").
#: Lower case only: "Mary E Smith" holds an initial, not the Italian "e".
LIST_AND = pattern("attendance.list_and", r" (?:and|en|und|et|y|e|och|og) ")
LEADING_AND = pattern("attendance.leading_and", r"(?:and|&)\s")

#: The first separator of a list line: "Evans, C Davies" → "Evans".
FIRST_LIST_SEPARATOR = pattern("attendance.first_list_separator", r",|\s+and\s")

#: The group a list of people starts with, its title for each of them.
_GROUP = (
    r"(?:Councillors|Cllrs|Councilmembers|Commissioners|Trustees|Governors|Directors|"
    r"Board\s*members|Members)"
)
#: "Councillors A Baker, C Davies", "Councilmembers/Commissioners Daysog, …": the group's
#: title before a list of people, with its optional colon.
GROUP_TITLE = pattern(
    "attendance.group_title", rf"^\s*({_GROUP}(?:/{_GROUP})*\s*:?)\s+", re.IGNORECASE
)

#: Where a bracket opens after a name: "Cllr A Baker (Chair)", "Jo Bloggs [CM]".
BRACKET_OPEN = pattern("attendance.bracket_open", r"\s*[(\[]")

"""People, roles and bodies: honorifics, offices, role and organisation words, the shared
PERSON and BODY_NOUNS fragments, and the patterns that read names."""

from __future__ import annotations

import re
from typing import Final

from ._patterns import alternation, pattern, words

#: Honorifics and titles kept out of a person's name (lower case, without the dot).
HONORIFICS: Final[frozenset[str]] = words(
    """
    alderman, board member, board members, boardmember, borough cllr, borough councillor,
    chief superintendent, city cllr, cllr, cllrs, commissioner, commissioners, councillor,
    councillors, councilmember, councilmembers, councilor, county cllr, county councillor, dame,
    dc, dci, deputy mayor, di, district cllr, district councillor, dr, ds, father, fr, governor,
    hon, honourable, insp, inspector, judge, lady, lord, mayor, member, members, messrs, miss,
    mmes, mr, mrs,
    ms, mx, parish councillor, pc, prof, professor, ps, rev, revd, reverend, sergeant, sgt, sir,
    sister,
    superintendent, supt, town cllr, trustee, vice mayor, ward cllr, ward councillor
    """
)

#: Titles written before a surname that name an attendee elsewhere in the minutes ("Mr Ashley",
#: "Cllr Beaumont"), as written; the first five are also written with a dot ("Dr. Okafor").
MENTION_TITLES: Final[tuple[str, ...]] = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Miss",
    "Cllr",
    "Councillor",
    "Councilmember",
    "Commissioner",
    "Trustee",
    "Governor",
)
MENTION_TITLES_DOTTED: Final[tuple[str, ...]] = MENTION_TITLES[:5]

#: Offices written before a bare surname in roll calls ("Chair Dieter", "Vice Chair
#: Alexander", "Mayor/Chair Ezzy Ashcraft"); job titles are not ("Consultant Cardiologist").
TITLES_BEFORE_SURNAME: Final[frozenset[str]] = words(
    """
    alderman, board member, chair, chairman, chairperson, chairwoman, clerk, co-chair,
    commissioner, council member, councillor, councilmember, councilor, deputy mayor, director,
    governor, mayor, member, president, secretary, supervisor, treasurer, trustee, vice chair,
    vice mayor, vice president, vice-chair
    """
)

#: Role words that mark a chair or a minute-taker in an attendance entry.
CHAIR_ROLES: Final[frozenset[str]] = words(
    """
    chair, chair of the meeting, chairman, chairperson, chairwoman, independent chair, independent
    chairman, mayor, presiding
    """
)

MINUTE_TAKER_ROLES: Final[frozenset[str]] = words(
    """
    clerk, minute secretary, minute taker, minute-taker, minutes, minuting, note taker, notes,
    scribe, secretary
    """
)

#: Membership words that follow a name after a dash in UK templates ("Name - Member").
MEMBERSHIP_WORDS: Final[frozenset[str]] = words(
    """
    adviser, advisor, associate member, chair, co-opted member, deputy chair, guest, member,
    minutes, observer, officer, vice chair, vice-chair
    """
)

#: Head nouns of job titles: a phrase holding one of these reads as a role, not a name.
ROLE_HEADS: Final[frozenset[str]] = words(
    """
    accountant, administrator, adviser, advisor, alderman, analyst, assistant, attorney, auditor,
    boardmember, bursar, commissioner, councilman, councilmember, councilwoman, selectman,
    cabinet, ceo, cfo, chair, chairman, chairperson, chairwoman, chancellor, chaplain, clerk,
    co-ordinator, commander, constable, consultant, controller, convener, convenor, coo,
    coordinator, correspondent, councillor, counsel, cto, dean, deputy, director, doctor,
    engineer, executive, facilitator, governor, guest, head, headteacher, inspector, lead,
    librarian, manager, mayor, member, minutes, nurse, observer, officer, partner, planner,
    portfolio, president, principal, provost, registrar, representative, scribe, secretary,
    solicitor, specialist, staff, superintendent, supervisor, teacher, treasurer, trustee,
    vice-chair
    """
)

#: Words that make a phrase a role or job title rather than a person's name: the role heads
#: and the words around them ("Strategic Commissioning Manager").
ROLE_WORDS: Final[frozenset[str]] = ROLE_HEADS | words(
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
ORGANISATION_WORDS: Final[frozenset[str]] = words(
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
NOT_NAMES: Final[frozenset[str]] = words(
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

#: User names of meeting bots, never attendees ("brokerbot", "lndev-bot", "zakim").
BOT_HANDLES: Final[str] = r"^(?:[\w.-]*[-_.]?bot\d*|zakim|rrsagent|trackbot|meetbot|github-bot)$"

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

# Shared fragments: written once here, composed into the patterns of every domain.

#: The honorifics as a regex alternation, longest first, any run of spaces between words.
HONORIFIC_WORDS: Final[str] = alternation(HONORIFICS)

#: A person's name as minutes write it, with any honorifics before it: "Cllr A Baker",
#: "Dr. Jo O'Brien", "Mary-Ann McDonald". Capitalised words only: a fragment to compose into
#: patterns (it is not anchored and holds no groups).
PERSON: Final[str] = (
    rf"(?:(?i:{HONORIFIC_WORDS})\.?\s+)*"
    r"(?:[A-Z]\.?\s+){0,2}[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?"
    r"(?:\s+(?:[A-Z]\.?\s+)?(?:Mc|Mac|O')?[A-Z][a-zA-Z'’]+(?:-[A-Z][a-z]+)?){0,2}"
)

#: A whole name at the start of a text, as group 1.
PERSON_START: Final = pattern("people.person_start", rf"^({PERSON})")
#: A text that is a name and nothing else ("the Chair Ms Smith" is not), as group 1.
THE_PERSON: Final = pattern("people.the_person", rf"^(?:the\s+)?({PERSON})$")

#: Bodies that decide as a whole ("the Board resolved", "the committee noted").
BODY_NOUNS: Final[tuple[str, ...]] = (
    "board",
    "committee",
    "council",
    "panel",
    "trustees",
    "governors",
    "directors",
    "commission",
)
#: BODY_NOUNS as a regex alternation.
BODY: Final[str] = alternation(BODY_NOUNS)
#: BODY_NOUNS and the words that speak for a body in "… agreed" / "… approved" sentences.
BODY_OR_MEMBERS: Final[str] = alternation((*BODY_NOUNS, "members", "group"))

#: The honorifics before a name ("Cllr Dr ", "Mr. ").
HONORIFIC_PREFIX = pattern(
    "people.honorific_prefix",
    rf"^(?:(?:{HONORIFIC_WORDS})\.?\s+)+",
    re.IGNORECASE,
)
#: Lower-case words inside a person's name: "Ludwig van Beethoven", "Ana de la Cruz", "Gwion ap
#: Rheinallt" (Welsh; compsoc-edinburgh-2020-02-06.md), "Maria dos Santos".
NAME_PARTICLES: Final[frozenset[str]] = words(
    "de, van, von, der, den, la, le, da, di, du, bin, al, el, ap, dos, das, do, del, della, "
    "ter, ten, zu, ibn"
)

#: A chat or forge user name written in lower case ("alice", "gkowalski"); IRC nicknames may
#: hold a "|" ("eche|on", i2p-dev-2010-09-08.rst).
HANDLE = pattern("people.handle", r"^[a-z][a-z0-9_.|\-]{1,30}$")
INITIALS = pattern("people.initials", r"^[A-Z]{2,4}$|^(?:[A-Z]\.){2,4}$")

#: Between the names of a list ("alice, Bob Chen and gkowalski").
NAME_LIST_SEPARATOR = pattern("people.name_list_separator", r",|\band\b")

#: Between the parts of a name ("Anne-Marie Lee").
NAME_PART_SEPARATOR = pattern("people.name_part_separator", r"[\s\-]+")

#: What a name's comparison key drops.
NOT_KEY_CHAR = pattern("people.not_key_char", r"[^a-z0-9 ]")

#: "the" before a role ("the chair").
ROLE_ARTICLE = pattern("people.role_article", r"^the ")

#: Initials alone, in capitals: "WC", "JN", "AMC" (owners and bracketed aliases).
CAPITAL_INITIALS = pattern("people.capital_initials", r"^[A-Z]{2,4}$")

#: One word a name can be after an honorific: "Cllr Smith", "Dr O'Neill", "Mrs Lloyd-Jones".
#: Initials then a surname ("T Dean", "P M Bishop"): after an honorific, a person even where
#: the surname is also an office ("Mrs T Dean, MBE", kent-cc-2025-01-09.pdf).
INITIALS_SURNAME = pattern(
    "people.initials_surname", r"^(?:[A-Z]\.?[ \t]+){1,3}[A-Z][a-z'’-]+(?:-[A-Z][a-z'’-]+)?$"
)
SINGLE_NAME_WORD = pattern("people.single_name_word", r"^[^\W\d_][\w'’-]+$")

#: Between the words of a role: "Head of Finance", "Mayor/Chair".
ROLE_WORD_SEPARATOR = pattern("people.role_word_separator", r"[\s/]+")

#: A name written with underscores for its spaces, as IRC nicknames and W3C's scribe lists
#: write them: "Present: Cristiano_Aguzzi, Dominique_Hazael-Massieux, Ada_Rose_Cannon"
#: (a lower-case handle such as "luca_barbato" stays a handle).
UNDERSCORED_NAME = pattern(
    "people.underscored_name",
    r"[A-Z][^\W_]*(?:[-'’][^\W_]+)*(?:_(?:[a-z]{1,3}_)*[A-Z][^\W_]*(?:[-'’][^\W_]+)*)+",
)


#: Honours and qualifications written after a name and a comma ("Mrs T Dean, MBE"), upper
#: case: not a person of a list.
POST_NOMINALS: Final[frozenset[str]] = words(
    "MBE, OBE, CBE, KBE, DBE, BEM, GBE, CH, KC, QC, JP, DL, MP, MSP, MS, MLA, MEP, AM, OAM, AO, "
    "AC, FRS, PHD, MD, DPHIL, ESQ, RN, CPA, CBE DL, OBE DL, MBE DL, OBE JP, MBE JP"
)

#: A first name and a surname written together in running text ("Remarks from New Property
#: Manager, McKinzie Baker"): how a record introduces someone it later calls by first name.
FIRST_AND_SURNAME = pattern(
    "people.first_and_surname",
    # a lookahead, so that "Manager McKinzie Baker" gives "McKinzie Baker" too
    r"\b(?=(?P<first>[A-Z][a-zA-Z'’-]{1,20})[ \t]+(?P<last>[A-Z][a-z][\w'’-]{1,25})\b)",
)

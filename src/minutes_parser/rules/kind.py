"""Document kind: the signals that a text records a meeting, is about one, or announces one."""

from __future__ import annotations

import re
from typing import Final

from ._patterns import pattern
from .text import INCLUSIVE_ENDING

_FLAGS = re.IGNORECASE | re.MULTILINE

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
        # "(all members present)" as a licensing board's record writes it; "### Attending:"
        # over a list of names (openexr-tsc-2020-04-16.md)
        r"^\(?(?:[a-z-]+\s+){0,2}present\b\s*[:)]?|^attendees\b|^attendance\s*:?$|"
        r"^attending\s*:?$|"
        r"^in attendance\b|^sederunt",
        2.5,
    ),
    ("apologies", r"^apologies\b|^regrets\b|apologies for absence", 2.0),
    ("resolved", r"^resolved\b|\bresolved\s*(?:that|:|–|-)|^agreed\s+that|^it was agreed", 1.5),
    ("roll_call", r"\broll call\b", 2.5),
    ("moved_seconded", r"\bseconded\b|\bmoved\b.{0,40}\bapprov", 1.5),
    ("action", r"^action\b|\baction\s*:|\bactions? arising\b", 1.0),
    ("chair", r"\bthe chair\b|\(chair\)|\bchaired\b", 0.5),
    (
        "adjourned",
        r"\badjourned\b|\bmeeting closed\b|\bclose[sd] (?:the )?meeting\b",
        1.0,
    ),
    # A vote's outcome, which only a meeting held has: "motion passed", "For 18 / Against 1",
    # "1 member opposed, 3 members abstained" (hsbne-2014-12-16.md, hsbne-2017-06-06.md)
    (
        "vote_outcome",
        r"\bmotion\s+(?:was\s+)?(?:passed|carried|failed|defeated|lost)\b|"
        r"\b(?:for|in favou?r|ayes?)\s*[:\-–]?\s*\d{1,3}\s*[,;\n]\s*(?:against|opposed|nays?|noes)"
        r"\s*[:\-–]?\s*\d{1,3}\b|"
        r"\b\d{1,3}\s+(?:members?\s+)?(?:opposed|against)\s*,\s*\d{1,3}\s+(?:members?\s+)?abstain",
        2.5,
    ),
    # The same record in other languages: the word for minutes (Chinese, Swedish/German/
    # Norwegian/Danish, French, Dutch, Spanish/Portuguese, Italian, Finnish) ...
    (
        "minutes_word_translated",
        # "OpenSergo 社区双周会纪要" (opensergo-community-2022-10-26.md): 纪要/紀要, minutes
        r"會議紀錄|會議記錄|会议记录|纪要|紀要|議事録|\bprotokoll\b|\bprocès-verbal\b|\bnotulen\b|"
        r"\bacta\s+(?:de|da|do)\b|\bverbale\b|\bpöytäkirja\b",
        1.5,
    ),
    # ... and who attended ("出席人員", "Närvarande", "Anwesend", "Présents", "Aanwezig").
    (
        "present_translated",
        r"出席|^n[aä]rvarande\b|^anwesende?\b|"
        rf"^pr[ée]sent(?:e|{INCLUSIVE_ENDING})?s\s*:|"
        r"^aanwezig\b|^asistentes\b|^(?:asistieron|participantes|presentes|deelnemers|"
        r"partecipanti|deltagare|deltakere|osallistujat)\s*:|"
        r"^presenti\s*:|^l[äa]sn[äa]\s*:|^teilnehm(?:er|ende)\b|^entschuldigt\b|"
        rf"^excus[ée](?:e|{INCLUSIVE_ENDING})?s\s*:|^afgemeld\b|^ausentes\b",
        2.0,
    ),
)

#: Phrases typical of documents that are *about* a body's work but are not minutes.
NOT_MINUTES_SIGNALS: Final[tuple[tuple[str, str, float], ...]] = (
    ("annual_report", r"\bannual report\b", 1.0),
    ("contents", r"^(?:table of )?contents$", 2.5),
    ("foreword", r"^foreword\b|^executive summary\b", 1.5),
    ("report_title", r"^(?:first |second |third )?annual report\b", 2.5),
    # a report's title in other languages: "Informe mensual de actividades …"
    # (dcf-informe-2023-02.md), "Rapport d'activité", "Jahresbericht", "Jaarverslag"
    (
        "report_title_translated",
        r"^(?:informe|rapport)\s+(?:mensual|anual|trimestral|de\s+actividades|annuel|"
        r"mensuel|d['’]activit[ée]s?|moral|financier)\b|^(?:jahres|t[äa]tigkeits|rechenschafts)"
        r"bericht\b|^jaarverslag\b|^verksamhetsber[äa]ttelse\b",
        2.5,
    ),
    ("notice", r"\bnotice is hereby given\b|\byou are (?:hereby )?summoned\b", 3.0),
    # A record not yet written: the page made ready before the meeting ("Meeting Notes / To be
    # filled in after the meeting.", wasm-cg-2026-08-25.md; "This meeting hasn't happened
    # yet.", altspace-member-2023-09-04.md)
    (
        "unwritten_record",
        r"\bto be (?:filled in|completed|written up|added) (?:after|during|at) the meeting\b|"
        r"\bthis meeting (?:has not|hasn['’]t|did not|didn['’]t) (?:happened|taken place|"
        r"been held|happen|take place)(?: yet)?\b",
        3.0,
    ),
)

#: Report signals that are titles: read only where a block starts, since a wrapped paragraph
#: can start its line with the word ("… den\nRechenschaftsbericht des Vorstands …" in a
#: statute amendment, hackspace-jena-2011-10-17.txt).
NOT_MINUTES_TITLE_SIGNALS: Final[frozenset[str]] = frozenset(
    {"contents", "foreword", "report_title", "report_title_translated"}
)

#: Structure that shows a record of a meeting whatever its wording: read from the first
#: blocks' headings and lines (id, pattern, weight). Notes of a call ("Meeting 62 Notes",
#: "sync meeting") state no "minutes" and no "Present:" but have these.
MINUTES_STRUCTURE_SIGNALS: Final[tuple[tuple[str, str, float], ...]] = (
    (
        "meeting_title",
        r"^(?!.*\b(?:were|was|are|is|be|been|will|has|have|had)\b)"
        r"(?:[\w#&/.,'’-]+[ \t]+){0,8}(?:meeting|call|sync|minutes|notes|plenum|teleconference|"
        r"telecon|standup|stand-up|"
        # the meeting in French, Spanish, Portuguese, Italian, German, Dutch, the Nordic
        # languages ("Réunion du bureau", "Reunión de la Junta Directiva", "Vorstandssitzung")
        r"r[ée]union|reuni[óãa]o?n?|riunione|\w*sitzung|\w*versammlung|\w*vergadering|"
        r"\w*m[öø]te|kokous|asamblea|assembl[ée]e)\b(?:[ \t]+[\w#&/.,'’()-]+){0,8}[ \t]*:?$",
        1.5,
    ),
    (
        "record_section",
        r"^(?:\d+[.)]?[ \t]+)?(?:summary[ \t]+of[ \t]+)?(?:decisions?(?:[ \t]+made)?|resolutions?|"
        r"actions?(?:[ \t]+(?:items?|required|points|list|log))?|next[ \t]+steps|attendees|"
        r"attendance|(?:\w+[ \t]+)?attendee[ \t]+list|participants|regrets|apologies|present|"
        r"in[ \t]+attendance|"
        r"action[ \t]+items?[ \t]+from[ \t]+last[ \t]+\w+|matters[ \t]+arising|conclusions?|"
        # decisions in German, French, Dutch, Spanish, Italian
        r"beschl(?:uss|üsse)|d[ée]cisions?|besluiten|acuerdos|decisioni)"
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
        "present_translated",
        "resolved",
        "moved_seconded",
        "adjourned",
        "vote_outcome",
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
    # The invitation and the agenda in other languages: "Einladung zur ordentlichen
    # Mitgliederversammlung" (makerspace-gt-einladung-2020-01-25.md), "Convocatoria",
    # "Convocation", "Ordre du jour", "Orden del día", "Tagesordnung", "Dagordning".
    (
        "notice_title_translated",
        r"^(?:[\w&'’.-]+[ \t]+){0,2}(?:einladung|convocatoria|convocation|convoca[çc][ãa]o|"
        r"convocazione|kallelse|indkaldelse|innkalling|uitnodiging)\b",
        3.0,
    ),
    (
        "agenda_title_translated",
        r"^(?:[\w&'’.-]+[ \t]+){0,2}(?:ordre[ \t]+du[ \t]+jour|orden[ \t]+del[ \t]+d[ií]a|"
        r"tagesordnung|dagordning|ordine[ \t]+del[ \t]+giorno|agendapunten)\b[^.\n]{0,80}$",
        3.0,
    ),
)


#: Announcement titles read in the title line only: "## Ordre du jour" under the attendance
#: of a French board's minutes is their agenda section (mdp-rennes-ca-2024-02-22.md), where
#: "Einladung zur …" as the title makes an invitation.
TITLE_LINE_ONLY: Final[frozenset[str]] = frozenset(
    {"notice_title_translated", "agenda_title_translated"}
)
#: The announcement signals that make the document an agenda, and those that make it a notice.
AGENDA_SIGNALS: Final[frozenset[str]] = frozenset(
    {"agenda_title", "agenda_title_translated", "items_to_come", "time_budgets", "unwritten_record"}
)
NOTICE_SIGNALS: Final[frozenset[str]] = frozenset(
    {"notice_title", "notice_title_translated", "notice"}
)


def _validate() -> None:
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
    # items_to_come and time_budgets are counted, not patterns of the tables
    named = set(ids) | {"items_to_come", "time_budgets"}
    for group in (TITLE_LINE_ONLY, AGENDA_SIGNALS, NOTICE_SIGNALS, NOT_MINUTES_TITLE_SIGNALS):
        if not group <= named:
            raise ValueError(f"unknown kind signals {sorted(group - named)}")
    for table in signal_tables:
        for sid, _, weight in table:
            if weight <= 0:
                raise ValueError(f"kind signal {sid} needs a positive weight")


_validate()

ITEM_NUMBER = pattern("kind.item_number", r"^[ \t]*\d{1,2}(?:\.\d{1,2})*[.)]?[ \t]+", re.MULTILINE)
MINUTES_HEADING_LINE = pattern("kind.minutes_heading_line", r"^\s*minutes\s*:?\s*$", _FLAGS)
#: A title that names the record: "Minutes …", and the words for minutes in the languages
#: whose attendance headings are read ("Notulen bestuursvergadering 21 augustus 2014").
RECORD_TITLE = pattern(
    "kind.record_title",
    r"\b(?:minutes|notes|record|notulen|protokoll|procès-verbal|acta|verbale)\b|會議紀錄|會議記錄",
    re.IGNORECASE,
)


def _compiled(
    table: tuple[tuple[str, str, float], ...],
) -> tuple[tuple[str, re.Pattern[str], float], ...]:
    return tuple((sid, pattern(f"kind.{sid}", p, _FLAGS), w) for sid, p, w in table)


#: The signal tables compiled (id, pattern, weight); ids are ``kind.<signal id>``.
MINUTES_PATTERNS: Final = _compiled(MINUTES_SIGNALS)
STRUCTURE_PATTERNS: Final = _compiled(MINUTES_STRUCTURE_SIGNALS)
NOT_MINUTES_PATTERNS: Final = _compiled(NOT_MINUTES_SIGNALS)
ANNOUNCEMENT_PATTERNS: Final = _compiled(ANNOUNCEMENT_TITLES)

#: An item worded as business to come ("2. Annual Report: To receive the report …", "To
#: consider the accounts", "To elect the board"): the agenda's voice, not the record's ...
ITEMS_TO_COME = pattern(
    "kind.items_to_come",
    r"^(?:[^\n:]{0,80}:[ \t]*)?to[ \t]+(?:receive|consider|approve|note|agree|elect|re-elect|"
    r"adopt|discuss|review|confirm|ratify|appoint|authori[sz]e|resolve|answer)\b",
    _FLAGS,
)
#: ... when this many items are worded so (a record may keep one or two agenda titles).
ITEMS_TO_COME_MIN = 3
#: The weight of that evidence against minutes (as an agenda title's).
ITEMS_TO_COME_WEIGHT = 3.0

#: An item given its time ahead ("3.0. Minutes from last meeting - (10mins)", "Open Days
#: update (10 minutes)"): an agenda budgets the meeting to come; a record reports it ...
TIME_BUDGET = pattern(
    "kind.time_budget",
    r"(?:[(\[][ \t]*\d{1,3}[ \t]*(?:mins?|minutes)\.?[ \t]*[)\]]|[-–—][ \t]*\d{1,3}[ \t]*"
    r"(?:mins?|minutes)\.?)[ \t]*$",
    _FLAGS,
)
#: ... when this many items are budgeted so.
TIME_BUDGET_MIN = 3

"""Agenda: headings that are sections of the record rather than items of business, and the
patterns that read item numbers, titles and presenters."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ._patterns import pattern
from .dates import MONTHS
from .text import TITLE_LINK_WORDS

#: Titles that appear in a numbered contents list but are sections of the record, not
#: agenda items (W3C-style scribe minutes end with these summaries).
NOT_AGENDA_TITLES: Final[tuple[str, ...]] = (
    r"summary of (?:action items|actions|resolutions|decisions)",
    r"(?:table of )?contents",
)

#: Section headings every minutes has that are not items of business (regex fragments).
STRUCTURAL_HEADINGS: Final[tuple[str, ...]] = (
    r"agenda",
    r"ordre\s+du\s+jour",
    r"orden\s+del\s+d[ií]a",
    r"tagesordnung",
    r"dagordning",
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
    r"meeting\s+(?:opened|closed|started|ended|adjourned)",
    r"(?:opened|closed)",
    r"(?:actions?|action\s+items?|action\s+list)[\s,]+(?:by|from)\b",
)

NUMBER_FORMS: Sequence[tuple[str, re.Pattern[str]]] = (
    # "(19-452) Conference with Legal Counsel …", "(*19-466) Minutes of …" (an asterisk marks
    # a consent item), "AGENDA CHANGES (19-460) Vice Mayor …": a US council's file number
    # for each matter, its section title run in before it.
    (
        "file_ref",
        pattern(
            "agenda.number_forms.file_ref",
            r"^(?:[A-Z][A-Z,'’&/ -]{2,60}\s)?\(\*?(?P<n>\d{2}-\d{2,4}(?:[ \t]?[A-Z])?)\)"
            r"[ \t]*(?P<t>\S.*)$",
            re.DOTALL,
        ),
    ),
    (
        "minute_ref",
        pattern(
            "agenda.number_forms.minute_ref",
            r"^(?P<n>(?:[A-Z]{1,6}\s?/?\s?\d{2}/\d{1,4}|\d{2,4}/\d{1,4})(?:\.\d{1,2}|[a-z])?)\.?\s+(?P<t>\S.*)$",
        ),
    ),
    (
        "item_word",
        pattern(
            "agenda.number_forms.item_word",
            r"^(?:Agenda\s+)?Item\s+(?P<n>\d{1,3}(?:\.\d{1,3})*[a-z]?)\s*[:.\-–—]?\s+(?P<t>\S.*)$",
            re.IGNORECASE,
        ),
    ),
    (
        "letter_suffix",
        pattern("agenda.number_forms.letter_suffix", r"^(?P<n>\d{1,2}-[A-Z])\.?\s+(?P<t>\S.*)$"),
    ),
    (
        "decimal",
        pattern(
            "agenda.number_forms.decimal",
            # "2- Finance Committee Report:" numbers with a dash as well
            r"^(?P<n>\d{1,3}(?:\.\d{1,3}){0,3})(?:\.|\)|:|-)?\s+(?P<t>\S.*)$",
        ),
    ),
    (
        "decimal_alone",
        pattern("agenda.number_forms.decimal_alone", r"^(?P<n>\d{1,3}(?:\.\d{1,3}){0,3})\.?$"),
    ),
    # "a. Approve Minutes of …" under "5. Consent Agenda": a sub-item, numbered "5.a".
    (
        "letter",
        pattern(
            "agenda.number_forms.letter", r"^\(?(?P<n>[a-z])[.)]\s+(?P<t>[A-Z]\S*.*)$", re.DOTALL
        ),
    ),
    (
        "topic",
        pattern(
            "agenda.number_forms.topic",
            # a meeting bot's topic in its channel log: "[17:04:23] Current subject: Agree on
            # the agenda, (set by DavidPS)" (sunpy-org-meeting-2014-03-05.md)
            r"^(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+)?(?:Topic|Agenda\s+topic|Current\s+subject)"
            r"\s*:\s*(?P<t>\S.*?)(?:,?\s*\(set\s+by\s+[^()]*\))?$",
            re.IGNORECASE,
        ),
    ),
)
CAPS_LINKS = "|".join(sorted(w.upper() for w in TITLE_LINK_WORDS if w.isalpha()))
RUN_IN = pattern(
    "agenda.run_in",
    rf"^(?P<caps>[A-Z][A-Z&'’/,-]*(?:\s+(?:[A-Z][A-Z&'’/,-]*|{CAPS_LINKS}))*)"
    r"\s+(?P<rest>[A-Z][a-z].*)$",
    re.DOTALL,
)
LINK_MARK = pattern(
    "agenda.link_mark", r"^\[\d{1,3}\]\s*"
)  # "[4]Open action items" from a converted web page
NOT_ITEM = pattern("agenda.not_item", "|".join(NOT_AGENDA_TITLES), re.IGNORECASE)
STARTS_WITH_DATE = pattern(
    "agenda.starts_with_date",
    r"^\d{1,2}(?:st|nd|rd|th)?\s+(?:" + "|".join(MONTHS) + r")\b",
    re.IGNORECASE,
)
PRESENTER = pattern(
    "agenda.presenter",
    r"^(?P<title>.*?\S)\s*(?:[–—-]\s+|\(\s*(?:presented\s+by\s+|presenter:\s*)?)"
    r"(?P<who>(?:(?:Mr|Mrs|Ms|Dr|Prof|Cllr|Councillor)\.?\s+)?[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?"
    r"(?:\s+[A-Z][a-zA-Z'-]+){0,2})\s*\)?\s*$",
)
PRESENTED_BY = pattern(
    "agenda.presented_by",
    r"^(?P<title>.*?\S)[\s,;]*\(?(?:presented|introduced|led)\s+by\s+(?P<who>[^)]+)\)?$",
    re.IGNORECASE,
)
DASH = pattern("agenda.dash", r"\s+[–—-]\s+")

AGENDA_LABEL = pattern(
    "agenda.agenda_label",
    # and in French, Spanish, German, Swedish, Italian, Portuguese ("## Ordre du jour" over
    # its list, afpy-cd-2022-10-18.md)
    r"^(?:(?:meeting\s+)?agenda(?:\s+items?)?|ordre\s+du\s+jour|orden\s+del\s+d[ií]a|"
    r"tagesordnung|dagordning|ordine\s+del\s+giorno|pauta)\s*:?$",
    re.IGNORECASE,
)
STRUCTURAL = pattern(
    "agenda.structural", rf"^(?:{'|'.join(STRUCTURAL_HEADINGS)})\b.{{0,30}}$", re.IGNORECASE
)
DATE_ONLY = pattern(
    "agenda.date_only",
    r"^[\W\d]*(?:\w+day,?\s+)?\d{1,4}(?:st|nd|rd|th)?[\s./-]+\w+[\s./-]+\d{2,4}\W*$|^\d{4}-\d{2}-\d{2}$",
    re.IGNORECASE,
)

#: A table row's first cell holding only an item number ("4", "12.").
ROW_NUMBER = pattern("agenda.row_number", r"\d{1,2}\.?")

#: An item number run into a paragraph after the text before it ("… on agenda items 3.
#: Notice regarding use of social media …"): where items were exported as one paragraph.
INLINE_NUMBER = pattern(
    "agenda.inline_number", r"(?<=[\s.:])(?P<n>\d{1,2}(?:\.\d{1,2}){0,2})\.?[ \t]+(?=[A-Z])"
)
#: Where an item's title, run into its text, ends: a colon or dash, a full stop (not of "Dr."
#: or "No."), or a new sentence opening with a capital after a lower-case word ("… agenda
#: items The Parish …").
INLINE_TITLE_END = pattern(
    "agenda.inline_title_end",
    r"\s*(?::|\s[-–—]\s|(?<=\w\w\w)\.(?=\s|$))|(?<=[a-z0-9)])\s+(?=(?:The|A|An|It|This|There|We|He|She|They|"
    r"All|No)\b|[A-Z]{2,4}\s+[a-z])",
)

#: A minute number inside a title ("… next agenda FGB19/1920 Date of next meeting").
MINUTE_REF_INSIDE = pattern("agenda.minute_ref_inside", r"\b[A-Z]{0,6}\d{2,4}/\d{2,4}\b")

#: Column titles of a table whose rows are the items of the record, one per row, with their
#: notes beside ("Item | Notes | Action": Decoy Primary School governors): such a row is an
#: item whatever else its cells hold.
ITEM_TABLE_COLUMNS: Final[frozenset[str]] = frozenset(
    {"item", "agenda item", "minute", "minute no", "discussion", "notes", "subject", "topic"}
)

#: A word of a table's header row naming a column of items: "Agenda Items /Discussion".
ITEM_COLUMN_WORD = pattern(
    "agenda.item_column_word", r"\b(?:items?|discussion|topics?|subjects?|business)\b"
)

#: Between presenters named in an agenda table cell ("Smith / Jones & Lee").
PRESENTER_SEPARATOR = pattern("agenda.presenter_separator", r"[/&,]")

#: A lettered sub-item label ("a.", "(b)").
LETTER_LABEL = pattern("agenda.letter_label", r"\(?[a-z][.)]")

#: A four-digit "number" (a year or a file number), not an item number.
FOUR_DIGITS = pattern("agenda.four_digits", r"\d{4}")

#: An item's text that says nothing came up ("None.", "None to report").
NONE_REPORTED = pattern("agenda.none_reported", r"None\b")

#: A "title" that is only figures (an amount, a percentage): not an item.
FIGURES_ONLY = pattern("agenda.figures_only", r"^[\d,.%£$]+$")

#: A decimal outline number ("4", "4.1", "4.1.2").
#: A line of a paragraph opening with a decimal item number and a capital ("6.0 Minutes of
#: …", "7.1. The …"): a web page's <br>-broken lines of numbered items.
LINE_NUMBER = pattern("agenda.line_number", r"\d{1,3}(?:\.\d{1,2}){1,2}\.?[ \t]+[A-Z]")

DECIMAL_NUMBER = pattern("agenda.decimal_number", r"\d{1,3}(?:\.\d{1,3})*")

#: A "Minutes:" label opening an item's text (ModernGov item pages).
MINUTES_LABEL = pattern("agenda.minutes_label", r"minutes\s*:?", re.IGNORECASE)

#: An "Agenda item:" label before an item's title.
AGENDA_ITEM_LABEL = pattern("agenda.agenda_item_label", r"agenda item\s*:?", re.IGNORECASE)

#: What follows a parent item's number in its sub-item's ("4" → "4.1", "24/038" → "24/038.1",
#: "81" → "81a", "5" → "5-A").
CHILD_NUMBER_SUFFIX = pattern(
    "agenda.child_number_suffix", r"(?:\.\d{1,3})+|\.[a-z]|[a-z]|-[A-Z]|\([a-z]\)"
)

#: An agenda table row's first cell: an item number or reference ("4", "PC/24/3", "7-A.",
#: "(b)").
ROW_LABEL = pattern("agenda.row_label", r"[A-Z]{0,6}\s?/?\s?\d[\d/.\-]*[a-zA-Z]?\.?|\(?[a-z][.)]")

#: A section title in capitals opening a line of a record that numbers no items, alone or
#: with the text run on after it ("UNFINISHED BUSINESS", "ROLL CALL Present: …", "CONSENT
#: CALENDAR An asterisk indicates …", "ORAL COMMUNICATIONS, AGENDA (Public Comment) None.").
CAPITALS_TITLE = pattern(
    "agenda.capitals_title",
    r"^(?P<t>[A-Z][A-Z&'’/-]*[A-Z’'](?:,?[ \t]+(?:[A-Z][A-Z&'’/-]*[A-Z’']|[A-Z]|&|-))*"
    r"(?:[ \t]+\([A-Z][\w ]{1,40}\))?)[ \t]*(?:$|[:–—-]?[ \t]+(?=[A-Z*(]))",
)
#: Words in capitals that open a decision, a vote, an outcome or a note, not a section
#: ("RESOLVED that", "AYES: …", "GRANTED", "TODO"); "MINUTES OF" opens the title of a
#: (further) meeting.
CAPITALS_NOT_TITLES: Final[frozenset[str]] = frozenset(
    {
        "ABSENT",
        "ACKNOWLEDGED",
        "ADOPTED",
        "CONTINUED",
        "DEFERRED",
        "DENIED",
        "DONE",
        "GRANTED",
        "TODO",
        "WITHDRAWN",
        "ABSTAIN",
        "ABSTENTIONS",
        "ACTION",
        "AGREED",
        "APPROVED",
        "ATTEST",
        "AYES",
        "CARRIED",
        "MOTION",
        "NAYS",
        "NOES",
        "NOTE",
        "RESOLVED",
        "VOTE",
        "MINUTES OF",
    }
)
#: A lettered sub-item under a section title ("A. Strategic Plan Status Update", "*B.\tDraft
#: Minutes …", a consent item marked as enacted with an asterisk).
LETTERED_ITEM = pattern(
    "agenda.lettered_item", r"^\*?(?:\d{1,2}-)?(?P<l>[A-Z])[.)][ \t]+(?P<t>\S[^\t\n]*)"
)

#: The end of the first sentence of a matter recorded after its file number ("… Held on July
#: 2, 2019. Approved."): the sentence names the matter, the rest records it.
MATTER_SENTENCE_END = pattern("agenda.matter_sentence_end", r"(?<=[a-z)\d”\"])\.\s+(?=[A-Z])")

#: An item's title run in before its record on the same line, after a colon or a dash:
#: "Public Hearing: The Islamic Society …", "Musical-Mr Manning reported …", "Fundraising:
#: WHS Basketball …", "Website-Will absent tonight" (Lincoln Township Planning Commission,
#: Williamsburg Music Association). A hyphen without spaces separates only before a capital.
RUN_IN_LABEL = pattern(
    "agenda.run_in_label",
    # the title may end its line: "Police Matters:\nApology given …" (a PDF cell keeps its
    # writer's line breaks, tayport-cc-2018-09-03.pdf)
    r"^(?P<t>[A-Z][^:–—\n]{1,70}?)"
    r"(?:[ \t]*:[ \t]*\n?[ \t]*(?<=[ \t\n])|[ \t]*[–—][ \t]*|[ \t]+-[ \t]+|-(?=[A-Z]))"
    r"(?P<rest>\S.*)$",
    re.DOTALL,
)
#: Labels run in like a title that open other records than an item: who spoke, what was
#: moved, when and where (matched on the label's first word or two, lower case).
RUN_IN_NOT_TITLES: Final[frozenset[str]] = frozenset(
    {
        "abstentions",
        "action",
        "actions",
        "against",
        "agreed",
        "amendment",
        "answer",
        "attachment",
        "ayes",
        "comment",
        "comments by",
        "conclusion",
        "correction",
        "date",
        "decision",
        "discussion",
        "due",
        "email",
        "location",
        "motion",
        "moved",
        "nays",
        "noes",
        "note",
        "notes",
        "outcome",
        "owner",
        "phone",
        "q",
        "question",
        "re",
        "resolved",
        "response",
        "result",
        "second",
        "seconded",
        "status",
        "subject",
        "time",
        "update",
        "vote",
        "voting",
        "with abstentions",
    }
)

"""Agenda: headings that are sections of the record rather than items of business, and the
patterns that read item numbers, titles and presenters."""

from __future__ import annotations

from typing import Final

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

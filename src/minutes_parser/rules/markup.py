"""Patterns of the lightweight markups: what sniffing counts as a signal of each, and the few
line shapes the markup loaders read themselves (front-matter fields, Org's line grammar,
AsciiDoc's block grammar). Parsers do the rest; these patterns never reach for meaning.
"""

from __future__ import annotations

import re
from typing import Final

from ._patterns import pattern

_M = re.MULTILINE

# -- shared -----------------------------------------------------------------------------------

#: ``title: "…"`` / ``date = 2024-03-12`` at the top level of YAML/TOML front matter.
FRONT_MATTER_FIELD = pattern("markup.front-matter-field", r"^([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$")
#: An entry of a list-valued front-matter field (``participants:`` then ``  - Ann Lee``).
FRONT_MATTER_ITEM = pattern("markup.front-matter-item", r"^[ \t]*-[ \t]+(.*?)[ \t]*$")
#: Front-matter list fields a static site keeps for its own indexes, not shown as the page's
#: content (a "categories: - clubs" list is not part of the minutes).
FRONT_MATTER_TAXONOMY: Final[frozenset[str]] = frozenset(
    {"aliases", "categories", "category", "keywords", "menu", "series", "tags"}
)
#: A ``---`` front-matter block at the very start of an Org or AsciiDoc file.
FRONT_MATTER_BLOCK = pattern(
    "markup.front-matter-block", r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL
)
#: HTML's whitespace, collapsed to one space outside ``<pre>``.
#: Text that already carries its list number ("3. …", "(b) …"), so none is prefixed.
STARTS_NUMBERED = pattern("markup.starts-numbered", r"^\(?(\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)]\s")

# -- Markdown inline HTML ---------------------------------------------------------------------

#: One inline HTML tag: closing slash, name, attributes.
HTML_TAG = pattern("markup.html-tag", r"^<(/?)([A-Za-z][A-Za-z0-9]*)\b([^>]*)>")
HTML_HREF = pattern("markup.html-href", r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
HTML_CHECKED = pattern("markup.html-checked", r"\bchecked\b", re.I)
HTML_CHECKBOX = pattern("markup.html-checkbox", r"""\btype\s*=\s*["']?checkbox\b""", re.I)
#: A Markdown list item's marker ("- ", "12. ") and a block quote's ("> "), as they start a
#: source line (the Rust parser's tree gives source spans with them in).
#: A line of a chat log ("[17:04:23] Current subject: …", "17:13 <DavidPS> …"): a fenced
#: block of them is a meeting's log, a line to a block (sunpy-org-meeting-2014-03-05.md).
CHAT_LOG_LINE = pattern("markup.chat-log-line", r"^\s*\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+\S")
#: How many lines, and what share of them, make a fenced block a chat log.
CHAT_LOG_MIN_LINES = 3
CHAT_LOG_SHARE = 0.6
MD_LIST_MARKER = pattern("markup.md-list-marker", r"^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]*")
MD_QUOTE_MARKER = pattern("markup.md-quote-marker", r"^[ \t]{0,3}>[ \t]?")

# -- sniffing: content signals of each markup, (pattern, weight) -----------------------------
# A line-start "* " is a bullet in Markdown and AsciiDoc and a headline in Org: it counts for
# none of them.

MARKDOWN_SIGNALS = (
    (pattern("markup.md-heading", r"^#{1,6}[ \t]+\S", _M), 2.0),
    (
        pattern(
            "markup.md-table-rule",
            r"^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$",
            _M,
        ),
        2.0,
    ),
    (pattern("markup.md-fence", r"^```", _M), 1.0),
    (pattern("markup.md-link", r"\[[^\]\n]+\]\((?:https?://|/|#|\.)[^)\s]*\)"), 1.0),
    (pattern("markup.md-strong", r"\*\*[^*\n]+\*\*|__[^_\n]+__"), 1.0),
    (pattern("markup.md-task", r"^[ \t]*[-*][ \t]+\[[ xX]\][ \t]", _M), 1.0),
    (pattern("markup.md-struck", r"~~[^~\n]+~~"), 1.0),
)
ORG_SIGNALS = (
    (pattern("markup.org-keyword-line", r"^#\+[A-Za-z_]+:", _M), 2.0),
    (pattern("markup.org-headline", r"^\*{2,}[ \t]+\S", _M), 1.5),
    (pattern("markup.org-todo", r"^\*+[ \t]+(?:TODO|DONE)\b", _M), 1.5),
    (pattern("markup.org-drawer-open", r"^[ \t]*:(?:PROPERTIES|LOGBOOK):", _M), 2.0),
    (pattern("markup.org-begin", r"^[ \t]*#\+(?:BEGIN|begin)_", _M), 2.0),
    (pattern("markup.org-link-signal", r"\[\[[^\]\n]+\](?:\[[^\]\n]+\])?\]"), 1.0),
    (pattern("markup.org-description", r"^[ \t]*[-+][ \t]+[^\n]{1,60}?[ \t]::[ \t]", _M), 1.0),
)
RST_SIGNALS = (
    (pattern("markup.rst-directive", r"^\.\.[ \t]+[\w-]+::", _M), 2.0),
    (pattern("markup.rst-target", r"^\.\.[ \t]+_[^:\n]+:", _M), 1.5),
    (pattern("markup.rst-link", r"`[^`\n]+ <[^>\n]+>`__?"), 1.5),
    (pattern("markup.rst-role", r":(?:ref|doc|code|math|term):`"), 1.5),
    (pattern("markup.rst-field", r"^:[A-Za-z][\w ]*:[ \t]+\S", _M), 0.5),
)
ASCIIDOC_SIGNALS = (
    (pattern("markup.adoc-title", r"^={1,5}[ \t]+\S", _M), 2.0),
    (pattern("markup.adoc-table", r"^\|===[ \t]*$", _M), 2.0),
    (pattern("markup.adoc-attribute", r"^:[A-Za-z][\w-]*:(?:[ \t]|$)", _M), 1.0),
    (pattern("markup.adoc-block-attrs", r"^\[(?:cols|options|source|NOTE|TIP|WARNING)\b", _M), 1.5),
    (pattern("markup.adoc-delimiter", r"^(?:-{4}|\.{4}|={4}|\*{4}|_{4}|\+{4})[ \t]*$", _M), 0.5),
    (pattern("markup.adoc-link", r"\b(?:https?://|link:)[^\s\[]+\[[^\]\n]*\]"), 1.5),
)
#: A setext-style title: a line and a row of one punctuation character under it.
UNDERLINED_TITLE = pattern(
    "markup.underlined-title", r"^(\S[^\n]*)\n([=\-~^\"'`#*+])\2{2,}[ \t]*$", _M
)

# -- Org's line grammar (loaders/org.py; orgparse reads the outline) ------------------------

ORG_KEYWORD = pattern("markup.org-keyword", r"^[ \t]*#\+([A-Za-z_]+):[ \t]*(.*)$")
ORG_BLOCK_BEGIN = pattern("markup.org-block-begin", r"^[ \t]*#\+begin_(\w+)", re.IGNORECASE)
ORG_BLOCK_END = pattern("markup.org-block-end", r"^[ \t]*#\+end_(\w+)", re.IGNORECASE)
ORG_DRAWER = pattern("markup.org-drawer", r"^[ \t]*:([A-Za-z_-]+):[ \t]*$")
ORG_ITEM = pattern("markup.org-item", r"^([ \t]*)(?:[-+]|[ \t]\*|\d+[.)]|[a-zA-Z][.)])[ \t]+(.*)$")
ORG_CHECKBOX = pattern("markup.org-checkbox", r"^\[([ xX-])\][ \t]+")
ORG_TABLE_RULE = pattern("markup.org-table-rule", r"^[ \t]*\|[-+:| \t]*$")
ORG_LINK = pattern("markup.org-link", r"\[\[([^\]\n]+)\](?:\[([^\]\n]+)\])?\]")
#: Emphasis only where Org recognises it: a marker after a space or opening punctuation,
#: hugging its text, and followed by a space or closing punctuation.
ORG_EMPHASIS = pattern(
    "markup.org-emphasis", r"(?<![\w*/=~+])([*/=~+])(\S(?:[^\n]*?\S)?)\1(?![\w*/=~+])"
)

# -- AsciiDoc's block grammar, read line by line (loaders/asciidoc.py) ------------------------

#: ``== Section title`` (the trailing ``==`` of the symmetric form is optional).
ADOC_SECTION = pattern("markup.adoc-section", r"^(={1,6})[ \t]+(\S.*?)(?:[ \t]+=+)?[ \t]*$")
#: The underline of a two-line section title ("RFCs" / "----", "Roadmap" / "~~~~~~~"): one
#: character repeated, "=" for the document title, then "-", "~", "^", "+" a level deeper each.
ADOC_UNDERLINE = pattern("markup.adoc-underline", r"^([=\-~^+])\1+[ \t]*$")
#: The levels those underline characters give, as "=" signs of a one-line title.
ADOC_UNDERLINE_LEVELS: Final[dict[str, int]] = {"=": 1, "-": 2, "~": 3, "^": 4, "+": 5}
#: A document title (``= Title``) as the first line after blank and comment lines.
ADOC_DOCUMENT_TITLE = pattern("markup.adoc-document-title", r"\A(?:[ \t]*\n|//[^\n]*\n)*=[ \t]+\S")
#: ``:name: value`` document attribute (``:name!:`` unsets it).
ADOC_ATTRIBUTE = pattern(
    "markup.adoc-attr-entry", r"^:(!?[A-Za-z0-9_][\w-]*!?):(?:[ \t]+(.*?))?[ \t]*$"
)
#: ``.Title`` naming the next block.
ADOC_BLOCK_TITLE = pattern("markup.adoc-block-title", r"^\.([^.\s\d].*?)[ \t]*$")
#: ``[cols="1,2"]``, ``[%header]``, ``[[anchor]]``, ``[NOTE]``: attributes of the next block.
ADOC_BLOCK_ATTRIBUTES = pattern("markup.adoc-attr-line", r"^\[\[?[^\]]*\]\]?[ \t]*$")
#: A list item: ``*``..``*****`` or ``-`` (unordered), ``.``..``.....``, ``1.``, ``a.``.
ADOC_LIST_ITEM = pattern(
    "markup.adoc-list-item", r"^[ \t]*(\*{1,5}|-|\.{1,5}|\d{1,3}\.|[a-zA-Z]\.)[ \t]+(\S.*)$"
)
ADOC_CHECKBOX = pattern("markup.adoc-checkbox", r"^\[([ xX*])\][ \t]+")
#: ``Term:: description`` (``:::``, ``::::`` and ``;;`` for deeper levels).
ADOC_DESCRIPTION = pattern(
    "markup.adoc-description", r"^[ \t]*([^\s|:][^:\n]{0,79}?)(:{2,4}|;;)(?:[ \t]+(.*?))?[ \t]*$"
)
#: A delimited block's fence: listing, literal, example, sidebar, quote, passthrough,
#: comment, open.
ADOC_DELIMITER = pattern(
    "markup.adoc-delimiter-line", r"^(-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|/{4,}|--)[ \t]*$"
)
ADOC_TABLE_FENCE = pattern("markup.adoc-table-fence", r"^([|,:!])===[ \t]*$")
#: A cell specifier left at the end of the cell before it: ``2+``, ``.3+``, ``2*``, ``2+a``.
ADOC_CELL_SPEC = pattern(
    "markup.adoc-cell-spec", r"(?:^|[ \t])(\d*(?:\.\d+)?[+*])[<^>]?(?:\.[<^>])?[adehlmsv]?[ \t]*$"
)
ADOC_COLS = pattern("markup.adoc-cols", r"""\bcols\s*=\s*["']?([^"'\]]+)""")
ADOC_CELL_SEPARATOR = pattern("markup.adoc-cell-separator", r"(?<!\\)\|")
#: The author line under a document title: ``Jane Doe <jane@example.org>``.
ADOC_AUTHOR = pattern(
    "markup.adoc-author", r"^([^\W\d_][^<>:\d\n]{0,60}?)[ \t]+<[^<>\s@]+@[^<>\s]+>(?:[ \t]*;.*)?$"
)
#: The revision line under a document title: ``v1.2, 2016-02-17: remark``.
ADOC_REVISION = pattern("markup.adoc-revision", r"^v\d[\w.]*,[ \t]*([^:\n]+?)[ \t]*(?::.*)?$")
ADOC_HARD_BREAK = pattern("markup.adoc-hard-break", r"[ \t]\+$")
ADOC_BREAK_LINE = pattern("markup.adoc-break-line", r"^(?:'{3,}|<{3,}|-{3}|\*{3})[ \t]*$")

# -- AsciiDoc inline markup -------------------------------------------------------------------

#: ``https://host/path[text]``, ``link:file.pdf[text]``, ``mailto:a@b[text]``, bare URLs.
ADOC_LINK = pattern(
    "markup.adoc-inline-link",
    r"(?:link:)?((?:https?|ftp|irc)://[^\s\[\]<>]+|mailto:[^\s\[]+|link:[^\s\[]+)(?:\[([^\]\n]*)\])?",
)
ADOC_XREF = pattern("markup.adoc-xref", r"<<([^,>\n]+)(?:,[ \t]*([^>\n]+))?>>")
ADOC_IMAGE = pattern("markup.adoc-image", r"image::?[^\s\[]+\[[^\]\n]*\]")
ADOC_ATTRIBUTE_REF = pattern("markup.adoc-attr-ref", r"\{([A-Za-z0-9_][\w-]*)\}")
ADOC_ROLE = pattern("markup.adoc-role", r"\[[.#][^\]\n]*\](?=[#*_`])")
ADOC_UNCONSTRAINED = pattern("markup.adoc-unconstrained", r"(\*\*|__|``|##|\+\+)(.+?)\1")
ADOC_CONSTRAINED = pattern(
    "markup.adoc-constrained", r"(?<![\w*_`#+\\])([*_`#+])(?=\S)(.+?)(?<=\S)\1(?![\w*_`#+])"
)
#: A line that is strong from end to end: ``*Attendees*``, ``**Present:**``.
ADOC_STRONG_LINE = pattern("markup.adoc-strong-line", r"^\*{1,2}(?=\S)([^*\n]+?)(?<=\S)\*{1,2}$")

"""Patterns of the lightweight markups: what sniffing counts as a signal of each, and the few
line shapes the markup loaders read themselves (front-matter fields, Org's line grammar,
AsciiDoc's block grammar). Parsers do the rest; these patterns never reach for meaning.
"""

from __future__ import annotations

import re

from ._patterns import pattern

_M = re.MULTILINE

# -- shared -----------------------------------------------------------------------------------

#: ``title: "…"`` / ``date = 2024-03-12`` at the top level of YAML/TOML front matter.
FRONT_MATTER_FIELD = pattern("markup.front-matter-field", r"^([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$")
#: A ``---`` front-matter block at the very start of an Org or AsciiDoc file.
FRONT_MATTER_BLOCK = pattern(
    "markup.front-matter-block", r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL
)
#: HTML's whitespace, collapsed to one space outside ``<pre>``.
HTML_SPACE = pattern("markup.html-space", r"[ \t\n\r\f]+")
#: Text that already carries its list number ("3. …", "(b) …"), so none is prefixed.
STARTS_NUMBERED = pattern("markup.starts-numbered", r"^\(?(\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)]\s")

# -- Markdown inline HTML ---------------------------------------------------------------------

#: One inline HTML tag: closing slash, name, attributes.
HTML_TAG = pattern("markup.html-tag", r"^<(/?)([A-Za-z][A-Za-z0-9]*)\b([^>]*)>")
HTML_HREF = pattern("markup.html-href", r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
HTML_CHECKED = pattern("markup.html-checked", r"\bchecked\b", re.I)
HTML_CHECKBOX = pattern("markup.html-checkbox", r"""\btype\s*=\s*["']?checkbox\b""", re.I)

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

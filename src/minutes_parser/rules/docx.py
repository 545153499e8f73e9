"""DOCX rules: the style names and number formats the Word loader reads meaning from.

Word stores a paragraph's role in its style *name* ("heading 2", "List Bullet 3") and renders
list numbers from a level text with placeholders ("%1.%2."). The loader
(:mod:`minutes_parser.loaders.docx_styles`, ``docx_numbering``, ``docx_reader``) imports
these compiled patterns; it never compiles its own.
"""

from __future__ import annotations

import re

from ._patterns import pattern

__all__ = ["HEADING_STYLE", "LEVEL_PLACEHOLDER", "LIST_STYLE", "NUMBER_OR_BULLET_CELL"]

#: "heading 1" ... "heading 9" (Word's built-in names, any case): the heading level.
HEADING_STYLE = pattern("docx.heading_style", r"^heading\s*([1-9])$", re.IGNORECASE)
#: "List", "List Bullet 2", "List Number 3", "List Paragraph", "List Continue": a list level.
LIST_STYLE = pattern(
    "docx.list_style", r"^list\s*(?:bullet|number|paragraph|continue)?\s*([1-9])?$", re.I
)
#: "%1" in a numbering level's text: the counter of level 1 goes there.
LEVEL_PLACEHOLDER = pattern("docx.level_placeholder", r"%([1-9])")
#: A first tab-separated cell that is only a number or bullet ("1.", "(a)", "iv)"): a manually
#: numbered line, not a row laid out with tab stops.
NUMBER_OR_BULLET_CELL = pattern(
    "docx.number_or_bullet_cell",
    r"^(\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-zA-Z]\)|\(?[ivxIVX]{1,4}\))$",
)

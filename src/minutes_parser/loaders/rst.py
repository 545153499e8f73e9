"""reStructuredText loader: docutils parses the document (sections, lists, tables, field
lists, definition lists) and writes HTML, which the HTML tree reader turns into blocks.

File inclusion and raw passthrough are switched off (a document must not read other files),
parser warnings are kept out of the text, and the first title stays a heading of the body
instead of being lifted into a document title. Docinfo fields (``:Date:``, ``:Author:``)
become document metadata.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.core import publish_doctree, publish_from_doctree

from ..document import Document, DocumentFormat
from . import LoadOptions
from .html import load_html
from .text import decode_text

__all__ = ["load", "load_rst"]

_SETTINGS: dict[str, Any] = {
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "report_level": 5,  # no system messages in the output
    "halt_level": 5,  # never raise on a malformed document: read what parses
    "doctitle_xform": False,
    "docinfo_xform": True,
    "input_encoding": "unicode",
    "output_encoding": "unicode",
    "warning_stream": False,
    "syntax_highlight": "none",
    "embed_stylesheet": False,
    "stylesheet_path": "",
    "_disable_config": True,
}


def _docinfo(doctree: nodes.document) -> dict[str, str]:
    out: dict[str, str] = {}
    for info in doctree.findall(nodes.docinfo):
        for child in info.children:
            if isinstance(child, nodes.field):
                name, body = child.children[0], child.children[1]
                out[name.astext().strip().lower()] = body.astext().strip()
            elif isinstance(child, nodes.Element):
                out[child.tagname.lower()] = child.astext().strip()
    return out


def load_rst(text: str, options: LoadOptions | None = None) -> Document:
    options = options or LoadOptions()
    doctree = publish_doctree(text, settings_overrides=_SETTINGS)
    for message in list(doctree.findall(nodes.system_message)):
        message.parent.remove(message)
    html = publish_from_doctree(doctree, writer="html5", settings_overrides=_SETTINGS)
    doc = load_html(html, options, fmt=DocumentFormat.RST)
    doc.metadata = _docinfo(doctree)
    return doc


def load(data: bytes, options: LoadOptions) -> Document:
    text, _ = decode_text(data)
    return load_rst(text, options)

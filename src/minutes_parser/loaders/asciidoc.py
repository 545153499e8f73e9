"""AsciiDoc loader: a line-oriented reader of AsciiDoc's block grammar.

No AsciiDoc parser on PyPI gives a document tree offline in pure Python that is maintained
(``asciidoc`` renders whole pages through its own config files; the Lark-based ones are
alphas), and the block grammar is line-oriented: each line opens, continues or closes a block.
Read here: the document title and its author/revision lines, section titles (``=`` … ``======``,
levels 1–6), attribute entries (``:date: …``, kept as metadata), block titles (``.Attendees``),
lists (``*``/``-``/``.``/``1.`` with their depth and checklist boxes, description lists
``Term:: text``), tables (``|===``, ``,===`` with ``cols`` and header rows, cell spans), and
delimited blocks (listing and literal blocks as their lines, example/sidebar/quote/open blocks
read through, comment and passthrough blocks skipped). Inline markup (strong, emphasis,
monospace, links, cross references, images, attribute references) is stripped from the text,
link targets kept on the block. Patterns are in ``rules/markup.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import BlockKind, Document, DocumentBuilder, DocumentFormat, Style
from ..errors import EmptyDocumentError
from ..rules.markup import (
    ADOC_ATTRIBUTE,
    ADOC_ATTRIBUTE_REF,
    ADOC_AUTHOR,
    ADOC_BLOCK_ATTRIBUTES,
    ADOC_BLOCK_TITLE,
    ADOC_BREAK_LINE,
    ADOC_CELL_SEPARATOR,
    ADOC_CELL_SPEC,
    ADOC_CHECKBOX,
    ADOC_COLS,
    ADOC_CONSTRAINED,
    ADOC_DELIMITER,
    ADOC_DESCRIPTION,
    ADOC_DOCUMENT_TITLE,
    ADOC_HARD_BREAK,
    ADOC_IMAGE,
    ADOC_LINK,
    ADOC_LIST_ITEM,
    ADOC_REVISION,
    ADOC_ROLE,
    ADOC_SECTION,
    ADOC_STRONG_LINE,
    ADOC_TABLE_FENCE,
    ADOC_UNCONSTRAINED,
    ADOC_UNDERLINE,
    ADOC_UNDERLINE_LEVELS,
    ADOC_XREF,
    FRONT_MATTER_BLOCK,
)
from . import LoadOptions
from .inline_blocks import BOLD_HEADING_MAX
from .markdown import front_matter_fields, front_matter_lists
from .normalise import clean_chars, ends_sentence, squash, starts_continuation
from .org import join_wrapped
from .text import decode_text

__all__ = ["load", "load_asciidoc"]

#: Delimited blocks whose lines are content as they stand, one block (attendee lists are
#: sometimes pasted into a listing block).
_VERBATIM = ("-", ".")
#: Delimited blocks whose content is not the document's text.
_SKIPPED = ("/", "+")


def inline_text(text: str, links: list[str], attributes: dict[str, str]) -> str:
    """``text`` with AsciiDoc's inline markup removed; link targets appended to ``links``."""

    def link(m: re.Match[str]) -> str:
        target = m.group(1).removeprefix("link:")
        links.append(target)
        return m.group(2) or target.removeprefix("mailto:")

    def xref(m: re.Match[str]) -> str:
        return (m.group(2) or m.group(1)).strip()

    def attribute(m: re.Match[str]) -> str:
        return attributes.get(m.group(1).lower(), m.group(0))

    if "{" in text:
        text = ADOC_ATTRIBUTE_REF.sub(attribute, text)
    text = ADOC_IMAGE.sub("", text)
    if ":" in text:
        text = ADOC_LINK.sub(link, text)
    if "<<" in text:
        text = ADOC_XREF.sub(xref, text)
    text = ADOC_ROLE.sub("", text)
    text = ADOC_UNCONSTRAINED.sub(lambda m: m.group(2), text)
    return ADOC_CONSTRAINED.sub(lambda m: m.group(2), text)


@dataclass
class _Table:
    separator: str
    columns: int | None
    cells: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class _Reader:
    builder: DocumentBuilder
    attributes: dict[str, str] = field(default_factory=dict)
    paragraph: list[str] = field(default_factory=list)
    item: list[str] | None = None
    item_level: int = 1
    item_checked: bool | None = None
    pending_attributes: str = ""
    tables: int = 0
    table: _Table | None = None
    delimiters: list[str] = field(default_factory=list)
    verbatim: list[str] | None = None
    numbers: dict[int, int] = field(default_factory=dict)
    """The last number given at each depth of the ordered list being read."""

    # -- writing -------------------------------------------------------------------------------

    def _inline(self, text: str, links: list[str]) -> str:
        return inline_text(text, links, self.attributes)

    def inline_plain(self, text: str) -> str:
        return inline_text(text, [], self.attributes)

    def flush(self) -> None:
        if self.item is not None:
            links: list[str] = []
            text = self._inline(" ".join(self.item), links)
            self.builder.add(
                BlockKind.LIST_ITEM,
                text,
                level=self.item_level,
                checked=self.item_checked,
                links=links,
            )
            self.item = None
        if self.paragraph:
            for chunk in _paragraph_lines(self.paragraph):
                self._paragraph(chunk)
            self.paragraph = []

    def _paragraph(self, line: str) -> None:
        links: list[str] = []
        strong = ADOC_STRONG_LINE.match(line)
        text = self._inline(strong.group(1) if strong else line, links)
        if strong and len(text) <= BOLD_HEADING_MAX:
            style = Style(bold=True)
            self.builder.add(BlockKind.HEADING, text, style=style, links=links)
        else:
            self.builder.add(BlockKind.PARAGRAPH, text, links=links)

    def _number(self, marker: str) -> str:
        """An ordered item's number, written as Markdown's and Word's items carry theirs."""
        level = self.item_level
        self.numbers = {d: n for d, n in self.numbers.items() if d <= level}
        if marker[0] == ".":
            self.numbers[level] = self.numbers.get(level, 0) + 1
            return f"{self.numbers[level]}. "
        if marker[0].isdigit():
            self.numbers[level] = int(marker[:-1])
            return marker + " "
        self.numbers.pop(level, None)
        return ""

    def heading(self, text: str, level: int | None) -> None:
        self.numbers = {}
        self.flush()
        links: list[str] = []
        self.builder.add(BlockKind.HEADING, self._inline(text, links), level=level, links=links)

    # -- lines ---------------------------------------------------------------------------------

    def read(self, lines: list[str]) -> None:
        for raw in lines:
            line = raw.rstrip()
            if self.verbatim is not None:
                self._verbatim_line(line)
            elif self.table is not None:
                self._table_line(line)
            else:
                self._line(line)
        self._end_table()
        self.flush()

    def _line(self, line: str) -> None:
        stripped = line.strip()
        if not stripped:
            self.flush()
            return
        if line.startswith("//") and not line.startswith("////"):
            return  # a comment line
        if m := ADOC_DELIMITER.match(line):
            self._delimiter(m.group(1))
            return
        if m := ADOC_TABLE_FENCE.match(line):
            self.flush()
            self._start_table(m.group(1))
            return
        if m := ADOC_SECTION.match(line):
            self.heading(m.group(2), len(m.group(1)))
            return
        if (m := ADOC_ATTRIBUTE.match(line)) and not self.paragraph and self.item is None:
            name, value = m.group(1).lower(), (m.group(2) or "").strip()
            if value and not name.endswith("!") and not name.startswith("!"):
                self.attributes[name] = value
            return
        if ADOC_BLOCK_ATTRIBUTES.match(line) and not self.paragraph:
            self.flush()
            self.pending_attributes = line
            return
        if ADOC_BREAK_LINE.match(line):
            self.flush()
            return
        if (m := ADOC_BLOCK_TITLE.match(line)) and not self.paragraph and self.item is None:
            self.heading(m.group(1), None)
            return
        if m := ADOC_LIST_ITEM.match(line):
            self.flush()
            marker, rest = m.group(1), m.group(2)
            box = ADOC_CHECKBOX.match(rest)
            self.item_checked = None if box is None else box.group(1) != " "
            self.item_level = len(marker) if marker[0] in "*." else 1
            self.item = [self._number(marker) + (rest[box.end() :] if box else rest)]
            return
        if (m := ADOC_DESCRIPTION.match(line)) and not self.paragraph:
            self.flush()
            term, depth, body = m.group(1).strip(), m.group(2), m.group(3) or ""
            self.item_checked = None
            self.item = [f"{term}: {body}" if body else f"{term}:"]
            self.item_level = 1 if depth == ";;" else len(depth) - 1
            return
        if stripped == "+":
            return  # a list continuation: the next block belongs to the item
        if self.item is not None:
            if line[:1].isspace() or (
                not ends_sentence(self.item[-1]) and starts_continuation(stripped)
            ):
                # an item's text wrapped onto the next line, indented under it or running on
                self.item.append(stripped)
                return
            self.flush()  # a line written under the item, not part of it ("Participants:")
        self.numbers = {}
        self.paragraph.append(stripped)

    # -- delimited blocks ----------------------------------------------------------------------

    def _delimiter(self, fence: str) -> None:
        self.flush()
        self.pending_attributes = ""
        if self.delimiters and self.delimiters[-1] == fence:
            self.delimiters.pop()
        elif (fence[0] in _VERBATIM and fence != "--") or fence[0] in _SKIPPED:
            self.verbatim = []
            self.delimiters.append(fence)
        else:
            self.delimiters.append(fence)  # example, sidebar, quote, open: read through

    def _verbatim_line(self, line: str) -> None:
        fence = self.delimiters[-1]
        if line.strip() != fence:
            if self.verbatim is not None:
                self.verbatim.append(line)
            return
        lines, self.verbatim = self.verbatim or [], None
        self.delimiters.pop()
        if fence[0] in _VERBATIM:
            text = "\n".join(squash(clean_chars(x)) for x in lines if x.strip())
            self.builder.add(BlockKind.PARAGRAPH, text)

    # -- tables --------------------------------------------------------------------------------

    def _start_table(self, separator: str) -> None:
        attributes, self.pending_attributes = self.pending_attributes, ""
        cols = ADOC_COLS.search(attributes)
        columns = None
        if cols:
            spec = cols.group(1).strip()
            head = spec.split("*")[0]
            columns = int(head) if "*" in spec and head.isdigit() else len(spec.split(","))
        self.tables += 1
        self.table = _Table(separator, columns or None)

    def _table_line(self, line: str) -> None:
        """Cells run on from line to line; a row is complete when its cells fill the
        columns, which ``cols`` states or the table's first line shows."""
        table = self.table
        assert table is not None
        if ADOC_TABLE_FENCE.match(line):
            self._end_table()
            return
        if not line.strip():
            return
        cells = _split_cells(line, table.separator)
        if cells is None:  # a cell's text running on to the next line
            if table.cells:
                text, span = table.cells[-1]
                table.cells[-1] = (f"{text}\n{line.strip()}", span)
            return
        if table.columns is None:
            table.columns = sum(span for _, span in cells)
        table.cells.extend(cells)
        self._emit_rows(final=False)

    def _emit_rows(self, *, final: bool) -> None:
        table = self.table
        assert table is not None
        width = table.columns or 1
        while table.cells:
            taken, used = 0, 0
            while taken < len(table.cells) and used < width:
                used += table.cells[taken][1]
                taken += 1
            if used < width and not final:
                return
            row, table.cells = table.cells[:taken], table.cells[taken:]
            links: list[str] = []
            texts = [self._inline(t, links).replace("\t", " ") for t, _ in row]
            self.builder.add_row(
                texts, table=self.tables, col_spans=[s for _, s in row], links=links
            )

    def _end_table(self) -> None:
        if self.table is not None:
            self._emit_rows(final=True)
            self.table = None


def _split_cells(line: str, separator: str) -> list[tuple[str, int]] | None:
    """The cells a table line starts (text, column span), or ``None`` when the line goes on
    with the last cell's text. ``,===`` and ``:===`` tables are one row per line."""
    if separator in ",:":
        return [(c.strip(), 1) for c in line.split(separator)]
    pieces = ADOC_CELL_SEPARATOR.split(line) if "\\" in line else line.split("|")
    if len(pieces) < 2 or (pieces[0].strip() and not ADOC_CELL_SPEC.fullmatch(pieces[0].strip())):
        return None
    cells: list[tuple[str, int]] = []
    span = _span_of(pieces[0])
    for piece in pieces[1:]:
        spec = ADOC_CELL_SPEC.search(piece) if piece is not pieces[-1] else None
        text = piece[: spec.start()] if spec else piece
        cells.append((text.strip().replace("\\|", "|"), span))
        span = _span_of(spec.group(1)) if spec else 1
    return cells


def _span_of(spec: str) -> int:
    """Column span of a cell specifier: ``3+`` spans three columns, ``.2+`` two rows."""
    spec = spec.strip()
    if not spec.endswith("+") or spec.startswith("."):
        return 1
    head = spec[:-1].split(".")[0]
    return int(head) if head.isdigit() and 0 < int(head) < 1000 else 1


def _paragraph_lines(lines: list[str]) -> list[str]:
    """A paragraph's lines: those ending `` +`` break there, the rest are joined where one
    runs on into the next."""
    out: list[str] = []
    run: list[str] = []
    for line in lines:
        if ADOC_HARD_BREAK.search(line):
            run.append(line[:-1].rstrip())
            out.extend(join_wrapped(run))
            run = []
        else:
            run.append(line)
    if run:
        out.extend(join_wrapped(run))
    return out


def _two_line_titles(lines: list[str]) -> list[str]:
    """Section titles in AsciiDoc's older two-line form ("RFCs" over "----", "Conclusion" over
    "~~~~~~~~~~", lumiera-devmeeting-2012-09-12.txt) rewritten as one-line titles ("== RFCs").
    The underline is as long as the title, give or take a character: a longer or shorter run
    is a delimited block's fence."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        title = lines[k].strip()
        under = ADOC_UNDERLINE.match(lines[k + 1]) if k + 1 < len(lines) else None
        if (
            under is not None
            and title
            and any(ch.isalnum() for ch in title)
            and abs(len(lines[k + 1].strip()) - len(title)) <= 1
            and not ADOC_LIST_ITEM.match(lines[k])
            and not ADOC_SECTION.match(lines[k])
            and not lines[k].startswith(("//", ".", "[", ":"))
        ):
            out.append("=" * ADOC_UNDERLINE_LEVELS[under.group(1)] + " " + title)
            k += 2
            continue
        out.append(lines[k])
        k += 1
    return out


def _header(lines: list[str], builder: DocumentBuilder, reader: _Reader) -> list[str]:
    """The document title (``= Title``) as the first heading and the title metadata; an author
    line (``Name <email>``) and a revision line (``v1.0, date: remark``) right under it give
    metadata too. Returns the lines after the title: those two lines, when they are
    something else (a date, the first list item), are the body's."""
    k = 0
    while k < len(lines) and (not lines[k].strip() or lines[k].startswith("//")):
        k += 1
    if k >= len(lines) or not (m := ADOC_SECTION.match(lines[k])) or len(m.group(1)) != 1:
        return lines
    reader.heading(m.group(2), 1)
    builder.metadata["title"] = reader.builder.blocks[-1].text if reader.builder.blocks else ""
    body = lines[k + 1 :]
    if body and (author := ADOC_AUTHOR.match(body[0].strip())):
        builder.metadata["author"] = author.group(1).strip()
        body = body[1:]
    if body and (revision := ADOC_REVISION.match(body[0].strip())):
        builder.metadata["revdate"] = revision.group(1)
        body = body[1:]
    return body


def _front_matter(raw: str, reader: _Reader, *, titled: bool) -> None:
    """A Jekyll front-matter block, as the site shows it: its title is the page's first
    heading (unless the document has a ``= Title`` of its own), its list fields
    (``participants:`` then ``- Ann Lee``) are labelled lists; scalar fields are metadata."""
    fields = front_matter_fields(raw)
    reader.builder.metadata.update(fields)
    if not titled and fields.get("title"):
        reader.heading(fields["title"], 1)
    for key, items in front_matter_lists(raw).items():
        reader.builder.add(BlockKind.PARAGRAPH, f"{key}:")
        for item in items:
            reader.builder.add(BlockKind.LIST_ITEM, reader.inline_plain(item), level=1)


def load_asciidoc(text: str, options: LoadOptions | None = None) -> Document:
    options = options or LoadOptions()
    builder = DocumentBuilder(DocumentFormat.ASCIIDOC)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = _Reader(builder)
    if m := FRONT_MATTER_BLOCK.match(text):
        text = text[m.end() :]
        _front_matter(m.group(1), reader, titled=bool(ADOC_DOCUMENT_TITLE.match(text)))
    reader.read(_header(_two_line_titles(text.split("\n")), builder, reader))
    for name, value in reader.attributes.items():
        builder.metadata.setdefault(name, value)
    if "date" not in builder.metadata and "revdate" in builder.metadata:
        builder.metadata["date"] = builder.metadata["revdate"]
    if not builder.blocks:
        raise EmptyDocumentError("the document has no text", path=options.path)
    return builder.build(path=options.path)


def load(data: bytes, options: LoadOptions) -> Document:
    text, _ = decode_text(data)
    return load_asciidoc(text, options)

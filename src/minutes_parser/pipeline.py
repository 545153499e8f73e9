"""load → normalise → extract: the one path from a source to :class:`Meeting` objects."""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pydantic import BaseModel

from ._collector import collector_paused
from .document import Diagnostic, Document, Severity
from .errors import ConfigurationError, DocumentNotFoundError
from .extract import EXTRACTORS, POST_PASSES, ExtractionContext, extraction_context
from .extract.segments import split_meetings
from .loaders import Source, load
from .loaders.text import load_text
from .models import DocumentKind, Meeting, SourceInfo
from .names import display_text
from .options import ParseOptions

__all__ = [
    "MAX_NAME_CHARS",
    "MAX_TEXT_CHARS",
    "PARSER_VERSION",
    "cap_lengths",
    "check_source",
    "extract_meetings",
    "load_document",
    "parse",
    "parse_document",
    "parse_meetings",
    "parse_text",
]

log = logging.getLogger(__name__)

try:
    PARSER_VERSION = version("minutes-parser")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    PARSER_VERSION = "0+unknown"


MAX_NAME_CHARS = 1_000
"""Longest title, name, place or label an extracted item keeps. A real meeting title is a
line; a 30 MB file of one line became a 30 MB title."""
MAX_TEXT_CHARS = 10_000
"""Longest description or resolution text an extracted item keeps (several pages of prose)."""
_TEXT_FIELDS = frozenset({"description", "text", "status_text"})
_NOT_EXTRACTED = frozenset({"source", "diagnostics", "span", "text_span", "mentions", "spans"})


def cap_lengths(meeting: Meeting) -> None:
    """Cut every extracted string longer than its cap (at a space where there is one, with
    "…"), in place, and say so in one diagnostic. Spans still cover the whole text."""
    cut = _cap_model(meeting)
    if cut:
        meeting.warn(
            "text_capped",
            f"{cut} extracted value{'s' if cut != 1 else ''} longer than "
            f"{MAX_NAME_CHARS:,} characters (titles, names) or {MAX_TEXT_CHARS:,} "
            "(descriptions, texts) cut to that length; the spans still cover the whole text",
        )


@functools.cache
def _fields(cls: type[BaseModel]) -> tuple[str, ...]:
    return tuple(name for name in cls.model_fields if name not in _NOT_EXTRACTED)


def _cap_model(model: BaseModel) -> int:
    cut = 0
    values = model.__dict__
    for name in _fields(type(model)):
        value = values[name]
        if value is None or isinstance(value, (int, float)):
            continue
        limit = MAX_TEXT_CHARS if name in _TEXT_FIELDS else MAX_NAME_CHARS
        if isinstance(value, str) and len(value) > limit:
            setattr(model, name, _cut(value, limit))
            cut += 1
        elif isinstance(value, BaseModel):
            cut += _cap_model(value)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    cut += _cap_model(item)
                elif isinstance(item, str) and len(item) > limit:
                    value[i] = _cut(item, limit)
                    cut += 1
    return cut


def _cut(text: str, limit: int) -> str:
    head = text[: limit - 1]
    space = head.rfind(" ", limit // 2)
    return (head[:space] if space > 0 else head).rstrip() + "…"


def check_source(source: Source) -> None:
    """Fail early, and the same way for ``parse`` and ``convert``, on a path that names no
    file: :class:`DocumentNotFoundError` when nothing is there, :class:`ConfigurationError`
    saying so when it is a folder (a generic "no such file" there sends people looking for a
    typo)."""
    if not isinstance(source, (str, os.PathLike)):
        return
    path = Path(source)
    if path.is_dir():
        raise ConfigurationError(
            f"{display_text(str(path))} is a folder, not a document: parse reads one file; "
            "use `minutes-parser convert` (or convert_archive) for a folder"
        )
    if not path.exists():
        raise DocumentNotFoundError("no such file", path=display_text(str(path)))


def load_document(source: Source, options: ParseOptions | None = None) -> Document:
    options = options or ParseOptions()
    check_source(source)
    return load(source, options=options.load_options())


def extract_meetings(doc: Document, options: ParseOptions | None = None) -> list[Meeting]:
    """Run every extractor over each meeting the document holds, then the post-passes over
    all of them; the extraction context is built once, for the whole document."""
    options = options or ParseOptions()
    with collector_paused():
        context = extraction_context(doc, options)
        segments = split_meetings(doc, context.date_order)
        count = len(segments)
        extracted = [_extract(doc, seg, i, count, context) for i, seg in enumerate(segments)]
    # the learned layer's spaCy makes cycles: it runs with the collector on
    meetings = [_learned_layer(s, m, context) for s, m in zip(segments, extracted, strict=True)]
    with collector_paused():
        for name, post_pass in POST_PASSES:
            log.debug("running post-pass %s", name)
            meetings = post_pass(segments, meetings, context)
    for meeting in meetings:
        meeting.attach_document(doc)
        cap_lengths(meeting)
    return meetings


def _extract(
    doc: Document, segment: Document, index: int, count: int, context: ExtractionContext
) -> Meeting:
    notes = [context.date_order_note] if context.date_order_note is not None else []
    meeting = Meeting(
        source=SourceInfo(
            # A file name that is not UTF-8 reaches here surrogate-escaped; JSON needs text.
            path=display_text(doc.path) if doc.path is not None else None,
            sha256=doc.sha256,
            format=doc.format.value,
            page_count=doc.page_count,
            parser_version=PARSER_VERSION,
            meeting_index=index,
            meeting_count=count,
        ),
        diagnostics=[*doc.diagnostics, *notes],
    )
    for name, extractor in EXTRACTORS:
        if meeting.kind is DocumentKind.NOT_MINUTES and name not in _announced_reads(meeting):
            continue
        log.debug("running extractor %s", name)
        try:
            meeting = extractor(segment, meeting, context)
        except MemoryError:
            raise  # the process is in trouble, not the field
        except Exception as exc:
            # What the other extractors read still stands: a meeting thrown away over one
            # field is a gap of everything. The failure is reported, never hidden.
            log.warning("extractor %s failed on %s", name, doc.path, exc_info=True)
            meeting = meeting.model_copy(
                update={"diagnostics": [*meeting.diagnostics, _failure(name, exc)]}
            )
    return meeting


def _failure(extractor: str, exc: Exception) -> Diagnostic:
    return Diagnostic(
        code="extractor_failed",
        message=f"the {extractor} extractor failed ({type(exc).__name__}: {exc}); "
        "its fields are left empty",
        severity=Severity.ERROR,
    )


def _announced_reads(meeting: Meeting) -> frozenset[str]:
    """What is read from a document that is not minutes: its kind; and for an agenda or a
    notice, which announce a meeting, the meeting's date, times, place and body."""
    label = meeting.kind_judgement.label if meeting.kind_judgement else None
    return frozenset({"kind", "metadata"} if label in ("agenda", "notice") else {"kind"})


def _learned_layer(segment: Document, meeting: Meeting, context: ExtractionContext) -> Meeting:
    """The learned layer (issue #19) after the rules, when ``options.model`` is on; spaCy and
    the model are imported on first use only."""
    if not context.options.model or meeting.kind is DocumentKind.NOT_MINUTES:
        return meeting
    from .learn.score import learned_layer

    return learned_layer(segment, meeting, context)


def _with_model(options: ParseOptions | None, model: bool | None) -> ParseOptions:
    options = options or ParseOptions()
    return options if model is None else replace(options, model=model)


def parse_document(
    source: Source, options: ParseOptions | None = None, *, model: bool | None = None
) -> tuple[Document, list[Meeting]]:
    """The document and its meetings; ``model`` overrides ``options.model`` (the learned
    layer on or off)."""
    options = _with_model(options, model)
    doc = load_document(source, options)
    return doc, extract_meetings(doc, options)


def parse_meetings(
    source: Source, options: ParseOptions | None = None, *, model: bool | None = None
) -> list[Meeting]:
    """Every meeting in the source (a running log holds several); always at least one."""
    return parse_document(source, options, model=model)[1]


def parse(
    source: Source, options: ParseOptions | None = None, *, model: bool | None = None
) -> Meeting:
    """The meeting in ``source`` (a path, bytes or binary file object).

    A document holding several meetings returns the first, with a diagnostic saying how many
    there are; use :func:`parse_meetings` for all of them.
    """
    meetings = parse_meetings(source, options, model=model)
    first = meetings[0]
    if len(meetings) > 1:
        first.warn(
            "several_meetings",
            f"the document holds {len(meetings)} meetings; this is the first "
            "(use parse_meetings() for all)",
            severity=Severity.INFO,
        )
    return first


def parse_text(
    text: str, options: ParseOptions | None = None, *, model: bool | None = None
) -> Meeting:
    """Parse minutes given as a string."""
    doc = load_text(text)
    meetings = extract_meetings(doc, _with_model(options, model))
    return meetings[0]

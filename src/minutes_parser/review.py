"""A self-contained HTML review page: the document text with every extracted item marked.

The page has no external resources (CSS and JS are inline, nothing is fetched), so it can be
mailed or archived beside the minutes. Each highlight is a ``<mark>`` with ``data-kind``
(attendee, agenda_item, resolution, action, action_update), ``data-id`` (the item) and
``data-hl`` (this highlight: the item's own span, or one of its mentions). Spans may overlap
in any way: properly nested spans nest, and a span crossing another's edge is split into
fragments that share ``data-hl`` — only the first has the ``id`` used for scrolling. The text
is emitted once, segment by segment, so the page's document text equals ``Document.text``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .display import KIND_TITLES, Item, extracted_items
from .document import Document
from .models import Action, ActionUpdate, Meeting, Resolution

__all__ = ["Highlight", "highlights", "render_review"]


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str
    item_id: str
    hl_id: str
    label: str
    mention: bool
    seq: int
    """Creation order, the last tie-breaker so output is deterministic."""
    model: bool = False
    """The item was proposed by the learned layer, not by a rule."""

    @property
    def nesting_key(self) -> tuple[int, int, int]:
        # Outer first: earlier start, then longer span, so enclosing marks open first.
        return (self.start, -self.end, self.seq)


def _item_id(meeting_index: int, item: Item) -> str:
    return f"m{meeting_index}-{item.kind}-{item.position}"


def _source(meeting: Meeting, item: Item) -> tuple[str, float | None]:
    """Who proposed an item (``"rule"`` or ``"model:<LABEL>"``) and the model's confidence."""
    found: Sequence[Resolution | Action | ActionUpdate] = []
    if item.kind == "resolution":
        found = meeting.resolutions
    elif item.kind == "action":
        found = meeting.actions
    elif item.kind == "action_update":
        found = meeting.action_updates
    if item.position >= len(found):
        return "rule", None
    x = found[item.position]
    return x.source, x.confidence


def _model_badge(meeting: Meeting, item: Item) -> str:
    source, confidence = _source(meeting, item)
    if not source.startswith("model"):
        return ""
    score = f" {confidence:.2f}" if confidence is not None else ""
    return f' <span class="model" title="proposed by the learned model">{source}{score}</span>'


def highlights(document: Document, meetings: Sequence[Meeting]) -> list[Highlight]:
    """Every span of every item of ``meetings``, clamped to the document text."""
    size = len(document.text)
    out: list[Highlight] = []
    for k, meeting in enumerate(meetings):
        for item in extracted_items(meeting):
            item_id = _item_id(k, item)
            spans = [(item.span, item_id, False)]
            spans += [(m, f"{item_id}-m{j}", True) for j, m in enumerate(item.mentions)]
            for span, hl_id, mention in spans:
                start = min(max(span.start, 0), size)
                end = min(max(span.end, start), size)
                model = _source(meeting, item)[0].startswith("model")
                out.append(
                    Highlight(
                        start, end, item.kind, item_id, hl_id, item.label, mention, len(out), model
                    )
                )
    return out


def _escape_text(text: str) -> str:
    # A raw CR would be folded into LF by the HTML parser; a reference keeps it.
    return html.escape(text, quote=False).replace("\r", "&#13;")


def _open_tag(hl: Highlight, first: bool) -> str:
    classes = f"hl k-{hl.kind}" + (" mention" if hl.mention else "") + ("" if first else " cont")
    classes += " model" if hl.model else ""
    attrs = f'class="{classes}" data-kind="{hl.kind}" data-id="{hl.item_id}" data-hl="{hl.hl_id}"'
    if first:
        attrs += f' id="hl-{hl.hl_id}" title="{html.escape(hl.label[:200], quote=True)}"'
    return f"<mark {attrs}>"


def marked_text(text: str, marks: Iterable[Highlight]) -> str:
    """``text`` as HTML with every highlight wrapped around its characters.

    A sweep over the span boundaries: between two boundaries the set of covering highlights
    is constant, and the open ``<mark>`` stack is made to equal that set sorted outer-first,
    closing and reopening only what differs (a reopened mark is a continued fragment).
    """
    marks = list(marks)
    starts: dict[int, list[Highlight]] = {}
    empty: dict[int, list[Highlight]] = {}
    for hl in marks:
        (starts if hl.end > hl.start else empty).setdefault(hl.start, []).append(hl)
    points = sorted({0, len(text)} | {h.start for h in marks} | {h.end for h in marks})
    active: set[Highlight] = set()
    stack: list[Highlight] = []
    opened: set[str] = set()
    out: list[str] = []

    def open_mark(hl: Highlight) -> str:
        first = hl.hl_id not in opened
        opened.add(hl.hl_id)
        return _open_tag(hl, first)

    for a, b in pairwise(points):
        active = {h for h in active if h.end > a}
        active.update(starts.get(a, ()))
        for hl in empty.get(a, ()):
            out.append(open_mark(hl) + "</mark>")
        wanted = sorted(active, key=lambda h: h.nesting_key)
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        out.append("</mark>" * (len(stack) - keep))
        out.extend(open_mark(hl) for hl in wanted[keep:])
        stack = wanted
        out.append(_escape_text(text[a:b]))
    out.append("</mark>" * len(stack))
    # Spans are clamped to the text, so an empty mark not emitted yet sits at its very end.
    out.extend(open_mark(hl) + "</mark>" for hl in empty.get(len(text), ()))
    return "".join(out)


def _panel(meetings: Sequence[Meeting]) -> str:
    several = len(meetings) > 1
    sections = []
    for kind, heading in KIND_TITLES.items():
        entries = []
        for k, meeting in enumerate(meetings):
            for item in extracted_items(meeting):
                if item.kind != kind:
                    continue
                item_id = _item_id(k, item)
                prefix = f'<span class="mtg">M{k + 1}</span> ' if several else ""
                links = "".join(
                    f'<button class="mention-link" data-target="{item_id}-m{j}" '
                    f'title="mention {j + 1}">{j + 1}</button>'
                    for j in range(len(item.mentions))
                )
                mentions = f'<div class="mentions">mentions: {links}</div>' if links else ""
                badge = _model_badge(meeting, item)
                li_class = ' class="model"' if badge else ""
                entries.append(
                    f'<li data-item="{item_id}"{li_class}>{prefix}<button class="item" '
                    f'data-kind="{kind}" data-target="{item_id}">{html.escape(item.label)}'
                    f"</button>{badge}"
                    f'<div class="detail">{html.escape(item.detail)}</div>{mentions}</li>'
                )
        if entries:
            sections.append(
                f'<section data-kind="{kind}"><h2><span class="swatch k-{kind}"></span>'
                f"{html.escape(heading)} ({len(entries)})</h2><ol>{''.join(entries)}</ol></section>"
            )
    return "".join(sections) or "<p>Nothing was extracted.</p>"


_CSS = """
body{margin:0;font:14px/1.5 system-ui,sans-serif;color:#222}
header{padding:.6em 1em;border-bottom:1px solid #ddd;margin-right:30rem}
header h1{font-size:1.1em;margin:0}header p{margin:.2em 0 0;color:#666}
#doc{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:13px;
  padding:1em;margin-right:30rem;overflow-wrap:anywhere}
#panel{position:fixed;top:0;right:0;bottom:0;width:29rem;overflow:auto;
  border-left:1px solid #ccc;background:#fbfbfb;padding:0 .8em}
#panel h2{font-size:1em;margin:1em 0 .3em}#panel ol{padding-left:1.6em;margin:0}
#panel li{margin:.25em 0}#panel li.current{background:#fff3b0}
#panel button{font:inherit;text-align:left;border:0;background:none;padding:0;cursor:pointer;
  color:#0645ad}#panel button:hover{text-decoration:underline}
#panel .detail,#panel .mentions{color:#666;font-size:.9em}
#panel .mention-link{margin-right:.3em}.mtg{color:#888;font-size:.85em}
.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.4em;border:1px solid #999}
mark.hl{color:inherit;border-radius:2px;padding:1px 0;cursor:pointer}
mark.hl.mention{background:none;border-bottom-width:2px;border-bottom-style:dotted}
.k-attendee{background:rgba(80,160,255,.25);border-bottom-color:#3b82f6}
.k-agenda_item{background:rgba(160,110,255,.25);border-bottom-color:#7c3aed}
.k-resolution{background:rgba(60,190,90,.25);border-bottom-color:#16a34a}
.k-action{background:rgba(255,150,40,.3);border-bottom-color:#ea580c}
.k-action_update{background:rgba(240,80,120,.22);border-bottom-color:#db2777}
mark.hl.model{outline:1px dashed #555}#panel .model{font-size:.8em;color:#555;
  border:1px dashed #888;border-radius:3px;padding:0 .3em;margin-left:.3em}
mark.flash{outline:3px solid #e11d48;animation:flash .4s ease-in-out 4 alternate}
@keyframes flash{from{outline-color:#e11d48}to{outline-color:transparent}}
"""

# Clicking a panel entry scrolls to its first fragment and flashes every fragment; clicking
# a highlight marks its panel entry. "auto" scrolling keeps the jump synchronous (testable).
_JS = """
(function () {
  function fragments(hl) {
    return document.querySelectorAll('#doc [data-hl="' + CSS.escape(hl) + '"]');
  }
  document.getElementById('panel').addEventListener('click', function (ev) {
    var btn = ev.target.closest('[data-target]');
    if (!btn) return;
    var parts = fragments(btn.getAttribute('data-target'));
    if (!parts.length) return;
    parts[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'auto'});
    parts.forEach(function (p) { p.classList.remove('flash'); void p.offsetWidth;
                                 p.classList.add('flash'); });
    setTimeout(function () { parts.forEach(function (p) { p.classList.remove('flash'); }); },
               1800);
  });
  document.getElementById('doc').addEventListener('click', function (ev) {
    var mark = ev.target.closest('mark[data-id]');
    if (!mark) return;
    document.querySelectorAll('#panel li.current').forEach(function (li) {
      li.classList.remove('current'); });
    var li = document.querySelector('#panel li[data-item="' +
                                    CSS.escape(mark.getAttribute('data-id')) + '"]');
    if (li) { li.classList.add('current'); li.scrollIntoView({block: 'nearest'}); }
  });
})();
"""


def render_review(document: Document, meetings: Sequence[Meeting]) -> str:
    """The review page for ``document`` and the meetings parsed from it, as one HTML string."""
    name = document.path or "document"
    counts = ", ".join(
        f"{sum(1 for m in meetings for it in extracted_items(m) if it.kind == kind)} "
        f"{title.lower()}"
        for kind, title in KIND_TITLES.items()
    )
    meta = "; ".join(
        " ".join(p for p in (m.meeting.body, m.meeting.date and m.meeting.date.isoformat()) if p)
        for m in meetings
    )
    body = marked_text(document.text, highlights(document, meetings))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # No network: nothing on this page may be fetched, even by a later edit.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        f"<title>Review: {html.escape(name)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>Review: {html.escape(name)}</h1><p>{html.escape(meta)}</p>"
        f"<p>{html.escape(counts)}</p></header>"
        f'<main id="doc">{body}</main><aside id="panel">{_panel(meetings)}</aside>'
        f"<script>{_JS}</script></body></html>\n"
    )

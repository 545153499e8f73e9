"""Time a Word file holding one long action log: ``python bench/action_log.py``.

Builds DOCX files of 1,000, 5,000 and 10,000 numbered action rows (Ref | Action | Owner |
Status) in memory and prints the seconds ``parse`` takes for each (wall clock, and CPU time, which
other work on a shared machine does not inflate); issue #20 asks for 10,000 rows in under
5 s. Time per row should stay flat as the log grows.
"""

from __future__ import annotations

import io
import time

from docx import Document

import minutes_parser


def action_log(rows: int) -> bytes:
    doc = Document()
    doc.add_paragraph("Minutes of the Board")
    doc.add_paragraph("Present: Ann Lee, Bob Stone")
    table = doc.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("Ref", "Action", "Owner", "Status"), strict=True):
        cell.text = text
    for i in range(rows):
        cells = table.add_row().cells
        cells[0].text = str(i + 1)
        cells[1].text = f"Write report number {i} for the committee on topic {i * 7 % 13}"
        cells[2].text = "Ann Lee"
        cells[3].text = "Open"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def main() -> None:
    minutes_parser.parse(b"Minutes\nPresent: Ann Lee\n")  # imports out of the timing
    print(f"{'rows':>6} {'actions':>8} {'seconds':>8} {'cpu s':>8} {'ms/row':>7}")
    for rows in (1000, 5000, 10000):
        data = action_log(rows)
        start, cpu = time.perf_counter(), time.process_time()
        meeting = minutes_parser.parse(data)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(
            f"{rows:6d} {len(meeting.actions):8d} {seconds:8.2f} {cpu:8.2f} "
            f"{cpu / rows * 1000:7.2f}"
        )


if __name__ == "__main__":
    main()

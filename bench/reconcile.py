"""Reconciler speed on a generated archive: ``python bench/reconcile.py [--bodies N]``.

Builds meetings in memory (no parsing): 200 bodies meeting monthly, each meeting raising ten
actions (numbered from 1 every meeting) and reporting on earlier open ones, half of the reports
with the action's number and raising date, half only reworded. Prints the time to reconcile
1k, 10k and 100k actions on one core (wall and CPU seconds: CPU time is what a busy machine
does not distort), so growth can be checked for linearity.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from minutes_parser.document import Span
from minutes_parser.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    Meeting,
    MeetingMetadata,
    SourceInfo,
)
from minutes_parser.reconcile import reconcile

VERBS = [
    "circulate",
    "review",
    "draft",
    "contact",
    "update",
    "prepare",
    "arrange",
    "confirm",
    "publish",
    "audit",
    "chase",
    "scope",
    "present",
    "agree",
    "book",
    "report on",
]
OBJECTS = [
    "the risk register",
    "the budget",
    "the training plan",
    "a venue",
    "the policy",
    "the consultation",
    "the data sharing protocol",
    "the terms of reference",
    "the website",
    "the annual report",
    "the staffing model",
    "the safeguarding audit",
    "the grant bid",
    "the procurement plan",
    "the lease",
    "the communications plan",
]
TOPICS = [
    "for schools",
    "with the police",
    "for Q3",
    "for the board",
    "with partners",
    "for the next inspection",
    "with the CCG",
    "for the AGM",
    "for members",
    "with the council",
    "for the new term",
    "with the auditors",
]
PEOPLE = [
    f"{f} {s}"
    for f in ("Ann", "Bob", "Cath", "Dev", "Eve", "Femi", "Gus", "Hana")
    for s in ("Ashley", "Booth", "Carratt", "Dunn", "Ellis", "Frost")
]
SPAN = Span(page=1, start=0, end=1)


def _meeting(
    body: str, date: dt.date, index: int, actions: list[Action], updates: list[ActionUpdate]
) -> Meeting:
    return Meeting(
        meeting=MeetingMetadata(body=body, date=date),
        actions=actions,
        action_updates=updates,
        source=SourceInfo(
            path=f"{body}/{date}.pdf",
            format="pdf",
            page_count=1,
            parser_version="bench",
            meeting_index=0,
        ),
    )


def generate(
    n_bodies: int, meetings_per_body: int, actions_per_meeting: int, seed: int = 7
) -> list[Meeting]:
    rng = random.Random(seed)
    out: list[Meeting] = []
    for b in range(n_bodies):
        body = f"Generated Board {b:03d}"
        open_actions: list[tuple[dt.date, str, str, str]] = []
        for k in range(meetings_per_body):
            date = dt.date(2015, 1, 15) + dt.timedelta(days=30 * k)
            updates = []
            still_open = []
            for raised, ref, desc, owner in open_actions:
                if rng.random() < 0.6:
                    status = rng.choice(
                        [
                            ActionStatus.COMPLETED,
                            ActionStatus.ONGOING,
                            ActionStatus.CARRIED_FORWARD,
                            ActionStatus.COMPLETED,
                        ]
                    )
                    explicit = rng.random() < 0.5
                    wording = desc if explicit else f"{desc.split(' ', 1)[1]} – progress noted"
                    updates.append(
                        ActionUpdate(
                            ref=ref if explicit else None,
                            raised_date=raised.isoformat() if explicit else None,
                            owners=[owner],
                            description=wording,
                            status=status,
                            span=SPAN,
                        )
                    )
                    if status is not ActionStatus.COMPLETED:
                        still_open.append((raised, ref, desc, owner))
                elif rng.random() < 0.8:
                    still_open.append((raised, ref, desc, owner))
            actions = []
            for n in range(1, actions_per_meeting + 1):
                desc = (
                    f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TOPICS)} (item {k}.{n})"
                )
                owner = rng.choice(PEOPLE)
                actions.append(Action(ref=str(n), owners=[owner], description=desc, span=SPAN))
                still_open.append((date, str(n), desc, owner))
            open_actions = still_open
            out.append(_meeting(body, date, k, actions, updates))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bodies", type=int, default=200)
    args = parser.parse_args()
    print(
        f"{'actions':>8} {'meetings':>8} {'bodies':>6} {'links':>7} {'seconds':>8} "
        f"{'cpu s':>7} {'actions/cpu s':>14}"
    )
    for n_actions in (1_000, 10_000, 100_000):
        bodies = max(1, min(args.bodies, n_actions // 500))
        meetings_per_body = n_actions // (bodies * 10)
        meetings = generate(bodies, meetings_per_body, 10)
        started, cpu = time.perf_counter(), time.process_time()
        register = reconcile(meetings)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        links = sum(len(e.history) - 1 for e in register.entries)
        print(
            f"{n_actions:>8} {len(meetings):>8} {bodies:>6} {links:>7} {elapsed:>8.2f} "
            f"{cpu:>7.2f} {n_actions / cpu:>14.0f}"
        )


if __name__ == "__main__":
    main()

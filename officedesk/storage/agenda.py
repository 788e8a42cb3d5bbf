"""工作台: what needs attention today, as a list of sections each register contributes.

A source is a function `(store, today, due_soon_days) -> AgendaSection | None` (None: nothing
to say, e.g. the register is empty). The home tab shows the sections in the order of `sources()`,
each line opening its record; the same sections print as one list. Sources run in a worker
thread on a reader connection, so they must only read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from officedesk.core.traffic import Light
from officedesk.storage.db import Store


@dataclass(frozen=True)
class AgendaLine:
    """One thing to act on: it opens record `record_id` of register `register` (a key)."""

    register: str
    record_id: int
    text: str  # what the line says: serial, title, place…
    bucket: str = ""  # the section's own grouping: 已逾期 / 今日到期 / 3日内到期, 在场 …
    group: str = ""  # who must act: department · person (lines are grouped by it)
    due: dt.date | None = None
    light: Light | None = None


@dataclass(frozen=True)
class AgendaSection:
    """A titled list of lines on 工作台 (收文与督办到期, 今日会议, 在场访客, …)."""

    key: str
    title: str
    lines: tuple[AgendaLine, ...] = ()
    buckets: tuple[str, ...] = ()  # the order buckets are shown in; empty: as they come
    empty_text: str = "无"
    notes: tuple[str, ...] = field(default=())  # e.g. "另有 1,234 条，仅列前 200 条"


AgendaSource = Callable[[Store, dt.date, int], "AgendaSection | None"]


def sources() -> list[AgendaSource]:
    """The sources in the order their sections appear on 工作台; each area adds its own here.

    Imported here, not at the top: the areas' storage modules import this one for its types.
    """
    from officedesk.storage import due_items, reception
    from officedesk.storage.archive_loans import agenda_source as archive_loans
    from officedesk.storage.meeting_calendar import agenda_section as meetings_today

    return [
        due_items.section,
        meetings_today,
        reception.on_site_section,
        reception.petition_section,
        archive_loans,
    ]


def collect(store: Store, today: dt.date, due_soon_days: int) -> list[AgendaSection]:
    """Every contributed section for `today`, in the order of `sources()`."""
    sections = (source(store, today, due_soon_days) for source in sources())
    return [s for s in sections if s is not None]

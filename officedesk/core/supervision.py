"""督办 status (DOMAIN.md §2): 在办 / 临期 / 逾期 / 已办结 / 已延期, computed, never typed.

The order of precedence: done beats everything; past the (possibly extended) deadline is 逾期;
within the due-soon days is 临期; an extended item otherwise shows 已延期; the rest are 在办.
storage/supervision.py keeps the stored column in step with the same rule in SQL.
"""

from __future__ import annotations

import datetime as dt

LOG_KINDS = ("进展", "催办", "延期", "办结", "审核")


def _as_date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def status(
    due: object, done: object, extended: bool, today: dt.date, due_soon_days: int = 3
) -> str:
    """The status of an item due on `due`, done on `done` (either may be empty), seen `today`."""
    due_d, done_d = _as_date(due), _as_date(done)
    if done_d is not None:
        return "已办结"
    if due_d is not None:
        if today > due_d:
            return "逾期"
        if (due_d - today).days <= due_soon_days:
            return "临期"
    return "已延期" if extended else "在办"


def status_sql(today: dt.date, due_soon_days: int) -> tuple[str, list[str]]:
    """The same rule as an SQL expression over supervision_item, and its parameters."""
    soon = (today + dt.timedelta(days=due_soon_days)).isoformat()
    sql = (
        "CASE WHEN done_on IS NOT NULL AND done_on != '' THEN '已办结' "
        "WHEN due_date IS NOT NULL AND due_date != '' AND due_date < ? THEN '逾期' "
        "WHEN due_date IS NOT NULL AND due_date != '' AND due_date <= ? THEN '临期' "
        "WHEN extended THEN '已延期' ELSE '在办' END"
    )
    return sql, [today.isoformat(), soon]

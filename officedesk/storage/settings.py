"""Reading and writing the unit's settings and the holiday/调休 table."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from officedesk.core.settings import BY_KEY
from officedesk.core.workdays import WorkCalendar
from officedesk.storage.db import Store
from officedesk.storage.errors import ValidationError


def get(store: Store, key: str) -> Any:
    """The value of setting `key`, or its declared default."""
    setting = BY_KEY[key]
    rows = store.read("SELECT value FROM setting WHERE key = ?", (key,))
    if not rows:
        return setting.default
    value = json.loads(rows[0][0])
    return setting.kind(value)


def set_many(store: Store, values: dict[str, Any]) -> None:
    """Save several settings at once after checking them all; nothing is saved if one is wrong."""
    for key, value in values.items():
        problem = BY_KEY[key].check(value)
        if problem:
            raise ValidationError(problem, field=key)
    with store.transaction() as c:
        for key, value in values.items():
            c.execute(
                "INSERT INTO setting(key, value) VALUES(?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(BY_KEY[key].kind(value), ensure_ascii=False)),
            )


def holidays(store: Store) -> list[tuple[dt.date, bool, str]]:
    """The unit's holiday table: (day, is a working day, note), by date."""
    return [
        (dt.date.fromisoformat(r[0]), bool(r[1]), r[2] or "")
        for r in store.read("SELECT day, workday, note FROM holiday ORDER BY day")
    ]


def set_holiday(store: Store, day: dt.date, workday: bool, note: str = "") -> None:
    """Mark `day` as a holiday (workday False) or a 调休 working day (True)."""
    with store.transaction() as c:
        c.execute(
            "INSERT INTO holiday(day, workday, note) VALUES(?, ?, ?) ON CONFLICT(day) "
            "DO UPDATE SET workday = excluded.workday, note = excluded.note",
            (day.isoformat(), int(workday), note),
        )


def remove_holiday(store: Store, day: dt.date) -> None:
    """Forget the unit's entry for `day` (the national calendar applies again)."""
    with store.transaction() as c:
        c.execute("DELETE FROM holiday WHERE day = ?", (day.isoformat(),))


def calendar(store: Store) -> WorkCalendar:
    """The working-day calendar: national data plus the unit's own table."""
    return WorkCalendar({d: w for d, w, _ in holidays(store)})


FONT_ROLES = ("body", "title", "heading", "kai", "number")


def font_chains(store: Store) -> dict[str, str]:
    """The 公文 font chains by role (body, title, heading, kai, number) for exports.gbt9704."""
    return {role: str(get(store, f"font_chain_{role}")) for role in FONT_ROLES}

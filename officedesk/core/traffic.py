"""Traffic lights for deadlines: red overdue, yellow due soon, green done on time, grey done late."""

from __future__ import annotations

import datetime as dt
import enum


class Light(enum.Enum):
    """A deadline's state, with the colours used on screen, in exports and in prints."""

    NONE = ("", "", "")
    OVERDUE = ("逾期", "#F4C7C3", "#C0392B")
    DUE_SOON = ("临期", "#FCE8B2", "#B7791F")
    DONE = ("按期办结", "#D9EAD3", "#2E7D32")
    DONE_LATE = ("逾期办结", "#E0E0E0", "#616161")

    @property
    def label(self) -> str:
        return self.value[0]

    @property
    def background(self) -> str:
        """Row background colour, #RRGGBB."""
        return self.value[1]

    @property
    def foreground(self) -> str:
        """Text colour for the status mark, #RRGGBB."""
        return self.value[2]


def _as_date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def light(due: object, done: object, today: dt.date, due_soon_days: int = 3) -> Light:
    """The light of an item due on `due` and done on `done` (either may be empty), seen `today`."""
    due_d, done_d = _as_date(due), _as_date(done)
    if done_d is not None:
        return Light.DONE_LATE if due_d is not None and done_d > due_d else Light.DONE
    if due_d is None:
        return Light.NONE
    if today > due_d:
        return Light.OVERDUE
    if (due_d - today).days <= due_soon_days:
        return Light.DUE_SOON
    return Light.NONE

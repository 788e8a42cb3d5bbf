"""0004_meetings: rooms, attendees, 议程, decisions and recurring series of the meeting planner."""

from __future__ import annotations

from sqlite_utils import Database

from officedesk.core.registers.meetings import MEETING, MEETING_FIELDS_0004
from officedesk.storage.schema import COMMON_COLUMNS

_COMMON = ", ".join(COMMON_COLUMNS)

TABLES = {
    "room": "name TEXT NOT NULL, capacity INTEGER, equipment TEXT, "
    "sort INTEGER NOT NULL DEFAULT 0, remarks TEXT",
    "meeting_series": "rule TEXT NOT NULL, first_on TEXT NOT NULL, until TEXT NOT NULL, "
    "description TEXT",
    "meeting_attendee": "meeting_id INTEGER NOT NULL REFERENCES meeting(id), "
    "seq INTEGER NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL, unit TEXT, post TEXT, "
    "person_id INTEGER, notice TEXT, reply TEXT, reply_note TEXT, signed_at TEXT, "
    "absent_reason TEXT",
    "meeting_agenda_item": "meeting_id INTEGER NOT NULL REFERENCES meeting(id), "
    "seq INTEGER NOT NULL, time_text TEXT, topic TEXT NOT NULL, presenter TEXT, materials TEXT",
    "meeting_decision": "meeting_id INTEGER NOT NULL REFERENCES meeting(id), "
    "seq INTEGER NOT NULL, text TEXT NOT NULL, lead_unit TEXT, owner TEXT, due_date TEXT, "
    "supervision_id INTEGER",
}


def apply(db: Database) -> None:
    """New meeting columns (room, series, cancellation, conflict reason, 纪要…) and the tables."""
    from officedesk.storage.migrations import add_fields  # the package imports this module

    add_fields(db, MEETING, MEETING_FIELDS_0004)
    # The week view and the conflict check read meetings by time: starts_at has its index
    # (0001); ends_at's index leads with ends_at, so a range on starts_at stays the plan.
    db.execute(
        "CREATE INDEX idx_meeting_series ON meeting(series_id, occurrence_on) "
        "WHERE series_id IS NOT NULL"
    )
    for table, columns in TABLES.items():
        db.execute(f"CREATE TABLE [{table}] ({_COMMON}, {columns})")
        db.execute(f"CREATE UNIQUE INDEX [idx_{table}_uuid] ON [{table}](uuid)")
    db.execute("CREATE UNIQUE INDEX idx_room_name ON room(name) WHERE voided_at IS NULL")
    for table in ("meeting_attendee", "meeting_agenda_item", "meeting_decision"):
        db.execute(f"CREATE INDEX [idx_{table}_meeting] ON [{table}](meeting_id, seq) "
                   "WHERE voided_at IS NULL")  # fmt: skip
    # Person conflicts: who else is busy in the meetings of a time range (by meeting id).
    db.execute(
        "CREATE INDEX idx_meeting_attendee_name ON meeting_attendee(name) WHERE voided_at IS NULL"
    )
    db.execute(
        "CREATE INDEX idx_meeting_decision_supervision ON meeting_decision(supervision_id) "
        "WHERE supervision_id IS NOT NULL"
    )

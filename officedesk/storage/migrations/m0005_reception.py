"""0005_reception: the 接待 registers' new fields and their child tables (issue 6).

Reception guests, companions, meals and cost lines, and the steps of a petition, are plain
tables with the common columns, linked by the parent's id."""

from __future__ import annotations

from sqlite_utils import Database

from officedesk.core.registers.reception import PETITION, RECEPTION, VISITOR
from officedesk.storage.schema import COMMON_COLUMNS

VISITOR_FIELDS = ("belongings", "pass_no", "registrar")
RECEPTION_FIELDS = (
    "letter_date", "letter_status", "letter_guests", "approved_by", "approved_on", "schedule", "venue", "lodging",
    "room_type", "room_rate", "escorts", "total_cost", "host_dept",
)  # fmt: skip
PETITION_FIELDS = (
    "contact", "representatives", "facts", "acceptance", "notice_on", "accepted_on",
    "transferred_to", "transfer_kind", "transferred_on", "handler", "extension_days", "extension_reason",
    "replied_on", "review_requested_on", "review_done_on", "recheck_requested_on",
    "recheck_done_on", "due_stage", "status",
)  # fmt: skip

CHILD_TABLES = {
    "reception_guest": ("reception_id INTEGER NOT NULL REFERENCES reception(id)",
                        "seq INTEGER NOT NULL DEFAULT 0", "name TEXT NOT NULL", "post TEXT",
                        "unit TEXT"),
    "reception_companion": ("reception_id INTEGER NOT NULL REFERENCES reception(id)",
                            "seq INTEGER NOT NULL DEFAULT 0", "name TEXT NOT NULL", "post TEXT"),
    "reception_meal": ("reception_id INTEGER NOT NULL REFERENCES reception(id)",
                       "seq INTEGER NOT NULL DEFAULT 0", "day TEXT", "kind TEXT NOT NULL",
                       "guests INTEGER NOT NULL DEFAULT 0", "staff INTEGER NOT NULL DEFAULT 0",
                       "amount_fen INTEGER NOT NULL DEFAULT 0", "place TEXT"),
    "reception_cost": ("reception_id INTEGER NOT NULL REFERENCES reception(id)",
                       "seq INTEGER NOT NULL DEFAULT 0", "item TEXT NOT NULL",
                       "amount_fen INTEGER NOT NULL DEFAULT 0", "note TEXT"),
    "petition_step": ("petition_id INTEGER NOT NULL REFERENCES petition(id)",
                      "kind TEXT NOT NULL", "on_date TEXT NOT NULL", "to_whom TEXT",
                      "days INTEGER", "note TEXT"),
}  # fmt: skip


def apply(db: Database) -> None:
    """New columns of 来访、公务接待、信访 and the child tables."""
    from officedesk.storage.migrations import add_fields  # the package imports this module

    add_fields(db, VISITOR, VISITOR_FIELDS)
    add_fields(db, RECEPTION, RECEPTION_FIELDS)
    add_fields(db, PETITION, PETITION_FIELDS)
    for table, columns in CHILD_TABLES.items():
        parent = columns[0].split()[0]
        db.execute(f"CREATE TABLE [{table}] (" + ", ".join((*COMMON_COLUMNS, *columns)) + ")")
        db.execute(f"CREATE INDEX [idx_{table}_{parent}] ON [{table}]([{parent}])")
        db.execute(f"CREATE UNIQUE INDEX [idx_{table}_uuid] ON [{table}](uuid)")
    # Rows from before this release get the derived columns a save would give them.
    db.execute(
        "UPDATE petition SET status = CASE WHEN done_on IS NOT NULL THEN '已办结' "
        "ELSE '待受理' END WHERE status IS NULL"
    )
    db.execute(
        "UPDATE reception SET letter_status = CASE WHEN IFNULL(letter_ref, '') != '' THEN '有' "
        "WHEN IFNULL(kind, '公务') = '公务' THEN '缺公函' END WHERE letter_status IS NULL"
    )
    # The still-on-site list: a small partial index of the visitors not marked 离开.
    db.execute(
        "CREATE INDEX [idx_visitor_on_site] ON [visitor](arrived_at) "
        "WHERE voided_at IS NULL AND left_at IS NULL"
    )

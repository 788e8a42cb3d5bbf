"""借阅: who borrowed which 件, when, due back, returned; overdue loans on 工作台."""

from __future__ import annotations

import datetime as dt
from typing import Any

from officedesk.core.fields import Record
from officedesk.core.registers import ARCHIVE_ITEM, ARCHIVE_LOAN
from officedesk.core.traffic import Light
from officedesk.storage import records
from officedesk.storage.agenda import AgendaLine, AgendaSection
from officedesk.storage.db import Store
from officedesk.storage.errors import ValidationError

DEFAULT_DAYS = 14
AGENDA_LIMIT = 200


def lend(store: Store, item_id: int, borrower: str, lent_on: dt.date | None = None,
         due_on: dt.date | None = None, **extra: Any) -> Record:  # fmt: skip
    """Record that `borrower` took 件 `item_id`; refused while it is still out."""
    item = records.get(store, ARCHIVE_ITEM, item_id)
    if item["voided_at"]:
        raise ValidationError(f"{item['archive_no']} 已作废，不能借阅")
    lent_on = lent_on or dt.date.today()
    due_on = due_on or lent_on + dt.timedelta(days=DEFAULT_DAYS)
    if due_on < lent_on:
        raise ValidationError("「应还日期」不能早于「借出日期」", "due_on")
    with store.transaction():
        out = store.read(
            "SELECT borrower, lent_on FROM archive_loan WHERE item_id = ? AND voided_at IS NULL "
            "AND returned_on IS NULL",
            (item_id,),
        )
        if out:
            raise ValidationError(
                f"{item['archive_no']} 已于 {out[0][1]} 借给{out[0][0]}，尚未归还", "archive_no"
            )
        return records.insert(store, ARCHIVE_LOAN, {
            **extra, "item_id": item_id, "archive_no": item["archive_no"], "title": item["title"],
            "borrower": borrower, "lent_on": lent_on, "due_on": due_on,
        })  # fmt: skip


def give_back(store: Store, loan_id: int, day: dt.date | None = None) -> Record:
    """Record the return of a loan."""
    loan = records.get(store, ARCHIVE_LOAN, loan_id)
    if loan.get("returned_on"):
        raise ValidationError(
            f"{ARCHIVE_LOAN.describe_record(loan)}已于 {loan['returned_on']} 归还"
        )
    day = day or dt.date.today()
    if day < loan["lent_on"]:
        raise ValidationError("「归还日期」不能早于「借出日期」", "returned_on")
    return records.update(store, ARCHIVE_LOAN, loan_id, {"returned_on": day})


def overdue(store: Store, today: dt.date, limit: int = AGENDA_LIMIT) -> list[dict[str, Any]]:
    """Loans past their due date and not returned, oldest due first."""
    return store.read_dicts(
        "SELECT id, archive_no, title, borrower, department, lent_on, due_on FROM archive_loan "
        "WHERE voided_at IS NULL AND returned_on IS NULL AND due_on < ? ORDER BY due_on, id "
        "LIMIT ?",
        (today.isoformat(), limit),
    )


def agenda_source(store: Store, today: dt.date, due_soon_days: int) -> AgendaSection | None:
    """工作台: 档案借阅逾期未还 (None when no loan is overdue)."""
    rows = overdue(store, today, AGENDA_LIMIT + 1)
    if not rows:
        return None
    lines = tuple(
        AgendaLine(
            register=ARCHIVE_LOAN.key,
            record_id=int(r["id"]),
            text=f"{r['archive_no']}《{r['title'] or ''}》",
            bucket="已逾期",
            group=" · ".join(p for p in (r["department"], r["borrower"]) if p),
            due=dt.date.fromisoformat(str(r["due_on"])[:10]),
            light=Light.OVERDUE,
        )
        for r in rows[:AGENDA_LIMIT]
    )
    notes = (f"仅列前 {AGENDA_LIMIT} 条",) if len(rows) > AGENDA_LIMIT else ()
    return AgendaSection("archive_loans", "档案借阅逾期未还", lines, ("已逾期",), notes=notes)

"""工作台's 收文 and 督办 section: 已逾期 / 今日到期 / N日内到期, by department and person.

Both registers have a partial index over their open items' deadlines (migration 0002), so the
counts and the first lines of each bucket are index range scans, quick on a million 收文.
"""

from __future__ import annotations

import datetime as dt

from officedesk.core.registers import INCOMING_DOCUMENT, SUPERVISION
from officedesk.core.traffic import Light
from officedesk.storage.agenda import AgendaLine, AgendaSection
from officedesk.storage.db import Store

LINE_LIMIT = 200  # lines per bucket and register; the rest are counted in a note
OVERDUE, TODAY = "已逾期", "今日到期"
SECTION_KEY = "due"

# (register, index, columns for text, department, person)
_SOURCES = (
    (INCOMING_DOCUMENT, "idx_incoming_document_open_due", "serial, title", "lead_dept", "handler"),
    (SUPERVISION, "idx_supervision_item_open_due", "serial, content", "lead_unit", "owner"),
)


def soon_bucket(days: int) -> str:
    """The name of the due-soon bucket: 3日内到期."""
    return f"{days}日内到期"


def group_of(dept: str | None, person: str | None) -> str:
    """Who must act, as lines are grouped: 林政科 · 赵强 (or 未定承办部门)."""
    return " · ".join(p for p in (dept or "未定承办部门", person) if p)


def _text(register_key: str, serial: str, what: str, due: str) -> str:
    what = what or ""
    if register_key == SUPERVISION.key:
        short = what if len(what) <= 30 else what[:30] + "…"
        head = serial if serial.startswith("督") else f"督办 {serial}"
        return f"{head}　{short}　时限 {due}"
    head = serial if serial.startswith("收") else f"收文 {serial}"
    return f"{head}《{what}》　时限 {due}"


def section(store: Store, today: dt.date, due_soon_days: int) -> AgendaSection:
    """The section: every open 收文 and 督办 item due by today + N days, or overdue."""
    soon = soon_bucket(due_soon_days)
    last = (today + dt.timedelta(days=due_soon_days)).isoformat()
    day = today.isoformat()
    # The morning's order (DOMAIN §2): due today, due soon, overdue. Overdue lines come most
    # recent first: a long tail of old items must not hide what slipped yesterday.
    ranges = (
        (TODAY, "due_date = ?", (day,), Light.DUE_SOON, "ASC"),
        (soon, "due_date > ? AND due_date <= ?", (day, last), Light.DUE_SOON, "ASC"),
        (OVERDUE, "due_date < ?", (day,), Light.OVERDUE, "DESC"),
    )
    lines: list[AgendaLine] = []
    notes: list[str] = []
    for register, index, cols, dept, person in _SOURCES:
        base = (
            f"FROM [{register.table}] INDEXED BY [{index}] WHERE voided_at IS NULL "
            "AND done_on IS NULL AND due_date IS NOT NULL AND "
        )
        for bucket, cond, params, light, order in ranges:
            rows = store.read(
                f"SELECT id, {cols}, due_date, [{dept}], [{person}] {base}{cond} "
                f"ORDER BY due_date {order} LIMIT {LINE_LIMIT + 1}",
                params,
            )
            if len(rows) > LINE_LIMIT:
                total = store.read(f"SELECT count(*) {base}{cond}", params)[0][0]
                which = "最近逾期" if bucket == OVERDUE else "最早到期"
                notes.append(
                    f"{bucket}的{register.short}共 {total:,} 项，这里列出{which}的 {LINE_LIMIT} 项；"
                    f"全部请在「{register.short}」中查看。"
                )
                rows = rows[:LINE_LIMIT]
            for r in rows:
                due = dt.date.fromisoformat(str(r[3])[:10])
                lines.append(AgendaLine(
                    register=register.key, record_id=int(r[0]),
                    text=_text(register.key, str(r[1] or ""), str(r[2] or ""), due.isoformat()),
                    bucket=bucket, group=group_of(r[4], r[5]), due=due, light=light,
                ))  # fmt: skip
    rank = {TODAY: 0, soon: 1, OVERDUE: 2}
    lines.sort(key=lambda x: (rank[x.bucket], x.group, x.due or today, x.register, x.record_id))
    return AgendaSection(
        key=SECTION_KEY,
        title="收文与督办到期",
        lines=tuple(lines),
        buckets=(TODAY, soon, OVERDUE),
        empty_text="没有已逾期、今日到期或临近到期的收文和督办事项。",
        notes=tuple(notes),
    )

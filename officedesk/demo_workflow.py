"""Sample 督办 items (any number, bulk-loaded) and workflow steps on recent 收文, for `demo`.

Called from demo.fill after the registers are filled: `fill(store, supervision=N)`.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator
from typing import Any

from officedesk.core import supervision as rules
from officedesk.core.registers import INCOMING_DOCUMENT, SUPERVISION
from officedesk.storage import bulk, records, settings, workflow
from officedesk.storage.db import Store

DEPARTMENTS = ("办公室", "林政科", "造林科", "防火办", "资源管理科", "计财科", "人事科", "保护科")
LEADERS = ("张局长", "刘书记", "王副局长", "陈副局长")
OWNERS = ("赵强", "钱丽", "孙伟", "李芳", "周敏", "吴刚", "郑洁", "冯涛")
TASKS = (
    "落实春季森林防火责任制", "完成年度造林任务核查", "整改林地征占用审核问题", "报送林长制工作总结",
    "开展松材线虫病秋季普查", "推进国有林场改革验收", "完成护林员培训", "清理历年往来账款",
    "整理上年度文书档案", "落实安全生产大检查整改", "完善信访事项台账", "编制天然林保护实施方案",
)  # fmt: skip
SOURCES = ("上级文件", "会议决定", "领导批示", "信访", "其他")
BULK_FROM = 10_000  # from this many items, indexes are rebuilt once instead of row by row
_SERIAL = re.compile(r"〔(\d{4})〕(\d+)号")


def _next_numbers(store: Store) -> dict[int, int]:
    """The last 督办 number used in each year (demo rows carry their serials)."""
    last: dict[int, int] = {}
    for (serial,) in store.read("SELECT serial FROM supervision_item"):
        found = _SERIAL.search(str(serial or ""))
        if found:
            year, n = int(found.group(1)), int(found.group(2))
            last[year] = max(last.get(year, 0), n)
    return last


def supervision_items(
    count: int, today: dt.date, last: dict[int, int], seed: int = 20261121, due_soon_days: int = 3
) -> Iterator[dict[str, Any]]:
    """`count` 督办 items over the last two years, in stored form, with computed statuses."""
    rng = random.Random(seed)
    for _ in range(count):
        assigned = today - dt.timedelta(days=rng.randint(0, 730))
        year = assigned.year
        last[year] = last.get(year, 0) + 1
        due = assigned + dt.timedelta(days=rng.choice((7, 10, 15, 30, 60)))
        done = None
        if due < today and rng.random() < 0.85:
            done = due - dt.timedelta(days=rng.randint(-5, 6))
            done = min(done, today)
        extended = done is None and rng.random() < 0.1
        if extended:
            due += dt.timedelta(days=30)
        status = rules.status(due, done, extended, today, due_soon_days)
        yield {
            "serial": f"督〔{year}〕{last[year]}号",
            "source": rng.choice(SOURCES),
            "assigned_on": assigned.isoformat(),
            "content": rng.choice(TASKS),
            "lead_unit": rng.choice(DEPARTMENTS),
            "leader": rng.choice(LEADERS),
            "owner": rng.choice(OWNERS),
            "due_date": due.isoformat(),
            "done_on": done.isoformat() if done else None,
            "result": "已按要求完成" if done else None,
            "review": "通过" if done and rng.random() < 0.7 else "",
            "status": status,
            "extended": int(extended),
            "due_estimated": 0,
        }


def fill_supervision(store: Store, count: int, today: dt.date, seed: int = 20261121) -> int:
    """Add `count` 督办 items (bulk-loaded when many); the yearly counters continue after them."""
    if count <= 0:
        return 0
    last = _next_numbers(store)
    days = int(settings.get(store, "due_soon_days"))
    items = supervision_items(count, today, last, seed, days)
    if count >= BULK_FROM:
        with bulk.bulk_load(store, (SUPERVISION,)):
            written = records.write_bulk(
                store, SUPERVISION, records.chunked(records.prepare_bulk(SUPERVISION, items,
                                                                         stored_form=True))
            )  # fmt: skip
    else:
        written = records.bulk_insert(store, SUPERVISION, items, stored_form=True)
    for year, n in last.items():
        records.raise_serial_counter(store, SUPERVISION, year, n)
    return written


def fill_steps(store: Store, today: dt.date, documents: int = 60, seed: int = 20261121) -> int:
    """Workflow steps on the most recent open 办件: 传阅 (some still out), 催办; the steps count."""
    rng = random.Random(seed)
    rows = store.read(
        "SELECT id, received_at FROM incoming_document WHERE voided_at IS NULL "
        "AND done_on IS NULL AND handling = '办件' AND status = '办理中' "
        "ORDER BY id DESC LIMIT ?",
        (documents,),
    )
    steps = 0
    for doc_id, received in rows:
        start = dt.datetime.fromisoformat(str(received)).replace(second=0)
        readers = rng.sample(LEADERS, rng.randint(1, 2))
        for k, reader in enumerate(readers):
            sent = start + dt.timedelta(hours=2 + k)
            workflow.record_step(store, doc_id, "传阅", {"reader": reader, "sent_at": sent})
            steps += 1
            back = sent + dt.timedelta(hours=rng.randint(2, 30))
            if back.date() < today and rng.random() < 0.6:
                workflow.record_step(store, doc_id, "退回", {"reader": reader, "returned_at": back})
                steps += 1
        if rng.random() < 0.3:
            on = min(today, start.date() + dt.timedelta(days=rng.randint(1, 5)))
            workflow.record_step(store, doc_id, "催办", {
                "reminded_on": on, "method": rng.choice(("电话", "当面")),
                "reminded_by": "王明", "answer": "正在办理"})  # fmt: skip
            steps += 1
    return steps


def fill(store: Store, *, supervision: int = 0, today: dt.date | None = None) -> dict[str, int]:
    """The workflow part of the demo: extra 督办 items and steps on recent 收文."""
    today = today or dt.date.today()
    counts = {"supervision_extra": fill_supervision(store, supervision, today)}
    if records.next_id(store, INCOMING_DOCUMENT) > 1:
        counts["document_steps"] = fill_steps(store, today)
    return counts

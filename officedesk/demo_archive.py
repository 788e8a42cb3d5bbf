"""Sample archive data: the 全宗's settings, 收文 filed as 件, boxes and loans (demo, bench)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from officedesk.core import archive as rules
from officedesk.core.fields import Record
from officedesk.core.registers import ARCHIVE_ITEM
from officedesk.storage import archive, archive_boxes, archive_loans, records, settings
from officedesk.storage.db import Store

FONDS_NO = "Z109"
ORGS = ("BGS", "DWB", "ZYK", "FHB", "CWK", "AQK")
AUTHORS = ("国家林业和草原局", "省林业和草原局", "省人民政府办公厅", "市人民政府",
           "省森林工业集团有限责任公司", "青山林业局")  # fmt: skip
TOPICS = ("森林防火工作", "安全生产大检查", "林长制工作", "松材线虫病疫情防控", "天然林保护修复",
          "国有林场改革", "年度部门预算", "野生动植物保护专项行动")  # fmt: skip
KINDS = ("通知", "意见", "通报", "批复", "报告", "纪要")


def generate_items(rng: random.Random, n: int, first_year: int, last_year: int,
                   fonds: str = FONDS_NO) -> Iterator[Record]:  # fmt: skip
    """`n` 件 in stored form, numbered per category as the allocation would (bench, big demos)."""
    counters: dict[str, int] = {}
    years = list(range(first_year, last_year + 1))
    for i in range(n):
        year = years[i * len(years) // n]
        retention = rng.choice(("永久", "定期30年", "定期30年", "定期10年", "定期10年"))
        cat = rules.Category(year, retention, rng.choice(ORGS))
        counters[cat.key] = number = counters.get(cat.key, 0) + 1
        day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        kind = rng.choice(KINDS)
        title = f"关于{rng.choice(TOPICS)}的{kind}"
        if rng.random() < 0.02:
            title = rules.self_made_title(f"{rng.choice(TOPICS)}会议记录")
        yield {
            "archive_no": rules.archive_no(fonds, cat, number), "year": year,
            "retention": retention, "org_code": cat.org, "item_no": rules.format_item_no(number),
            "doc_ref": f"林草发〔{year}〕{rng.randint(1, 300)}号", "author": rng.choice(AUTHORS),
            "title": title, "doc_date": rules.catalogue_date(day), "secrecy": "无",
            "pages": rng.randint(1, 40), "box_no": None, "remarks": None, "document_id": None,
            "category": cat.key,
        }  # fmt: skip


def bulk_items(store: Store, items: Iterator[Record]) -> int:
    """Insert generated 件 in one transaction and move the 件号 counters past them."""
    count = records.bulk_insert(store, ARCHIVE_ITEM, items, stored_form=True)
    with store.transaction() as c:
        c.execute(
            "INSERT INTO archive_counter(category, last) SELECT category, "
            "max(CAST(item_no AS INTEGER)) FROM archive_item WHERE true GROUP BY category "
            "ON CONFLICT(category) DO UPDATE SET last = max(last, excluded.last)"
        )
    return count


def fill(store: Store, rng: random.Random, today: dt.date, most: int = 400) -> dict[str, int]:
    """Set the 全宗, file up to `most` 办结 收文 of past years, box them, lend a few."""
    if not settings.get(store, "fonds_no"):
        settings.set_many(store, {"fonds_no": FONDS_NO})
    filed: list[dict[str, Any]] = []
    for year in range(today.year - 3, today.year):
        docs = archive.fileable(store, year, limit=most // 3)  # some of each past year
        if docs:
            filed += archive.file_documents(store, [(int(d["id"]), None) for d in docs])
    boxes = 0
    by_cat: dict[str, list[dict[str, Any]]] = {}
    for item in filed:
        by_cat.setdefault(str(item["category"]), []).append(item)
    for items in by_cat.values():
        items.sort(key=lambda r: int(r["item_no"]))
        for start in range(0, len(items), 20):
            archive_boxes.assign(store, [int(r["id"]) for r in items[start : start + 20]])
            boxes += 1
    loans = 0
    for item in filed[:: max(1, len(filed) // 6)][:6]:
        lent = today - dt.timedelta(days=rng.randint(5, 40))
        loan = archive_loans.lend(store, int(item["id"]), rng.choice(("李明", "王芳", "张伟")),
                                  lent, lent + dt.timedelta(days=14),
                                  department=rng.choice(("财务科", "资源管理科")),
                                  purpose="工作查考")  # fmt: skip
        if rng.random() < 0.4:
            archive_loans.give_back(store, int(loan["id"]), lent + dt.timedelta(days=7))
        loans += 1
    return {"archive": len(filed), "boxes": boxes, "archive_loans": loans}

"""Boxes (盒) of the archive: 件 go into a 盒号 in order, never mixing 年度, 机构 or 保管期限.

A 盒号 names one box in the whole 全宗; its 起止件号 are derived from the 件 in it. The
备考表's facts (说明, 整理人/日期, 检查人/日期) live in archive_box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from officedesk.core import archive as rules
from officedesk.core.registers import ARCHIVE_ITEM
from officedesk.storage import records
from officedesk.storage.db import Store, new_uuid, now_text
from officedesk.storage.errors import ValidationError

BOX_DIGITS = 4
SPINES_MM = (20, 30, 40, 50)
NOTE_FIELDS = ("note", "arranged_by", "arranged_on", "checked_by", "checked_on", "spine_mm")


@dataclass
class Box:
    """One box: what it holds and what its 备考表 says."""

    box_no: str
    year: int | None = None
    retention: str | None = None
    org_code: str | None = None
    category: str = ""
    item_nos: list[str] = field(default_factory=list)
    pages: int = 0
    gaps: list[dict[str, Any]] = field(default_factory=list)  # voided 件号 within the range
    note: str = ""
    arranged_by: str = ""
    arranged_on: str = ""
    checked_by: str = ""
    checked_on: str = ""
    spine_mm: int = 30

    @property
    def item_range(self) -> str:
        """起止件号: 0001—0020."""
        return rules.item_range(self.item_nos)

    @property
    def count(self) -> int:
        return len(self.item_nos)


def format_box_no(n: int) -> str:
    """盒号 as four digits: 0001."""
    return f"{n:0{BOX_DIGITS}d}"


def next_box_no(store: Store) -> str:
    """The next unused 盒号 in the 全宗."""
    row = store.read(
        "SELECT max(n) FROM (SELECT CAST(box_no AS INTEGER) AS n FROM archive_box "
        "UNION ALL SELECT CAST(box_no AS INTEGER) FROM archive_item WHERE box_no != '')"
    )
    return format_box_no(int(row[0][0] or 0) + 1)


def _signature(row: dict[str, Any]) -> tuple[Any, Any, Any]:
    return (row["year"], row["retention"], row["org_code"] or "")


def _describe(sig: tuple[Any, Any, Any]) -> str:
    return " ".join(str(p) for p in (f"{sig[0]}年", sig[1], sig[2]) if p)


def assign(store: Store, item_ids: Sequence[int], box_no: str | None = None) -> str:
    """Put 件 into box `box_no` (a new box when None); returns the 盒号.

    Refused with a message when the 件 (with those already in the box) would mix 年度,
    机构(问题) or 保管期限, or would break the 件号 order (see `_check_order`).
    """
    if not item_ids:
        raise ValidationError("请先选择要装盒的归档文件")
    number = (box_no or "").strip()
    if number and number.isdigit():
        number = format_box_no(int(number))
    items = [records.get(store, ARCHIVE_ITEM, i) for i in item_ids]
    for item in items:
        if item["voided_at"]:
            raise ValidationError(f"{item['archive_no']} 已作废，不能装盒")
    with store.transaction() as c:
        if not number:
            number = next_box_no(store)
        inside = store.read_dicts(
            "SELECT archive_no, year, retention, org_code FROM archive_item "
            "WHERE box_no = ? AND voided_at IS NULL LIMIT 1",
            (number,),
        )
        sigs = {_signature(r) for r in [*inside, *items]}
        if len(sigs) > 1:
            kinds = "、".join(sorted(_describe(s) for s in sigs))
            raise ValidationError(
                f"同一盒内不能混装不同年度、机构(问题)或保管期限的文件（{kinds}），"
                f"请分别装入不同的盒子。",
                "box_no",
            )
        (year, retention, org), = sigs  # fmt: skip
        _check_order(store, number, items)
        stamp = now_text()
        c.execute(
            "INSERT INTO archive_box(uuid, created_at, updated_at, box_no, year, retention, "
            "org_code, spine_mm) VALUES (?, ?, ?, ?, ?, ?, ?, 30) ON CONFLICT(box_no) DO UPDATE "
            "SET year = excluded.year, retention = excluded.retention, "
            "org_code = excluded.org_code, updated_at = excluded.updated_at",
            (new_uuid(), stamp, stamp, number, year, retention, org or None),
        )
        for item in sorted(items, key=lambda r: int(r["item_no"])):
            c.execute(
                "UPDATE archive_item SET box_no = ?, updated_at = ? WHERE id = ?",
                (number, stamp, item["id"]),
            )
    return number


def _box_key(box_no: str) -> tuple[int, int, str]:
    """盒号 order: numbered boxes by number, any other name after them."""
    return (0, int(box_no), "") if box_no.isdigit() else (1, 0, box_no)


def _check_order(store: Store, number: str, items: Sequence[dict[str, Any]]) -> None:
    """件 go into boxes in 件号 order (DA/T 22-2015 装盒: 将归档文件按顺序装入档案盒).

    Within one category the boxes hold consecutive runs of 件号, the lower run in the lower
    盒号, so the 起止件号 on the spines read in order along the shelf and a 件 is found from
    its 档号 alone. Two rules keep that:
    - no box of the category with a lower 盒号 may hold a higher 件号, and none with a higher
      盒号 a lower one;
    - the 件 are boxed one after the other: a 件 is not boxed while a live 件 of its category
      with a lower 件号 is still unboxed (select it too, or box it first). Voided 件 do not
      count: their numbers are the gaps the 备考表 explains.
    """
    cat = str(items[0]["category"])
    ids = [int(r["id"]) for r in items]
    nos = sorted(int(r["item_no"]) for r in items)
    low, high = rules.format_item_no(nos[0]), rules.format_item_no(nos[-1])
    marks = ",".join("?" * len(ids))
    others = store.read(
        "SELECT box_no, CAST(item_no AS INTEGER) FROM archive_item WHERE category = ? "
        f"AND voided_at IS NULL AND box_no IS NOT NULL AND box_no != '' AND box_no != ? "
        f"AND id NOT IN ({marks})",
        (cat, number, *ids),
    )
    here = _box_key(number)
    for other_box, other_no in others:
        shown = rules.format_item_no(int(other_no))
        if _box_key(str(other_box)) < here and int(other_no) > nos[0]:
            raise ValidationError(
                f"件号 {low} 不能装入第 {number} 盒：前面的第 {other_box} 盒已装有更大的件号 "
                f"{shown}。同一类别的文件应按件号顺序装盒。",
                "box_no",
            )
        if _box_key(str(other_box)) > here and int(other_no) < nos[-1]:
            raise ValidationError(
                f"件号 {high} 不能装入第 {number} 盒：后面的第 {other_box} 盒已装有更小的件号 "
                f"{shown}。同一类别的文件应按件号顺序装盒。",
                "box_no",
            )
    skipped = store.read(
        "SELECT min(CAST(item_no AS INTEGER)) FROM archive_item WHERE category = ? "
        "AND voided_at IS NULL AND (box_no IS NULL OR box_no = '') "
        f"AND CAST(item_no AS INTEGER) < ? AND id NOT IN ({marks})",
        (cat, nos[-1], *ids),
    )
    if skipped and skipped[0][0] is not None:
        first = rules.format_item_no(int(skipped[0][0]))
        raise ValidationError(
            f"件号 {first} 尚未装盒，不能先装件号 {high}：同一类别的文件应按件号顺序装盒，"
            f"请先装入件号 {first}（或一并选中）。",
            "box_no",
        )


def take_out(store: Store, item_ids: Sequence[int]) -> None:
    """Take 件 out of their boxes."""
    with store.transaction() as c:
        for item_id in item_ids:
            c.execute(
                "UPDATE archive_item SET box_no = NULL, updated_at = ? WHERE id = ?",
                (now_text(), item_id),
            )


def box(store: Store, box_no: str) -> Box:
    """The box `box_no` with its 件 and its 备考表 facts; KeyError if it does not exist."""
    rows = store.read_dicts("SELECT * FROM archive_box WHERE box_no = ?", (box_no,))
    items = store.read_dicts(
        "SELECT item_no, pages, category, year, retention, org_code FROM archive_item "
        "WHERE box_no = ? AND voided_at IS NULL ORDER BY CAST(item_no AS INTEGER)",
        (box_no,),
    )
    if not rows and not items:
        raise KeyError(f"没有第 {box_no} 盒")
    meta = rows[0] if rows else {}
    first = items[0] if items else meta
    result = Box(
        box_no=box_no,
        year=first.get("year"),
        retention=first.get("retention"),
        org_code=first.get("org_code"),
        category=str(items[0]["category"]) if items else "",
        item_nos=[str(r["item_no"]) for r in items],
        pages=sum(int(r["pages"] or 0) for r in items),
        spine_mm=int(meta.get("spine_mm") or 30),
    )
    for name in NOTE_FIELDS[:-1]:
        setattr(result, name, str(meta.get(name) or ""))
    if items:
        from officedesk.storage.archive import voided_numbers

        numbers = [int(n) for n in result.item_nos]
        result.gaps = voided_numbers(store, result.category, min(numbers), max(numbers))
    return result


def boxes(store: Store, year: int | None = None) -> list[Box]:
    """Every box (of `year`), by 盒号."""
    sql = "SELECT DISTINCT box_no FROM archive_item WHERE voided_at IS NULL AND box_no != ''"
    params: list[Any] = []
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    names = [str(r[0]) for r in store.read(sql + " ORDER BY box_no", params)]
    return [box(store, n) for n in names]


def set_notes(store: Store, box_no: str, **values: Any) -> None:
    """Save the 备考表 facts of a box (说明, 整理人, 整理日期, 检查人, 检查日期, 盒脊厚度)."""
    unknown = set(values) - set(NOTE_FIELDS)
    if unknown:
        raise KeyError(f"unknown box fields: {sorted(unknown)}")
    if "spine_mm" in values and int(values["spine_mm"]) not in SPINES_MM:
        raise ValidationError(
            f"「盒脊厚度」应为 {'、'.join(map(str, SPINES_MM))} 毫米之一", "spine_mm"
        )
    box(store, box_no)  # KeyError for a box that does not exist
    stamp = now_text()
    with store.transaction() as c:
        c.execute(
            "INSERT INTO archive_box(uuid, created_at, updated_at, box_no, spine_mm) "
            "VALUES (?, ?, ?, ?, 30) ON CONFLICT(box_no) DO NOTHING",
            (new_uuid(), stamp, stamp, box_no),
        )
        sets = ", ".join(f"[{k}] = ?" for k in values)
        c.execute(
            f"UPDATE archive_box SET {sets}, updated_at = ? WHERE box_no = ?",
            [*values.values(), stamp, box_no],
        )

"""督办通报 (.docx, GB/T 9704 layout): completed, due and overdue 督办 items, by 牵头单位."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from officedesk.exports.gbt9704 import OfficialDocument, OfficialFonts, chinese_date, fonts_for
from officedesk.storage.db import Store

NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class SupervisionReport:
    """What the 通报 says; the rows are typed 督办 records."""

    unit_name: str
    today: dt.date
    since: dt.date
    done: Sequence[dict[str, Any]] = field(default=())
    due: Sequence[dict[str, Any]] = field(default=())
    overdue: Sequence[dict[str, Any]] = field(default=())
    open_total: int = 0


def _by_unit(rows: Sequence[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(str(row.get("lead_unit") or "未定牵头单位"), []).append(row)
    return list(groups.items())


def _day(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value or "")[:10]


def _late(row: dict[str, Any], today: dt.date) -> str:
    due = row.get("due_date")
    return str((today - due).days) if isinstance(due, dt.date) else ""


def title_of(report: SupervisionReport) -> str:
    """关于2026年11月督办事项办理情况的通报."""
    return f"关于{report.today.year}年{report.today.month}月督办事项办理情况的通报"


def write_report(path: Path, report: SupervisionReport, fonts: OfficialFonts | None = None) -> Path:
    """Write the 督办通报 to `path` (atomically); the lists are grouped by 牵头单位."""
    title = title_of(report)
    doc = OfficialDocument(fonts, title_property=title)
    doc.title(title)
    doc.addressee("各科室、各单位：")
    n_units = len({r.get("lead_unit") for r in report.overdue})
    doc.paragraph(
        f"{chinese_date(report.since)}至{chinese_date(report.today)}，办结督办事项"
        f"{len(report.done)}项；截至{chinese_date(report.today)}，尚有{report.open_total}项在办，"
        f"其中临近办结时限{len(report.due)}项，逾期未办结{len(report.overdue)}项"
        + (f"（涉及{n_units}个单位）" if report.overdue else "")
        + "。现将有关情况通报如下："
    )
    Cells = Callable[[dict[str, Any]], list[str]]
    parts: tuple[tuple[str, Sequence[dict[str, Any]], list[str], list[float], Cells], ...] = (
        ("已办结事项", report.done,
         ["督办编号", "事项内容", "责任人", "办结时限", "办结日期"], [36, 44, 18, 29, 29],
         lambda r: [r.get("serial") or "", r.get("content") or "", r.get("owner") or "",
                    _day(r.get("due_date")), _day(r.get("done_on"))]),
        ("临近办结时限事项", report.due,
         ["督办编号", "事项内容", "责任人", "办结时限", "状态"], [36, 52, 18, 29, 21],
         lambda r: [r.get("serial") or "", r.get("content") or "", r.get("owner") or "",
                    _day(r.get("due_date")), r.get("status") or ""]),
        ("逾期未办结事项", report.overdue,
         ["督办编号", "事项内容", "责任人", "办结时限", "逾期天数"], [36, 48, 18, 29, 25],
         lambda r: [r.get("serial") or "", r.get("content") or "", r.get("owner") or "",
                    _day(r.get("due_date")), _late(r, report.today)]),
    )  # fmt: skip
    for number, (heading, rows, headers, widths, cells) in enumerate(parts):
        doc.heading(f"{NUMERALS[number]}、{heading}（{len(rows)}项）")
        if not rows:
            doc.paragraph("无。")
            continue
        for k, (unit, items) in enumerate(_by_unit(rows)):
            doc.heading(f"（{NUMERALS[k % 10]}）{unit}（{len(items)}项）", level=2)
            doc.table(headers, [cells(r) for r in items], widths)
    doc.heading(f"{NUMERALS[len(parts)]}、有关要求")
    doc.paragraph(
        "请各牵头单位对照本通报，抓紧办理临近时限和逾期事项，于3个工作日内将办理进展报办公室；"
        "确需延期的，须说明理由，经责任领导批准后办理延期手续。"
    )
    doc.signature(f"{report.unit_name}办公室", report.today)
    return doc.save(path)


def write_store_report(
    store: Store, path: Path, today: dt.date, since: dt.date | None = None
) -> Path:
    """The 督办通报 of `today` from the store: items done since `since` (default the first of
    the month), due within 临期提醒天数, and overdue, by 牵头单位."""
    from officedesk.storage import settings, supervision

    since = since or today.replace(day=1)
    days = int(settings.get(store, "due_soon_days"))
    rows = supervision.report_rows(store, today, since, days)
    open_total = store.read(
        "SELECT count(*) FROM supervision_item WHERE voided_at IS NULL AND done_on IS NULL"
    )[0][0]
    report = SupervisionReport(str(settings.get(store, "unit_name")), today, since,
                               rows["done"], rows["due"], rows["overdue"], int(open_total))  # fmt: skip
    return write_report(path, report, fonts_for(settings.font_chains(store)))

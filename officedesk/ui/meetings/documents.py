"""The meeting documents from the tab: 会议通知, 签到表, 座次表, 桌签, 纪要, 周会议安排表."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from officedesk.core.registers import MEETING
from officedesk.storage import records, settings
from officedesk.ui import messages
from officedesk.ui.register_tab import ask_save_target

if TYPE_CHECKING:
    from officedesk.ui.meetings.tab import MeetingTab


def menu_entries(tab: MeetingTab, d: Documents) -> list[tuple[str, Callable[[], Any]]]:
    """The 会议文件 menu: (text, slot), "-" for a separator."""
    return [
        (tab.tr("会议通知（Word）…"), d.notice),
        ("-", d.notice),
        (tab.tr("打印签到表…"), d.print_sign_in),
        (tab.tr("签到表（Word）…"), lambda: d.sign_in("docx")),
        (tab.tr("签到表（Excel）…"), lambda: d.sign_in("xlsx")),
        ("-", d.notice),
        (tab.tr("打印座次表…"), d.print_seating),
        (tab.tr("座次表（Word）…"), d.seating_docx),
        (tab.tr("打印桌签…"), d.print_tent_cards),
        ("-", d.notice),
        (tab.tr("会议纪要（Word）…"), d.minutes),
        ("-", d.notice),
        (tab.tr("打印周会议安排表…"), d.print_week),
        (tab.tr("打印近期重大活动一览表…"), d.print_range),
    ]


class Documents:
    """The actions of the 会议文件 menu for the tab's current meeting."""

    def __init__(self, tab: MeetingTab) -> None:
        self.tab = tab
        self.store = tab.store

    def _meeting(self) -> dict[str, Any] | None:
        rid = self.tab.current_id()
        if rid is None:
            messages.warn(self.tab, self.tab.tr("会议文件"), self.tab.tr("请先选中一个会议"))
            return None
        try:
            return records.get(self.store, MEETING, rid)
        except KeyError as exc:
            messages.show_error(self.tab, exc)
            return None

    def _written(self, path: Path) -> None:
        text = self.tab.tr("已保存到\n{p}").format(p=path)
        self.tab.status_message.emit(text.replace("\n", " "))
        if messages.offer_open(self.tab, self.tab.tr("导出完成"), text):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _write(self, title: str, suffix: str, write: Callable[[dict[str, Any], Path], Any]) -> None:
        record = self._meeting()
        if record is None:
            return
        filters = {"docx": "Word 文档 (*.docx)", "xlsx": "Excel 工作簿 (*.xlsx)"}[suffix]
        path = ask_save_target(self.tab, title, f"{record['name']}_{title}.{suffix}", filters)
        if path is None:
            return
        try:
            write(record, path)
        except Exception as exc:
            messages.show_error(self.tab, exc, self.tab.tr("导出失败"))
            return
        self._written(path)

    def _print(self, make: Callable[[], Any]) -> None:
        try:
            job = make()
            if job is None:
                return
            from officedesk.printing.service import print_with_preview

            if print_with_preview(job, self.tab):
                self.tab.status_message.emit(self.tab.tr("已发送到打印机"))
        except Exception as exc:
            messages.show_error(self.tab, exc, self.tab.tr("打印失败"))

    # -- the entries ---------------------------------------------------------------------

    def notice(self) -> None:
        from officedesk.exports.meeting_docs import write_notice

        self._write("会议通知", "docx", lambda r, p: write_notice(self.store, r["id"], p))

    def sign_in(self, suffix: str) -> None:
        from officedesk.exports.meeting_docs import write_sign_in

        self._write("签到表", suffix, lambda r, p: write_sign_in(self.store, r["id"], p))

    def _rows(self) -> list[int] | None:
        """Seats per row of the 主席台, asked (7, or 7,5 for two rows); None when cancelled."""
        record = self._meeting()
        if record is None:
            return None
        from officedesk.core.seating import default_rows
        from officedesk.storage import meetings

        n = sum(1 for a in meetings.attendees(self.store, record["id"]) if a["role"] == "出席")
        text = messages.ask_text(
            self.tab, self.tab.tr("座次表"),
            self.tab.tr("主席台 {n} 人（按参会人员中「出席」的顺序排位次）。\n"
                        "每排座位数（一排写 {n}；多排用逗号分隔，如 7,5）：").format(n=n),
            ",".join(str(x) for x in default_rows(n)),
        )  # fmt: skip
        if text is None:
            return None
        try:
            rows = [int(x) for x in text.replace("，", ",").split(",") if x.strip()]
            if not rows or min(rows) <= 0:
                raise ValueError
        except ValueError:
            messages.warn(self.tab, self.tab.tr("座次表"),
                          self.tab.tr("每排座位数应为正整数，如 7 或 7,5"))  # fmt: skip
            return None
        return rows

    def seating_docx(self) -> None:
        from officedesk.exports.meeting_docs import write_seating

        rows = self._rows()
        if rows is not None:
            self._write("座次表", "docx",
                        lambda r, p: write_seating(self.store, r["id"], p, per_row=rows))  # fmt: skip

    def minutes(self) -> None:
        from officedesk.exports.meeting_docs import write_minutes

        self._write("会议纪要", "docx", lambda r, p: write_minutes(self.store, r["id"], p))

    def print_sign_in(self) -> None:
        record = self._meeting()
        if record is not None:
            from officedesk.printing.meeting_papers import sign_in_sheet

            self._print(lambda: sign_in_sheet(self.store, record["id"]))

    def print_seating(self) -> None:
        rows = self._rows()
        record = self._meeting() if rows is not None else None
        if record is not None:
            from officedesk.printing.meeting_papers import seating_chart

            self._print(lambda: seating_chart(self.store, record["id"], per_row=rows))

    def print_tent_cards(self) -> None:
        record = self._meeting()
        if record is not None:
            from officedesk.printing.meeting_papers import tent_cards

            self._print(lambda: tent_cards(self.store, record["id"]))

    def print_week(self) -> None:
        from officedesk.printing.meeting_plan import week_plan

        monday = self.tab.week.monday
        self._print(lambda: week_plan(self.store, monday))

    def print_range(self) -> None:
        today = dt.date.today()
        text = messages.ask_text(
            self.tab, self.tab.tr("近期重大活动一览表"),
            self.tab.tr("日期范围（如 {a} 至 {b}）：").format(
                a=today.isoformat(), b=(today + dt.timedelta(days=30)).isoformat()),
            f"{today.isoformat()} 至 {(today + dt.timedelta(days=30)).isoformat()}",
        )  # fmt: skip
        if not text:
            return
        try:
            first, last = parse_range(text)
        except ValueError as exc:
            messages.show_error(self.tab, exc, self.tab.tr("日期范围"))
            return
        from officedesk.printing.meeting_plan import range_plan

        unit = str(settings.get(self.store, "unit_name"))
        self._print(lambda: range_plan(self.store, first, last, unit))


def parse_range(text: str) -> tuple[dt.date, dt.date]:
    """Two dates from "2026-03-01 至 2026-03-31" (also ~, -, 到); ValueError in Chinese."""
    from officedesk.core.values import parse_date

    for sep in ("至", "到", "~", "～", "—"):
        if sep in text:
            a, b = text.split(sep, 1)
            break
    else:
        raise ValueError("请按「开始日期 至 结束日期」填写，如 2026-03-01 至 2026-03-31")
    try:
        first, last = parse_date(a.strip()), parse_date(b.strip())
    except ValueError:
        raise ValueError(f"「{text}」中的日期无效，应如 2026-03-01 至 2026-03-31") from None
    if last < first:
        raise ValueError("结束日期不能早于开始日期")
    return first, last

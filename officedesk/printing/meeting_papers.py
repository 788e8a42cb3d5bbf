"""The papers of one meeting: 签到表 (A4 portrait), 主席台座次表 (A4 landscape, a diagram that
states its viewpoint) and 桌签 (A4 folded tent cards, the name on both faces)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from officedesk.core import seating
from officedesk.core.meetings import PRESENT_ROLES, WEEKDAYS
from officedesk.core.registers import MEETING
from officedesk.printing.fonts import font, mm, pt
from officedesk.printing.service import PrintJob, a4_layout
from officedesk.printing.text import TextStyle, draw_lines, wrap
from officedesk.storage import meetings, records, settings
from officedesk.storage.db import Store

SIGN_IN_COLUMNS = (("序号", 7), ("姓名", 12), ("单位/部门", 20), ("职务", 14), ("签到时间", 12),
                   ("签名", 17), ("备注", 18))  # fmt: skip
BLANK_ROWS = 3  # for people who come without being listed
ROW_HEIGHT = mm(11)


def when_text(start: dt.datetime, end: dt.datetime) -> str:
    """2026年3月4日（周三）9:00—11:00, as a notice or a sheet says it."""
    day = f"{start.year}年{start.month}月{start.day}日（周{WEEKDAYS[start.weekday()]}）"
    if end.date() == start.date():
        return f"{day}{start.hour}:{start.minute:02d}—{end.hour}:{end.minute:02d}"
    return (
        f"{day}{start.hour}:{start.minute:02d}至{end.month}月{end.day}日{end.hour}:{end.minute:02d}"
    )


@dataclass
class MeetingPapers:
    """What the papers of a meeting read: the record and its people in rank order."""

    record: dict[str, Any]
    people: list[dict[str, Any]]
    unit: str
    variant: str

    @classmethod
    def load(cls, store: Store, meeting_id: int) -> MeetingPapers:
        """Read the meeting, its attendees and the unit's settings."""
        return cls(records.get(store, MEETING, meeting_id), meetings.attendees(store, meeting_id),
                   str(settings.get(store, "unit_name")),
                   str(settings.get(store, "seating_even_variant")))  # fmt: skip

    @property
    def present(self) -> list[dict[str, Any]]:
        """出席 and 列席, in order."""
        return [p for p in self.people if p["role"] in PRESENT_ROLES]

    @property
    def head_table(self) -> list[str]:
        """The names on the 主席台, in rank order: the 出席 list as ordered in the form."""
        return [p["name"] for p in self.people if p["role"] == "出席"]

    def when(self) -> str:
        return when_text(self.record["starts_at"], self.record["ends_at"])


# -- 签到表 ------------------------------------------------------------------------------------


class SignInSheet(PrintJob):
    """签到表: header with name, time, place; 序号 姓名 单位/部门 职务 签到时间 签名 备注; footer
    应到 / 实到 / 缺席 on the last page. The table header repeats on every page."""

    def __init__(self, papers: MeetingPapers) -> None:
        self.papers = papers
        self.title = f"{papers.record['name']}签到表"
        self.page_layout = a4_layout(False, (20.0, 18.0, 20.0, 18.0))
        people = papers.people
        self.rows: list[tuple[str, ...]] = []
        for n, p in enumerate(people, 1):
            signed = p.get("signed_at") or ""
            note = "请假" if p["role"] == "请假" else ("列席" if p["role"] == "列席" else "")
            if p.get("absent_reason"):
                note = "、".join(x for x in (note, p["absent_reason"]) if x)
            self.rows.append((str(n), p["name"], p.get("unit") or "", p.get("post") or "",
                              str(signed)[11:16], "", note))  # fmt: skip
        self.rows += [(str(len(people) + i + 1), "", "", "", "", "", "") for i in range(BLANK_ROWS)]
        expected = len(papers.present)
        signed = sum(1 for p in papers.present if p.get("signed_at"))
        self.footer = (f"应到 {expected} 人　　实到 {signed if signed else '　　'} 人　　"
                       f"缺席 {expected - signed if signed else '　　'} 人")  # fmt: skip
        self._pages: list[range] = []
        self._key: tuple[int, int] | None = None

    def _styles(self) -> tuple[TextStyle, TextStyle, TextStyle]:
        return (TextStyle.of(font(18, bold=True, heading=True), 1.4), TextStyle.of(font(12), 1.5),
                TextStyle.of(font(11), 1.3))  # fmt: skip

    def _head_height(self) -> float:
        title, info, _ = self._styles()
        return title.line_height + 3 * info.line_height + mm(3)

    def paginate(self, size: QSizeF) -> int:
        key = (round(size.width()), round(size.height()))
        if key != self._key:
            _, info, _ = self._styles()
            usable = size.height() - self._head_height() - info.line_height * 2
            per_page = max(1, int(usable // ROW_HEIGHT) - 1)
            self._pages = [range(i, min(i + per_page, len(self.rows)))
                           for i in range(0, len(self.rows), per_page)]  # fmt: skip
            self._key = key
        return len(self._pages)

    def paint_page(self, painter: QPainter, index: int, size: QSizeF) -> None:
        self.paginate(size)
        title, info, cell = self._styles()
        width = size.width()
        r = self.papers.record
        draw_lines(painter, [self.title], title, 0, 0, width, "center")
        y = title.line_height + mm(2)
        for line in (f"会议名称：{r['name']}", f"时　　间：{self.papers.when()}",
                     f"地　　点：{r.get('room') or ''}"):  # fmt: skip
            draw_lines(painter, [line], info, 0, y, width)
            y += info.line_height
        total = sum(w for _, w in SIGN_IN_COLUMNS)
        widths = [width * w / total for _, w in SIGN_IN_COLUMNS]
        rows = [tuple(label for label, _ in SIGN_IN_COLUMNS)] + [
            self.rows[i] for i in self._pages[index]
        ]
        top = y + mm(1)
        painter.setPen(QPen(QColor("black"), pt(0.6)))
        for k, row in enumerate(rows):
            x = 0.0
            style = TextStyle.of(font(11, bold=True), 1.3) if k == 0 else cell
            for c, text in enumerate(row):
                rect = QRectF(x, top, widths[c], ROW_HEIGHT)
                painter.drawRect(rect)
                lines = wrap(text, style, widths[c] - pt(6))[:2]
                ty = top + (ROW_HEIGHT - len(lines) * style.line_height) / 2
                draw_lines(painter, lines, style, x + pt(3), ty, widths[c] - pt(6),
                           "center" if c in (0, 4) or k == 0 else "left")  # fmt: skip
                x += widths[c]
            top += ROW_HEIGHT
        if index == len(self._pages) - 1:
            draw_lines(painter, [self.footer], info, 0, top + mm(3), width)
        note = f"第 {index + 1} 页 共 {len(self._pages)} 页"
        draw_lines(painter, [note], cell, 0, size.height() - cell.line_height, width, "center")


def sign_in_sheet(store: Store, meeting_id: int) -> SignInSheet:
    """The 签到表 of a meeting, for print_to_pdf or the preview."""
    return SignInSheet(MeetingPapers.load(store, meeting_id))


# -- 座次表 ------------------------------------------------------------------------------------


class SeatingChart(PrintJob):
    """主席台座次表: one page per viewpoint (台下视角, then 台上视角), each stating which it is;
    front row nearest the audience; every seat shows its rank and its name."""

    def __init__(self, papers: MeetingPapers, viewpoints: Sequence[str] = seating.VIEWPOINTS,
                 per_row: Sequence[int] | int | None = None) -> None:  # fmt: skip
        self.papers = papers
        self.names = papers.head_table
        self.viewpoints = list(viewpoints)
        self.per_row = per_row if per_row is not None else seating.default_rows(len(self.names))
        self.title = f"{papers.record['name']}主席台座次表"
        self.page_layout = a4_layout(True, (15.0, 15.0, 15.0, 15.0))

    def charts(self, viewpoint: str) -> list[list[tuple[int, str]]]:
        """(rank, name) of every seat, row by row (front row first), left to right."""
        ranks = seating.seat_chart(len(self.names), self.per_row, self.papers.variant, viewpoint)
        return [[(r, self.names[r - 1]) for r in row] for row in ranks]

    def paginate(self, size: QSizeF) -> int:
        return len(self.viewpoints)

    def paint_page(self, painter: QPainter, index: int, size: QSizeF) -> None:
        viewpoint = self.viewpoints[index]
        width, height = size.width(), size.height()
        title = TextStyle.of(font(20, bold=True, heading=True), 1.4)
        sub = TextStyle.of(font(12), 1.5)
        draw_lines(painter, [self.title], title, 0, 0, width, "center")
        variant = self.papers.variant
        rule = "居中、以左为上；前排高于后排"
        if len(self.names) % 2 == 0 and self.names:
            rule += f"；偶数方案 {variant}"
        lines = [f"（{viewpoint}）　{self.papers.when()}　{self.papers.record.get('room') or ''}",
                 f"排序规则：{rule}"]  # fmt: skip
        draw_lines(painter, lines, sub, 0, title.line_height, width, "center")
        top = title.line_height + 2 * sub.line_height + mm(6)
        bottom = height - mm(22)
        rows = self.charts(viewpoint)
        if not rows or not self.names:
            draw_lines(
                painter, ["（参会人员中没有「出席」人员）"], sub, 0, top + mm(20), width, "center"
            )
            return
        audience = TextStyle.of(font(16, bold=True, heading=True), 1.4)
        # 台下视角: the audience is in front of the reader (the bottom of the page) and the
        # front row nearest it; 台上视角: the reader sits on the stage facing the audience.
        audience_at_bottom = viewpoint == seating.AUDIENCE
        arrow_y = bottom + mm(4) if audience_at_bottom else top
        if not audience_at_bottom:
            top += audience.line_height + mm(8)
            bottom = height - mm(10)
        band = (bottom - top) / max(len(rows), 1)
        seat_w = min(mm(24), (width - mm(10)) / max(len(r) for r in rows))
        seat_h = min(band * 0.7, mm(28))
        name_style = TextStyle.of(font(min(16, seat_w / pt(1) / 4.6), bold=True), 1.2)
        rank_style = TextStyle.of(font(10), 1.2)
        painter.setPen(QPen(QColor("black"), pt(0.8)))
        for k, row in enumerate(rows):
            band_index = (len(rows) - 1 - k) if audience_at_bottom else k
            cy = top + band * band_index + band / 2
            x0 = (width - seat_w * len(row)) / 2
            for j, (rank, name) in enumerate(row):
                rect = QRectF(x0 + j * seat_w + pt(3), cy - seat_h / 2, seat_w - pt(6), seat_h)
                painter.setPen(QPen(QColor("black"), pt(1.2 if rank == 1 else 0.8)))
                painter.drawRect(rect)
                draw_lines(painter, [str(rank)], rank_style, rect.left(), rect.top() + pt(3),
                           rect.width(), "center")  # fmt: skip
                name_lines = wrap(name, name_style, rect.width() - pt(4))[:3]
                ny = rect.center().y() - len(name_lines) * name_style.line_height / 2 + pt(5)
                draw_lines(painter, name_lines, name_style, rect.left(), ny, rect.width(), "center")
            label = "第一排" if k == 0 else f"第{'二三四五六七八九'[k - 1] if k < 10 else k + 1}排"
            draw_lines(painter, [label], rank_style, 0, cy - rank_style.line_height / 2, x0 - pt(6),
                       "right")  # fmt: skip
        text = "▼　台　下（观众方向）　▼" if audience_at_bottom else "▲　台　下（观众方向）　▲"
        painter.setPen(QPen(QColor("#555"), pt(0.8), Qt.PenStyle.DashLine))
        line_y = arrow_y - mm(1.5) if audience_at_bottom else arrow_y + audience.line_height + mm(1)
        painter.drawLine(QLineF(QPointF(mm(10), line_y), QPointF(width - mm(10), line_y)))
        painter.setPen(QColor("black"))
        draw_lines(painter, [text], audience, 0, arrow_y, width, "center")
        foot = "左右以本图阅读者为准；1 为最高位次。"
        draw_lines(painter, [foot], rank_style, 0, height - rank_style.line_height, width, "center")


def seating_chart(store: Store, meeting_id: int, viewpoints: Sequence[str] = seating.VIEWPOINTS,
                  per_row: Sequence[int] | int | None = None) -> SeatingChart:  # fmt: skip
    """The 座次表 of a meeting (both viewpoints by default)."""
    return SeatingChart(MeetingPapers.load(store, meeting_id), viewpoints, per_row)


# -- 桌签 --------------------------------------------------------------------------------------


class TentCards(PrintJob):
    """桌签: one A4 sheet per attendee, folded across the middle into a tent; the name is printed
    upright on the lower half and upside down on the upper half, so both faces read upright."""

    def __init__(self, names: Sequence[str], title: str = "桌签") -> None:
        self.names = [n for n in names if n]
        self.title = title
        self.page_layout = a4_layout(False, (10.0, 10.0, 10.0, 10.0))

    def paginate(self, size: QSizeF) -> int:
        return max(1, len(self.names))

    def name_points(self, name: str, size: QSizeF) -> float:
        """The largest size (pt) at which `name` fits a face: 85% of the width, 60% of the half."""
        chars = max(len(name), 2)
        by_width = size.width() * 0.85 / chars / pt(1)
        by_height = size.height() / 2 * 0.6 / pt(1)
        return min(by_width, by_height, 150.0)

    def paint_page(self, painter: QPainter, index: int, size: QSizeF) -> None:
        width, height = size.width(), size.height()
        half = height / 2
        painter.setPen(QPen(QColor("#999"), pt(0.5), Qt.PenStyle.DashLine))
        painter.drawLine(QLineF(0, half, width, half))
        small = TextStyle.of(font(8), 1.2)
        painter.setPen(QColor("#999"))
        draw_lines(painter, ["（沿虚线对折）"], small, 0, half + pt(2), width - pt(4), "right")
        if not self.names:
            return
        name = self.names[index]
        style = TextStyle.of(font(self.name_points(name, size), bold=True, heading=True), 1.0)
        painter.setPen(QColor("black"))
        y = half + (half - style.line_height) / 2
        draw_lines(painter, [name], style, 0, y, width, "center")
        painter.save()
        painter.translate(width, half)
        painter.rotate(180)
        draw_lines(painter, [name], style, 0, (half - style.line_height) / 2, width, "center")
        painter.restore()


def tent_cards(store: Store, meeting_id: int) -> TentCards:
    """桌签 for every 出席 and 列席 attendee of a meeting."""
    papers = MeetingPapers.load(store, meeting_id)
    return TentCards([p["name"] for p in papers.present], f"{papers.record['name']}桌签")

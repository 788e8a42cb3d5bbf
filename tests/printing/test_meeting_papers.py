"""The printed papers of a meeting: 签到表, 座次表 (both viewpoints, stated), 桌签, 周会议安排表."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from printcheck import A4_LANDSCAPE, A4_PORTRAIT, needs_poppler, page_sizes, page_texts, squeezed

from officedesk.printing.meeting_papers import seating_chart, sign_in_sheet, tent_cards
from officedesk.printing.meeting_plan import range_plan, week_plan
from officedesk.printing.service import print_to_pdf
from officedesk.storage import meetings, settings
from officedesk.storage.db import Store

LEADERS = ("王建国", "刘志强", "张海燕", "陈松林", "李明", "赵丽", "孙伟", "欧阳志远")


@pytest.fixture
def meeting(store: Store) -> int:
    meetings.save_room(store, {"name": "三楼党委会议室", "capacity": 20})
    people = [{"role": "出席", "name": n, "unit": "局领导", "post": "局领导"} for n in LEADERS]
    people += [{"role": "列席", "name": "周文", "unit": "办公室", "post": "主任"},
               {"role": "请假", "name": "吴斌", "unit": "财务科", "absent_reason": "外出学习"}]  # fmt: skip
    saved = meetings.save(store, meetings.Plan(
        {"name": "森林防火工作会议", "starts_at": "2026-03-04 09:00", "ends_at": "2026-03-04 11:30",
         "room": "三楼党委会议室", "chair": "刘志强"}, people))  # fmt: skip
    return int(saved["id"])


@needs_poppler
def test_sign_in_sheet(store: Store, meeting: int, tmp_path: Path) -> None:
    first = meetings.attendees(store, meeting)[0]
    meetings.set_attendee_status(store, first["id"], signed_at=dt.datetime(2026, 3, 4, 8, 50))
    pdf = tmp_path / "签到表.pdf"
    assert print_to_pdf(sign_in_sheet(store, meeting), pdf) == 1
    assert page_sizes(pdf) == [A4_PORTRAIT]
    text = squeezed(page_texts(pdf)[0])
    assert "森林防火工作会议签到表" in text
    assert "2026年3月4日（周三）9:00—11:30" in text and "三楼党委会议室" in text
    assert "序号姓名单位/部门职务签到时间签名备注" in text
    assert "1王建国局领导局领导08:50" in text
    assert "请假、外出学习" in text
    assert "应到9人实到1人缺席8人" in text


@needs_poppler
def test_seating_chart_states_each_viewpoint_and_mirrors(store: Store, meeting: int,
                                                         tmp_path: Path) -> None:  # fmt: skip
    pdf = tmp_path / "座次表.pdf"
    assert print_to_pdf(seating_chart(store, meeting), pdf) == 2
    assert page_sizes(pdf) == [A4_LANDSCAPE, A4_LANDSCAPE]
    audience, stage = page_texts(pdf)
    assert "（台下视角）" in audience and "（台上视角）" in stage
    assert "偶数方案A" in squeezed(audience)

    def order(page: str) -> list[str]:
        line = next(x for x in page.splitlines() if "王建国" in x)
        return re.findall("|".join(LEADERS), line)

    # Variant A, 8 people, from the audience: 7 5 3 1 2 4 6 8 (ranks = order in the list).
    expected = [LEADERS[r - 1] for r in (7, 5, 3, 1, 2, 4, 6, 8)]
    assert order(audience) == expected
    assert order(stage) == expected[::-1]
    settings.set_many(store, {"seating_even_variant": "B"})
    pdf_b = tmp_path / "座次表B.pdf"
    print_to_pdf(seating_chart(store, meeting), pdf_b)
    assert order(page_texts(pdf_b)[0]) == [LEADERS[r - 1] for r in (8, 6, 4, 2, 1, 3, 5, 7)]


@needs_poppler
def test_seating_in_several_rows(store: Store, meeting: int, tmp_path: Path) -> None:
    pdf = tmp_path / "两排.pdf"
    job = seating_chart(store, meeting, per_row=[5, 3])
    assert [[r for r, _ in row] for row in job.charts("台下视角")] == [[5, 3, 1, 2, 4], [8, 6, 7]]
    print_to_pdf(job, pdf)
    page = squeezed(page_texts(pdf)[0])
    assert "第一排" in page and "第二排" in page


@needs_poppler
def test_tent_cards_one_per_attendee_present(store: Store, meeting: int, tmp_path: Path) -> None:
    pdf = tmp_path / "桌签.pdf"
    assert print_to_pdf(tent_cards(store, meeting), pdf) == 9  # 8 出席 + 1 列席, not 请假
    assert set(page_sizes(pdf)) == {A4_PORTRAIT}
    pages = page_texts(pdf, "-raw")
    assert "王建国" in pages[0] and "周文" in pages[8]
    assert all("吴斌" not in p for p in pages)


@needs_poppler
def test_week_and_range_plans_on_a4_landscape(store: Store, meeting: int, tmp_path: Path) -> None:
    meetings.save(store, meetings.Plan({"name": "周例会", "starts_at": "2026-03-02 08:30",
        "ends_at": "2026-03-02 09:30", "room": "三楼党委会议室"}))  # fmt: skip
    meetings.save(store, meetings.Plan({"name": "下周的会", "starts_at": "2026-03-10 08:30",
        "ends_at": "2026-03-10 09:30", "room": "三楼党委会议室"}))  # fmt: skip
    pdf = tmp_path / "周.pdf"
    print_to_pdf(week_plan(store, dt.date(2026, 3, 4)), pdf)
    assert page_sizes(pdf) == [A4_LANDSCAPE]
    text = squeezed(page_texts(pdf)[0])
    assert "周会议安排表" in text and "2026年3月2日—3月8日（第10周）" in text
    assert text.index("周例会") < text.index("森林防火工作会议") and "下周的会" not in text
    assert "王建国、刘志强" in text
    pdf2 = tmp_path / "范围.pdf"
    print_to_pdf(range_plan(store, dt.date(2026, 3, 1), dt.date(2026, 3, 31)), pdf2)
    text2 = squeezed(page_texts(pdf2)[0])
    assert "近期重大活动一览表" in text2 and "下周的会" in text2

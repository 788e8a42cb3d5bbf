"""The meeting planner on screen: book a room, be refused on a clash with the conflicts listed,
save with a reason, and see both meetings in the week view; drag to move re-checks."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from officedesk.core.registers import MEETING
from officedesk.storage import directory, meetings, records
from officedesk.storage.db import Store
from officedesk.ui import messages as ui_messages
from officedesk.ui.meetings.form import MeetingForm
from officedesk.ui.meetings.tab import MeetingTab
from tests.ui.keyboard import type_text

MONDAY = dt.date(2026, 3, 2)


@pytest.fixture
def office(store: Store) -> Store:
    meetings.save_room(store, {"name": "第一会议室", "capacity": 20, "equipment": "投影"})
    meetings.save_room(store, {"name": "第二会议室", "capacity": 8})
    directory.add_person(store, "张书记", "局领导", "党委书记")
    directory.add_person(store, "李局长", "局领导", "局长")
    directory.add_person(store, "王主任", "办公室", "主任")
    return store


def fill(qtbot, form: MeetingForm, name: str, start: str, end: str, room: str, chair: str) -> None:
    for field, text in (("name", name), ("starts_at", start), ("ends_at", end), ("chair", chair)):
        editor = form.editors[field]
        editor.clear()
        type_text(qtbot, editor, text)
    form.editors["room"].set_value(room)


def test_book_refuse_on_clash_save_with_reason_week_shows_both(
    qtbot, office: Store, messages
) -> None:
    first = MeetingForm(office)
    qtbot.addWidget(first)
    fill(qtbot, first, "党委会", "2026-03-04 09:00", "2026-03-04 11:00", "第一会议室", "张书记")
    type_text(qtbot, first.person_edit, "李局长")
    qtbot.keyClick(first.person_edit, Qt.Key.Key_Return)
    assert first.people.rows()[0]["post"] == "局长"  # filled from the directory
    qtbot.keyClick(first.editors["name"], Qt.Key.Key_Return)  # Enter saves
    assert first.result() == QDialog.DialogCode.Accepted and first.saved_id

    second = MeetingForm(office)
    qtbot.addWidget(second)
    fill(qtbot, second, "安全生产专题会", "2026-03-04 10:00", "2026-03-04 11:30", "第一会议室",
         "李局长")  # fmt: skip
    qtbot.keyClick(second.editors["name"], Qt.Key.Key_Return)
    # Refused: nothing saved, every conflict listed together, the reason box has the cursor.
    assert second.result() != QDialog.DialogCode.Accepted and second.saved_id is None
    assert second.conflict_box.isVisibleTo(second)
    lines = [second.conflict_list.item(i).text() for i in range(second.conflict_list.count())]
    assert any(line.startswith("【会议室冲突】第一会议室") and "党委会" in line for line in lines)
    assert any(line.startswith("【人员冲突】李局长") for line in lines)
    assert len(meetings.week(office, MONDAY)) == 1
    type_text(qtbot, second.reason_edit, "书记同意，专题会改在后半段")
    qtbot.keyClick(second.reason_edit, Qt.Key.Key_Return)
    assert second.result() == QDialog.DialogCode.Accepted
    saved = records.get(office, MEETING, second.saved_id)
    assert saved["conflict_reason"] == "书记同意，专题会改在后半段"

    tab = MeetingTab(office)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    tab.week.show_week(MONDAY)
    shown = {p.slot.name: p for p in tab.week.grid.placed}
    assert set(shown) == {"党委会", "安全生产专题会"}
    # Side by side in Wednesday's column, the one saved with a reason marked.
    a, b = shown["党委会"].rect, shown["安全生产专题会"].rect
    assert a.left() != b.left() and a.intersects(b.translated(a.left() - b.left(), 0))
    assert shown["安全生产专题会"].slot.conflict_reason
    assert "本周 2 场会议" in tab.week.count_label.text()

    # The form of the second meeting shows the kept conflicts and reason.
    again = MeetingForm(office, second.saved_id)
    qtbot.addWidget(again)
    assert again.conflict_box.isVisibleTo(again)
    assert again.reason_edit.text() == "书记同意，专题会改在后半段"


def test_drag_moves_after_the_check(qtbot, office: Store, monkeypatch) -> None:
    a = meetings.save(office, meetings.Plan({"name": "党委会", "starts_at": "2026-03-04 09:00",
        "ends_at": "2026-03-04 10:00", "room": "第一会议室"}))  # fmt: skip
    b = meetings.save(office, meetings.Plan({"name": "例会", "starts_at": "2026-03-05 09:00",
        "ends_at": "2026-03-05 10:00", "room": "第一会议室"}))  # fmt: skip
    asked: list[str] = []
    monkeypatch.setattr(ui_messages, "ask_text", lambda _p, _t, text, _d="": asked.append(text))
    tab = MeetingTab(office)
    qtbot.addWidget(tab)
    tab.resize(1200, 900)
    tab.show()
    tab.week.show_week(MONDAY)
    grid = tab.week.grid
    rect = grid.rect_of(b["id"])
    start = rect.center().toPoint()
    # Drag Thursday's 例会 onto Wednesday 09:30: clashes with 党委会, no reason given → stays.
    wed = QPoint(int(grid.day_x(2) + grid.column_width() / 2),
                 int(start.y() + grid.hour_height() / 2))  # fmt: skip
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid, QPoint(start.x() - 20, start.y()))
    qtbot.mouseMove(grid, wed)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=wed)
    assert asked and "会议室冲突" in asked[0] and "党委会" in asked[0]
    assert records.get(office, MEETING, b["id"])["starts_at"] == dt.datetime(2026, 3, 5, 9, 0)
    # Drag it to Friday 14:00: no conflict, it moves.
    fri = QPoint(int(grid.day_x(4) + grid.column_width() / 2),
                 int(grid.y_of(dt.time(14, 0)) + (start.y() - rect.top())))  # fmt: skip
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid, QPoint(start.x() + 20, start.y()))
    qtbot.mouseMove(grid, fri)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=fri)
    moved = records.get(office, MEETING, b["id"])
    assert moved["starts_at"] == dt.datetime(2026, 3, 6, 14, 0)
    assert moved["ends_at"] == dt.datetime(2026, 3, 6, 15, 0)
    assert records.get(office, MEETING, a["id"])["starts_at"] == dt.datetime(2026, 3, 4, 9, 0)
    assert {p.slot.id: p.slot.starts_at for p in grid.placed}[b["id"]] == moved["starts_at"]


def test_week_moves_by_week_and_by_room(qtbot, office: Store) -> None:
    meetings.save(office, meetings.Plan({"name": "党委会", "starts_at": "2026-03-04 09:00",
        "ends_at": "2026-03-04 10:00", "room": "第二会议室"}))  # fmt: skip
    meetings.save(office, meetings.Plan({"name": "现场会", "starts_at": "2026-03-12 09:00",
        "ends_at": "2026-03-12 10:00", "room": "某某林场"}))  # fmt: skip
    tab = MeetingTab(office)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    tab.week.show_week(MONDAY)
    assert [p.slot.name for p in tab.week.grid.placed] == ["党委会"]
    tab.week.next_button.click()
    assert tab.week.monday == MONDAY + dt.timedelta(days=7)
    assert [p.slot.name for p in tab.week.grid.placed] == ["现场会"]
    tab.week.room_button.click()
    assert tab.week.grid.room_rows() == ["第一会议室", "第二会议室", "其他地点"]
    placed = tab.week.grid.placed[0]
    assert tab.week.grid.room_at(placed.rect.center().y()) == "其他地点"
    qtbot.keyClick(tab.week, Qt.Key.Key_PageUp)
    assert tab.week.monday == MONDAY
    assert tab.week.grid.room_at(tab.week.grid.placed[0].rect.center().y()) == "第二会议室"


def test_keyboard_in_the_week(qtbot, office: Store) -> None:
    ids = [meetings.save(office, meetings.Plan({"name": n, "starts_at": f"2026-03-0{d} 09:00",
           "ends_at": f"2026-03-0{d} 10:00", "room": "第一会议室"}))["id"]
           for n, d in (("周三会", 4), ("周一会", 2))]  # fmt: skip
    tab = MeetingTab(office)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    tab.week.show_week(MONDAY)
    grid = tab.week.grid
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.selected_id == ids[1]  # the earliest first
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.selected_id == ids[0]
    opened: list[int] = []
    grid.open_meeting.disconnect()
    grid.open_meeting.connect(opened.append)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert opened == [ids[0]]


def test_a_weekly_series_from_the_form(qtbot, office: Store, messages) -> None:
    meetings.save(office, meetings.Plan({"name": "专家论证会", "starts_at": "2026-03-16 09:30",
        "ends_at": "2026-03-16 10:30", "room": "第一会议室"}))  # fmt: skip
    form = MeetingForm(office)
    qtbot.addWidget(form)
    fill(qtbot, form, "周一例会", "2026-03-02 09:00", "2026-03-02 10:00", "第一会议室", "张书记")
    form.repeat_rule.setCurrentText("每周")
    assert form.repeat_until.isEnabled()
    qtbot.keyClick(form.editors["name"], Qt.Key.Key_Return)
    assert messages.warnings == ["请填写重复会议的「截止到」日期"]
    assert form.saved_id is None and form.focusWidget() is form.repeat_until
    type_text(qtbot, form.repeat_until, "2026-03-30")
    qtbot.keyClick(form.editors["name"], Qt.Key.Key_Return)
    lines = [form.conflict_list.item(i).text() for i in range(form.conflict_list.count())]
    assert lines == [line for line in lines if "2026-03-16" in line] and lines  # that Monday only
    type_text(qtbot, form.reason_edit, "论证会改到小会议室")
    qtbot.keyClick(form.reason_edit, Qt.Key.Key_Return)
    assert form.result() == QDialog.DialogCode.Accepted
    series = meetings.series(office, records.get(office, MEETING, form.saved_id)["series_id"])
    assert len(series["meeting_ids"]) == 5 and series["description"] == "每周一"


def test_a_kept_reason_does_not_cover_new_conflicts(qtbot, office: Store) -> None:
    first = meetings.save(office, meetings.Plan({"name": "党委会", "starts_at": "2026-03-04 09:00",
        "ends_at": "2026-03-04 10:00", "room": "第一会议室"}))  # fmt: skip
    other = meetings.save(office, meetings.Plan({"name": "例会", "starts_at": "2026-03-04 09:30",
        "ends_at": "2026-03-04 10:30", "room": "第一会议室"}), reason="临时调整")  # fmt: skip
    meetings.save(office, meetings.Plan({"name": "调度会", "starts_at": "2026-03-05 09:00",
        "ends_at": "2026-03-05 10:00", "room": "第一会议室"}))  # fmt: skip
    form = MeetingForm(office, other["id"])
    qtbot.addWidget(form)
    assert form.reason_edit.text() == "临时调整"
    form.editors["starts_at"].set_value(dt.datetime(2026, 3, 5, 9, 30))
    form.editors["ends_at"].set_value(dt.datetime(2026, 3, 5, 10, 30))
    assert not form.save()  # the old reason was for 党委会, not for 调度会
    assert "调度会" in form.conflict_list.item(0).text()
    assert records.get(office, MEETING, other["id"])["starts_at"] == dt.datetime(2026, 3, 4, 9, 30)
    assert form.save()  # seen now: the reason typed stands for these
    assert records.get(office, MEETING, first["id"])["starts_at"] == dt.datetime(2026, 3, 4, 9, 0)


def test_new_meeting_from_the_week_page(qtbot, office: Store) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    tab = MeetingTab(office, load=False)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    tab.week.show_week(MONDAY)
    seen: list[str] = []

    def fill_and_save() -> None:
        form = QApplication.activeModalWidget()
        assert isinstance(form, MeetingForm)
        seen.append(form.editors["starts_at"].value())
        form.editors["name"].setText("防火调度会")
        form.editors["room"].set_value("第二会议室")
        form.save()

    # A double-click on an empty place of Wednesday 14:00 opens a new meeting starting there.
    QTimer.singleShot(0, fill_and_save)
    tab.new_meeting_at(dt.datetime(2026, 3, 4, 14, 0))
    assert seen == ["2026-03-04 14:00"]
    assert [p.slot.name for p in tab.week.grid.placed] == ["防火调度会"]
    saved = tab.week.grid.placed[0].slot.id
    assert tab.week.grid.selected_id == saved and tab.current_id() == saved


def test_change_an_occurrence_and_the_later_ones_from_the_form(qtbot, office: Store) -> None:
    first = meetings.save(office, meetings.Plan(
        {"name": "周一例会", "starts_at": "2026-03-02 09:00", "ends_at": "2026-03-02 10:00",
         "room": "第一会议室"}, repeat=meetings.Repeat("每周", dt.date(2026, 3, 23))))  # fmt: skip
    ids = meetings.series(office, first["series_id"])["meeting_ids"]
    form = MeetingForm(office, ids[1])
    qtbot.addWidget(form)
    assert form.follow_check.isVisibleTo(form) and "每周一" in form.series_label.text()
    form.editors["room"].set_value("第二会议室")
    form.follow_check.setChecked(True)
    assert form.save()
    rooms = [records.get(office, MEETING, i)["room"] for i in ids]
    assert rooms == ["第一会议室", "第二会议室", "第二会议室", "第二会议室"]

"""The meeting tab's actions: materials, 纪要 and 转督办, cancelling, rooms, documents menu."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from PySide6.QtWidgets import QDialog

from officedesk.core.registers import MEETING, SUPERVISION
from officedesk.storage import attachments, meetings, records
from officedesk.storage.db import Store
from officedesk.ui import messages as ui_messages
from officedesk.ui.main_window import MainWindow
from officedesk.ui.meetings.form import MeetingForm
from officedesk.ui.meetings.minutes import MinutesDialog
from officedesk.ui.meetings.rooms import RoomsDialog
from officedesk.ui.meetings.tab import MeetingTab

MONDAY = dt.date(2026, 3, 2)


@pytest.fixture
def meeting(store: Store) -> int:
    meetings.save_room(store, {"name": "第一会议室", "capacity": 20})
    saved = meetings.save(store, meetings.Plan(
        {"name": "党委会", "starts_at": "2026-03-04 09:00", "ends_at": "2026-03-04 10:00",
         "room": "第一会议室", "chair": "张书记"},
        [{"role": "出席", "name": "张书记", "post": "书记"}, {"role": "出席", "name": "李局长"}]))  # fmt: skip
    return int(saved["id"])


def test_materials_are_copied_on_save(qtbot, store: Store, meeting: int, tmp_path: Path) -> None:
    speech = tmp_path / "讲话稿.docx"
    speech.write_bytes(b"speech")
    form = MeetingForm(store, meeting)
    qtbot.addWidget(form)
    form.materials.add_file(str(speech))
    assert form.is_dirty()
    assert form.save()
    assert [a["filename"] for a in attachments.list_for(store, MEETING.key, meeting)] == [
        "讲话稿.docx"
    ]


def test_materials_list_enter_opens_delete_removes(qtbot, store: Store, meeting: int,
                                                   tmp_path: Path, monkeypatch) -> None:  # fmt: skip
    """The materials list is the shared attachment list: Enter opens a file and does not save."""
    from PySide6.QtCore import Qt

    from officedesk.ui import widgets

    speech = tmp_path / "讲话稿.docx"
    speech.write_bytes(b"speech")
    attachments.add(store, MEETING.key, meeting, str(speech))
    opened: list[str] = []
    monkeypatch.setattr(widgets, "open_file", lambda path: opened.append(path) or True)
    form = MeetingForm(store, meeting)
    qtbot.addWidget(form)
    form.show()
    files = form.materials.files
    assert [files.item(i).text() for i in range(files.count())] == ["讲话稿.docx"]
    files.setCurrentRow(0)
    files.setFocus()
    qtbot.keyClick(files, Qt.Key.Key_Return)
    [stored] = attachments.list_for(store, MEETING.key, meeting)
    assert opened == [str(attachments.path_of(store, stored))]
    assert form.isVisible() and form.saved_id is None
    qtbot.keyClick(files, Qt.Key.Key_Delete)
    assert files.count() == 0 and form.is_dirty()
    assert form.save()
    assert attachments.list_for(store, MEETING.key, meeting) == []


def test_minutes_and_a_decision_to_supervision_once(qtbot, store: Store, meeting: int,
                                                    monkeypatch) -> None:  # fmt: skip
    said: list[str] = []
    monkeypatch.setattr(ui_messages, "information", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(ui_messages, "critical", lambda _p, _t, text: said.append(text))
    dialog = MinutesDialog(store, meeting)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("会议研究了春季防火工作。")
    dialog.decisions.add_row(
        {"text": "加强春季森林防火", "lead_unit": "防火办", "due_date": "2026-04-30"}
    )
    dialog.decisions.table.setCurrentCell(0, 0)
    dialog.to_supervision()
    assert said and said[-1].startswith("已登记督办事项 督〔2026〕1号")
    assert dialog.decisions.cell(0, "supervision") == "已转督办"
    dialog.decisions.table.setCurrentCell(0, 0)
    dialog.to_supervision()
    assert "不能重复转办" in said[-1]
    assert len(store.read("SELECT id FROM supervision_item")) == 1
    item = records.get(store, SUPERVISION, 1)
    assert item["source"] == "会议决定" and item["due_date"] == dt.date(2026, 4, 30)
    assert records.get(store, MEETING, meeting)["minutes"] == "会议研究了春季防火工作。"


def test_cancel_from_the_week_view(qtbot, store: Store, meeting: int, monkeypatch) -> None:
    monkeypatch.setattr(ui_messages, "ask_text", lambda *_a, **_k: "领导出差")
    tab = MeetingTab(store)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    tab.week.show_week(MONDAY)
    tab.week.grid.select(meeting)
    assert tab.cancel_action.isEnabled()
    tab.cancel_action.trigger()
    record = records.get(store, MEETING, meeting)
    assert record["cancelled"] and record["cancel_reason"] == "领导出差"
    assert [p.slot.cancelled for p in tab.week.grid.placed] == [True]
    assert "本周 0 场会议" in tab.week.count_label.text()


def test_rooms_dialog_saves_changes(qtbot, store: Store, meeting: int) -> None:
    dialog = RoomsDialog(store)
    qtbot.addWidget(dialog)
    dialog.editor.add_row({"name": "视频会议室", "capacity": "30", "equipment": "视频终端"})
    dialog.editor.set_cell(0, "capacity", "25")
    assert dialog.save() and dialog.result() == QDialog.DialogCode.Accepted
    assert [(r["name"], r["capacity"]) for r in meetings.rooms(store)] == [
        ("第一会议室", 25),
        ("视频会议室", 30),
    ]


def test_rooms_dialog_names_a_bad_row(qtbot, store: Store, meeting: int, monkeypatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(ui_messages, "critical", lambda _p, _t, text: said.append(text))
    dialog = RoomsDialog(store)
    qtbot.addWidget(dialog)
    dialog.editor.add_row({"name": "小会议室", "capacity": "十"})
    assert not dialog.save()
    assert said == ["第 2 行：「容纳人数」应为整数：十"]
    assert [r["name"] for r in meetings.rooms(store)] == ["第一会议室"]


def test_documents_menu_writes_the_notice(qtbot, store: Store, meeting: int, tmp_path: Path,
                                          monkeypatch) -> None:  # fmt: skip
    target = tmp_path / "通知.docx"
    monkeypatch.setattr(ui_messages, "ask_save_path", lambda *_a: str(target))
    monkeypatch.setattr(ui_messages, "offer_open", lambda *_a: False)
    tab = MeetingTab(store)
    qtbot.addWidget(tab)
    tab.week.show_week(MONDAY)
    tab.week.grid.select(meeting)
    entry = next(a for a in tab.doc_actions if a.text().startswith("会议通知"))
    entry.trigger()
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "关于召开党委会的通知" in texts


def test_main_window_has_the_meeting_tab(qtbot, store: Store) -> None:
    from PySide6.QtCore import QSettings

    window = MainWindow(store, qsettings=QSettings(str(Path(store.data_dir) / "ui.ini"),
                                                   QSettings.Format.IniFormat), remember=False)  # fmt: skip
    qtbot.addWidget(window)
    tab = window.show_register("meetings")
    assert isinstance(tab, MeetingTab)
    labels = [a.text() for a in window.edit_menu.actions()]
    assert "取消本次" in labels and "纪要" in labels and "会议室" in labels


def test_cancel_an_occurrence_and_the_later_ones(qtbot, store: Store, monkeypatch) -> None:
    first = meetings.save(store, meetings.Plan(
        {"name": "周例会", "starts_at": "2026-03-02 09:00", "ends_at": "2026-03-02 10:00",
         "room": "会议室"}, repeat=meetings.Repeat("每周", dt.date(2026, 3, 23))))  # fmt: skip
    ids = meetings.series(store, first["series_id"])["meeting_ids"]
    monkeypatch.setattr(ui_messages, "ask_text", lambda *_a, **_k: "改为双周")
    monkeypatch.setattr(ui_messages, "ask", lambda *_a, **_k: True)
    tab = MeetingTab(store)
    qtbot.addWidget(tab)
    tab.week.show_week(dt.date(2026, 3, 9))
    tab.week.grid.select(ids[1])
    tab.cancel_meeting()
    assert [records.get(store, MEETING, i)["cancelled"] for i in ids] == [False, True, True, True]


def test_seating_docx_asks_for_the_rows(qtbot, store: Store, meeting: int, tmp_path: Path,
                                        monkeypatch) -> None:  # fmt: skip
    target = tmp_path / "座次表.docx"
    asked: list[str] = []
    monkeypatch.setattr(ui_messages, "ask_text",
                        lambda _p, _t, text, default="": asked.append(default) or "1，1")  # fmt: skip
    monkeypatch.setattr(ui_messages, "ask_save_path", lambda *_a: str(target))
    monkeypatch.setattr(ui_messages, "offer_open", lambda *_a: False)
    tab = MeetingTab(store)
    qtbot.addWidget(tab)
    tab.week.show_week(MONDAY)
    tab.week.grid.select(meeting)
    next(a for a in tab.doc_actions if a.text().startswith("座次表")).trigger()
    assert asked == ["2"]  # both on one row by default
    table = docx.Document(str(target)).tables[0]  # 台下视角: the front row nearest the audience
    assert [[c.text.replace("\n", " ") for c in r.cells] for r in table.rows] == [["2 李局长"],
                                                                                 ["1 张书记"]]  # fmt: skip

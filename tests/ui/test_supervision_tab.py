"""The 督办 tab by keyboard: progress, extension, 办结, review, the log and its undo; status
brought up to the date when the list loads; the register exports like every other."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from officedesk.core.registers import SUPERVISION
from officedesk.export_service import export_register
from officedesk.storage import records, supervision
from officedesk.storage.db import Store
from officedesk.storage.query import Query
from officedesk.ui.supervision_tab import SupervisionTab
from tests.ui.steps import CTRL, back_to_list, fill, in_dialog, save

if TYPE_CHECKING:
    from pathlib import Path

    from tests.ui.conftest import Messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
D = dt.date


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.value = now

    def __call__(self) -> dt.datetime:
        return self.value


@pytest.fixture
def item(store: Store) -> int:
    return int(supervision.create_item(store, {
        "assigned_on": D(2026, 3, 1), "content": "完成春季造林任务核查", "lead_unit": "造林科",
        "owner": "钱丽", "leader": "张局长", "due_date": D(2026, 3, 20)})["id"])  # fmt: skip


def open_tab(qtbot: QtBot, store: Store, now: dt.datetime) -> SupervisionTab:
    tab = SupervisionTab(store, now=Clock(now))
    qtbot.addWidget(tab)
    with qtbot.waitActive(tab):
        tab.show()
        tab.activateWindow()
    qtbot.keyClick(tab.view, Qt.Key.Key_F, CTRL)
    qtbot.keyClick(tab.search_edit, Qt.Key.Key_Down)
    return tab


def status(store: Store, item_id: int) -> str:
    return str(records.get(store, SUPERVISION, item_id)["status"])


def test_log_actions_by_keyboard(qtbot: QtBot, store: Store, item: int, messages: Messages) -> None:
    # On 3/18 the item is 临期: the stored status is brought up to date when the list loads.
    tab = open_tab(qtbot, store, dt.datetime(2026, 3, 18, 9, 0))
    assert status(store, item) == "临期"

    def progress(d: QDialog) -> None:
        fill(qtbot, d, "text", "已核查三个林场")
        save(qtbot, d, ctrl=True)

    in_dialog(qtbot, tab, Qt.Key.Key_1, progress)

    def extend(d: QDialog) -> None:
        fill(qtbot, d, "new_due", "2026-03-10")
        fill(qtbot, d, "text", "雨季推迟")
        fill(qtbot, d, "approved_by", "张局长")
        save(qtbot, d)
        assert messages.warnings[-1] == "延期：新的办结时限须晚于原时限 2026-03-20"
        fill(qtbot, d, "new_due", "2026-04-30")
        save(qtbot, d)

    in_dialog(qtbot, tab, Qt.Key.Key_3, extend)
    assert status(store, item) == "已延期"

    def finish(d: QDialog) -> None:
        fill(qtbot, d, "acted_on", "2026-04-25")
        fill(qtbot, d, "text", "核查完毕，已报送")
        save(qtbot, d, ctrl=True)

    in_dialog(qtbot, tab, Qt.Key.Key_4, finish)
    assert status(store, item) == "已办结"

    def send_back(d: QDialog) -> None:
        fill(qtbot, d, "answer", "th")  # pinyin initials: 退回重办
        fill(qtbot, d, "text", "缺少照片")
        save(qtbot, d, ctrl=True)

    in_dialog(qtbot, tab, Qt.Key.Key_5, send_back)
    got = records.get(store, SUPERVISION, item)
    assert (got["review"], got["done_on"], got["status"]) == ("退回重办", None, "已延期")

    shown: list[str] = []

    def look_and_undo(d: QDialog) -> None:
        shown.append(d.text())  # type: ignore[attr-defined]
        qtbot.keyClick(d, Qt.Key.Key_Z, CTRL)
        shown.append(d.text())  # type: ignore[attr-defined]

    in_dialog(qtbot, tab, Qt.Key.Key_H, look_and_undo)
    before = shown[0].splitlines()
    assert before[0] == "督〔2026〕1号《完成春季造林任务核查》　状态：已延期"
    assert before[1:] == [
        "2026-03-18　进展：已核查三个林场",
        "2026-03-18　延期：延至 2026-04-30，理由：雨季推迟，批准人：张局长",
        "2026-04-25　办结：核查完毕，已报送",
        "2026-03-18　审核：退回重办：缺少照片",
    ]
    assert shown[1].splitlines()[-1] == "2026-03-18　审核：退回重办：缺少照片（已撤销）"
    assert status(store, item) == "已办结"
    back_to_list(qtbot, tab)


def test_status_moves_with_the_date_and_the_ledger_exports(
    qtbot: QtBot, store: Store, item: int, tmp_path: Path
) -> None:
    open_tab(qtbot, store, dt.datetime(2026, 3, 21, 9, 0))
    assert status(store, item) == "逾期"
    path = tmp_path / "督办台账.xlsx"
    export_register(store, Query(SUPERVISION), path)
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[3]]
    row = {h: c.value for h, c in zip(header, ws[4], strict=False)}
    assert row["督办编号"] == "督〔2026〕1号" and row["状态"] == "逾期"
    assert row["牵头单位"] == "造林科" and row["办结时限"] == dt.datetime(2026, 3, 20)


def test_the_source_document_opens_from_the_item(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from officedesk.core.registers import INCOMING_DOCUMENT
    from officedesk.storage import workflow
    from officedesk.ui.main_window import MainWindow
    from officedesk.ui.register_tab import RegisterTab

    doc = records.insert(store, INCOMING_DOCUMENT, {
        "received_at": dt.datetime(2026, 3, 2, 9), "sender": "市林业局", "title": "关于护林员培训的通知"})  # fmt: skip
    records.insert(store, INCOMING_DOCUMENT, {
        "received_at": dt.datetime(2026, 3, 3, 9), "sender": "市林业局", "title": "另一份"})  # fmt: skip
    workflow.record_step(store, doc["id"], "批示", {"leader": "张局长", "given_on": "2026-03-03",
                                                   "text": "请督办"})  # fmt: skip
    supervision.create_from_document(store, doc["id"])
    opened: list[tuple[str, int | None]] = []
    monkeypatch.setattr(RegisterTab, "edit_record",
                        lambda tab: opened.append((tab.register.key, tab.current_id())))  # fmt: skip
    window = MainWindow(store, remember=False)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    tab = window.show_register("supervision")
    qtbot.keyClick(tab.view, Qt.Key.Key_F, CTRL)
    qtbot.keyClick(tab.search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(tab.view, Qt.Key.Key_O, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.current_register_tab() is window.document_tab
    assert opened == [("documents", doc["id"])]

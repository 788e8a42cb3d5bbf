"""A clerk's day across the areas, through the real main window on a real store.

工作台 lines of every area open their record in the right (sub-)tab; a 收文 goes through its steps
to 办结 and is filed (档号 on both sides, gone from 工作台); 督办 items made from a 批示 and from a
meeting decision open their source; void and restore across areas; settings reach 工作台 and the
window title.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from officedesk import demo
from officedesk.core.registers import BY_KEY as REGISTERS_BY_KEY
from officedesk.core.registers import INCOMING_DOCUMENT, MEETING, SUPERVISION
from officedesk.storage import meeting_minutes, records
from officedesk.storage.db import Store
from officedesk.ui import messages as ui_messages
from officedesk.ui.home import LINE_ROLE
from officedesk.ui.main_window import MainWindow
from officedesk.ui.record_form import RecordForm
from tests.ui.keyboard import type_text
from tests.ui.steps import CTRL, fill, save, tab_to

if TYPE_CHECKING:
    from tests.ui.conftest import Messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SHIFT = Qt.KeyboardModifier.ShiftModifier
TODAY = dt.date.today()


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """ask_text (the void reason) answered with a reason; information boxes recorded."""
    said: list[str] = []
    monkeypatch.setattr(ui_messages, "ask_text", lambda _p, _t, text, *a, **k: "录入错误")
    monkeypatch.setattr(ui_messages, "information", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(ui_messages, "critical", lambda _p, t, text: said.append(f"{t}：{text}"))
    return said


def open_window(qtbot: QtBot, store: Store, qsettings: QSettings) -> MainWindow:
    win = MainWindow(store, qsettings=qsettings, remember=False)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    qtbot.waitUntil(lambda: win.home.sections is not None, timeout=10000)
    return win


def home_loaded(qtbot: QtBot, win: MainWindow) -> None:
    """Back on 工作台, with its list collected again."""
    win.tabs.setCurrentWidget(win.home)
    qtbot.waitUntil(lambda: win.home.refresh_button.isEnabled(), timeout=10000)
    qtbot.wait(10)
    qtbot.waitUntil(lambda: win.home.refresh_button.isEnabled(), timeout=10000)


def modal(qtbot: QtBot, press: Callable[[], None], work: Callable[[QDialog], None]) -> None:
    """`press` opens a modal dialog; `work` runs inside it (then Esc if it is still open)."""
    seen: list[bool] = []

    def run(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            if tries < 100 and not seen:
                QTimer.singleShot(10, lambda: run(tries + 1))
            return
        dialog.activateWindow()

        def ready() -> bool:
            widget = QApplication.focusWidget()
            return widget is not None and (widget is dialog or dialog.isAncestorOf(widget))

        qtbot.waitUntil(ready, timeout=3000)
        try:
            work(dialog)
        finally:
            seen.append(True)
            if dialog.isVisible():
                qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, run)
    press()
    opened = seen == [True]
    seen.append(False)
    assert opened, "no dialog opened"


def dialogs_during(qtbot: QtBot, press: Callable[[], None]) -> list[str]:
    """The titles of the modal dialogs `press` opened (each closed with Esc)."""
    titles: list[str] = []
    done: list[bool] = []

    def watch() -> None:
        if done:
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            titles.append(dialog.windowTitle())
            dialog.reject()
        QTimer.singleShot(20, watch)

    QTimer.singleShot(0, watch)
    press()
    done.append(True)
    return titles


def line_items(win: MainWindow) -> list[QTreeWidgetItem]:
    out: list[QTreeWidgetItem] = []

    def walk(item: QTreeWidgetItem) -> None:
        if item.data(0, LINE_ROLE):
            out.append(item)
        for i in range(item.childCount()):
            walk(item.child(i))

    for tree in win.home.trees:  # the due list on the left, the short sections on the right
        for i in range(tree.topLevelItemCount()):
            walk(tree.topLevelItem(i))
    return out


def row_state(store: Store, register: Any, rid: int) -> tuple[Any, ...]:
    return tuple(store.read(f"SELECT * FROM [{register.table}] WHERE id = ?", (rid,))[0])


# -- 1. 工作台: every area's lines open their record in the right tab -------------------------


def test_home_lines_of_every_area_open_their_form(
    qtbot: QtBot, store: Store, qsettings: QSettings, messages: Messages
) -> None:
    demo.fill(store, 40, today=TODAY)
    win = open_window(qtbot, store, qsettings)
    titles = [s.title for s in win.home.sections or []]
    for title in ("收文与督办到期", "今日会议", "在场访客", "信访到期", "档案借阅逾期未还"):
        assert title in titles, titles
    shown = win.home.line_texts()
    assert any(t.startswith("今日会议（") for t in shown)

    # One line of each register the sections name.
    first: dict[str, QTreeWidgetItem] = {}
    for item in line_items(win):
        first.setdefault(item.data(0, LINE_ROLE)[0], item)
    assert set(first) >= {"documents", "supervision", "meetings", "visitors", "petitions",
                          "archive_loans"}  # fmt: skip
    for key in first:  # the 督办 list brings statuses up to date when first shown: not the form
        win.show_register(key).ensure_loaded()
    for key, item in first.items():
        rid = int(item.data(0, LINE_ROLE)[1])
        register = REGISTERS_BY_KEY[key]
        before = row_state(store, register, rid)
        home_loaded(qtbot, win)
        item = next(i for i in line_items(win) if tuple(i.data(0, LINE_ROLE)) == (key, rid))
        tree = item.treeWidget()
        tree.setCurrentItem(item)
        tree.setFocus()
        forms: list[tuple[str, int | None, str]] = []

        def look(d: QDialog, key: str = key, forms: list[Any] = forms) -> None:
            assert isinstance(d, RecordForm), type(d)
            forms.append((d.register.key, d.record_id, d.windowTitle()))
            # Links between registers are internal ids: never an input (借阅's 件 was one).
            links = {"item_id", "document_id", "source_id", "source_register", "room_id"}
            assert not links & set(d.editors), (key, links & set(d.editors))
            # The tab (and its group's sub-tab) is in front behind the form.
            assert win.current_register_tab() is win.register_tabs[key]
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)

        modal(qtbot, lambda tree=tree: qtbot.keyClick(tree, Qt.Key.Key_Return), look)
        assert forms and forms[0][:2] == (key, rid), (key, forms)
        group = win.sub_tabs.get(key)
        if group is not None:
            assert win.tabs.currentWidget() is group
            assert isinstance(group, QTabWidget) and group.currentWidget() is win.register_tabs[key]
        assert row_state(store, register, rid) == before, f"{key}: Esc changed the row"
    assert messages.warnings == []


# -- 2 and 3. A 收文 to 办结 and 归档; 立为督办 and 转督办 open their sources --------------------


def add_document(store: Store, title: str = "关于做好冬季森林防火工作的通知") -> int:
    return int(records.insert(store, INCOMING_DOCUMENT, {
        "received_at": dt.datetime.combine(TODAY, dt.time(9)), "receiver": "王明",
        "sender": "省林业和草原局", "sender_ref": "林防发〔2026〕15号", "title": title,
        "issued_on": TODAY, "pages": 4, "handling": "办件"})["id"])  # fmt: skip


def add_meeting(store: Store) -> int:
    from officedesk.storage import meetings

    meetings.save_room(store, {"name": "第一会议室", "capacity": 20})
    day = TODAY.isoformat()
    saved = meetings.save(store, meetings.Plan(
        {"name": "森林防火专题会", "starts_at": f"{day} 09:00", "ends_at": f"{day} 10:00",
         "room": "第一会议室", "chair": "张局长"},
        [{"role": "出席", "name": "张局长"}, {"role": "出席", "name": "李副局长"}]),
        reason="周末加班")  # today may be a weekend  # fmt: skip
    return int(saved["id"])


def to_list(qtbot: QtBot, tab: Any) -> None:
    """The main window back in front after a dialog, the focus in `tab`'s list."""
    win = tab.window()
    if QApplication.activeWindow() is not win:
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)
    tab.view.setFocus()


def step(qtbot: QtBot, tab: Any, key: Qt.Key, work: Callable[[QDialog], None]) -> None:
    """Ctrl+`key` on the list opens a step dialog; `work` fills it in."""
    to_list(qtbot, tab)
    modal(qtbot, lambda: qtbot.keyClick(tab.view, key, CTRL), work)


def select(qtbot: QtBot, win: MainWindow, key: str, rid: int) -> Any:
    """Bring register `key` to the front with row `rid` current, the focus in its list."""
    tab = win.show_register(key)
    tab.ensure_loaded()
    assert tab.select_id(rid)
    to_list(qtbot, tab)
    return tab


def due_ids(win: MainWindow) -> set[tuple[str, int]]:
    return {(ln.register, ln.record_id) for s in win.home.sections or [] if s.key == "due"
            for ln in s.lines}  # fmt: skip


def test_a_document_through_its_steps_then_filed_and_supervised(
    qtbot: QtBot, store: Store, qsettings: QSettings, messages: Messages
) -> None:
    from officedesk.storage import settings

    # 15 days of 临期: 2 working days stay on 工作台 across any holiday.
    settings.set_many(store, {"fonds_no": "Z109", "unit_name": "青山林业局", "due_soon_days": 15})
    doc_id = add_document(store)
    win = open_window(qtbot, store, qsettings)
    tab = select(qtbot, win, INCOMING_DOCUMENT.key, doc_id)

    def instruct(d: QDialog) -> None:
        fill(qtbot, d, "leader", "张局长")
        fill(qtbot, d, "text", "请林政科抓紧办理，列入督办。")
        save(qtbot, d, ctrl=True)

    step(qtbot, tab, Qt.Key.Key_2, instruct)

    def assign(d: QDialog) -> None:
        fill(qtbot, d, "lead_dept", "林政科")
        fill(qtbot, d, "handler", "赵强")
        type_text(qtbot, tab_to(qtbot, d, "due_date"), "2")
        save(qtbot, d)

    step(qtbot, tab, Qt.Key.Key_3, assign)
    doc = records.get(store, INCOMING_DOCUMENT, doc_id)
    assert (doc["status"], doc["lead_dept"]) == ("办理中", "林政科") and doc["due_date"]

    # 立为督办 from the 批示: the item names its source.
    to_list(qtbot, tab)
    qtbot.keyClick(tab.view, Qt.Key.Key_D, CTRL | SHIFT)
    item = store.read_dicts("SELECT id, serial, source, source_register, source_id, source_text "
                            "FROM supervision_item")  # fmt: skip
    assert len(item) == 1 and item[0]["source"] == "领导批示"
    assert (item[0]["source_register"], item[0]["source_id"]) == ("documents", doc_id)
    assert item[0]["source_text"] == f"{doc['serial']}《关于做好冬季森林防火工作的通知》"
    home_loaded(qtbot, win)
    assert ("documents", doc_id) in due_ids(win) and ("supervision", item[0]["id"]) in due_ids(win)

    tab = select(qtbot, win, INCOMING_DOCUMENT.key, doc_id)

    def finish(d: QDialog) -> None:
        fill(qtbot, d, "result", "已部署冬季防火并报省局。")
        save(qtbot, d, ctrl=True)  # Ctrl+Enter saves from a several-line box

    step(qtbot, tab, Qt.Key.Key_7, finish)
    assert records.get(store, INCOMING_DOCUMENT, doc_id)["status"] == "已办结"

    # 归档… (Ctrl+Shift+G): Enter in the review list files it.
    to_list(qtbot, tab)
    modal(qtbot, lambda: qtbot.keyClick(tab.view, Qt.Key.Key_G, CTRL | SHIFT),
          lambda d: qtbot.keyClick(d, Qt.Key.Key_Return))  # fmt: skip
    doc = records.get(store, INCOMING_DOCUMENT, doc_id)
    piece = store.read_dicts("SELECT id, archive_no, title FROM archive_item WHERE document_id = ?",
                             (doc_id,))  # fmt: skip
    assert len(piece) == 1 and piece[0]["archive_no"].startswith(f"Z109-WS·{TODAY.year}-")
    assert (doc["status"], doc["archive_no"]) == ("已归档", piece[0]["archive_no"])
    assert tab.select_id(doc_id)
    status_col = [c.key for c in tab.model.columns].index("status")
    assert tab.model.index(tab.selected_rows()[0], status_col).data() == "已归档"
    home_loaded(qtbot, win)
    assert ("documents", doc_id) not in due_ids(win)
    assert not any("冬季森林防火工作的通知》" in t for t in win.home.line_texts())

    # 打开来源 on the 督办 item brings this 收文 to the front, its form open.
    sup = select(qtbot, win, SUPERVISION.key, item[0]["id"])
    forms: list[tuple[str, int | None]] = []

    def look(d: QDialog) -> None:
        assert isinstance(d, RecordForm)
        forms.append((d.register.key, d.record_id))

    modal(qtbot, lambda: qtbot.keyClick(sup.view, Qt.Key.Key_O, CTRL | SHIFT), look)
    assert forms == [("documents", doc_id)]
    assert win.current_register_tab() is win.register_tabs["documents"]
    assert messages.warnings == []


def test_a_meeting_decision_to_supervision_opens_the_meeting(
    qtbot: QtBot, store: Store, qsettings: QSettings, messages: Messages, answers: list[str]
) -> None:
    mid = add_meeting(store)
    meeting_minutes.save_minutes(store, mid, "研究冬季防火。", [
        {"text": "开展冬季防火隐患排查", "lead_unit": "防火办", "owner": "孙伟",
         "due_date": (TODAY + dt.timedelta(days=10)).isoformat()}])  # fmt: skip
    win = open_window(qtbot, store, qsettings)
    assert any("森林防火专题会" in t for t in win.home.line_texts())
    tab = select(qtbot, win, MEETING.key, mid)
    assert tab.current_id() == mid

    def convert(d: QDialog) -> None:
        d.decisions.table.setCurrentCell(0, 0)  # type: ignore[attr-defined]
        d.supervise_button.setFocus()  # type: ignore[attr-defined]
        qtbot.keyClick(d.supervise_button, Qt.Key.Key_Space)  # type: ignore[attr-defined]
        assert d.decisions.cell(0, "supervision") == "已转督办"  # type: ignore[attr-defined]
        qtbot.keyClick(d, Qt.Key.Key_Escape)

    focus = QApplication.focusWidget()
    modal(qtbot, lambda: qtbot.keyClick(focus, Qt.Key.Key_M, CTRL), convert)
    item = store.read_dicts("SELECT id, source, content, source_register, source_id, source_text "
                            "FROM supervision_item")  # fmt: skip
    assert len(item) == 1 and item[0]["source"] == "会议决定"
    assert (item[0]["source_register"], item[0]["source_id"]) == ("meetings", mid)
    assert item[0]["source_text"] == f"森林防火专题会（{TODAY.isoformat()}）"
    assert answers and answers[-1].startswith("已登记督办事项 督〔")

    sup = select(qtbot, win, SUPERVISION.key, item[0]["id"])
    source_col = [c.key for c in sup.model.columns].index("source_text") if any(
        c.key == "source_text" for c in sup.model.columns) else None  # fmt: skip
    if source_col is not None:
        assert sup.model.index(sup.selected_rows()[0], source_col).data() == item[0]["source_text"]
    forms: list[tuple[str, int | None]] = []

    def look(d: QDialog) -> None:
        assert isinstance(d, RecordForm)
        forms.append((d.register.key, d.record_id))

    modal(qtbot, lambda: qtbot.keyClick(sup.view, Qt.Key.Key_O, CTRL | SHIFT), look)
    assert forms == [("meetings", mid)]
    assert win.current_register_tab() is win.register_tabs["meetings"]
    assert messages.warnings == []


# -- 4. Void (Del) and restore (回收站) across the areas ---------------------------------------


def void_current(qtbot: QtBot, tab: Any) -> None:
    """Del on the list (the reason is asked for: answered by the `answers` fixture)."""
    to_list(qtbot, tab)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)


def restore_from_bin(qtbot: QtBot, tab: Any, rid: int) -> None:
    """回收站 from the toolbar; the row selected; 恢复 (Space on the button); Esc closes the bin."""

    def work(d: QDialog) -> None:
        # A plain key first: selectRow reads the modifiers of the last key event (Ctrl+Shift+O).
        qtbot.keyClick(d.view, Qt.Key.Key_Home)  # type: ignore[attr-defined]
        assert d.select_id(rid) and d.selected_ids() == [rid]  # type: ignore[attr-defined]
        button = d.restore_button  # type: ignore[attr-defined]
        button.setFocus()  # Alt+R is the mnemonic: offscreen Qt does not deliver mnemonics
        qtbot.keyClick(button, Qt.Key.Key_Space)
        assert d.restored == [rid], d.restored  # type: ignore[attr-defined]
        qtbot.keyClick(d, Qt.Key.Key_Escape)

    to_list(qtbot, tab)
    modal(qtbot, tab.bin_action.trigger, work)


def voided(store: Store, register: Any, rid: int) -> bool:
    return bool(store.read(f"SELECT voided_at FROM [{register.table}] WHERE id = ?", (rid,))[0][0])


def test_void_and_restore_in_every_tab(
    qtbot: QtBot, store: Store, qsettings: QSettings, messages: Messages, answers: list[str]
) -> None:
    demo.fill(store, 40, today=TODAY)
    win = open_window(qtbot, store, qsettings)
    for key, tab in win.register_tabs.items():
        win.show_register(key)
        tab.ensure_loaded()
        rid = tab.model.record_id(0)
        assert rid is not None, key
        assert tab.select_id(rid)
        before = tab.model.rowCount()
        void_current(qtbot, tab)
        assert voided(store, tab.register, rid), key
        assert tab.model.rowCount() == before - 1 and tab.model.find_row(rid) is None, key
        assert win.count_label.text().endswith(f"共 {before - 1:,} 条"), (
            key,
            win.count_label.text(),
        )
        restore_from_bin(qtbot, tab, rid)
        assert not voided(store, tab.register, rid), key
        assert tab.model.rowCount() == before, key
        assert tab.current_id() == rid, key  # the restored row is selected
    assert messages.warnings == []


def supervised_document(store: Store, title: str) -> tuple[int, int]:
    """A 收文 with a 批示, made a 督办 item: (收文 id, item id)."""
    from officedesk.storage import supervision

    doc_id = add_document(store, title)
    records.update(store, INCOMING_DOCUMENT, doc_id, {
        "instruction": "请抓紧办理。（张局长）", "instructed_by": "张局长", "instructed_on": TODAY,
        "lead_dept": "林政科"})  # fmt: skip
    return doc_id, int(supervision.create_from_document(store, doc_id, TODAY)["id"])


def test_open_source_of_a_voided_document_or_meeting_says_so(
    qtbot: QtBot, store: Store, qsettings: QSettings, messages: Messages, answers: list[str]
) -> None:
    other, _ = supervised_document(store, "关于林长制工作的意见")
    doc_id, item_id = supervised_document(store, "关于做好冬季森林防火工作的通知")
    mid = add_meeting(store)
    meeting_minutes.save_minutes(store, mid, "", [{"text": "开展冬季防火隐患排查"}])
    decision = meeting_minutes.decisions(store, mid)[0]["id"]
    meeting_item = int(meeting_minutes.to_supervision(store, decision)["id"])
    win = open_window(qtbot, store, qsettings)

    # The 收文 is voided (Del); its 督办 item stays, and 打开来源 must not open another 收文.
    select(qtbot, win, INCOMING_DOCUMENT.key, other)  # the row current when the other goes
    tab = select(qtbot, win, INCOMING_DOCUMENT.key, doc_id)
    void_current(qtbot, tab)
    assert voided(store, INCOMING_DOCUMENT, doc_id)
    forms: list[tuple[str, int | None]] = []

    def look(d: QDialog) -> None:
        forms.append((d.register.key, d.record_id))  # type: ignore[attr-defined]

    for key, rid, item in (("documents", doc_id, item_id), ("meetings", mid, meeting_item)):
        if key == "meetings":
            tab = select(qtbot, win, MEETING.key, mid)
            void_current(qtbot, tab)
            assert voided(store, MEETING, mid)
        sup = select(qtbot, win, SUPERVISION.key, item)
        press = lambda sup=sup: qtbot.keyClick(sup.view, Qt.Key.Key_O, CTRL | SHIFT)  # noqa: E731
        opened = dialogs_during(qtbot, press)
        assert opened == [], f"打开来源 of a voided {key} opened {opened}"
        assert messages.warnings and "作废" in messages.warnings[-1], messages.warnings
        assert "回收站" in messages.warnings[-1]

        # Restored from the 回收站, 打开来源 opens it again.
        restore_from_bin(qtbot, win.show_register(key), rid)
        sup = select(qtbot, win, SUPERVISION.key, item)
        modal(qtbot, lambda sup=sup: qtbot.keyClick(sup.view, Qt.Key.Key_O, CTRL | SHIFT), look)
        assert forms == [(key, rid)]
        forms.clear()
    assert [a for a in answers if "失败" in a] == []


def filed_document(store: Store) -> tuple[int, dict[str, Any]]:
    """A 收文, 办结 today and filed as a 件 of 全宗 Z109: (its id, the 件)."""
    from officedesk.storage import archive, settings

    settings.set_many(store, {"fonds_no": "Z109"})
    doc_id = add_document(store)
    records.update(store, INCOMING_DOCUMENT, doc_id, {"status": "已办结", "done_on": TODAY})
    return doc_id, archive.file_document(store, doc_id)


def test_voiding_a_filed_documents_piece_sends_the_document_back(
    qtbot: QtBot, store: Store, qsettings: QSettings, messages: Messages, answers: list[str]
) -> None:
    from officedesk.core.registers import ARCHIVE_ITEM

    doc_id, piece = filed_document(store)
    win = open_window(qtbot, store, qsettings)
    docs = select(qtbot, win, INCOMING_DOCUMENT.key, doc_id)
    status_col = [c.key for c in docs.model.columns].index("status")
    assert docs.model.index(docs.model.find_row(doc_id), status_col).data() == "已归档"

    tab = select(qtbot, win, ARCHIVE_ITEM.key, int(piece["id"]))
    void_current(qtbot, tab)
    doc = records.get(store, INCOMING_DOCUMENT, doc_id)
    assert voided(store, ARCHIVE_ITEM, int(piece["id"]))
    assert (doc["status"], doc["archive_no"]) == ("待归档", None)
    # The 收文 list follows when it is shown again.
    win.show_register(INCOMING_DOCUMENT.key)
    assert docs.model.index(docs.model.find_row(doc_id), status_col).data() == "待归档"
    assert answers == []


def test_restoring_a_voided_piece_files_its_document_again(
    qtbot: QtBot, store: Store, qsettings: QSettings, messages: Messages, answers: list[str]
) -> None:
    from officedesk.core.registers import ARCHIVE_ITEM

    doc_id, piece = filed_document(store)
    win = open_window(qtbot, store, qsettings)
    tab = select(qtbot, win, ARCHIVE_ITEM.key, int(piece["id"]))
    void_current(qtbot, tab)
    restore_from_bin(qtbot, tab, int(piece["id"]))
    doc = records.get(store, INCOMING_DOCUMENT, doc_id)
    assert (doc["status"], doc["archive_no"]) == ("已归档", piece["archive_no"])


# -- 5. Settings: 临期提醒天数 and the unit's name -----------------------------------------------


def test_settings_reach_home_lists_and_title(
    qtbot: QtBot, store: Store, qsettings: QSettings, messages: Messages
) -> None:
    from officedesk.storage import supervision

    doc_id = add_document(store)
    records.update(store, INCOMING_DOCUMENT, doc_id, {
        "due_date": TODAY + dt.timedelta(days=5), "lead_dept": "林政科"})  # fmt: skip
    item = supervision.create_item(store, {
        "assigned_on": TODAY, "content": "冬季防火隐患排查", "lead_unit": "防火办",
        "due_date": TODAY + dt.timedelta(days=4)})  # fmt: skip
    win = open_window(qtbot, store, qsettings)
    assert win.windowTitle() == "办公桌 — 某某林业局"
    assert win.home.setup_box.isVisible()
    assert due_ids(win) == set()
    sup = win.show_register(SUPERVISION.key)
    sup.ensure_loaded()
    status_col = [c.key for c in sup.model.columns].index("status")
    assert sup.model.index(sup.model.find_row(item["id"]), status_col).data() == "在办"
    home_loaded(qtbot, win)

    def change(d: QDialog) -> None:
        editors = d.editors  # type: ignore[attr-defined]
        type_text(qtbot, editors["unit_name"], "青山国有林场", replace=True)
        days = editors["due_soon_days"]
        days.setFocus()
        days.selectAll()
        type_text(qtbot, days, "5")
        qtbot.keyClick(days, Qt.Key.Key_Return)

    modal(qtbot, win.settings_action.trigger, change)
    assert messages.warnings == []
    assert win.windowTitle() == "办公桌 — 青山国有林场"
    home_loaded(qtbot, win)
    assert not win.home.setup_box.isVisible()
    assert due_ids(win) == {("documents", doc_id), ("supervision", item["id"])}
    assert "  5日内到期（2 项）" in win.home.line_texts()
    sup = win.show_register(SUPERVISION.key)
    assert sup.model.index(sup.model.find_row(item["id"]), status_col).data() == "临期"


def test_del_in_the_week_view_voids_the_meeting_picked_there(
    qtbot: QtBot,
    store: Store,
    qsettings: QSettings,
    messages: Messages,
    answers: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mid = add_meeting(store)
    win = open_window(qtbot, store, qsettings)
    tab = win.show_register(MEETING.key)
    tab.ensure_loaded()
    assert tab.pages.currentIndex() == 1  # the week view is in front
    tab.view.clearSelection()  # the list (hidden) has nothing selected: the week view decides
    tab.week.grid.select(mid)
    tab.week.grid.setFocus()
    asked: list[str] = []
    monkeypatch.setattr(
        ui_messages, "ask_text", lambda _p, _t, text, *a, **k: asked.append(text) or "改期"
    )
    qtbot.keyClick(tab.week.grid, Qt.Key.Key_Delete)
    assert voided(store, MEETING, mid)
    assert asked and "森林防火专题会" in asked[0]
    assert answers == []


def test_the_keyboard_moves_between_the_top_tabs(
    qtbot: QtBot, store: Store, qsettings: QSettings, messages: Messages
) -> None:
    win = open_window(qtbot, store, qsettings)
    names = [win.tabs.tabText(i) for i in range(win.tabs.count())]
    docs = win.show_register(INCOMING_DOCUMENT.key)
    to_list(qtbot, docs)
    seen = [win.tabs.tabText(win.tabs.currentIndex())]
    for _ in range(len(names)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, CTRL)
        seen.append(win.tabs.tabText(win.tabs.currentIndex()))
    assert seen == [*names[1:], names[0], names[1]]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, CTRL)
    assert win.tabs.currentIndex() == 0
    for i, name in enumerate(names):
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key(Qt.Key.Key_1 + i), Qt.KeyboardModifier.AltModifier
        )
        assert win.tabs.tabText(win.tabs.currentIndex()) == name
        assert win.tabs.tabToolTip(i).startswith(f"Alt+{i + 1}")
    # Alt+5 again goes through 接待's sub-tabs.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert win.current_register_tab() is win.register_tabs["visitors"]
    shown = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
        shown.append(win.current_register_tab().register.key)  # type: ignore[union-attr]
    assert shown == ["receptions", "petitions", "visitors"]
    assert "来访登记/公务接待/信访" in win.tabs.tabToolTip(4)
    # In the week view (the grid has the focus) PgDown turns the week, Home comes back.
    meetings = win.show_register(MEETING.key)
    monday = meetings.week.monday
    qtbot.keyClick(meetings.week.grid, Qt.Key.Key_PageDown)
    assert meetings.week.monday == monday + dt.timedelta(days=7)
    qtbot.keyClick(meetings.week.grid, Qt.Key.Key_Home)
    assert meetings.week.monday == monday
    assert win.current_register_tab() is meetings


def test_a_tab_brought_up_by_keyboard_acts_on_its_current_row(
    qtbot: QtBot, store: Store, qsettings: QSettings, messages: Messages
) -> None:
    first = add_document(store, "关于林长制工作的意见")
    add_document(store)
    win = open_window(qtbot, store, qsettings)
    qtbot.keyClick(win.home.tree, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    tab = win.register_tabs[INCOMING_DOCUMENT.key]
    assert win.current_register_tab() is tab and QApplication.focusWidget() is tab.view
    newest = tab.model.record_id(0)
    assert newest != first and tab.current_id() == newest  # the row shown current is selected
    forms: list[int | None] = []
    modal(qtbot, lambda: qtbot.keyClick(tab.view, Qt.Key.Key_F2),
          lambda d: forms.append(d.record_id))  # type: ignore[attr-defined]  # fmt: skip
    assert forms == [newest]


def test_loans_are_made_from_the_archive_list(
    qtbot: QtBot, store: Store, qsettings: QSettings, messages: Messages
) -> None:
    """借阅登记's 新建 would make a loan tied to no 件: it points to 借出 on the 档案 list."""
    win = MainWindow(store, qsettings=qsettings, remember=False)
    qtbot.addWidget(win)
    tab = win.show_register("archive_loans")
    assert not tab.new_action.isEnabled()
    tab.new_record()
    assert messages.warnings == ["借阅请在「档案」列表中选中要借出的文件，再按「借出…」登记。"]
    assert store.read("SELECT count(*) FROM archive_loan")[0][0] == 0


def test_home_keeps_the_short_sections_in_sight_beside_the_due_list(
    qtbot: QtBot, store: Store, qsettings: QSettings
) -> None:
    """At 1366 × 768 the due list fills the screen; today's meetings and the visitors on site
    sit in their own pane beside it instead of below the fold."""
    demo.fill(store, 40, today=TODAY)
    win = open_window(qtbot, store, qsettings)
    left = [win.home.tree.topLevelItem(i).text(0) for i in range(win.home.tree.topLevelItemCount())]
    side = win.home.side_tree
    right = [side.topLevelItem(i).text(0) for i in range(side.topLevelItemCount())]
    assert [t.split("（")[0] for t in left] == ["收文与督办到期"]
    assert {t.split("（")[0] for t in right} >= {"今日会议", "在场访客"}
    assert side.isVisible() and side.width() > 300
    # Each pane keeps its own current line; Tab moves between them, Enter opens from either.
    win.home.tree.setFocus()
    qtbot.keyClick(win.home.tree, Qt.Key.Key_Tab)
    assert side.hasFocus()

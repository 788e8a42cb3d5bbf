"""来访登记: the quick entry line, the still-on-site list, 离开 in one key, purge, full-ID export.

The quick line covers the common case (来访人, 单位, 事由, 被访人; Enter saves, 到达时间 now). Typing
a few characters of a name, or its pinyin initials, offers the people who came before; Enter (or
Tab) takes the highlighted one, or the first, and fills 单位, 被访人 and 证件 from the last visit.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from officedesk.core.fields import Record, reveal_sensitive
from officedesk.core.reception import mask_id_number
from officedesk.core.registers import VISITOR
from officedesk.storage import directory
from officedesk.storage import reception as rs
from officedesk.storage.db import Store
from officedesk.storage.errors import StorageError, ValidationError
from officedesk.ui import messages, widgets
from officedesk.ui.changes import Changes
from officedesk.ui.register_tab import RegisterTab
from officedesk.ui.tasks import Progress, run_with_progress

QUICK_FIELDS = (("name", "来访人"), ("unit", "单位"), ("purpose", "事由"), ("host", "被访人"))
REQUIRED = ("name", "purpose", "host")


class ReturningVisitorCompleter(QCompleter):
    """Offers earlier visitors matching the typed name or initials; Enter/Tab takes one."""

    def __init__(self, store: Store, line_edit: QLineEdit, on_accept: Any) -> None:
        super().__init__(line_edit)
        self.store = store
        self._line_edit = line_edit
        self._on_accept = on_accept
        self._model = QStringListModel(self)
        self.found: list[Record] = []
        self.setModel(self._model)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setMaxVisibleItems(8)
        self.setWidget(line_edit)
        line_edit.textEdited.connect(self.refresh)

    def refresh(self, text: str) -> None:
        """Look the typed text up and show (or hide) the list."""
        try:
            self.found = rs.returning_visitors(self.store, text) if text.strip() else []
        except StorageError:
            self.found = []
        self._model.setStringList([_offer_text(r) for r in self.found])
        if self.found and self._line_edit.hasFocus():
            self.complete()
        else:
            self.popup().hide()

    def offers(self) -> list[str]:
        """What the list shows now."""
        return list(self._model.stringList())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        popup = self.popup()
        if watched is popup and event.type() == QEvent.Type.KeyPress and popup.isVisible():
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
                index = popup.currentIndex()
                row = index.row() if index.isValid() else 0
                popup.hide()
                if 0 <= row < len(self.found):
                    self._on_accept(self.found[row])
                return True
            if event.key() == Qt.Key.Key_Escape:
                popup.hide()
                return True
        return super().eventFilter(watched, event)


def _offer_text(r: Record) -> str:
    when = r["arrived_at"].strftime("%Y-%m-%d") if r.get("arrived_at") else ""
    unit = r.get("unit") or "（无单位）"
    return f"{r['name']}　{unit}　上次 {when} 访 {r.get('host') or ''}"


class VisitorTab(RegisterTab):
    """The visitor log with its quick entry line and the list of visitors still on site."""

    def __init__(
        self,
        store: Store,
        register: Any = VISITOR,
        changes: Changes | None = None,
        parent: QWidget | None = None,
        *,
        load: bool = True,
    ) -> None:
        super().__init__(store, register, changes, parent, load=load)
        self.carried: Record = {}  # what a returning visitor brought along (证件, 电话…)
        self._build_quick_line()
        self._build_on_site()
        self.leave_action = self.add_record_action(
            self.tr("离开"), self.mark_left, "F8",
            tooltip=self.tr("把选中的访客标记为已离开，离开时间为现在（F8）"), needs="none",
        )  # fmt: skip
        self.purge_action = self.add_record_action(
            self.tr("清理过期记录…"), self.purge, None,
            tooltip=self.tr("删除超过保留期限的来访记录（保留月数见 设置 → 接待）"), needs="none",
        )  # fmt: skip
        self.full_export_action = self.add_record_action(
            self.tr("导出完整证件号…"), self.export_full_ids, None,
            tooltip=self.tr("仅本次导出显示完整证件号码；平时导出、打印只显示前 6 位和后 4 位"),
            needs="none",
        )  # fmt: skip
        self.quick_action = self._action(self.tr("快速登记"), self.focus_quick_line, "F6")
        self._build_log_menu()
        self.load_on_site()

    # -- building --------------------------------------------------------------------------

    def _build_quick_line(self) -> None:
        box = QGroupBox(
            self.tr("快速登记（F6）：输入姓名或拼音首字母可调出老访客，Enter 保存"), self
        )
        row = QHBoxLayout(box)
        row.setContentsMargins(6, 4, 6, 4)
        self.quick: dict[str, QLineEdit] = {}
        for name, label in QUICK_FIELDS:
            row.addWidget(QLabel(self.tr(label), box))
            edit = QLineEdit(box)
            edit.setObjectName(f"quick_{name}")
            edit.setAccessibleName(label)
            edit.returnPressed.connect(self.save_quick)
            ems = {"name": 6, "unit": 12, "purpose": 12, "host": 7}[name]
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("国") * ems)
            row.addWidget(edit, ems)
            self.quick[name] = edit
        self.quick["name"].setPlaceholderText(self.tr("姓名或 zs"))
        self.quick["purpose"].setPlaceholderText(self.tr("必填"))
        self.quick["host"].setPlaceholderText(self.tr("部门或人员"))
        self.completer = ReturningVisitorCompleter(
            self.store, self.quick["name"], self.accept_visitor
        )
        # Enter on an open list takes its first name and does not save yet (as in the forms).
        for key, kind in (("unit", "units"), ("host", "people")):
            widgets.DirectoryCompleter(
                lambda typed, k=kind: directory.complete(self.store, k, typed), self.quick[key]
            )
        self.quick["name"].textEdited.connect(self._name_typed)
        self.carried_label = QLabel(box)
        self.carried_label.setStyleSheet("color:#555;")
        row.addWidget(self.carried_label)
        save = QPushButton(self.tr("登记"), box)
        save.setToolTip(self.tr("保存这条来访（Enter），到达时间为现在"))
        save.clicked.connect(self.save_quick)
        row.addWidget(save)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, box)
        self.quick_box = box

    def _build_on_site(self) -> None:
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        index = layout.indexOf(self.view)
        layout.takeAt(index)
        side = QGroupBox(self.tr("在场访客"), self)
        box = QVBoxLayout(side)
        self.on_site_list = QListWidget(side)
        self.on_site_list.setObjectName("onSite")
        self.on_site_list.setToolTip(self.tr("尚未离开的访客；选中后按 F8 标记离开"))
        self.on_site_list.itemActivated.connect(lambda item: self.select_id(item.data(_ID)))
        box.addWidget(self.on_site_list)
        hint = QLabel(self.tr("选中后按 F8 标记离开"), side)
        hint.setStyleSheet("color:#777;")
        box.addWidget(hint)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 300])
        layout.insertWidget(index, splitter, 1)

    def _build_log_menu(self) -> None:
        """日志: today's and this month's log, printed or exported like every register."""
        self.log_menu = QMenu(self.tr("来访日志"), self)
        self.log_actions: dict[tuple[str, str], QAction] = {}
        for kind, label in (("日", self.tr("今日")), ("月", self.tr("本月"))):
            act = self.log_menu.addAction(self.tr("打印{p}来访登记…").format(p=label))
            act.triggered.connect(lambda _c=False, k=kind: self.print_log(k))
            self.log_actions[("print", kind)] = act
        self.log_menu.addSeparator()
        for kind, label in (("日", self.tr("今日")), ("月", self.tr("本月"))):
            act = self.log_menu.addAction(self.tr("导出{p}来访登记…").format(p=label))
            act.triggered.connect(lambda _c=False, k=kind: self.export_log(k))
            self.log_actions[("export", kind)] = act
        button = QToolButton(self)
        button.setText(self.tr("来访日志"))
        button.setToolTip(
            self.tr("打印或导出今日、本月的来访登记（证件号码只显示前 6 位和后 4 位）")
        )
        button.setMenu(self.log_menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.insertWidget(self.export_action, button)

    def print_log(self, kind: str) -> None:
        """Preview and print today's ("日") or this month's ("月") log."""
        from officedesk import reception_docs
        from officedesk.printing.service import print_with_preview

        try:
            job = reception_docs.visitor_log_job(self.store, kind, dt.date.today())
            if print_with_preview(job, self):
                self.status_message.emit(self.tr("已发送到打印机"))
        except Exception as exc:
            messages.show_error(self, exc, self.tr("打印失败"))

    def export_log(self, kind: str) -> None:
        """Export today's or this month's log (.xlsx .docx .csv .pdf by the name's suffix)."""
        from officedesk import reception_docs

        today = dt.date.today()
        _, _, subtitle = rs.log_period(kind, today)
        default = str(Path.home() / f"{VISITOR.title}_{subtitle}.xlsx")
        path = messages.ask_save_path(
            self, self.tr("导出来访登记"), default,
            "Excel (*.xlsx);;Word (*.docx);;CSV (*.csv);;PDF (*.pdf)",
        )  # fmt: skip
        if not path:
            return
        try:
            n = reception_docs.write_visitor_log(self.store, kind, today, Path(path))
        except Exception as exc:
            messages.show_error(self, exc, self.tr("导出失败"))
            return
        self.status_message.emit(self.tr("已导出 {n} 条到 {p}").format(n=n, p=path))

    # -- the on-site list --------------------------------------------------------------------

    def load_on_site(self) -> None:
        """Re-read the visitors still on site."""
        self.on_site_list.clear()
        try:
            visitors = rs.on_site(self.store)
        except StorageError as exc:
            messages.show_error(self, exc, self.tr("读取失败"))
            return
        today = dt.date.today()
        for v in visitors:
            arrived: dt.datetime = v["arrived_at"]
            when = arrived.strftime("%H:%M" if arrived.date() == today else "%m-%d %H:%M")
            unit = f"（{v['unit']}）" if v.get("unit") else ""
            item = QListWidgetItem(f"{when}  {v['name']}{unit} → {v.get('host') or ''}")
            item.setData(_ID, int(v["id"]))
            self.on_site_list.addItem(item)
        if self.on_site_list.count():
            self.on_site_list.setCurrentRow(0)
        group = self.on_site_list.parentWidget()
        if isinstance(group, QGroupBox):
            group.setTitle(self.tr("在场访客（{n}）").format(n=len(visitors)))

    def refresh(self) -> None:
        super().refresh()
        self.load_on_site()

    def mark_left(self) -> None:
        """离开: the visitors selected in the on-site list (when it has the focus) or the table."""
        if self.on_site_list.hasFocus():
            items = self.on_site_list.selectedItems() or (
                [self.on_site_list.currentItem()] if self.on_site_list.currentItem() else []
            )
            ids = [int(i.data(_ID)) for i in items]
        else:
            ids = self.selected_ids()
        if not ids:
            self.status_message.emit(self.tr("请先选中要标记离开的访客"))
            return
        try:
            n = rs.mark_left(self.store, ids)
        except StorageError as exc:
            messages.show_error(self, exc, self.tr("标记离开失败"))
            return
        self._changed()
        if self.changes is not None:
            self.load_on_site()
        self.status_message.emit(self.tr("已标记 {n} 位访客离开").format(n=n))
        if self.on_site_list.count():
            self.on_site_list.setFocus()

    # -- the quick line ----------------------------------------------------------------------

    def focus_quick_line(self) -> None:
        """F6: start a new quick entry."""
        self.quick["name"].setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.quick["name"].selectAll()

    def _name_typed(self, _text: str) -> None:
        # A different name: what the last pick carried no longer belongs to it.
        if self.carried and self.quick["name"].text().strip() != self.carried.get("name"):
            self.carried = {}
            self.carried_label.clear()

    def accept_visitor(self, last: Record) -> None:
        """Fill the line from `last` (their latest visit) and go on to 事由."""
        self.carried = {k: last.get(k) for k in rs.CARRIED_OVER if last.get(k) not in (None, "")}
        self.quick["name"].setText(str(last.get("name") or ""))
        self.quick["unit"].setText(str(last.get("unit") or ""))
        self.quick["host"].setText(str(last.get("host") or ""))
        parts = []
        if last.get("id_number"):
            parts.append(self.tr("证件 {n}").format(n=mask_id_number(str(last["id_number"]))))
        if last.get("phone"):
            parts.append(self.tr("电话 {p}").format(p=last["phone"]))
        self.carried_label.setText("　".join(parts))
        self.quick["purpose"].setFocus(Qt.FocusReason.OtherFocusReason)
        self.quick["purpose"].selectAll()

    def quick_values(self) -> Record:
        """The visit the quick line describes (with what a returning visitor carried over)."""
        values: Record = dict(self.carried)
        for name, edit in self.quick.items():
            values[name] = edit.text().strip()
        if self.carried and (values["name"], values["unit"]) != (
            self.carried.get("name"),
            self.carried.get("unit") or "",
        ):
            values = {k: v for k, v in values.items() if k in self.quick}  # another person now
        values["arrived_at"] = dt.datetime.now().replace(second=0, microsecond=0)
        return values

    def save_quick(self) -> Record | None:
        """Enter: save the visit; a missing field gets the cursor and a note, not a box."""
        if self.completer.popup().isVisible():
            return None
        values = self.quick_values()
        for name in REQUIRED:
            if not values.get(name):
                label = dict(QUICK_FIELDS)[name]
                self.status_message.emit(self.tr("请填写「{f}」").format(f=label))
                self.quick_box.setToolTip(self.tr("请填写「{f}」").format(f=label))
                self.quick[name].setFocus(Qt.FocusReason.OtherFocusReason)
                return None
        try:
            saved = rs.log_visit(self.store, values)
        except (ValidationError, StorageError) as exc:
            messages.show_error(self, exc, self.tr("无法登记"))
            return None
        for edit in self.quick.values():
            edit.clear()
        self.carried = {}
        self.carried_label.clear()
        self.quick["name"].setFocus(Qt.FocusReason.OtherFocusReason)
        self._changed()
        if self.changes is not None:
            self.load_on_site()
        self.status_message.emit(
            self.tr("已登记 {name}，{t} 到达").format(
                name=saved["name"], t=saved["arrived_at"].strftime("%H:%M"))
        )  # fmt: skip
        return saved

    # -- the full form, purge, export with full numbers ---------------------------------------

    def make_form(self, record_id: int | None) -> Any:
        from officedesk.ui.reception.visitor_form import VisitorForm

        return VisitorForm(self.store, record_id, self)

    def purge(self) -> None:
        """Delete visits older than the retention setting, after saying how many."""
        try:
            n, cutoff = rs.purge_count(self.store)
        except StorageError as exc:
            messages.show_error(self, exc)
            return
        if n == 0:
            messages.information(self, self.tr("清理过期记录"),
                                 self.tr("没有 {d} 之前的来访记录，无需清理。").format(d=cutoff))  # fmt: skip
            return
        question = self.tr(
            "将永久删除 {d} 之前的 {n} 条来访记录（含作废的），删除后不能恢复。\n"
            "个人信息按本单位规定只保留一定期限。确定删除吗？"
        ).format(d=cutoff, n=f"{n:,}")
        if not messages.ask(self, self.tr("清理过期记录"), question):
            return
        try:
            done = rs.purge_old_visits(self.store, cutoff)
        except StorageError as exc:
            messages.show_error(self, exc, self.tr("清理失败"))
            return
        self._changed()
        self.status_message.emit(self.tr("已删除 {n} 条过期来访记录").format(n=f"{done:,}"))

    def export_full_ids(self) -> None:
        """Export the current list once with the full 证件号码, after a deliberate confirmation."""
        from officedesk.export_service import SUFFIXES, default_filename, export_register

        question = self.tr(
            "本次导出的文件将包含完整的证件号码。请妥善保管该文件，用完及时删除。\n继续吗？"
        )
        if not messages.ask(self, self.tr("导出完整证件号"), question):
            return
        query = self.model.query
        default = str(Path.home() / default_filename(query).replace(".xlsx", "_完整证件号.xlsx"))
        path = messages.ask_save_path(self, self.tr("导出完整证件号"), default,
                                      "Excel (*.xlsx);;Word (*.docx);;CSV (*.csv);;PDF (*.pdf)")  # fmt: skip
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in SUFFIXES:
            messages.critical(
                self, self.tr("无法导出"), self.tr("请选择 .xlsx、.docx、.csv 或 .pdf。")
            )
            return

        def work(reader: Store, progress: Progress) -> int:
            with reveal_sensitive():  # in the worker thread, for this export only
                return export_register(reader, query, target, progress, progress.rows)

        def done(written: int) -> None:
            self.status_message.emit(
                self.tr("已导出 {n} 条（含完整证件号码）到 {p}").format(n=written, p=target)
            )

        self.running_task = run_with_progress(self, self.store, self.tr("导出"),
                                              self.tr("正在导出…"), work, done)  # fmt: skip


_ID = Qt.ItemDataRole.UserRole + 1

"""The list tab of one register: search, filters, the paged table, and the actions on its rows.

Generic over a `Register` declaration; the 收文 register gets its extras (附件, 处理单) because its
declaration is INCOMING_DOCUMENT. Export and print code is imported when first used.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from officedesk.core.fields import Field, Kind, Register
from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.export_service import SUFFIXES, default_filename, export_register, print_job
from officedesk.storage import query as queries
from officedesk.storage import records, settings
from officedesk.storage.db import Store
from officedesk.storage.query import Query
from officedesk.ui import messages
from officedesk.ui.changes import SETTINGS, Changes
from officedesk.ui.recycle_bin import can_void, notify_related, void_notes, void_rows
from officedesk.ui.register_model import RegisterModel
from officedesk.ui.register_view import FilterCombo, setup_table_view
from officedesk.ui.tasks import Progress, Task, run_with_progress

SEARCH_DELAY_MS = 250
PRINT_CONFIRM_ROWS = 2000  # above this, printing asks first (pages of paper)


@dataclass
class _Selection:
    """Where the clerk was before a refresh: to come back to the same id."""

    current_id: int | None
    selected_ids: list[int]
    row: int
    scroll: int


class RegisterTab(QWidget):
    """A register's list with its search box, filters and actions."""

    count_changed = Signal(int)  # rows in the list now
    status_message = Signal(str)  # a short note for the status bar

    def __init__(
        self,
        store: Store,
        register: Register,
        changes: Changes | None = None,
        parent: QWidget | None = None,
        *,
        load: bool = True,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.register = register
        self.changes = changes
        self._stale = False
        self._last_elapsed_ms: float | None = None
        self.running_task: Task | None = None  # the last export or print (tests wait on it)
        due_soon = int(settings.get(store, "due_soon_days"))
        self.model = RegisterModel(store, Query(register), due_soon_days=due_soon, load=load,
                                   parent=self)  # fmt: skip
        self.view = QTableView(self)
        self.view.setModel(self.model)
        setup_table_view(self.view, self.model)
        self.view.activated.connect(lambda _index: self.edit_record())  # Enter, double-click
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        header = self.view.horizontalHeader()
        header.sortIndicatorChanged.connect(self._sort_changed)

        self._build_actions()
        # Right-click on the list: what the toolbar offers for the selected records.
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.addActions([self.new_action, self.edit_action, self.void_action])
        self._build_filters()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.toolbar, 1)
        top.addWidget(self.count_label)
        layout.addLayout(top)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.view, 1)
        self.model.modelReset.connect(self._show_count)
        self._show_count()
        self._update_actions()

    # -- building ------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            # Only while the focus is in this tab: seven tabs share the same keys.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        is_doc = self.register.key == INCOMING_DOCUMENT.key
        self.new_action = self._action(
            self.tr("新建"), self.new_record, QKeySequence.StandardKey.New
        )
        self.edit_action = self._action(self.tr("修改"), self.edit_record, "F2")
        self.void_action = self._action(self.tr("作废"), self.void_selected,
                                        QKeySequence.StandardKey.Delete)  # fmt: skip
        self.bin_action = self._action(self.tr("回收站"), self.open_recycle_bin)
        self.export_action = self._action(self.tr("导出…"), self.export_view, "Ctrl+E")
        self.print_action = self._action(self.tr("打印…"), self.print_view, "Ctrl+P")
        self.find_action = self._action(self.tr("搜索"), self.focus_search, "Ctrl+F")
        self.new_action.setToolTip(self.tr("新建一条登记（Ctrl+N）"))
        self.edit_action.setToolTip(self.tr("修改选中的记录（Enter 或 F2）"))
        self.void_action.setToolTip(self.tr("作废选中的记录，可在回收站恢复（Del）"))
        self.export_action.setToolTip(
            self.tr("把当前列表（含筛选、搜索和排序）导出为 Excel、Word、CSV 或 PDF")
        )
        self.print_action.setToolTip(self.tr("打印当前列表，先预览"))

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.edit_action, self.void_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.bin_action)
        self.attach_action: QAction | None = None
        self.slip_menu: QMenu | None = None
        self.slip_actions: list[QAction] = []
        if is_doc:
            self.attach_action = self._action(self.tr("附件"), self.open_attachments)
            self.attach_action.setToolTip(self.tr("查看和添加原件扫描件、附件"))
            self.toolbar.addAction(self.attach_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.export_action)
        self.toolbar.addAction(self.print_action)
        self.record_actions: list[QAction] = []  # added by the areas: add_record_action
        if is_doc:
            self.slip_menu = QMenu(self.tr("处理单"), self)
            for variant in ("办文", "阅文"):
                act = self.slip_menu.addAction(self.tr(f"打印{variant}处理单…"))
                act.triggered.connect(lambda _c=False, v=variant: self.print_slip(v))
                self.slip_actions.append(act)
            self.slip_menu.addSeparator()
            for variant in ("办文", "阅文"):
                act = self.slip_menu.addAction(self.tr(f"导出{variant}处理单（Word）…"))
                act.triggered.connect(lambda _c=False, v=variant: self.export_slip(v))
                self.slip_actions.append(act)
            button = QToolButton(self)
            button.setText(self.tr("处理单"))
            button.setToolTip(self.tr("打印或导出选中收文的收文处理单（办文、阅文）"))
            button.setMenu(self.slip_menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self.toolbar.addWidget(button)

    def add_record_action(
        self,
        text: str,
        slot: Any,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        *,
        tooltip: str = "",
        needs: str = "one",
    ) -> QAction:
        """An action of this register's records (办结, 归档, 传阅…) that an area adds to the tab.

        It goes on the toolbar, in the list's right-click menu and in the 编辑 menu; `needs` is
        "one" (enabled with exactly one row selected), "some" (one or more) or "none" (always).
        """
        action = self._action(text, slot, shortcut)
        if tooltip:
            action.setToolTip(tooltip)
        action.setProperty("needs", needs)
        if not self.record_actions:
            self.toolbar.insertSeparator(self.export_action)
        self.toolbar.insertAction(self.export_action, action)
        self.record_actions.append(action)
        self.view.addAction(action)
        self._update_actions()
        return action

    def _build_filters(self) -> None:
        reg = self.register
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        labels = "/".join(f.label for f in reg.search_fields if f.name != "remarks")
        hint = self.tr("搜索 ") + labels
        if reg.has("remarks") and reg.field("remarks").searchable:
            hint += self.tr("/备注")
        if reg.pinyin_fields:
            hint += self.tr("，可用拼音首字母")
        self.search_edit.setPlaceholderText(hint)
        self.search_edit.setMinimumWidth(
            QFontMetrics(self.search_edit.font()).horizontalAdvance(hint) + 40
        )
        self.search_edit.installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())

        self.filter_row = QHBoxLayout()
        self.filter_row.setSpacing(6)
        self.filter_row.addWidget(self.search_edit, 1)
        self.filter_combos: dict[str, FilterCombo] = {}
        self.year_combo: FilterCombo | None = None
        if reg.date_field and not (reg.has("year") and reg.field("year").filterable):
            self.year_combo = FilterCombo(self.tr("全部年度"), self._year_items, parent=self)
            self.year_combo.setToolTip(self.tr("年度"))
            self.year_combo.value_changed.connect(self.apply_filters)
            self.filter_row.addWidget(self.year_combo)
        for f in reg.filter_fields:
            combo = self._filter_combo(f)
            self.filter_combos[f.name] = combo
            combo.value_changed.connect(self.apply_filters)
            self.filter_row.addWidget(QLabel(f.label, self))
            self.filter_row.addWidget(combo)
        self.overdue_check: QCheckBox | None = None
        if reg.due_field and reg.done_field:
            self.overdue_check = QCheckBox(self.tr("只看逾期"), self)
            self.overdue_check.setToolTip(self.tr("只显示已过办理时限、尚未办结的记录"))
            self.overdue_check.toggled.connect(lambda _on: self.apply_filters())
            self.filter_row.addWidget(self.overdue_check)

    def _year_items(self) -> list[tuple[str, Any]]:
        return [(f"{y}年", y) for y in queries.years(self.store, self.register)]

    def _filter_combo(self, f: Field) -> FilterCombo:
        everything = self.tr("全部")
        if f.choices:
            fixed = [(c, c) for c in f.choices if c]
            return FilterCombo(everything, lambda: fixed, parent=self, eager=True)

        def loader() -> list[tuple[str, Any]]:
            values = queries.distinct_values(self.store, self.register, f.name)
            if f.kind is Kind.INT:  # years and numbers: newest first, not most common first
                return [(str(v), v) for v in sorted((int(v) for v in values), reverse=True)]
            return [(v, v) for v in values]

        editable = f.kind is not Kind.INT
        combo = FilterCombo(everything, loader, parent=self, editable=editable)
        combo.setMinimumContentsLength(min(f.width, 12))
        return combo

    # -- the query -----------------------------------------------------------------------

    def current_query(self) -> Query:
        """The query the widgets describe, keeping the table's sort order."""
        filters = tuple(
            (name, combo.value()) for name, combo in self.filter_combos.items()
            if combo.value() is not None
        )  # fmt: skip
        year = self.year_combo.value() if self.year_combo is not None else None
        return self.model.query.with_(
            search=self.search_edit.text().strip(),
            filters=filters,
            year=year,
            overdue=bool(self.overdue_check and self.overdue_check.isChecked()),
        )

    def apply_filters(self) -> None:
        """Re-query with the search text and filters now in the widgets."""
        self._search_timer.stop()
        query = self.current_query()
        if query == self.model.query and self.model.loaded:
            return
        start = time.perf_counter()
        try:
            self.model.setQuery(query)
            self.model.prefetch(0)
        except Exception as exc:
            messages.show_error(self, exc, self.tr("查询失败"))
            return
        self._last_elapsed_ms = (time.perf_counter() - start) * 1000
        self._show_count()
        if self.model.rowCount():
            self.view.scrollToTop()

    def _sort_changed(self, section: int, _order: Qt.SortOrder) -> None:
        # The view already asked the model to sort; a column that cannot sort snaps back.
        if 0 <= section < len(self.model.columns) and not self.model.columns[section].sortable:
            wanted, order = self.model.sort_section()
            header = self.view.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(wanted, order)
            header.blockSignals(False)

    def ensure_loaded(self) -> None:
        """Count and show the rows if this tab has not loaded yet (first show)."""
        if not self.model.loaded:
            try:
                self.model.ensure_loaded()
            except Exception as exc:
                messages.show_error(self, exc, self.tr("读取失败"))
            self._show_count()

    def refresh(self) -> None:
        """Re-read the list after a change, keeping the selection on the same ids."""
        self._stale = False
        if not self.model.loaded:
            return
        state = self._remember()
        try:
            self.model.refresh()
        except Exception as exc:
            messages.show_error(self, exc, self.tr("读取失败"))
            return
        self._restore(state)
        self._show_count()

    def on_changed(self, key: str) -> None:
        """The change signal: refresh if this register changed (later, when the tab is hidden)."""
        if key == SETTINGS:
            self.model.set_due_soon_days(int(settings.get(self.store, "due_soon_days")))
            return
        if key != self.register.key:
            return
        if self.isVisibleTo(self.window()) or not self.window().isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.ensure_loaded()
        if self._stale:
            self.refresh()

    def _changed(self) -> None:
        if self.changes is not None:
            self.changes.notify(self.register.key)
        else:
            self.refresh()

    def _show_count(self) -> None:
        n = self.model.rowCount()
        text = self.tr("共 {n} 条").format(n=f"{n:,}") if self.model.loaded else ""
        if self._last_elapsed_ms is not None and self.model.query.search:
            text += self.tr("（用时 {ms} 毫秒）").format(ms=f"{self._last_elapsed_ms:.0f}")
        self.count_label.setText(text)
        self.count_changed.emit(n)
        self._update_actions()

    # -- selection -----------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        """The selected row numbers, in order."""
        return sorted({i.row() for i in self.view.selectionModel().selectedRows()})

    def selected_ids(self) -> list[int]:
        """The ids of the selected rows, in list order."""
        return [rid for r in self.selected_rows() if (rid := self.model.record_id(r)) is not None]

    def current_id(self) -> int | None:
        """The id of the current row (where the keyboard is), if it is selected."""
        index = self.view.currentIndex()
        if index.isValid() and self.view.selectionModel().isRowSelected(index.row()):
            return self.model.record_id(index.row())
        ids = self.selected_ids()
        return ids[0] if ids else None

    def select_id(self, record_id: int, near: int | None = None) -> bool:
        """Select and show the row of `record_id`; False when it is not in the list."""
        row = self.model.find_row(record_id, near)
        if row is None:
            return False
        self._select_row(row)
        return True

    def _select_row(self, row: int) -> None:
        # Through the selection model: the view's own calls read the keyboard modifiers, and
        # Ctrl still held from Ctrl+N would toggle the row off again.
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def _remember(self) -> _Selection:
        index = self.view.currentIndex()
        return _Selection(
            self.current_id(),
            self.selected_ids(),
            index.row() if index.isValid() else -1,
            self.view.verticalScrollBar().value(),
        )

    def _restore(self, state: _Selection) -> None:
        self.view.verticalScrollBar().setValue(state.scroll)
        if state.current_id is None:
            return
        row = self.model.find_row(state.current_id, state.row)
        if row is None and state.row >= 0 and self.model.rowCount():
            row = min(state.row, self.model.rowCount() - 1)  # the row went away: its neighbour
        if row is not None:
            self._select_row(row)

    def _update_actions(self, *_: Any) -> None:
        one = len(self.view.selectionModel().selectedRows()) == 1 if self.view.model() else False
        some = bool(self.view.selectionModel().selectedRows())
        self.edit_action.setEnabled(one)
        self.void_action.setEnabled(some)
        if self.attach_action is not None:
            self.attach_action.setEnabled(one)
        for action in self.slip_actions:
            action.setEnabled(one)
        for action in self.record_actions:
            needs = action.property("needs")
            action.setEnabled(one if needs == "one" else some if needs == "some" else True)
        has_rows = self.model.rowCount() > 0
        self.export_action.setEnabled(has_rows)
        self.print_action.setEnabled(has_rows)

    # -- keyboard ------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Esc in the search box clears it (a second Esc goes back to the table); Down enters it.
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Escape:
                if self.search_edit.text():
                    self.search_edit.clear()
                    self.apply_filters()
                else:
                    self.view.setFocus()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.apply_filters()
                return True
            if key == Qt.Key.Key_Down and self.model.rowCount():
                self.view.setFocus()
                if not self.selected_rows():
                    self._select_row(0)
                return True
        return super().eventFilter(watched, event)

    # -- actions on rows (forms are imported when first used) -----------------------------

    def make_form(self, record_id: int | None) -> QDialog:
        """The entry form of this register for a new (None) or existing record."""
        if self.register.key == INCOMING_DOCUMENT.key:
            from officedesk.ui.document_form import DocumentForm

            return DocumentForm(self.store, record_id, self)
        from officedesk.ui.record_form import RecordForm

        return RecordForm(self.store, self.register, record_id, self)

    def _run_form(
        self, record_id: int | None, prepare: Callable[[QDialog], None] | None = None
    ) -> None:
        try:
            form = self.make_form(record_id)
        except Exception as exc:
            messages.show_error(self, exc)
            return
        if prepare is not None:
            prepare(form)
        accepted = form.exec() == QDialog.DialogCode.Accepted
        saved = getattr(form, "saved_id", None) or record_id
        form.deleteLater()
        if not accepted:
            return
        self._changed()
        if saved is not None:
            near = self.view.currentIndex().row() if record_id is not None else 0
            self.select_id(int(saved), near)
            self.status_message.emit(self.tr("已保存"))

    def run_record_dialog(
        self, factory: Callable[[int], QDialog], record_id: int | None = None
    ) -> int | None:
        """Open the dialog `factory(id)` on a record (the current one unless given).

        A dialog that cannot be built shows its error. The record's id when the dialog
        changed something (its `changed` flag, else accepted), after the list is refreshed;
        None otherwise.
        """
        rid = self.current_id() if record_id is None else record_id
        if rid is None:
            return None
        try:
            dialog = factory(rid)
        except Exception as exc:
            messages.show_error(self, exc)
            return None
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        changed = bool(getattr(dialog, "changed", accepted))
        dialog.deleteLater()
        if not changed:
            return None
        self._changed()
        return rid

    def new_record(self) -> None:
        """Open the entry form for a new record."""
        self._run_form(None)

    def edit_record(self) -> None:
        """Open the entry form on the current record."""
        rid = self.current_id()
        if rid is not None:
            self._run_form(rid)

    def open_attachments(self) -> None:
        """The 收文 record's attachments (scans of the original), in its form."""
        rid = self.current_id()
        if rid is not None:
            self._run_form(rid, prepare=_show_attachments)

    def void_selected(self) -> None:
        """作废 the selected rows after asking why; they go to the recycle bin.

        The area's rules run with it (storage/lifecycle.py): what it also means is said in the
        question; a refusal is shown as a warning and then none of the rows is voided."""
        ids = self.selected_ids()
        if not ids:
            return
        if not can_void(self, self.store, self.register, ids):
            return
        if len(ids) == 1:
            # By id, not list row: the meetings' week view selects without the list.
            what = self.register.describe_record(records.get(self.store, self.register, ids[0]))
            question = self.tr("确定作废 {what} 吗？").format(what=what)
        else:
            question = self.tr("确定作废选中的 {n} 条记录吗？").format(n=len(ids))
        question += "\n" + self.tr("作废后编号保留不再使用，可在回收站恢复。") + "\n\n"
        question += void_notes(self.store, self.register, ids)
        question += self.tr("作废原因（可不填）：")
        reason = messages.ask_text(self, self.tr("作废"), question)
        if reason is None:
            return
        if not void_rows(self, self.store, self.register, ids, reason.strip()):
            return
        self._changed()
        notify_related(self.changes, self.register)
        self.status_message.emit(self.tr("已作废 {n} 条，可在回收站恢复").format(n=len(ids)))

    def open_recycle_bin(self) -> None:
        """The recycle bin of this register."""
        from officedesk.ui.recycle_bin import RecycleBinDialog

        dialog = RecycleBinDialog(self.store, self.register, self.changes, self)
        dialog.exec()
        restored = list(dialog.restored)
        dialog.deleteLater()
        if restored and self.changes is None:
            self.refresh()
        if restored:
            self.select_id(restored[-1])

    # -- export and print (their modules are imported when first used) --------------------

    def export_view(self) -> None:
        """Export the current view (filter, search and sort applied) in the background."""
        query, total = self.model.query, self.model.rowCount()
        default = str(Path(_last_folder or Path.home()) / default_filename(query))
        path = messages.ask_save_path(self, self.tr("导出") + self.register.title, default,
                                      EXPORT_FILTERS)  # fmt: skip
        if not path:
            return
        target = Path(path)
        suffix = target.suffix.lower()
        if suffix not in SUFFIXES:
            messages.critical(
                self,
                self.tr("无法导出"),
                self.tr("不支持「{s}」格式，请选择 .xlsx、.docx、.csv 或 .pdf。").format(
                    s=suffix or "无扩展名"
                ),
            )
            return
        _remember_folder(target)

        def work(reader: Store, progress: Progress) -> int:
            return export_register(reader, query, target, progress, progress.rows)

        def done(written: int) -> None:
            text = self.tr("已导出 {n} 条到\n{path}").format(n=f"{written:,}", path=target)
            self.status_message.emit(text.replace("\n", " "))
            if messages.offer_open(self, self.tr("导出完成"), text):
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

        label = self.tr("正在导出 {n} 条到「{name}」…").format(n=f"{total:,}", name=target.name)
        self.running_task = run_with_progress(
            self, self.store, self.tr("导出"), label, work, done,
            lambda: self.status_message.emit(self.tr("已取消导出")),
        )  # fmt: skip

    def print_view(self) -> None:
        """Print the current view: its pages are laid out in the background, then previewed."""
        query, total = self.model.query, self.model.rowCount()
        if total > PRINT_CONFIRM_ROWS and not messages.confirm(
            self, self.tr("打印"),
            self.tr("当前列表有 {n} 条记录，打印需要很多页纸。\n可以先用年度、状态等筛选缩小范围。"
                    "仍要打印全部吗？").format(n=f"{total:,}"),
        ):  # fmt: skip
            return

        def work(reader: Store, progress: Progress) -> Any:
            job = print_job(reader, query, progress.rows)
            job.page_count()  # lay the pages out here, not on the UI thread when the preview opens
            return job

        def preview(job: Any) -> None:
            from officedesk.printing.service import print_with_preview

            try:
                if print_with_preview(job, self):
                    self.status_message.emit(self.tr("已发送到打印机"))
            except Exception as exc:
                messages.show_error(self, exc, self.tr("打印失败"))

        label = self.tr("正在排版 {n} 条…").format(n=f"{total:,}")
        self.running_task = run_with_progress(self, self.store, self.tr("打印"), label, work,
                                              preview)  # fmt: skip

    def _slip_record(self) -> dict[str, Any] | None:
        rid = self.current_id()
        if rid is None:
            return None
        try:
            return records.get(self.store, self.register, rid)
        except Exception as exc:
            messages.show_error(self, exc)
            return None

    def slip_readings(self, record: dict[str, Any]) -> Sequence[Any]:
        """The 传阅 the 阅文 slip lists for `record` (the workflow tab knows them; none here)."""
        return ()

    def print_slip(self, variant: str) -> None:
        """Print the 收文处理单 (办文 or 阅文) of the current record after a preview."""
        record = self._slip_record()
        if record is None:
            return
        try:
            from officedesk.printing.forms import processing_slip
            from officedesk.printing.service import print_with_preview

            unit = str(settings.get(self.store, "unit_name"))
            readings = self.slip_readings(record)
            print_with_preview(processing_slip(record, unit, variant, readings), self)
        except Exception as exc:
            messages.show_error(self, exc, self.tr("打印失败"))

    def export_slip(self, variant: str) -> None:
        """Write the 收文处理单 of the current record as a Word file."""
        record = self._slip_record()
        if record is None:
            return
        serial = str(record.get(self.register.serial_field or "id") or record["id"])
        target = ask_save_target(self, self.tr("导出{v}处理单").format(v=variant),
                                 f"收文处理单_{serial}.docx", self.tr("Word 文档 (*.docx)"))  # fmt: skip
        if target is None:
            return
        try:
            from officedesk.exports import export_processing_slip

            export_processing_slip(target, record, str(settings.get(self.store, "unit_name")),
                                   variant, self.slip_readings(record))  # fmt: skip
        except Exception as exc:
            messages.show_error(self, exc, self.tr("导出失败"))
            return
        text = self.tr("已导出{v}处理单到\n{path}").format(v=variant, path=target)
        if messages.offer_open(self, self.tr("导出完成"), text):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))


EXPORT_FILTERS = ";;".join((
    "Excel 工作簿 (*.xlsx)",
    "Word 文档 (*.docx)",
    "CSV 文件，UTF-8 (*.csv)",
    "PDF 文件 (*.pdf)",
))  # fmt: skip
_last_folder: Path | None = None  # where the clerk saved last, for the next save dialog
_UNSAFE = re.compile(r'[\\/:*?"<>|]')


def _show_attachments(form: QDialog) -> None:
    """Open the 收文 form at its attachments (the form may offer `show_attachments` itself)."""
    show = getattr(form, "show_attachments", None)
    if callable(show):
        show()
        return
    files = getattr(form, "attachment_list", None)
    if isinstance(files, QWidget):
        reveal = getattr(form, "reveal", None)
        if callable(reveal):
            reveal(files)
        files.setFocus(Qt.FocusReason.OtherFocusReason)


def _remember_folder(path: Path) -> None:
    global _last_folder
    _last_folder = path.parent


def ask_save_target(parent: QWidget, title: str, name: str, filters: str) -> Path | None:
    """Ask where to save `name` (made a safe file name), starting in the folder saved to last.

    The folder chosen is remembered for the next save of any tab; None when cancelled.
    """
    default = str(Path(_last_folder or Path.home()) / _safe_name(name))
    path = messages.ask_save_path(parent, title, default, filters)
    if not path:
        return None
    target = Path(path)
    _remember_folder(target)
    return target


def _safe_name(text: str) -> str:
    """`text` usable in a Windows file name."""
    return _UNSAFE.sub("_", text)

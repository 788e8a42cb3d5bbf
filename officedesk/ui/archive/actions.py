"""The archive's hooks into other tabs: 归档 on the 收文 tab, wired once from main_window."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from officedesk.core.registers import ARCHIVE_ITEM, ARCHIVE_LOAN, INCOMING_DOCUMENT
from officedesk.storage import archive
from officedesk.storage.db import Store
from officedesk.ui import messages

FILE_SHORTCUT = "Ctrl+Shift+G"


def install(window: Any) -> None:
    """Put 归档… on the 收文 tab (toolbar, right-click and 编辑 menu)."""
    tab = window.register_tabs[INCOMING_DOCUMENT.key]

    def file_selected() -> None:
        ids = tab.selected_ids()
        if ids:
            file_documents(tab, window.store, window.changes, ids=ids)

    tab.archive_action = tab.add_record_action(
        tab.tr("归档…"), file_selected, FILE_SHORTCUT, needs="some",
        tooltip=tab.tr("把选中的办结收文归档为档案（Ctrl+Shift+G）"),
    )  # fmt: skip
    loans = window.register_tabs.get(ARCHIVE_LOAN.key)
    if loans is not None:
        loans.return_action = loans.add_record_action(
            loans.tr("归还"), lambda: give_back(loans, window.changes), needs="some",
            tooltip=loans.tr("登记选中的借阅今天已归还"),
        )  # fmt: skip


def give_back(tab: Any, changes: Any) -> int:
    """归还: the selected loans are returned today; the number recorded."""
    from officedesk.storage import archive_loans

    done = 0
    try:
        for loan_id in tab.selected_ids():
            archive_loans.give_back(tab.store, loan_id)
            done += 1
    except Exception as exc:
        messages.show_error(tab, exc, tab.tr("无法登记归还"))
    if done:
        if changes is not None:
            changes.notify(ARCHIVE_LOAN.key)
        else:
            tab.refresh()
        tab.status_message.emit(tab.tr("已登记归还 {n} 件").format(n=done))
    return done


def file_documents(parent: QWidget, store: Store, changes: Any, *, ids: list[int] | None = None,
                   year: int | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """Review and file 收文 (the given ids, or the year's 办结未归档); the 件 made."""
    try:
        archive.fonds_no(store)
        documents = archive.fileable(store, year=year, ids=ids)
    except Exception as exc:
        messages.show_error(parent, exc, parent.tr("无法归档"))
        return []
    if not documents:
        if ids:
            text = parent.tr(
                "选中的收文都不能归档：只有「已办结」或「待归档」且尚未归档的收文才能归档。"
            )
        else:
            text = parent.tr("{y}年没有办结未归档的收文。").format(y=year)
        messages.warn(parent, parent.tr("归档"), text)
        return []
    if ids and len(documents) < len(ids):
        left = len(ids) - len(documents)
        messages.warn(parent, parent.tr("归档"), parent.tr(
            "选中的收文中有 {n} 件未办结或已归档，本次不列入。").format(n=left))  # fmt: skip
    from officedesk.ui.archive.file_dialog import FileDialog

    dialog = FileDialog(store, documents, parent, year=year)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    filed = list(dialog.filed)
    dialog.deleteLater()
    if not accepted or not filed:
        return []
    if changes is not None:
        changes.notify(INCOMING_DOCUMENT.key)
        changes.notify(ARCHIVE_ITEM.key)
    numbers = "、".join(i["archive_no"] for i in filed[:3]) + ("…" if len(filed) > 3 else "")
    status = getattr(parent, "status_message", None)
    if status is not None:
        status.emit(parent.tr("已归档 {n} 件：{nos}").format(n=len(filed), nos=numbers))
    return filed

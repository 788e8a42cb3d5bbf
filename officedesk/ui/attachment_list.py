"""The files of one record in a form: stored ones, files chosen to copy on save, removals."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officedesk.storage import attachments
from officedesk.storage.db import Store
from officedesk.storage.errors import StorageError
from officedesk.ui import messages, widgets


class AttachmentList(QWidget):
    """A list of a record's files with 添加文件… / 打开 / 移除; nothing is written before `save`.

    Enter on the list opens the file (and does not save the form), Delete removes it.
    `sizes` shows each stored file's size after its name.
    """

    def __init__(self, store: Store, register_key: str, record_id: int | None, pick_title: str,
                 parent: QWidget | None = None, *, sizes: bool = False) -> None:  # fmt: skip
        super().__init__(parent)
        self.store = store
        self.register_key = register_key
        self.record_id = record_id
        self.pick_title = pick_title
        self.sizes = sizes
        self.pending_files: list[str] = []
        self.removed_ids: list[int] = []
        self.files = QListWidget(self)
        self.files.itemActivated.connect(self.open_item)
        self.files.installEventFilter(self)
        self.add_button = QPushButton(self.tr("添加文件…"), self)
        self.open_button = QPushButton(self.tr("打开"), self)
        self.remove_button = QPushButton(self.tr("移除"), self)
        self.add_button.clicked.connect(self.add_files)
        self.open_button.clicked.connect(lambda: self.open_item(self.files.currentItem()))
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QVBoxLayout()
        for button in self.buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.files, 1)
        row.addLayout(buttons)
        self.load()

    def buttons(self) -> list[QPushButton]:
        """添加文件…, 打开, 移除 (for a form's focus chain)."""
        return [self.add_button, self.open_button, self.remove_button]

    def load(self) -> None:
        """Show the record's stored files (none for a new record)."""
        self.files.clear()
        if self.record_id is None:
            return
        for row in attachments.list_for(self.store, self.register_key, self.record_id):
            text = row["filename"]
            if self.sizes:
                text += f"　{size_text(int(row['size']))}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, ("stored", row))
            item.setToolTip(row.get("note") or row["filename"])
            self.files.addItem(item)

    def add_files(self) -> None:
        """Choose files; they are copied into the data folder when the form is saved."""
        for path in widgets.pick_files(self, self.pick_title):
            self.add_file(path)

    def add_file(self, path: str) -> None:
        """One file to copy on save."""
        self.pending_files.append(path)
        item = QListWidgetItem(self.tr("{name}　（保存时复制）").format(name=Path(path).name))
        item.setData(Qt.ItemDataRole.UserRole, ("pending", path))
        item.setToolTip(path)
        self.files.addItem(item)
        self.files.setCurrentItem(item)

    def remove_current(self) -> None:
        """Unlink the selected file (on save; a copied file stays in the data folder)."""
        item = self.files.currentItem()
        if item is None:
            return
        state, data = item.data(Qt.ItemDataRole.UserRole)
        if state == "pending":
            self.pending_files.remove(data)
        else:
            self.removed_ids.append(int(data["id"]))
        self.files.takeItem(self.files.row(item))

    def open_item(self, item: QListWidgetItem | None) -> None:
        """Open a listed file with the program Windows has for it."""
        if item is None:
            return
        state, data = item.data(Qt.ItemDataRole.UserRole)
        path = Path(data) if state == "pending" else attachments.path_of(self.store, data)
        if not path.exists():
            messages.warn(self, self.tr("无法打开附件"),
                          self.tr("找不到附件文件「{path}」。").format(path=path))  # fmt: skip
        elif not widgets.open_file(str(path)):
            messages.warn(self, self.tr("无法打开附件"),
                          self.tr("没有能打开「{name}」的程序。").format(name=path.name))  # fmt: skip

    def is_dirty(self) -> bool:
        """Whether files were added or removed since the form opened."""
        return bool(self.pending_files or self.removed_ids)

    def save(self, record_id: int) -> list[str]:
        """Apply the removals and copy the chosen files for `record_id`; what failed, if any."""
        problems: list[str] = []
        for attachment_id in self.removed_ids:
            try:
                attachments.remove(self.store, attachment_id)
            except StorageError as exc:
                problems.append(str(exc))
        for path in self.pending_files:
            try:
                attachments.add(self.store, self.register_key, record_id, path)
            except StorageError as exc:
                problems.append(str(exc))
        self.pending_files, self.removed_ids = [], []
        self.record_id = record_id
        return problems

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter on the list opens the file; without this it would also save the form.
        if watched is self.files and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                self.open_item(self.files.currentItem())
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.remove_current()
                return True
        return super().eventFilter(watched, event)


def size_text(size: int) -> str:
    """A file size as people read it: 820 KB, 3.2 MB."""
    if size < 1024 * 1024:
        return (
            f"{max(size, 1) / 1024:.0f} KB"
            if size >= 1024
            else QCoreApplication.translate("DocumentForm", "{n} 字节").format(n=size)
        )
    return f"{size / 1024 / 1024:.1f} MB"

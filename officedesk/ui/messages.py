"""Messages and small questions for the clerk, in Chinese; never a traceback on screen.

Every dialog of the package goes through a function here, so tests replace one function
(monkeypatch) instead of clicking a modal box.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from officedesk.storage.errors import StorageError, ValidationError

log = logging.getLogger("officedesk")

# Errors whose message is already a Chinese sentence for the clerk. Export and print errors are
# matched by class name so that showing a message never imports openpyxl or the printing code.
_KNOWN_NAMES = {"ExportError", "PrintError", "ImportProblem"}
_CANCELLED_NAMES = {"ExportCancelled", "PrintCancelled", "TaskCancelled"}

_log_path: Path | None = None


def tr(text: str) -> str:
    """Translate a message of this module (Chinese is the source language)."""
    return QCoreApplication.translate("messages", text)


def set_log_path(path: Path | None) -> None:
    """Remember where unexpected errors are logged, to name the file in messages."""
    global _log_path
    _log_path = path


def log_path() -> Path | None:
    """The log file named in messages (None before logging is set up)."""
    return _log_path


def is_cancelled(exc: BaseException) -> bool:
    """Whether `exc` only says the clerk pressed 取消."""
    return any(t.__name__ in _CANCELLED_NAMES for t in type(exc).__mro__)


def is_known(exc: BaseException) -> bool:
    """Whether `exc` carries a message meant for the clerk (not a bug)."""
    if isinstance(exc, (StorageError, ValidationError, ValueError, KeyError)):
        return True
    return any(t.__name__ in _KNOWN_NAMES for t in type(exc).__mro__)


def error_text(exc: BaseException) -> str:
    """The Chinese text shown for `exc`; unexpected errors are logged and described generically."""
    if is_known(exc):
        text = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
        return str(text) or tr("操作未完成。")
    log.error("意外错误", exc_info=(type(exc), exc, exc.__traceback__))
    where = f"：\n{_log_path}" if _log_path else "。"
    return (
        tr("程序出现意外错误，操作未完成。详细信息已记录到日志文件")
        + where
        + "\n"
        + tr("可以继续使用；如果反复出现，请把日志文件发给管理员。")
    )


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """Tell the clerk what went wrong, in Chinese; nothing for a cancelled operation."""
    if is_cancelled(exc):
        return
    text = error_text(exc)
    heading = title or (tr("出错了") if not is_known(exc) else tr("无法完成"))
    critical(parent, heading, text)


def critical(parent: QWidget | None, title: str, text: str) -> None:
    """An error box with one 确定 button."""
    QMessageBox.critical(parent, title, text)


def information(parent: QWidget | None, title: str, text: str) -> None:
    """An information box with one 确定 button."""
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something went wrong (modal)."""
    QMessageBox.warning(parent, title, text)


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question whose default answer is No (for 仍然保存？, 放弃修改？)."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question; True for 是."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(tr("是"), QMessageBox.ButtonRole.YesRole)
    box.addButton(tr("否"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text from the clerk; None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return str(value) if ok else None


def ask_save_path(parent: QWidget | None, title: str, default: str, filters: str) -> str | None:
    """A file name to write, from the system's save dialog; None when cancelled.

    The suffix of the chosen filter is added when the clerk typed a name without one.
    """
    path, chosen = QFileDialog.getSaveFileName(parent, title, default, filters)
    if not path:
        return None
    if not Path(path).suffix and "*." in chosen:
        path += chosen.split("*", 1)[1].split(")", 1)[0].split()[0]
    return str(path)


def offer_open(parent: QWidget | None, title: str, text: str) -> bool:
    """After writing a file: offer to open it; True for 打开."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    open_button = box.addButton(tr("打开文件"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("关闭"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is open_button

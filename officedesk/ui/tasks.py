"""Long work off the UI thread (export, PDF, counts): progress, cancel, result or error.

A worker opens its own database connection (`store.open_reader()`) inside its thread, because a
SQLite connection belongs to the thread that opened it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from officedesk.storage.db import Store
from officedesk.ui import messages

_EMIT_EVERY_S = 0.05  # progress reaches the UI at most 20 times a second
T = TypeVar("T")


class TaskCancelled(Exception):
    """The clerk pressed 取消; whatever the work wrote must already be cleaned up."""

    def __init__(self) -> None:
        super().__init__("已取消")


class Progress:
    """Handed to the work: `progress(done, total)` reports and answers False once 取消 is pressed.

    Exports and prints take that answer and raise their own Cancelled error after removing
    what they wrote; `rows()` wraps the rows they read so that cancelling works even between
    their own reports.
    """

    def __init__(self, emit: Callable[[int, int], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()
        self._last = 0.0

    def __call__(self, done: int, total: int | None = None, *_: Any) -> bool:
        if self._cancel.is_set():
            return False
        now = time.monotonic()
        if now - self._last >= _EMIT_EVERY_S or (total and done >= total):
            self._last = now
            self._emit(int(done), int(total or 0))
        return True

    def check(self, *_: Any) -> bool:
        """Whether to go on, without reporting (for callbacks whose numbers the bar ignores)."""
        return not self._cancel.is_set()

    def rows(self, rows: Iterable[T], total: int) -> Iterator[T]:
        """`rows`, reporting how many were read; TaskCancelled between two rows after 取消."""
        for n, row in enumerate(rows, 1):
            if n % 200 == 0 and not self(n, total):
                raise TaskCancelled
            yield row
        self(total, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


Work = Callable[[Store, Progress], Any]


class _Thread(QThread):
    def __init__(self, store: Store, work: Work, progress: Progress) -> None:
        super().__init__()
        self._store = store
        self._work = work
        self._progress = progress
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        reader: Store | None = None
        try:
            reader = self._store.open_reader()
            self.result = self._work(reader, self._progress)
        except BaseException as exc:  # delivered to the UI thread, shown there
            self.error = exc
        finally:
            if reader is not None:
                reader.close()


class Task(QObject):
    """One piece of background work; signals arrive on the UI thread."""

    progressed = Signal(int, int)  # done, total (0: unknown)
    succeeded = Signal(object)  # the work's result
    failed = Signal(object)  # the exception (TaskCancelled after 取消)

    def __init__(self, store: Store, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.progress = Progress(self.progressed.emit)
        self._thread = _Thread(store, work, self.progress)
        self._thread.finished.connect(self._finished)
        self.done = False

    def start(self) -> None:
        """Run the work in its own thread."""
        _running.add(self)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self.progress.cancel()

    def wait(self, ms: int = 30000) -> bool:
        """Block until the thread ends (shutdown, tests); True if it ended."""
        return bool(self._thread.wait(ms))

    @property
    def running(self) -> bool:
        return not self.done

    def _finished(self) -> None:
        self.done = True
        _running.discard(self)
        error = self._thread.error
        if error is not None:
            self.failed.emit(error)
        else:
            self.succeeded.emit(self._thread.result)


_running: set[Task] = set()  # keeps running tasks (and their threads) alive


def cancel_all(timeout_ms: int = 10000) -> None:
    """Cancel every running task and wait for their threads (closing the window)."""
    for task in list(_running):
        task.cancel()
    for task in list(_running):
        task.wait(timeout_ms)
    QCoreApplication.processEvents()


def run_in_background(
    store: Store,
    work: Work,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    parent: QObject | None = None,
) -> Task:
    """Run `work(reader_store, progress)` without a dialog (counts for the home page)."""
    task = Task(store, work, parent)
    task.succeeded.connect(on_done)
    if on_error is not None:
        task.failed.connect(on_error)
    task.start()
    return task


def run_with_progress(
    parent: QWidget | None,
    store: Store,
    title: str,
    label: str,
    work: Work,
    on_done: Callable[[Any], None],
    on_cancelled: Callable[[], None] | None = None,
) -> Task:
    """Run `work` with a modal progress dialog and a 取消 button; errors are shown in Chinese."""
    dialog = QProgressDialog(label, QCoreApplication.translate("tasks", "取消"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setModal(True)
    task = Task(store, work, dialog)

    def cancel() -> None:
        if task.running:
            dialog.setLabelText(QCoreApplication.translate("tasks", "正在取消…"))
            task.cancel()

    def progressed(done: int, total: int) -> None:
        if total > 0:
            if dialog.maximum() != total:
                dialog.setRange(0, total)
            dialog.setValue(min(done, total))

    def finished_ok(result: Any) -> None:
        dialog.canceled.disconnect(cancel)
        dialog.close()
        dialog.deleteLater()
        on_done(result)

    def finished_error(exc: BaseException) -> None:
        dialog.canceled.disconnect(cancel)
        dialog.close()
        dialog.deleteLater()
        if messages.is_cancelled(exc):
            if on_cancelled is not None:
                on_cancelled()
            return
        messages.show_error(parent, exc, title)

    dialog.canceled.connect(cancel)
    task.progressed.connect(progressed)
    task.succeeded.connect(finished_ok)
    task.failed.connect(finished_error)
    task.start()
    return task

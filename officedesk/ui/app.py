"""Starting the desktop application: QApplication, the store, logging, the crash hook, selftest."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from officedesk.core import fonts
from officedesk.storage.db import Store
from officedesk.storage.errors import StorageError
from officedesk.ui import messages

APP_NAME = "办公桌"
LOG_FILE = Path("logs") / "officedesk.log"
# The first of these the machine has becomes the UI font: Qt's default on Windows is often a
# Latin face that falls back glyph by glyph, which looks ragged in a table full of Chinese.
CJK_FAMILIES = (
    "Microsoft YaHei UI", "Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC",
    "Source Han Sans SC", "WenQuanYi Micro Hei", "SimSun", "宋体", "Noto Serif CJK SC",
)  # fmt: skip
PAINT_TIMEOUT_S = 15.0

log = logging.getLogger("officedesk")


def application(*, headless_ok: bool = False) -> QApplication:
    """The QApplication of this process, created and configured on first call.

    `headless_ok`: on a Linux machine without a display use the offscreen platform (selftest
    in CI) instead of failing to start.
    """
    app = QApplication.instance()
    if app is None:
        if (
            headless_ok
            and sys.platform.startswith("linux")
            and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([sys.argv[0] if sys.argv and sys.argv[0] else "officedesk"])
    assert isinstance(app, QApplication)
    configure_application(app)
    return app


def configure_application(app: QApplication) -> None:
    """Name the application and give it a font that has Chinese glyphs."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("officedesk")
    # Generated 公文 name the first font of each chain that this PC actually has.
    fonts.set_installed(QFontDatabase.families())
    family = cjk_family()
    if family:
        font = QFont(app.font())
        font.setFamilies([family, *font.families()])
        if font.pointSizeF() < 9:
            font.setPointSizeF(9)
        app.setFont(font)


def cjk_family() -> str | None:
    """The preferred installed font family with Chinese glyphs, or None if none is known."""
    installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    return next(iter(sorted(installed)), None)


def setup_logging(data_dir: Path) -> Path:
    """Log to <data_dir>/logs/officedesk.log (rotated); returns the file's path."""
    path = data_dir / LOG_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    for handler in list(log.handlers):
        if getattr(handler, "officedesk", False):  # one file handler, even when run twice
            log.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
    )
    handler.officedesk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    messages.set_log_path(path)
    return path


@contextlib.contextmanager
def qt_messages_to_log() -> Iterator[None]:
    """Send Qt's own messages to the log file instead of the console while the program runs.

    (Not used under pytest-qt, which installs its own handler to check them.)
    """
    qt_log = logging.getLogger("officedesk.qt")

    def handler(mode: QtMsgType, _context: object, message: str) -> None:
        # INFO: the platform's notices (e.g. what the offscreen plugin cannot do) are no
        # warnings for the clerk, and nothing reaches the console.
        qt_log.info("Qt %s: %s", mode.name, message)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


class CrashHook:
    """sys.excepthook: log the traceback, tell the clerk in Chinese, never show a traceback."""

    def __init__(self, to_stderr: bool = False) -> None:
        self.to_stderr = to_stderr
        self._previous: Any = None
        self._showing = False

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        log.error("未处理的异常", exc_info=(kind, exc, tb))
        where = messages.log_path() or "日志文件"
        text = f"程序出现意外错误，已记录到 日志文件：{where}"
        if self.to_stderr or self._showing:
            print(text, file=sys.stderr)
            traceback.print_exception(kind, exc, tb, file=sys.stderr)
            return
        self._showing = True  # an error inside the dialog must not open another one
        try:
            messages.critical(
                None, APP_NAME,
                text + "\n\n可以继续使用；如果反复出现，请把日志文件发给管理员。",
            )  # fmt: skip
        finally:
            self._showing = False


class _PaintWatcher(QObject):
    """Notes when the watched window gets its first paint event."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def _elapsed_since(process_start: float) -> float:
    # The command line passes epoch seconds (time.time()); a small number is a perf_counter().
    if process_start < 1e9:
        return time.perf_counter() - process_start
    return time.time() - process_start


def _open_store(data_dir: str | Path | None) -> Store:
    return Store.open(data_dir)


def selftest(data_dir: str | Path | None, process_start: float) -> dict[str, Any]:
    """Start the GUI, wait for the main window's first paint, show every tab once.

    `process_start` is the process's start in epoch seconds (time.time()). Returns
    {"first_paint_s", "tabs", "rows", "data_dir"}; StorageError if the store can't open.
    """
    return _selftest(data_dir, process_start)


def _selftest(data_dir: str | Path | None, process_start: float) -> dict[str, Any]:
    from officedesk.ui.main_window import MainWindow

    app = application(headless_ok=True)
    store = _open_store(data_dir)
    try:
        setup_logging(store.data_dir)
        window = MainWindow(store, remember=False)
        watcher = _PaintWatcher()
        window.installEventFilter(watcher)
        window.show()
        deadline = time.monotonic() + PAINT_TIMEOUT_S
        while not watcher.painted and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        # The window and its children paint in one pass: the first paint is over when that
        # processEvents call has returned.
        first_paint = _elapsed_since(process_start)
        window.removeEventFilter(watcher)
        if not watcher.painted:
            raise RuntimeError(f"主窗口在 {PAINT_TIMEOUT_S:.0f} 秒内没有绘制")
        tabs = [window.tabs.tabText(0)]  # 工作台, then every register (sub-tabs too)
        for key, tab in window.register_tabs.items():
            window.show_register(key)
            app.processEvents()
            tabs.append(tab.register.short)
        rows = window.document_tab.model.rowCount()
        window.close()
        app.processEvents()
        return {
            "first_paint_s": round(first_paint, 3),
            "tabs": tabs,
            "rows": rows,
            "data_dir": str(store.data_dir),
        }
    finally:
        store.close()


def run(
    data_dir: str | Path | None, *, selftest: bool = False, process_start: float | None = None
) -> int:
    """Run the application on `data_dir`; returns the exit status (1 when the store can't open)."""
    with qt_messages_to_log():
        return _run(data_dir, selftest=selftest, process_start=process_start)


def _run(data_dir: str | Path | None, *, selftest: bool, process_start: float | None) -> int:
    start = process_start if process_start is not None else time.time()
    if selftest:
        application(headless_ok=True)
        hook = CrashHook(to_stderr=True)
        hook.install()
        try:
            result = _selftest(data_dir, start)
        except StorageError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        finally:
            hook.uninstall()
        print(f"first_paint_s={result['first_paint_s']:.3f}")
        print(f"tabs={','.join(result['tabs'])} rows={result['rows']}")
        return 0

    from officedesk.ui.main_window import MainWindow

    app = application()
    try:
        store = _open_store(data_dir)
    except StorageError as exc:
        messages.critical(None, QCoreApplication.translate("app", "无法打开办公桌"), str(exc))
        return 1
    hook = CrashHook()
    hook.install()
    try:
        setup_logging(store.data_dir)
        log.info("启动，数据文件夹 %s", store.data_dir)
        window = MainWindow(store)
        window.show()
        return int(app.exec())
    finally:
        hook.uninstall()
        store.close()

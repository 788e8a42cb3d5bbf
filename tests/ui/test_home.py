"""工作台: the due list from a seeded set, the date changing while open, print to PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from officedesk.storage import supervision
from officedesk.storage.agenda import AgendaSection
from officedesk.storage.db import Store
from officedesk.ui.home import HomeTab
from tests.storage.seeds import due_document

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

D = dt.date


class Clock:
    """A settable "now" for the tab."""

    def __init__(self, now: dt.datetime) -> None:
        self.value = now

    def __call__(self) -> dt.datetime:
        return self.value


def seed(store: Store) -> dict[str, int]:
    def doc(title: str, due: D | None, done: D | None = None, dept: str = "林政科") -> int:
        return due_document(store, title, due, done, dept)

    ids = {
        "overdue": doc("关于逾期事项的通知", D(2026, 3, 9)),
        "today": doc("关于今日到期的通知", D(2026, 3, 10), dept="办公室"),
        "soon": doc("关于三日内到期的通知", D(2026, 3, 12)),
        "tomorrow": doc("关于明日到期的通知", D(2026, 3, 11)),
        "later": doc("关于下月到期的通知", D(2026, 4, 10)),
        "done": doc("关于已办结事项的通知", D(2026, 3, 5), done=D(2026, 3, 4)),
    }
    ids["item"] = int(
        supervision.create_item(
            store,
            {
                "assigned_on": D(2026, 3, 1),
                "content": "春季造林任务落实",
                "due_date": D(2026, 3, 10),
                "lead_unit": "造林科",
                "owner": "钱丽",
            },
        )["id"]
    )
    return ids


def open_home(qtbot: Any, store: Store, clock: Clock) -> HomeTab:
    home = HomeTab(store, now=clock)
    qtbot.addWidget(home)
    with qtbot.waitSignal(home.loaded, timeout=5000):
        home.show()
    return home


def buckets(sections: list[AgendaSection]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for s in sections:
        for line in s.lines:
            out.setdefault(line.bucket, set()).add(line.record_id)
    return out


def test_home_classifies_a_seeded_set_exactly(qtbot: Any, store: Store) -> None:
    ids = seed(store)
    home = open_home(qtbot, store, Clock(dt.datetime(2026, 3, 10, 8, 30)))
    assert buckets(home.sections or []) == {
        "已逾期": {ids["overdue"]},
        "今日到期": {ids["today"], ids["item"]},
        "3日内到期": {ids["soon"], ids["tomorrow"]},
    }
    texts = home.line_texts()
    assert texts[:4] == [
        "收文与督办到期（5 项）",
        "  今日到期（2 项）",
        "    办公室 · 赵强（1）",
        "      收〔2026〕2号《关于今日到期的通知》　时限 2026-03-10",
    ]
    assert texts.index("  3日内到期（2 项）") < texts.index("  已逾期（1 项）")
    assert "      督〔2026〕1号　春季造林任务落实　时限 2026-03-10" in texts
    assert "    造林科 · 钱丽（1）" in texts and "    办公室 · 赵强（1）" in texts
    assert not any("已办结事项" in t or "下月到期" in t for t in texts)
    assert not home.notice.isVisible()


def test_crossing_midnight_raises_a_notice(qtbot: Any, store: Store) -> None:
    ids = seed(store)
    clock = Clock(dt.datetime(2026, 3, 10, 23, 59, 30))
    home = open_home(qtbot, store, clock)
    # The timer is set for just after midnight.
    assert 30_000 <= home.midnight.remainingTime() <= 31_500
    assert not home.check_date()  # same day: nothing to do
    clock.value = dt.datetime(2026, 3, 11, 0, 0, 1)
    raised: list[str] = []
    home.notice_raised.connect(raised.append)
    with qtbot.waitSignal(home.loaded, timeout=5000):
        home.midnight.timeout.emit()
    got = buckets(home.sections or [])
    assert got["已逾期"] == {ids["overdue"], ids["today"], ids["item"]}
    assert got["今日到期"] == {ids["tomorrow"]}
    assert home.notice.isVisible()  # a banner on the tab, not a modal box
    assert raised == ["日期已到 2026-03-11：新增已逾期 2 项，新增今日到期 1 项"]
    assert "关于今日到期的通知" in home.notice_text and "春季造林任务落实" in home.notice_text
    assert "关于逾期事项的通知" not in home.notice_text  # overdue already yesterday
    home.dismiss_notice()
    assert not home.notice.isVisible()
    # A clock put back by hand is noticed by the minute check, without a notice of new items.
    clock.value = dt.datetime(2026, 3, 10, 9, 0)
    with qtbot.waitSignal(home.loaded, timeout=5000):
        home.clock.timeout.emit()
    assert buckets(home.sections or [])["已逾期"] == {ids["overdue"]}
    assert not home.notice.isVisible()


def test_the_list_prints_to_pdf(qtbot: Any, store: Store, tmp_path: Path) -> None:
    import subprocess

    seed(store)
    home = open_home(qtbot, store, Clock(dt.datetime(2026, 3, 10, 8, 30)))
    out = home.save_pdf(str(tmp_path / "待办.pdf"))
    assert out is not None
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "待办事项（2026年3月10日）" in text
    assert "已逾期（1 项）" in text and "今日到期（2 项）" in text
    assert "收〔2026〕1号《关于逾期事项的通知》" in text
    assert "第1页共1页" in text.replace(" ", "")


def test_a_new_day_reaches_the_lists(qtbot: Any, store: Store) -> None:
    from officedesk.ui.main_window import MainWindow

    ids = seed(store)
    window = MainWindow(store, remember=False)
    qtbot.addWidget(window)
    clock = Clock(dt.datetime(2026, 3, 10, 23, 59))
    window.home.now = clock
    window.home.today = clock().date()
    window.show()
    tab = window.show_register("documents")
    tab.model.setQuery(tab.model.query.with_(today=clock().date()))  # the list made that evening
    tab.overdue_check.setChecked(True)  # 只看逾期
    assert [tab.model.record_id(r) for r in range(tab.model.rowCount())] == [ids["overdue"]]
    clock.value = dt.datetime(2026, 3, 11, 0, 0, 5)
    with qtbot.waitSignal(window.home.loaded, timeout=5000):
        assert window.home.check_date()
    assert tab.model.query.today == dt.date(2026, 3, 11)
    assert {tab.model.record_id(r) for r in range(tab.model.rowCount())} == {
        ids["overdue"],
        ids["today"],
    }

"""Demo meetings seat their 出席 leaders in rank order: it is the order of the 座次表 and 桌签."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from officedesk import demo, demo_meetings
from officedesk.storage.db import Store

RANK = {name: i for i, (name, _) in enumerate(demo_meetings.LEADERS)}


def _present_in_order(store: Store) -> dict[int, list[str]]:
    rows = store.read(
        "SELECT meeting_id, name FROM meeting_attendee WHERE role = '出席' AND voided_at IS NULL "
        "ORDER BY meeting_id, seq, id"
    )
    return {mid: [r[1] for r in group] for mid, group in groupby(rows, key=lambda r: r[0])}


def test_demo_and_bench_meetings_list_leaders_by_rank(store: Store) -> None:
    demo.fill(store, 20, today=dt.date(2026, 11, 21))
    demo_meetings.bulk(store, 60, dt.date(2026, 3, 2), 30)
    seated = _present_in_order(store)
    assert len(seated) > 60
    for mid, names in seated.items():
        assert names == sorted(names, key=RANK.__getitem__), (mid, names)
    # The 书记 and 局长 lead whenever they attend.
    assert any(names[0] == "王书记" and names[1] == "刘局长" for names in seated.values())

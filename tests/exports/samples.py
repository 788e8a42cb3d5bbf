"""Sample rows and options shared by the export tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from officedesk.exports import ExportMeta

TODAY = dt.date(2024, 6, 1)
META = ExportMeta(unit_name="青山林业局", subtitle="2024年 · 检索：防火", today=TODAY)

# (what the row is for, the values that make it so)
SPECS: list[tuple[str, dict[str, Any]]] = [
    ("overdue, formula-looking text", {"title": "=1+1", "remarks": "@SUM(A1)",
                                       "due_date": "2024-05-20"}),
    ("due soon, more formula-looking text", {"title": "+86 123", "remarks": "-5",
                                             "due_date": "2024-06-03"}),
    ("done on time", {"title": "关于做好森林防火工作的通知", "due_date": "2024-05-30",
                      "done_on": "2024-05-28", "status": "已办结"}),
    ("done late", {"title": "关于报送统计年报的函", "due_date": "2024-05-10",
                   "done_on": "2024-05-15", "status": "已办结"}),
    ("no deadline, leading zeros", {"title": "关于安全生产大检查的通知", "sender_ref": "0012",
                                    "copies": 3}),
    ("several lines", {"title": "关于林长制工作的意见", "remarks": "第一行\n第二行",
                       "proposal": "拟请办公室办理"}),
]  # fmt: skip

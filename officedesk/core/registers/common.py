"""Choice lists several registers share (DOMAIN.md §0)."""

from __future__ import annotations

SECRECY = ("无", "秘密", "机密", "绝密")
URGENCY = ("无", "加急", "特急")
DOC_TYPES = (
    "决议", "决定", "命令（令）", "公报", "公告", "通告", "意见", "通知",
    "通报", "报告", "请示", "批复", "议案", "函", "纪要", "其他",
)  # fmt: skip
HANDLING = ("阅件", "办件")
REVIEW = ("", "通过", "退文")
DUE_UNITS = ("自然日", "工作日")

"""Classified-document notices and other rules that only warn."""

from __future__ import annotations

CLASSIFIED_WARNING = (
    "涉密文件不得在非涉密计算机上处理。本程序只登记文件的基本信息（编号、标题、流转情况），"
    "请勿录入或扫描涉密正文。"
)


def is_classified(secrecy: str | None) -> bool:
    """Whether a 密级 value marks a state secret."""
    return bool(secrecy) and secrecy != "无"

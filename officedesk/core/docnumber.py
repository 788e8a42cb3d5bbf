"""文号 (document numbers) and yearly serial numbers such as 收〔2024〕12号."""

from __future__ import annotations

import re
import string

# Brackets people type around the year: [2024] （2024） (2024) 【2024】 〔2024〕 ［2024］ 〈2024〉
_YEAR_BRACKETS = re.compile(r"[\[（(【〔［〈<{｛]\s*(\d{4})\s*[\]）)】〕］〉>}｝]")
_SPACES = re.compile(r"\s+")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_NUMBER = re.compile(r"第?0*(\d+)号")


def normalise_doc_number(text: str | None) -> str:
    """The canonical form of a 文号 for duplicate checks: 林政发[2024]012号 → 林政发〔2024〕12号."""
    if not text:
        return ""
    s = _SPACES.sub("", str(text)).translate(_FULLWIDTH_DIGITS)
    s = _YEAR_BRACKETS.sub(lambda m: f"〔{m.group(1)}〕", s)
    s = _NUMBER.sub(lambda m: f"{m.group(1)}号", s)
    return s


DEFAULT_SERIAL_TEMPLATE = "收〔{YYYY}〕{n}号"
_ALLOWED_KEYS = {"YYYY", "YY", "n"}


def check_serial_template(template: str) -> str | None:
    """A Chinese message if `template` is not a usable serial template, else None."""
    try:
        keys = {f[1] for f in string.Formatter().parse(template) if f[1] is not None}
    except ValueError:
        return f"编号模板「{template}」的大括号不成对"
    if "n" not in keys:
        return f"编号模板「{template}」缺少序号 {{n}}，例如 收〔{{YYYY}}〕{{n}}号"
    unknown = keys - _ALLOWED_KEYS
    if unknown:
        return f"编号模板「{template}」含未知占位符：{'、'.join(sorted(unknown))}（可用 {{YYYY}} {{YY}} {{n}}）"
    try:
        format_serial(template, 2024, 1)
    except (ValueError, IndexError, KeyError):
        return (
            f"编号模板「{template}」无法使用，例如可写 收〔{{YYYY}}〕{{n}}号 或 {{YYYY}}-{{n:04d}}"
        )
    return None


def format_serial(template: str, year: int, n: int) -> str:
    """The serial `n` of `year` written with the unit's template: 收〔2024〕12号, 2024-0012."""
    return template.format(YYYY=year, YY=f"{year % 100:02d}", n=n)


def serial_series(template: str, year: int) -> str:
    """The key of the yearly series a serial belongs to: numbers restart each year."""
    return f"{template}|{year}"

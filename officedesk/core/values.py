"""Turning what a person typed (or an old Excel cell held) into typed values, with Chinese messages."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from officedesk.core.fields import Field, Kind, Record, Register

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_TIME = re.compile(r"^(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})秒?)?分?$")
_URGENCY_LEGACY = {"急件": "加急", "急": "加急", "特急件": "特急", "一般": "无", "平件": "无"}


class ValueProblem(ValueError):
    """A value that cannot be taken, with a message naming the field."""

    def __init__(self, field: Field, message: str) -> None:
        super().__init__(f"「{field.label}」{message}")
        self.field = field


def parse_date(text: str) -> dt.date:
    """A date from 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日 or 20240305; ValueError if none."""
    s = text.strip()
    for pat in _DATE_PATTERNS:
        m = pat.match(s)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            return dt.date(y, mo, d)
    raise ValueError(s)


def parse_datetime(text: str) -> dt.datetime:
    """A date and time from 2024-03-05 09:30 (the time may be left out: 00:00)."""
    s = text.strip().replace("T", " ")
    if " " in s:
        date_part, time_part = s.split(None, 1)
    else:
        date_part, time_part = s, ""
    day = parse_date(date_part)
    if not time_part:
        return dt.datetime.combine(day, dt.time())
    m = _TIME.match(time_part.strip())
    if not m:
        raise ValueError(s)
    h, mi, sec = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    return dt.datetime.combine(day, dt.time(h, mi, sec))


def coerce(f: Field, value: Any) -> Any:
    """The typed value of `value` for field `f` (None when empty); ValueProblem when it is wrong."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        if value == "":
            return None
    try:
        if f.kind is Kind.DATE:
            if isinstance(value, dt.datetime):
                return value.date()
            if isinstance(value, dt.date):
                return value
            return parse_date(str(value))
        if f.kind is Kind.DATETIME:
            if isinstance(value, dt.datetime):
                return value.replace(microsecond=0)
            if isinstance(value, dt.date):
                return dt.datetime.combine(value, dt.time())
            return parse_datetime(str(value))
        if f.kind is Kind.INT:
            if isinstance(value, bool):
                raise ValueError
            if isinstance(value, float):
                if not value.is_integer():
                    raise ValueError
                return int(value)
            return int(str(value))
        if f.kind is Kind.BOOL:
            if isinstance(value, str):
                return value in ("1", "是", "true", "True", "Y", "y")
            return bool(value)
    except ValueError:
        expected = {
            Kind.DATE: "不是有效日期（应如 2024-03-05）",
            Kind.DATETIME: "不是有效时间（应如 2024-03-05 09:30）",
            Kind.INT: "应为整数",
        }.get(f.kind, "格式不对")
        raise ValueProblem(f, f"{expected}：{value}") from None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if f.kind is Kind.CHOICE:
        if f.name == "urgency":
            text = _URGENCY_LEGACY.get(text, text)
        if text not in f.choices:
            options = "、".join(c for c in f.choices if c)
            raise ValueProblem(f, f"只能是 {options} 之一，不是「{text}」")
    return text


def missing_required(register: Register, record: Record) -> list[Field]:
    """The required fields of `register` that `record` leaves empty, in declaration order."""
    return [
        f for f in register.required_fields
        if f.name != register.serial_field and record.get(f.name) in (None, "")
    ]  # fmt: skip


def clean_record(register: Register, raw: Record) -> Record:
    """A typed copy of `raw` with only the register's fields; ValueProblem on the first bad one."""
    out: Record = {}
    for f in register.fields:
        if f.name in raw:
            out[f.name] = coerce(f, raw[f.name])
    return out


def defaults(register: Register) -> Record:
    """The values a new row starts with."""
    return {f.name: f.default for f in register.fields if f.default is not None}

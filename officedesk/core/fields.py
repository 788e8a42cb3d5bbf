"""Field and register declarations: one declaration drives table, form, export, print, import, search."""

from __future__ import annotations

import contextvars
import datetime as dt
import enum
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

Record = dict[str, Any]


class Kind(enum.Enum):
    """What a field holds; decides its SQL type, widget, export cell type and validation."""

    TEXT = "text"  # one line
    LONGTEXT = "longtext"  # several lines
    CODE = "code"  # text code that must stay text (leading zeros, 文号, 档号)
    INT = "int"
    DATE = "date"
    DATETIME = "datetime"
    CHOICE = "choice"  # one of `choices`
    BOOL = "bool"


SQL_TYPES: Mapping[Kind, str] = {
    Kind.TEXT: "TEXT",
    Kind.LONGTEXT: "TEXT",
    Kind.CODE: "TEXT",
    Kind.INT: "INTEGER",
    Kind.DATE: "TEXT",
    Kind.DATETIME: "TEXT",
    Kind.CHOICE: "TEXT",
    Kind.BOOL: "INTEGER",
}


@dataclass(frozen=True)
class Field:
    """One column of a register, with everything every layer needs to know about it."""

    name: str
    label: str
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    default: Any = None
    width: int = 10  # display width in Chinese characters (table, export, print)
    shown: bool = True  # a column of the on-screen table
    exported: bool = True  # a column of .xlsx/.docx/.csv exports
    printed: bool = True  # a column of the printed register
    searchable: bool = False  # part of the full-text search index
    pinyin: bool = False  # also searchable by pinyin initials
    sortable: bool = True
    filterable: bool = False  # offered as a filter in the register toolbar
    indexed: bool = False  # has an SQL index (sort and filter on large registers)
    aliases: tuple[str, ...] = ()  # header names an old Excel register may use
    completion: str | None = None  # directory list that completes it: units, people, departments
    help: str = ""
    # Personal data (证件号码): every path that turns the value into text shows mask(value)
    # unless the caller deliberately reveals it (reveal_sensitive). The full value is stored.
    mask: Callable[[str], str] | None = field(default=None, compare=False)

    @property
    def sql_type(self) -> str:
        """The SQLite column type for this field."""
        return SQL_TYPES[self.kind]

    @property
    def sensitive(self) -> bool:
        """Whether the value is personal data shown masked unless revealed."""
        return self.mask is not None


@dataclass(frozen=True)
class Register:
    """A register (登记簿): its table, fields, title and the rules common to all its rows.

    Field subsets are cached: they are asked for on every row of a million-row load.
    """

    key: str  # command-line name: documents, supervision, ...
    table: str  # SQL table name
    title: str  # 收文登记簿
    short: str  # tab label: 收文登记
    fields: tuple[Field, ...]
    serial_field: str | None = None  # allocated from a yearly series at insert
    serial_setting: str | None = None  # settings key holding the serial template
    date_field: str | None = None  # the date that decides a row's year
    due_field: str | None = None  # deadline date (traffic light)
    done_field: str | None = None  # completion date (traffic light)
    status_field: str | None = None
    estimated_field: str | None = None  # BOOL: the deadline was counted without holiday data
    default_sort: tuple[str, bool] = ("id", True)  # (column, descending)
    printed_landscape: bool = True
    describe: Callable[[Record], str] | None = field(default=None, compare=False)

    def field(self, name: str) -> Field:
        """The field called `name`; KeyError if there is none."""
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def has(self, name: str) -> bool:
        """Whether this register has a field called `name`."""
        return any(f.name == name for f in self.fields)

    @cached_property
    def shown_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.shown)

    @cached_property
    def exported_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.exported)

    @cached_property
    def printed_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.printed)

    @cached_property
    def search_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.searchable)

    @cached_property
    def pinyin_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.pinyin)

    @cached_property
    def filter_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.filterable)

    @cached_property
    def required_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.required)

    def describe_record(self, record: Record) -> str:
        """A short human name for a row, used in messages: 收〔2024〕12号《关于…》."""
        if self.describe is not None:
            return self.describe(record)
        return str(record.get(self.serial_field or "id", ""))


_REVEAL: contextvars.ContextVar[bool] = contextvars.ContextVar("reveal_sensitive", default=False)


@contextmanager
def reveal_sensitive() -> Iterator[None]:
    """Within this block (this thread only) sensitive fields show in full: the explicit
    "show the full number" request of one export, print or CLI command."""
    token = _REVEAL.set(True)
    try:
        yield
    finally:
        _REVEAL.reset(token)


def revealing() -> bool:
    """Whether sensitive fields are being shown in full right now (see reveal_sensitive)."""
    return _REVEAL.get()


def masked_record(register: Register, row: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `row` with its sensitive fields masked (unless revealing): for raw-value paths
    such as the CLI's JSON."""
    out = dict(row)
    if not _REVEAL.get():
        for f in register.fields:
            if f.mask is not None and out.get(f.name):
                out[f.name] = f.mask(str(out[f.name]))
    return out


def format_value(f: Field, value: Any) -> str:
    """The text a value shows as on screen, in exports as text and in prints."""
    if value is None or value == "":
        return ""
    if f.mask is not None and not _REVEAL.get():
        return f.mask(str(value))
    if f.kind is Kind.DATE:
        if isinstance(value, (dt.date, dt.datetime)):
            return value.strftime("%Y-%m-%d")
        return str(value)[:10]
    if f.kind is Kind.DATETIME:
        if isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        return str(value)[:16].replace("T", " ")
    if f.kind is Kind.BOOL:
        return "是" if value else "否"
    return str(value)


ESTIMATED_MARK = "（估）"


def cell_text(register: Register, f: Field, row: Record) -> str:
    """The text of one cell of a register's row: format_value, and the deadline marked （估）
    when it was counted for a year without holiday data (Monday to Friday only)."""
    text = format_value(f, row.get(f.name))
    if (
        text
        and f.name == register.due_field
        and register.estimated_field
        and row.get(register.estimated_field)
    ):
        return text + ESTIMATED_MARK
    return text

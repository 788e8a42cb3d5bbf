"""Rows of a register: insert with serial allocation, update, void/restore, read, and search index."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from officedesk.core.docnumber import format_serial, normalise_doc_number, serial_series
from officedesk.core.fields import Field, Kind, Record, Register
from officedesk.core.searchtext import pinyin_tokens, tokens
from officedesk.core.values import ValueProblem, clean_record, defaults, missing_required
from officedesk.storage import settings
from officedesk.storage.db import Store, new_uuid, now_text
from officedesk.storage.errors import ValidationError
from officedesk.storage.schema import DERIVED_COLUMNS, fts_table

META_COLUMNS = ("id", "uuid", "created_at", "updated_at", "voided_at", "void_reason")


# -- conversions ---------------------------------------------------------------------------


def to_sql(f: Field, value: Any) -> Any:
    """The value as stored in SQLite (dates as ISO text, booleans as 0/1)."""
    if value is None:
        return None
    if f.kind is Kind.DATE and isinstance(value, dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    if f.kind is Kind.DATETIME and isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if f.kind is Kind.BOOL:
        return int(bool(value))
    return value


def from_sql(f: Field, value: Any) -> Any:
    """The typed value of a stored value."""
    if value is None or value == "":
        return None
    if f.kind is Kind.DATE:
        return dt.date.fromisoformat(str(value)[:10])
    if f.kind is Kind.DATETIME:
        return dt.datetime.fromisoformat(str(value))
    if f.kind is Kind.BOOL:
        return bool(value)
    return value


def typed(register: Register, row: sqlite3.Row | dict[str, Any]) -> Record:
    """A stored row as a record with typed values (dates as date, etc.)."""
    data = dict(row)
    for f in register.fields:
        if f.name in data:
            data[f.name] = from_sql(f, data[f.name])
    return data


def _columns(register: Register) -> str:
    return ", ".join(f"[{c}]" for c in (*META_COLUMNS, *(f.name for f in register.fields)))


# -- search index --------------------------------------------------------------------------


def fts_values(register: Register, record: Record) -> list[str]:
    """The search index row of a record: one column per searchable field, then pinyin."""
    values = [tokens(_text(record.get(f.name))) for f in register.search_fields]
    values.append(pinyin_tokens([_text(record.get(f.name)) for f in register.pinyin_fields]))
    return values


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _fts_insert(c: sqlite3.Connection, register: Register, rowid: int, record: Record) -> None:
    cols = [f.name for f in register.search_fields] + ["py"]
    marks = ", ".join("?" * (len(cols) + 1))
    c.execute(
        f"INSERT INTO [{fts_table(register)}](rowid, {', '.join(cols)}) VALUES ({marks})",
        [rowid, *fts_values(register, record)],
    )


def _fts_delete(c: sqlite3.Connection, register: Register, rowid: int, record: Record) -> None:
    # A contentless index forgets a row only when told the exact tokens it was given.
    table = fts_table(register)
    cols = [f.name for f in register.search_fields] + ["py"]
    marks = ", ".join("?" * (len(cols) + 2))
    c.execute(
        f"INSERT INTO [{table}]([{table}], rowid, {', '.join(cols)}) VALUES ({marks})",
        ["delete", rowid, *fts_values(register, record)],
    )


# -- reading -------------------------------------------------------------------------------


def get(store: Store, register: Register, record_id: int) -> Record:
    """The record with `record_id` (voided or not); KeyError if there is none."""
    found = store.read_dicts(
        f"SELECT {_columns(register)} FROM [{register.table}] WHERE id = ?", (record_id,)
    )
    row = found[0] if found else None
    if row is None:
        raise KeyError(f"{register.short}第 {record_id} 条记录不存在")
    return typed(register, row)


def get_many(store: Store, register: Register, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Stored rows (values as stored) by id, for a page of a list."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = store.read_dicts(
        f"SELECT {_columns(register)} FROM [{register.table}] WHERE id IN ({marks})", list(ids)
    )
    return {r["id"]: r for r in rows}


# -- writing -------------------------------------------------------------------------------


def _prepare(register: Register, values: Record) -> Record:
    try:
        record = clean_record(register, values)
    except ValueProblem as exc:
        raise ValidationError(str(exc), field=exc.field.name) from None
    return record


def _check_required(register: Register, record: Record) -> None:
    missing = missing_required(register, record)
    if missing:
        labels = "、".join(f"「{f.label}」" for f in missing)
        raise ValidationError(f"{labels}必须填写", field=missing[0].name)


def _year_of(register: Register, record: Record) -> int:
    value = record.get(register.date_field) if register.date_field else None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year
    return dt.date.today().year


def _allocate_serial(store: Store, register: Register, year: int) -> str:
    """The next serial of the year's series; the caller holds the write transaction."""
    assert register.serial_field and register.serial_setting
    template = str(settings.get(store, register.serial_setting))
    series = serial_series(template, year)
    c = store.conn
    row = c.execute("SELECT last FROM serial_counter WHERE series = ?", (series,)).fetchone()
    n = (row[0] if row else 0) + 1
    # Skip numbers already taken (typed by hand or imported): numbers are never reused.
    while c.execute(
        f"SELECT 1 FROM [{register.table}] WHERE [{register.serial_field}] = ?",
        (format_serial(template, year, n),),
    ).fetchone():
        n += 1
    c.execute(
        "INSERT INTO serial_counter(series, last) VALUES(?, ?) "
        "ON CONFLICT(series) DO UPDATE SET last = excluded.last",
        (series, n),
    )
    return format_serial(template, year, n)


def preview_serial(store: Store, register: Register, year: int) -> str:
    """The serial the next insert of `year` will most likely get (shown greyed in the form)."""
    assert register.serial_field and register.serial_setting
    template = str(settings.get(store, register.serial_setting))
    row = store.read(
        "SELECT last FROM serial_counter WHERE series = ?", (serial_series(template, year),)
    )
    return format_serial(template, year, (row[0][0] if row else 0) + 1)


def _row_values(register: Register, record: Record) -> dict[str, Any]:
    data = {f.name: to_sql(f, record.get(f.name)) for f in register.fields}
    for column, derive in DERIVED_COLUMNS.get(register.table, ()):
        data[column] = derive(record)
    return data


def _check_serial_free(store: Store, register: Register, serial: str, own_id: int | None) -> None:
    assert register.serial_field
    row = store.conn.execute(
        f"SELECT id FROM [{register.table}] WHERE [{register.serial_field}] = ?", (serial,)
    ).fetchone()
    if row and row[0] != own_id:
        label = register.field(register.serial_field).label
        raise ValidationError(
            f"「{label}」{serial} 已被使用（编号不能重复，作废的编号也不再使用）",
            field=register.serial_field,
        )


def insert(store: Store, register: Register, values: Record) -> Record:
    """Save a new row; the serial (if the register has one and none is given) is allocated in
    the same transaction. ValidationError names the field; nothing is written then."""
    record = {**defaults(register), **_prepare(register, values)}
    _check_required(register, record)
    with store.transaction() as c:
        if register.serial_field:
            if record.get(register.serial_field):
                _check_serial_free(store, register, str(record[register.serial_field]), None)
            else:
                record[register.serial_field] = _allocate_serial(
                    store, register, _year_of(register, record)
                )
        stamp = now_text()
        data = _row_values(register, record)
        data.update(uuid=new_uuid(), created_at=stamp, updated_at=stamp)
        cols = ", ".join(f"[{k}]" for k in data)
        marks = ", ".join("?" * len(data))
        cur = c.execute(
            f"INSERT INTO [{register.table}] ({cols}) VALUES ({marks})", list(data.values())
        )
        new_id = int(cur.lastrowid or 0)
        _fts_insert(c, register, new_id, record)
    return get(store, register, new_id)


def update(store: Store, register: Register, record_id: int, changes: Record) -> Record:
    """Change some fields of a row; ValidationError names the field and nothing is written."""
    old = get(store, register, record_id)
    if old["voided_at"]:
        raise ValidationError(f"{register.describe_record(old)}已作废，请先从回收站恢复再修改")
    new = {**old, **_prepare(register, changes)}
    _check_required(register, new)
    if register.serial_field and not new.get(register.serial_field):
        raise ValidationError(
            f"「{register.field(register.serial_field).label}」不能为空", register.serial_field
        )
    with store.transaction() as c:
        if register.serial_field and new[register.serial_field] != old[register.serial_field]:
            _check_serial_free(store, register, str(new[register.serial_field]), record_id)
        data = _row_values(register, new)
        data["updated_at"] = now_text()
        sets = ", ".join(f"[{k}] = ?" for k in data)
        c.execute(f"UPDATE [{register.table}] SET {sets} WHERE id = ?", [*data.values(), record_id])
        _fts_delete(c, register, record_id, old)
        _fts_insert(c, register, record_id, new)
    return get(store, register, record_id)


def void(store: Store, register: Register, record_id: int, reason: str = "") -> Record:
    """Move a row to the recycle bin (作废): it keeps its number and can be restored.

    The register's rules (storage/lifecycle.py) run in the same transaction: a refusal is a
    ValidationError saying why, and then nothing is written."""
    return void_many(store, register, [record_id], reason)[0]


def void_many(store: Store, register: Register, ids: Sequence[int], reason: str = ""
              ) -> list[Record]:  # fmt: skip
    """作废 several rows in one transaction: all of them, or (on a refusal) none."""
    from officedesk.storage import lifecycle

    with store.transaction() as c:
        for n, record_id in enumerate(ids, 1):
            old = get(store, register, record_id)
            if old["voided_at"]:
                continue
            try:
                lifecycle.run(register, "check_void", store, old, reason)
                stamp = now_text()
                c.execute(
                    f"UPDATE [{register.table}] SET voided_at = ?, void_reason = ?, "
                    "updated_at = ? WHERE id = ?",
                    (stamp, reason or None, stamp, record_id),
                )
                _fts_delete(c, register, record_id, old)
                lifecycle.run(register, "after_void", store, old, reason)
            except ValidationError as exc:
                raise lifecycle.in_batch(register, old, n, len(ids), exc, "作废") from None
    return [get(store, register, i) for i in ids]


def restore(store: Store, register: Register, record_id: int, reason: str = "") -> Record:
    """Bring a voided row back from the recycle bin, if the register's rules allow it (a meeting
    is checked for conflicts again: `reason` is what saving with conflicts needs)."""
    return restore_many(store, register, [record_id], reason)[0]


def restore_many(store: Store, register: Register, ids: Sequence[int], reason: str = ""
                 ) -> list[Record]:  # fmt: skip
    """Restore several rows in one transaction: all of them, or (on a refusal) none."""
    from officedesk.storage import lifecycle

    with store.transaction() as c:
        for n, record_id in enumerate(ids, 1):
            old = get(store, register, record_id)
            if not old["voided_at"]:
                continue
            try:
                lifecycle.run(register, "check_restore", store, old, reason)
                c.execute(
                    f"UPDATE [{register.table}] SET voided_at = NULL, void_reason = NULL, "
                    "updated_at = ? WHERE id = ?",
                    (now_text(), record_id),
                )
                _fts_insert(c, register, record_id, old)
                lifecycle.run(register, "after_restore", store, get(store, register, record_id),
                              reason)  # fmt: skip
            except ValidationError as exc:
                raise lifecycle.in_batch(register, old, n, len(ids), exc, "恢复") from None
    return [get(store, register, i) for i in ids]


BulkRow = tuple[list[Any], list[Any]]  # (table values without id, search-index values or [])


def prepare_bulk(register: Register, records: Iterable[Record], *, stored_form: bool = False
                 ) -> Iterator[BulkRow]:  # fmt: skip
    """Rows ready for write_bulk: pure Python, so another process can make them (see demo)."""
    fields = register.fields
    names = [f.name for f in fields]
    derived = DERIVED_COLUMNS.get(register.table, ())
    stamp = now_text()
    for record in records:
        values = (
            [record.get(n) for n in names]
            if stored_form
            else [to_sql(f, record.get(f.name)) for f in fields]
        )
        row = [
            new_uuid(), stamp, stamp, *values,
            *(derive(record) for _, derive in derived),
            record.get("voided_at"), record.get("void_reason"),
        ]  # fmt: skip
        yield row, ([] if record.get("voided_at") else fts_values(register, record))


def part_columns(register: Register) -> list[str]:
    """The columns of a prepared row, in order (after the id)."""
    derived = DERIVED_COLUMNS.get(register.table, ())
    return ["uuid", "created_at", "updated_at", *(f.name for f in register.fields),
            *(d[0] for d in derived), "voided_at", "void_reason"]  # fmt: skip


def _bulk_sql(register: Register) -> tuple[str, str]:
    cols = part_columns(register)
    sql = (
        f"INSERT INTO [{register.table}] (id, {', '.join(f'[{c}]' for c in cols)}) "
        f"VALUES ({', '.join('?' * (len(cols) + 1))})"
    )
    fts_cols = [f.name for f in register.search_fields] + ["py"]
    fts_sql = (
        f"INSERT INTO [{fts_table(register)}](rowid, {', '.join(fts_cols)}) "
        f"VALUES ({', '.join('?' * (len(fts_cols) + 1))})"
    )
    return sql, fts_sql


def next_id(store: Store, register: Register) -> int:
    """The id the next row of the register will get (for files prepared ahead, see bulk.py)."""
    return int(store.read(f"SELECT max(id) FROM [{register.table}]")[0][0] or 0) + 1


def write_bulk(store: Store, register: Register, chunks: Iterable[list[BulkRow]]) -> int:
    """Insert prepared rows chunk by chunk in one transaction; returns the count."""
    sql, fts_sql = _bulk_sql(register)
    count = 0
    with store.transaction() as c:
        next_id = (c.execute(f"SELECT max(id) FROM [{register.table}]").fetchone()[0] or 0) + 1
        for chunk in chunks:
            ids = range(next_id, next_id + len(chunk))
            c.executemany(sql, [[i, *row] for i, (row, _) in zip(ids, chunk, strict=True)])
            c.executemany(fts_sql, [[i, *f] for i, (_, f) in zip(ids, chunk, strict=True) if f])
            next_id += len(chunk)
            count += len(chunk)
    return count


def chunked(items: Iterable[BulkRow], size: int = 20000) -> Iterator[list[BulkRow]]:
    """Lists of at most `size` items."""
    chunk: list[BulkRow] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def bulk_insert(
    store: Store,
    register: Register,
    records: Iterable[Record],
    *,
    stored_form: bool = False,
) -> int:
    """Insert many already-clean records (demo data, imports) in one transaction; returns the count.

    Records must carry their serials (see raise_serial_counter). With `stored_form` the values are
    already as stored (ISO date text, 0/1), which saves a conversion per cell on a million rows.
    """
    prepared = prepare_bulk(register, records, stored_form=stored_form)
    return write_bulk(store, register, chunked(prepared))


def find_duplicates(store: Store, register: Register, record: Record) -> list[str]:
    """Warnings (not refusals) about rows that look like this one: same 来文机关 + 文号, same title."""
    warnings: list[str] = []
    own_id = record.get("id")
    if register.table in DERIVED_COLUMNS and record.get("sender_ref"):
        key = f"{record.get('sender') or ''}|{normalise_doc_number(record.get('sender_ref'))}"
        for row in store.read(
            f"SELECT id, serial, title, received_at FROM [{register.table}] "
            "WHERE ref_key = ? AND voided_at IS NULL AND id IS NOT ? LIMIT 3",
            (key, own_id),
        ):
            warnings.append(
                f"「{record.get('sender')}」的「{record.get('sender_ref')}」已于 "
                f"{str(row[3])[:10]} 登记为 {row[1]}《{row[2]}》，可能重复收文。"
            )
    if (
        register.has("title")
        and record.get("title")
        and register.date_field
        and register.field(register.date_field).kind is Kind.DATETIME
    ):
        days = int(settings.get(store, "duplicate_title_days"))
        when = record.get(register.date_field) or dt.datetime.now()
        start = (when - dt.timedelta(days=days)).isoformat(sep=" ")
        end = (when + dt.timedelta(days=days)).isoformat(sep=" ")
        for row in store.read(
            f"SELECT serial, [{register.date_field}] FROM [{register.table}] "
            f"WHERE title = ? AND voided_at IS NULL AND id IS NOT ? "
            f"AND [{register.date_field}] BETWEEN ? AND ? LIMIT 3",
            (record["title"], own_id, start, end),
        ):
            warnings.append(
                f"{days} 天内已有同标题文件 {row[0]}（{str(row[1])[:10]} 签收），请核对是否重复。"
            )
    return warnings


def raise_serial_counter(store: Store, register: Register, year: int, last: int) -> None:
    """Make sure the year's series continues after `last` (after a bulk load or an import)."""
    assert register.serial_setting
    template = str(settings.get(store, register.serial_setting))
    with store.transaction() as c:
        c.execute(
            "INSERT INTO serial_counter(series, last) VALUES(?, ?) "
            "ON CONFLICT(series) DO UPDATE SET last = max(last, excluded.last)",
            (serial_series(template, year), last),
        )

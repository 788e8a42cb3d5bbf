"""Lists of a register: filter, search and sort in SQL, a page at a time, never the whole table."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from officedesk.core.fields import Register
from officedesk.core.pinyin import is_initials_query
from officedesk.core.searchtext import phrase
from officedesk.storage.db import Store
from officedesk.storage.records import get_many
from officedesk.storage.schema import fts_table, live_index


@dataclass(frozen=True)
class Query:
    """What a list shows: the register, its filters, its search text and its sort order."""

    register: Register
    search: str = ""
    filters: tuple[tuple[str, Any], ...] = ()  # (field, value) equalities
    year: int | None = None
    overdue: bool = False
    voided: bool = False  # the recycle bin instead of the live rows
    sort: str | None = None  # a field name, or None for the register's default
    descending: bool | None = None
    today: dt.date = field(default_factory=dt.date.today)

    def with_(self, **changes: Any) -> Query:
        """A copy with some parts changed."""
        return replace(self, **changes)

    @property
    def sort_column(self) -> str:
        return self.sort or self.register.default_sort[0]

    @property
    def sort_descending(self) -> bool:
        if self.descending is None:
            return self.register.default_sort[1] if self.sort is None else False
        return self.descending

    @property
    def terms(self) -> list[str]:
        return self.search.split()


def match_expression(register: Register, terms: list[str]) -> str:
    """The FTS5 MATCH text: every term must occur; letters-only terms may also be pinyin initials."""
    columns = " ".join(f.name for f in register.search_fields)
    parts = []
    for term in terms:
        if is_initials_query(term) and register.pinyin_fields:
            parts.append(f"({phrase(term)})")  # text columns and the pinyin column
        else:
            parts.append(f"({{{columns}}} : {phrase(term)})")
    return " AND ".join(parts)


def _where(query: Query, walk: bool = False) -> tuple[list[str], list[Any]]:
    """The WHERE clauses; with `walk` the year range is kept off the date index (unary +)."""
    reg = query.register
    plus = "+" if walk else ""
    clauses = ["t.voided_at IS NOT NULL" if query.voided else "t.voided_at IS NULL"]
    params: list[Any] = []
    for name, value in query.filters:
        reg.field(name)  # KeyError for a field the register does not have
        if value is None or value == "":
            clauses.append(f"(t.[{name}] IS NULL OR t.[{name}] = '')")
        else:
            clauses.append(f"t.[{name}] = ?")
            params.append(value)
    if query.year is not None and reg.date_field:
        clauses.append(f"{plus}t.[{reg.date_field}] >= ? AND {plus}t.[{reg.date_field}] < ?")
        params += [f"{query.year:04d}-01-01", f"{query.year + 1:04d}-01-01"]
    if query.overdue and reg.due_field and reg.done_field:
        clauses.append(f"t.[{reg.done_field}] IS NULL AND t.[{reg.due_field}] < ?")
        params.append(query.today.isoformat())
    return clauses, params


def _unfiltered(query: Query) -> bool:
    return not (query.terms or query.filters or query.year is not None or query.overdue
                or query.voided)  # fmt: skip


def _search_source(query: Query, live_ids: bool = False) -> tuple[str, list[Any]]:
    """The FROM part: the table, joined to the search index when there is search text.

    `live_ids` names the small index of live ids (for a count or an id-ordered page of the
    whole register): the planner would otherwise scan the wide table.
    """
    reg = query.register
    if not query.terms:
        hint = f" INDEXED BY [{live_index(reg)}]" if live_ids and _unfiltered(query) else ""
        return f"[{reg.table}] AS t{hint}", []
    if query.voided:
        return f"[{reg.table}] AS t", []  # the bin is small and not indexed: filtered below
    return (
        # CROSS JOIN keeps the index as the outer loop: SQLite never reorders it, and the index
        # hands out rowids in order, so a first page by id needs no sort.
        f"[{fts_table(reg)}] AS s CROSS JOIN [{reg.table}] AS t ON t.id = s.rowid",
        [match_expression(reg, query.terms)],
    )


def _bin_search(query: Query) -> tuple[list[str], list[Any]]:
    reg = query.register
    clauses, params = [], []
    for term in query.terms:
        ors = " OR ".join(f"instr(lower(t.[{f.name}]), ?) > 0" for f in reg.search_fields)
        clauses.append(f"({ors})")
        params += [term.lower()] * len(reg.search_fields)
    return clauses, params


def _sql(
    query: Query, select: str, walk: bool = False, live_ids: bool = False
) -> tuple[str, list[Any]]:
    source, params = _search_source(query, live_ids)
    clauses, where_params = _where(query, walk)
    if query.terms and not query.voided:
        clauses.append(f"[{fts_table(query.register)}] MATCH ?")
        where_params = [*where_params, params.pop()]
    elif query.terms:
        extra, extra_params = _bin_search(query)
        clauses += extra
        where_params += extra_params
    return f"SELECT {select} FROM {source} WHERE {' AND '.join(clauses)}", params + where_params


def count(store: Store, query: Query) -> int:
    """How many rows the list holds."""
    reg = query.register
    only_search = query.terms and not (query.filters or query.year or query.overdue or query.voided)
    if only_search:
        # The index holds live rows only, so it can count on its own.
        sql = f"SELECT count(*) FROM [{fts_table(reg)}] WHERE [{fts_table(reg)}] MATCH ?"
        return int(store.read(sql, (match_expression(reg, query.terms),))[0][0])
    sql, params = _sql(query, "count(*)", live_ids=True)
    return int(store.read(sql, params)[0][0])


def _order(query: Query) -> str:
    direction = "DESC" if query.sort_descending else "ASC"
    column = query.sort_column
    if column == "id":
        return f"{'s.rowid' if query.terms and not query.voided else 't.id'} {direction}"
    reg = query.register
    if column == reg.serial_field and reg.date_field:
        # Serials sort as registered: as text 收〔2024〕10号 would come before 收〔2024〕2号.
        return f"t.[{reg.date_field}] {direction}, t.id {direction}"
    reg.field(column)
    if reg.date_field and column != reg.date_field:
        # Ties in registration time order; the column's index holds (column, date).
        return f"t.[{column}] {direction}, t.[{reg.date_field}] {direction}, t.id {direction}"
    return f"t.[{column}] {direction}, t.id {direction}"


def _walk_sort_index(store: Store, query: Query) -> bool:
    """Whether a year-filtered list should walk its sort column's (column, date) index.

    For a column with few distinct values SQLite skip-scans that index by itself. For one with
    many (来文字号, 标题) it would rather read the whole year and sort it; but rows of one year
    are spread through such a column, so walking its index in order and testing the date
    (held in the same index) fills a page after a few hundred entries.
    """
    reg = query.register
    column = query.sort_column
    if query.year is None or query.terms or column in ("id", reg.date_field, reg.serial_field):
        return False
    key = ("rows_per_value", reg.table, column)
    if key not in store.cache:
        rows = store.read(
            "SELECT stat FROM sqlite_stat1 WHERE tbl = ? AND idx = ?",
            (reg.table, f"idx_{reg.table}_{column}"),
        ) if _has_stats(store) else []  # fmt: skip
        parts = str(rows[0][0]).split() if rows else []
        store.cache[key] = int(parts[1]) if len(parts) > 1 else None
    per_value = store.cache[key]
    return isinstance(per_value, int) and per_value < 100


def _has_stats(store: Store) -> bool:
    if "has_stats" not in store.cache:
        store.cache["has_stats"] = bool(
            store.read("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        )
    return bool(store.cache["has_stats"])


def page_ids(store: Store, query: Query, offset: int, limit: int) -> list[int]:
    """The ids of rows `offset` .. `offset + limit` of the list, in order."""
    by_id = query.sort_column == "id"
    sql, params = _sql(query, "t.id", walk=_walk_sort_index(store, query), live_ids=by_id)
    sql += f" ORDER BY {_order(query)} LIMIT ? OFFSET ?"
    return [r[0] for r in store.read(sql, [*params, limit, offset])]


def page(store: Store, query: Query, offset: int, limit: int) -> list[dict[str, Any]]:
    """Rows `offset` .. `offset + limit` of the list (values as stored), in order."""
    ids = page_ids(store, query, offset, limit)
    rows = get_many(store, query.register, ids)
    return [rows[i] for i in ids if i in rows]


@dataclass
class SearchResult:
    """What the command line and the search box report."""

    count: int
    elapsed_ms: float
    rows: list[dict[str, Any]]


def search(store: Store, query: Query, limit: int = 50) -> SearchResult:
    """The first page of a search and the total count, timed."""
    start = time.perf_counter()
    rows = page(store, query, 0, limit)
    total = count(store, query)
    return SearchResult(total, (time.perf_counter() - start) * 1000, rows)


def years(store: Store, register: Register) -> list[int]:
    """The years that have rows, newest first (for the year filter)."""
    if not register.date_field:
        return []
    col = register.date_field
    # Walk the index year by year instead of scanning a million rows.
    found: list[int] = []
    row = store.read(
        f"SELECT max([{col}]) FROM [{register.table}] WHERE voided_at IS NULL AND [{col}] IS NOT NULL"
    )
    latest = row[0][0]
    while latest:
        year = int(str(latest)[:4])
        found.append(year)
        latest = store.read(
            f"SELECT max([{col}]) FROM [{register.table}] WHERE voided_at IS NULL AND [{col}] < ?",
            (f"{year:04d}-01-01",),
        )[0][0]
    return found


def distinct_values(store: Store, register: Register, name: str, limit: int = 200) -> list[str]:
    """The most common values of a column (for filter pick lists)."""
    register.field(name)
    rows = store.read(
        f"SELECT [{name}], count(*) AS n FROM [{register.table}] WHERE voided_at IS NULL "
        f"AND [{name}] IS NOT NULL AND [{name}] != '' GROUP BY [{name}] ORDER BY n DESC LIMIT ?",
        (limit,),
    )
    return [str(r[0]) for r in rows]


def iter_rows(store: Store, query: Query, batch: int = 2000) -> Iterator[dict[str, Any]]:
    """Every row of the list in order (values as stored), read `batch` rows at a time.

    For exports and prints: memory stays flat however long the register is.
    """
    ids = page_ids(store, query, 0, -1)  # ids only: 8 bytes a row, then rows in batches
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        rows = get_many(store, query.register, chunk)
        for i in chunk:
            if i in rows:
                yield rows[i]

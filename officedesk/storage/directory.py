"""The directory: departments, people and outside units (来文机关), completing by text or pinyin."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from officedesk.core.pinyin import initials_variants, is_initials_query
from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.storage.db import Store, new_uuid, now_text
from officedesk.storage.errors import ValidationError

Entry = dict[str, Any]


@dataclass(frozen=True)
class DirectoryKind:
    """One list of the directory: its table, its editable columns and their Chinese labels."""

    key: str  # the name a Field's `completion` uses: departments, people, units
    table: str
    label: str  # 部门 / 人员 / 外单位
    columns: tuple[tuple[str, str], ...]  # (column, label); the first is always `name`
    order: str  # ORDER BY of the full list
    int_columns: tuple[str, ...] = ()

    @property
    def match_columns(self) -> tuple[str, ...]:
        """The columns typed text is looked for in (besides the pinyin initials)."""
        return tuple(c for c in ("name", "short") if c in dict(self.columns))

    def column_label(self, column: str) -> str:
        """The Chinese label of `column`."""
        return dict(self.columns)[column]


DEPARTMENTS = DirectoryKind(
    "departments", "department", "部门",
    (("name", "部门名称"), ("short", "简称"), ("sort", "排序")),
    order="sort, name", int_columns=("sort",),
)  # fmt: skip
PEOPLE = DirectoryKind(
    "people", "person", "人员",
    (("name", "姓名"), ("department", "部门"), ("post", "职务"), ("phone", "电话")),
    order="department, name",
)  # fmt: skip
UNITS = DirectoryKind(
    "units", "outside_unit", "外单位",
    (("name", "单位名称"), ("short", "简称"), ("uses", "来文次数")),
    order="uses DESC, name", int_columns=("uses",),
)  # fmt: skip
KINDS: dict[str, DirectoryKind] = {k.key: k for k in (DEPARTMENTS, PEOPLE, UNITS)}


def kind_of(key: str) -> DirectoryKind:
    """The directory list called `key`; KeyError with the known names if there is none."""
    try:
        return KINDS[key]
    except KeyError:
        raise KeyError(f"未知的名录「{key}」，可选：{'、'.join(KINDS)}") from None


# -- helpers -------------------------------------------------------------------------------


def _py(values: Mapping[str, Any]) -> str:
    """The matching column: initials of every reading of the name and the short name."""
    variants: list[str] = []
    for column in ("name", "short"):
        for v in initials_variants(str(values.get(column) or "")):
            if v not in variants:
                variants.append(v)
    # Space-separated so that a typed run of letters cannot match across two variants.
    return " ".join(variants)


def _rows(store: Store, sql: str, params: Any = ()) -> list[Entry]:
    return store.read_dicts(sql, params)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _clean(kind: DirectoryKind, values: Mapping[str, Any]) -> Entry:
    """The editable columns of `values`, stripped and typed; ValidationError names the column."""
    known = {c for c, _ in kind.columns}
    out: Entry = {}
    for column, value in values.items():
        if column not in known:
            raise ValidationError(f"{kind.label}没有「{column}」这一项", field=column)
        if column in kind.int_columns:
            try:
                out[column] = int(str(value).strip() or 0) if value is not None else 0
            except ValueError:
                raise ValidationError(
                    f"「{kind.column_label(column)}」应为整数：{value}", field=column
                ) from None
        else:
            text = "" if value is None else str(value).strip()
            out[column] = text or None
    return out


def _check_name(store: Store, kind: DirectoryKind, name: Any, own_id: int | None) -> str:
    if not name:
        raise ValidationError(f"「{kind.column_label('name')}」必须填写", field="name")
    taken = _rows(
        store,
        f"SELECT id FROM [{kind.table}] WHERE name = ? AND voided_at IS NULL AND id IS NOT ?",
        (name, own_id),
    )
    if taken:
        raise ValidationError(f"{kind.label}「{name}」已存在，名称不能重复", field="name")
    return str(name)


# -- writing -------------------------------------------------------------------------------


def get(store: Store, kind: str, entry_id: int) -> Entry:
    """One entry (voided or not); KeyError if there is none."""
    spec = kind_of(kind)
    rows = _rows(store, f"SELECT * FROM [{spec.table}] WHERE id = ?", (entry_id,))
    if not rows:
        raise KeyError(f"{spec.label}第 {entry_id} 条不存在")
    return rows[0]


def add(store: Store, kind: str, values: Mapping[str, Any]) -> Entry:
    """Add an entry; ValidationError (naming the column) if the name is empty or already live."""
    spec = kind_of(kind)
    data = _clean(spec, values)
    with store.transaction() as c:
        data["name"] = _check_name(store, spec, data.get("name"), None)
        stamp = now_text()
        data.update(uuid=new_uuid(), created_at=stamp, updated_at=stamp, py=_py(data))
        cols = ", ".join(f"[{k}]" for k in data)
        cur = c.execute(
            f"INSERT INTO [{spec.table}] ({cols}) VALUES ({', '.join('?' * len(data))})",
            list(data.values()),
        )
        new_id = int(cur.lastrowid or 0)
    return get(store, kind, new_id)


def add_department(store: Store, name: str, short: str = "", sort: int = 0) -> Entry:
    """Add a department (部门)."""
    return add(store, "departments", {"name": name, "short": short, "sort": sort})


def add_person(
    store: Store, name: str, department: str = "", post: str = "", phone: str = ""
) -> Entry:
    """Add a person (人员) with their department, post and phone."""
    values = {"name": name, "department": department, "post": post, "phone": phone}
    return add(store, "people", values)


def add_unit(store: Store, name: str, short: str = "") -> Entry:
    """Add an outside unit (来文机关)."""
    return add(store, "units", {"name": name, "short": short})


def update(store: Store, kind: str, entry_id: int, changes: Mapping[str, Any]) -> Entry:
    """Change an entry; ValidationError (naming the column) if the new name is empty or taken."""
    spec = kind_of(kind)
    old = get(store, kind, entry_id)
    if old["voided_at"]:
        raise ValidationError(f"{spec.label}「{old['name']}」已删除，不能修改")
    data = _clean(spec, changes)
    with store.transaction() as c:
        if "name" in data:
            data["name"] = _check_name(store, spec, data["name"], entry_id)
        merged = {**old, **data}
        data.update(updated_at=now_text(), py=_py(merged))
        sets = ", ".join(f"[{k}] = ?" for k in data)
        c.execute(f"UPDATE [{spec.table}] SET {sets} WHERE id = ?", [*data.values(), entry_id])
    return get(store, kind, entry_id)


def void(store: Store, kind: str, entry_id: int) -> None:
    """Remove an entry from the lists (soft delete: the row stays, records keep their text)."""
    spec = kind_of(kind)
    with store.transaction() as c:
        stamp = now_text()
        c.execute(
            f"UPDATE [{spec.table}] SET voided_at = ?, updated_at = ? "
            "WHERE id = ? AND voided_at IS NULL",
            (stamp, stamp, entry_id),
        )


def restore(store: Store, kind: str, entry_id: int) -> Entry:
    """Bring a removed entry back; ValidationError if a live entry has taken its name since."""
    spec = kind_of(kind)
    old = get(store, kind, entry_id)
    with store.transaction() as c:
        _check_name(store, spec, old["name"], entry_id)
        c.execute(
            f"UPDATE [{spec.table}] SET voided_at = NULL, updated_at = ? WHERE id = ?",
            (now_text(), entry_id),
        )
    return get(store, kind, entry_id)


# -- reading -------------------------------------------------------------------------------


def _match(spec: DirectoryKind, typed: str) -> tuple[str, list[Any], str, list[Any]]:
    """WHERE and prefix-rank SQL for `typed`: a substring of name/short, or pinyin initials."""
    like, prefix = f"%{_escape_like(typed)}%", f"{_escape_like(typed)}%"
    test = " OR ".join(f"[{c}] LIKE ? ESCAPE '\\'" for c in spec.match_columns)
    n = len(spec.match_columns)
    where, where_params = f"({test}", [like] * n
    rank, rank_params = f"({test}", [prefix] * n
    if is_initials_query(typed):
        initials = _escape_like(typed.lower())
        where += " OR py LIKE ? ESCAPE '\\'"
        where_params.append(f"%{initials}%")
        rank += " OR py LIKE ? ESCAPE '\\' OR py LIKE ? ESCAPE '\\'"
        rank_params += [f"{initials}%", f"% {initials}%"]
    return where + ")", where_params, rank + ")", rank_params


def list_entries(
    store: Store, kind: str, text: str = "", include_voided: bool = False
) -> list[Entry]:
    """The entries of a list, filtered by name/short substring or pinyin initials."""
    spec = kind_of(kind)
    clauses: list[str] = [] if include_voided else ["voided_at IS NULL"]
    params: list[Any] = []
    if text.strip():
        where, params, _, _ = _match(spec, text.strip())
        clauses.append(where)
    sql = f"SELECT * FROM [{spec.table}]"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    return _rows(store, f"{sql} ORDER BY {spec.order}", params)


def list_departments(store: Store, text: str = "") -> list[Entry]:
    """Live departments in their sort order."""
    return list_entries(store, "departments", text)


def list_people(store: Store, text: str = "") -> list[Entry]:
    """Live people by department and name."""
    return list_entries(store, "people", text)


def list_units(store: Store, text: str = "") -> list[Entry]:
    """Live outside units, the most used first."""
    return list_entries(store, "units", text)


def complete(store: Store, kind: str, typed: str, limit: int = 20) -> list[str]:
    """Names matching `typed` (substring, or pinyin initials on any reading of 多音字).

    Prefix matches come first, then the most used (units) or the sort order (departments).
    """
    spec = kind_of(kind)
    typed = typed.strip()
    if not typed:
        return []
    where, params, rank, rank_params = _match(spec, typed)
    weight = {"units": "uses DESC, ", "departments": "sort, "}.get(kind, "")
    rows = store.read(
        f"SELECT name FROM [{spec.table}] WHERE voided_at IS NULL AND {where} "
        f"ORDER BY {rank} DESC, {weight}name LIMIT ?",
        [*params, *rank_params, limit],
    )
    return [str(r[0]) for r in rows]


# -- learning 来文机关 from the register ------------------------------------------------------


def note_unit_used(store: Store, name: str | None) -> None:
    """Count one more document from `name`, adding it to the outside units if it is new."""
    name = (name or "").strip()
    if not name:
        return
    with store.transaction() as c:
        stamp = now_text()
        cur = c.execute(
            "UPDATE outside_unit SET uses = uses + 1, updated_at = ? "
            "WHERE name = ? AND voided_at IS NULL",
            (stamp, name),
        )
        if cur.rowcount == 0:
            c.execute(
                "INSERT INTO outside_unit(uuid, created_at, updated_at, name, py, uses) "
                "VALUES (?, ?, ?, ?, ?, 1)",
                (new_uuid(), stamp, stamp, name, _py({"name": name})),
            )


def rebuild_units_from_register(store: Store) -> int:
    """Fill the outside units from the 来文机关 of the live 收文 rows with their counts.

    Existing units get their count set from the register; returns how many units were added.
    """
    table = INCOMING_DOCUMENT.table
    counts = store.read(
        f"SELECT sender, count(*) FROM [{table}] WHERE voided_at IS NULL "
        "AND sender IS NOT NULL AND sender != '' GROUP BY sender"
    )
    live = {str(r[0]) for r in store.read("SELECT name FROM outside_unit WHERE voided_at IS NULL")}
    stamp = now_text()
    new_rows = [
        (new_uuid(), stamp, stamp, str(r[0]), _py({"name": r[0]}), int(r[1]))
        for r in counts
        if str(r[0]) not in live
    ]
    with store.transaction() as c:
        c.executemany(
            "UPDATE outside_unit SET uses = ?, updated_at = ? WHERE name = ? AND voided_at IS NULL",
            [(int(r[1]), stamp, str(r[0])) for r in counts if str(r[0]) in live],
        )
        c.executemany(
            "INSERT INTO outside_unit(uuid, created_at, updated_at, name, py, uses) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            new_rows,
        )
    return len(new_rows)

"""会议室: the rooms the planner books (name, capacity, equipment), and directory look-ups."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from officedesk.storage.db import Store, new_uuid, now_text
from officedesk.storage.errors import ValidationError

Row = dict[str, Any]


def _text(value: Any) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def rooms(store: Store) -> list[Row]:
    """The live rooms in their order (sort, then name)."""
    return store.read_dicts(
        "SELECT id, name, capacity, equipment, sort, remarks FROM room "
        "WHERE voided_at IS NULL ORDER BY sort, name"
    )


def room(store: Store, room_id: int) -> Row:
    """One room (voided or not); KeyError if there is none."""
    found = store.read_dicts("SELECT * FROM room WHERE id = ?", (room_id,))
    if not found:
        raise KeyError(f"会议室第 {room_id} 条不存在")
    return found[0]


def room_named(store: Store, name: str) -> Row | None:
    """The live room called `name`, if there is one."""
    found = store.read_dicts(
        "SELECT * FROM room WHERE name = ? AND voided_at IS NULL", ((name or "").strip(),)
    )
    return found[0] if found else None


def _clean_room(values: Mapping[str, Any]) -> Row:
    name = _text(values.get("name"))
    if not name:
        raise ValidationError("「会议室名称」必须填写", field="name")
    capacity_text = _text(values.get("capacity"))
    try:
        capacity = int(capacity_text) if capacity_text else None
    except ValueError:
        raise ValidationError(f"「容纳人数」应为整数：{capacity_text}", field="capacity") from None
    if capacity is not None and capacity <= 0:
        raise ValidationError("「容纳人数」应大于 0", field="capacity")
    return {"name": name, "capacity": capacity, "equipment": _text(values.get("equipment")),
            "sort": int(values.get("sort") or 0), "remarks": _text(values.get("remarks"))}  # fmt: skip


def save_room(store: Store, values: Mapping[str, Any], room_id: int | None = None) -> Row:
    """Add (room_id None) or change a room; ValidationError names the field."""
    data = _clean_room(values)
    with store.transaction() as c:
        taken = c.execute(
            "SELECT id FROM room WHERE name = ? AND voided_at IS NULL AND id IS NOT ?",
            (data["name"], room_id),
        ).fetchone()
        if taken:
            raise ValidationError(f"会议室「{data['name']}」已存在，名称不能重复", field="name")
        stamp = now_text()
        if room_id is None:
            data.update(uuid=new_uuid(), created_at=stamp, updated_at=stamp)
            cur = c.execute(
                f"INSERT INTO room ({', '.join(data)}) VALUES ({', '.join('?' * len(data))})",
                list(data.values()),
            )
            room_id = int(cur.lastrowid or 0)
        else:
            data["updated_at"] = stamp
            sets = ", ".join(f"{k} = ?" for k in data)
            c.execute(f"UPDATE room SET {sets} WHERE id = ?", [*data.values(), room_id])
    return room(store, room_id)


def void_room(store: Store, room_id: int) -> None:
    """Remove a room from the list (meetings keep its name)."""
    with store.transaction() as c:
        stamp = now_text()
        c.execute("UPDATE room SET voided_at = ?, updated_at = ? WHERE id = ? "
                  "AND voided_at IS NULL", (stamp, stamp, room_id))  # fmt: skip


def person(store: Store, name: str) -> Row | None:
    """The directory's entry for `name` (department, post, phone), to fill an attendee row."""
    found = store.read_dicts(
        "SELECT id, name, department, post, phone FROM person WHERE name = ? "
        "AND voided_at IS NULL", ((name or "").strip(),),
    )  # fmt: skip
    return found[0] if found else None

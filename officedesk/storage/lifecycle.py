"""作废 and 恢复 with each area's rules: every path (a tab's Del, the 回收站, the CLI) goes
through `records.void` / `records.restore`, which run the rules of the register here.

A register's rules are a `Rules` of four optional hooks `(store, record, reason) -> None`:
`check_void` / `check_restore` refuse with a ValidationError (a Chinese sentence: what, why, what
to do) before anything is written; `after_void` / `after_restore` keep the linked rows right
(a 收文's 档号, a decision's 督办 link). All four run inside the void's or restore's transaction,
so a refusal or an error in any of them leaves nothing half-done. `notes` says, before the clerk
confirms a 作废, what else it means (已转督办的议定事项, paper still out with readers).

Each area adds its rules to `rules()`; imported there, not at the top, because the areas' storage
modules import `records`, which looks the rules up here (as `agenda.sources()` does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from officedesk.core.fields import Record, Register
from officedesk.storage.db import Store
from officedesk.storage.errors import ValidationError

Hook = Callable[[Store, Record, str], None]
Notes = Callable[[Store, Record], list[str]]


@dataclass(frozen=True)
class Rules:
    """One area's rules for the rows of one register (key); every hook optional."""

    register: str
    check_void: Hook | None = None
    after_void: Hook | None = None
    check_restore: Hook | None = None
    after_restore: Hook | None = None
    notes: Notes | None = None
    related: tuple[str, ...] = ()  # registers whose lists change with it (to refresh them)


def rules() -> list[Rules]:
    """Every area's rules, in a fixed order (several areas may add rules to one register)."""
    from officedesk.storage import archive, meeting_minutes, meetings, supervision, workflow

    return [
        *archive.LIFECYCLE,
        *meetings.LIFECYCLE,
        *meeting_minutes.LIFECYCLE,
        *supervision.LIFECYCLE,
        *workflow.LIFECYCLE,
    ]


def of(register: Register | str) -> list[Rules]:
    """The rules of one register (by declaration or key)."""
    key = register if isinstance(register, str) else register.key
    return [r for r in rules() if r.register == key]


def run(register: Register, hook: str, store: Store, record: Record, reason: str = "") -> None:
    """Run `hook` ("check_void", "after_restore", …) of every rule of the register."""
    for r in of(register):
        fn: Hook | None = getattr(r, hook)
        if fn is not None:
            fn(store, record, reason)


def notes(store: Store, register: Register, ids: Iterable[int]) -> list[str]:
    """What voiding these rows also means, one sentence each (shown before the clerk confirms)."""
    from officedesk.storage import records

    found = [r.notes for r in of(register) if r.notes is not None]
    out: list[str] = []
    for rid in ids:
        record = records.get(store, register, rid)
        for fn in found:
            out += fn(store, record)
    return out


def related(register: Register) -> list[str]:
    """The keys of registers whose rows a void/restore of this one may change."""
    keys: list[str] = []
    for r in of(register):
        keys += [k for k in r.related if k not in keys]
    return keys


def in_batch(register: Register, record: Record, n: int, total: int, exc: ValidationError,
             done: str) -> ValidationError:  # fmt: skip
    """A refusal inside a batch, saying which row (k of n) refused and that none was `done`.

    The error keeps its class (ConflictError keeps its `conflicts`), only its text changes."""
    if total > 1:
        what = register.describe_record(record)
        head = f"第 {n} 条" if what in str(exc) else f"第 {n} 条 {what}"
        exc.args = (
            f"{head}：{exc}\n\n选中的 {total} 条记录均未{done}（要么全部{done}，要么都不{done}）。",
        )
    return exc


def check_void(store: Store, register: Register, ids: Iterable[int]) -> None:
    """Refuse before asking the clerk anything (the checks only read; `records.void_many` runs
    them again in its transaction). ValidationError as from void_many."""
    from officedesk.storage import records

    wanted = list(ids)
    for n, rid in enumerate(wanted, 1):
        record = records.get(store, register, rid)
        if record["voided_at"]:
            continue
        try:
            run(register, "check_void", store, record)
        except ValidationError as exc:
            raise in_batch(register, record, n, len(wanted), exc, "作废") from None

"""The archive index: 件 with allocated 件号 and derived 档号, and 归档 of 收文 records.

Numbering. 件号 is the next free number of the 件's lowest category, allocated inside the
insert's transaction (BEGIN IMMEDIATE: two connections can never both take the same number).
A number once given is never given again: a voided 件 keeps its 档号 in the recycle bin (its
归档章 may already be stamped on paper), the counter never goes back, and restoring it brings
the same number back. The gap is stated in the box's 备考表 (see `voided_numbers`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from officedesk.core import archive as rules
from officedesk.core.archive import ArchiveRuleError, Category, RetentionRule
from officedesk.core.fields import Record
from officedesk.core.registers import ARCHIVE_ITEM, ARCHIVE_LOAN, INCOMING_DOCUMENT
from officedesk.storage import records, settings, workflow
from officedesk.storage.db import Store, new_uuid, now_text
from officedesk.storage.errors import ValidationError
from officedesk.storage.lifecycle import Rules

FILEABLE_STATUS = ("已办结", "待归档")
FILED_STATUS = "已归档"
UNFILED_STATUS = "待归档"  # a 收文 whose 件 was voided goes back to the year-end list
DEFAULT_RETENTION = "定期30年"


def _problem(exc: ArchiveRuleError) -> ValidationError:
    return ValidationError(str(exc), field=exc.field or None)


# -- the 全宗's settings and lists --------------------------------------------------------


def fonds_no(store: Store) -> str:
    """The 全宗号 (checked); ValidationError asking for it when it is not set yet."""
    try:
        return rules.check_fonds(str(settings.get(store, "fonds_no")))
    except ArchiveRuleError as exc:
        raise _problem(exc) from None


def fonds_name(store: Store) -> str:
    """The 全宗名称, or the unit's name when none was set."""
    return str(settings.get(store, "fonds_name") or "").strip() or str(
        settings.get(store, "unit_name")
    )


def scheme(store: Store) -> str:
    """The classification scheme fixed for the 全宗."""
    return str(settings.get(store, "archive_scheme"))


def orgs(store: Store) -> list[tuple[str, str]]:
    """The 机构(问题) codes with their names, in the unit's order."""
    rows = store.read(
        "SELECT code, name FROM archive_org WHERE voided_at IS NULL ORDER BY sort, id"
    )
    return [(str(r[0]), str(r[1])) for r in rows]


def set_orgs(store: Store, items: Sequence[tuple[str, str]]) -> None:
    """Replace the 机构(问题) list; codes already used by a 件 cannot be dropped."""
    seen: set[str] = set()
    clean: list[tuple[str, str]] = []
    for i, (code, name) in enumerate(items, 1):
        try:
            code = rules.check_org_code(code)
        except ArchiveRuleError as exc:
            raise ValidationError(f"第 {i} 行：{exc}", "org_code") from None
        if not name.strip():
            raise ValidationError(f"第 {i} 行：请填写机构(问题)「{code}」的名称", "name")
        if code in seen:
            raise ValidationError(f"第 {i} 行：机构(问题)代码「{code}」重复", "org_code")
        seen.add(code)
        clean.append((code, name.strip()))
    used = {
        str(r[0])
        for r in store.read(
            "SELECT DISTINCT org_code FROM archive_item WHERE voided_at IS NULL AND org_code != ''"
        )
    }
    dropped = sorted(used - seen)
    if dropped:
        raise ValidationError(
            f"机构(问题)代码 {'、'.join(dropped)} 已有归档文件使用，不能删除", "org_code"
        )
    stamp = now_text()
    with store.transaction() as c:
        c.execute("UPDATE archive_org SET voided_at = ?, updated_at = ? WHERE voided_at IS NULL",
                  (stamp, stamp))  # fmt: skip
        for sort, (code, name) in enumerate(clean):
            c.execute(
                "INSERT INTO archive_org(uuid, created_at, updated_at, code, name, sort) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (new_uuid(), stamp, stamp, code, name, sort),
            )


def retention_rules(store: Store) -> list[RetentionRule]:
    """The unit's 保管期限表, first match wins."""
    rows = store.read(
        "SELECT pattern, retention, org_code, note FROM archive_retention_rule "
        "WHERE voided_at IS NULL ORDER BY sort, id"
    )
    return [RetentionRule(str(r[0]), str(r[1]), str(r[2] or ""), str(r[3] or "")) for r in rows]


def set_retention_rules(store: Store, items: Sequence[RetentionRule]) -> None:
    """Replace the 保管期限表 after checking every line."""
    for i, rule in enumerate(items, 1):
        if not rule.pattern.strip():
            raise ValidationError(f"保管期限表第 {i} 行：请填写文件类别或关键词", "pattern")
        try:
            rules.retention_name(rule.retention)
            if rule.org:
                rules.check_org_code(rule.org)
        except ArchiveRuleError as exc:
            raise ValidationError(f"保管期限表第 {i} 行：{exc}", exc.field) from None
    stamp = now_text()
    with store.transaction() as c:
        c.execute(
            "UPDATE archive_retention_rule SET voided_at = ?, updated_at = ? "
            "WHERE voided_at IS NULL",
            (stamp, stamp),
        )
        for sort, rule in enumerate(items):
            c.execute(
                "INSERT INTO archive_retention_rule(uuid, created_at, updated_at, pattern, "
                "retention, org_code, note, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (new_uuid(), stamp, stamp, rule.pattern.strip(),
                 rules.retention_name(rule.retention), rule.org or None, rule.note or None, sort),
            )  # fmt: skip


def option(store: Store, key: str, default: Any) -> Any:
    """An archive option (label-sheet layout…) stored as JSON, or `default`."""
    rows = store.read("SELECT value FROM archive_option WHERE key = ?", (key,))
    return json.loads(rows[0][0]) if rows else default


def set_option(store: Store, key: str, value: Any) -> None:
    """Save an archive option."""
    with store.transaction() as c:
        c.execute(
            "INSERT INTO archive_option(key, value) VALUES(?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )


# -- 件号 allocation ---------------------------------------------------------------------------


def category_of(store: Store, year: int, retention: str, org: str | None) -> Category:
    """The lowest category of a 件 under the 全宗's scheme; ValidationError names the field."""
    try:
        known = [code for code, _ in orgs(store)]
        return rules.category(scheme(store), year, retention, org, known)
    except ArchiveRuleError as exc:
        raise _problem(exc) from None


def _highest_used(store: Store, cat: Category) -> int:
    """The highest 件号 any row of the category has, voided ones included."""
    row = store.conn.execute(
        "SELECT max(CAST(item_no AS INTEGER)) FROM archive_item WHERE category = ?", (cat.key,)
    ).fetchone()
    return int(row[0] or 0)


def _allocate(store: Store, cat: Category) -> int:
    """The next 件号 of `cat`; the caller holds the write transaction."""
    c = store.conn
    row = c.execute("SELECT last FROM archive_counter WHERE category = ?", (cat.key,)).fetchone()
    n = max(int(row[0]) if row else 0, _highest_used(store, cat)) + 1
    c.execute(
        "INSERT INTO archive_counter(category, last) VALUES(?, ?) "
        "ON CONFLICT(category) DO UPDATE SET last = excluded.last",
        (cat.key, n),
    )
    return n


def preview_item_no(store: Store, cat: Category) -> str:
    """The 件号 the next 件 of `cat` will most likely get (shown greyed in the form)."""
    row = store.read("SELECT last FROM archive_counter WHERE category = ?", (cat.key,))
    last = max(int(row[0][0]) if row else 0, _highest_used(store, cat))
    return rules.format_item_no(last + 1)


def _check_number_free(store: Store, cat: Category, n: int, own_id: int | None) -> None:
    """A 件号 typed by hand must never have been given, voided 件 included."""
    row = store.conn.execute(
        "SELECT id, archive_no, voided_at FROM archive_item WHERE category = ? "
        "AND CAST(item_no AS INTEGER) = ? AND id IS NOT ?",
        (cat.key, n, own_id),
    ).fetchone()
    if row:
        where = "（已作废，件号不再使用）" if row[2] else ""
        raise ValidationError(f"「件号」{rules.format_item_no(n)} 已被 {row[1]} 使用{where}",
                              "item_no")  # fmt: skip


def _item_values(store: Store, values: Record) -> tuple[Record, Category]:
    """The 件's values cleaned and checked, with its category."""
    data = dict(values)
    try:
        year = rules.check_year(int(data.get("year") or 0))
    except (TypeError, ValueError):
        raise ValidationError(f"「年度」应为四位年份，不是「{data.get('year')}」", "year") from None
    except ArchiveRuleError as exc:
        raise _problem(exc) from None
    data["year"] = year
    if not data.get("retention"):
        raise ValidationError("「保管期限」必须填写", "retention")
    cat = category_of(store, year, str(data["retention"]), data.get("org_code"))
    data["retention"] = cat.retention
    data["org_code"] = cat.org or None
    if not str(data.get("title") or "").strip():
        raise ValidationError("「题名」必须填写", "title")
    try:
        data["doc_date"] = rules.check_catalogue_date(str(data.get("doc_date") or "")) or None
    except ArchiveRuleError as exc:
        raise _problem(exc) from None
    if data.get("author") and str(data["author"]).strip() == "本单位":
        raise ValidationError("「责任者」应写全称或规范简称，不能写「本单位」", "author")
    return data, cat


def _check_scheme_kept(store: Store, cat: Category) -> None:
    """The 全宗's 件 of a year are all numbered under one scheme (with or without 机构)."""
    row = store.conn.execute(
        "SELECT category, archive_no FROM archive_item WHERE voided_at IS NULL AND year = ? "
        "AND category IS NOT NULL LIMIT 1",
        (cat.year,),
    ).fetchone()
    if row and str(row[0]).endswith("|") != (cat.org == ""):
        raise ValidationError(
            f"{cat.year}年度已有文件按另一种分类方案编号（如 {row[1]}）。分类方案在全宗内应保持不变，"
            "请在 设置 → 档案 中改回原来的分类方案。",
            "archive_scheme",
        )


def add_item(store: Store, values: Record) -> Record:
    """Save a new 件: 件号 allocated (or the one given, if free) and 档号 derived, atomically."""
    fonds = fonds_no(store)
    data, cat = _item_values(store, values)
    _check_scheme_kept(store, cat)
    typed_no = str(data.get("item_no") or "").strip()
    with store.transaction():
        if typed_no:
            try:
                n = rules.parse_item_no(typed_no)
            except ArchiveRuleError as exc:
                raise _problem(exc) from None
            _check_number_free(store, cat, n, None)
            c = store.conn
            c.execute(
                "INSERT INTO archive_counter(category, last) VALUES(?, ?) "
                "ON CONFLICT(category) DO UPDATE SET last = max(last, excluded.last)",
                (cat.key, n),
            )
        else:
            n = _allocate(store, cat)
        data.update(
            item_no=rules.format_item_no(n),
            archive_no=rules.archive_no(fonds, cat, n),
            category=cat.key,
        )
        return records.insert(store, ARCHIVE_ITEM, data)


def update_item(store: Store, item_id: int, changes: Record) -> Record:
    """Change a 件; a new category (年度, 期限, 机构) means a new 件号 and 档号.

    The old number is not given again (its 归档章 may be on paper already).
    """
    old = records.get(store, ARCHIVE_ITEM, item_id)
    if old["voided_at"]:
        raise ValidationError(f"{ARCHIVE_ITEM.describe_record(old)}已作废，请先从回收站恢复再修改")
    merged = {**old, **changes}
    data, cat = _item_values(store, merged)
    typed_no = str(changes.get("item_no") or "").strip()
    with store.transaction():
        if cat.key != old["category"] or (typed_no and typed_no != old["item_no"]):
            if old.get("box_no"):
                raise ValidationError(
                    f"{old['archive_no']} 已装入第 {old['box_no']} 盒，请先移出盒子再改分类或件号",
                    "box_no",
                )
            if typed_no and typed_no != old["item_no"]:
                try:
                    n = rules.parse_item_no(typed_no)
                except ArchiveRuleError as exc:
                    raise _problem(exc) from None
                _check_number_free(store, cat, n, item_id)
            else:
                n = _allocate(store, cat)
            data.update(item_no=rules.format_item_no(n),
                        archive_no=rules.archive_no(fonds_no(store), cat, n))  # fmt: skip
        data["category"] = cat.key
        keep = {k: data.get(k) for k in (f.name for f in ARCHIVE_ITEM.fields)}
        saved = records.update(store, ARCHIVE_ITEM, item_id, keep)
        if saved.get("document_id") and saved["archive_no"] != old["archive_no"]:
            records.update(store, INCOMING_DOCUMENT, int(saved["document_id"]),
                           {"archive_no": saved["archive_no"]})  # fmt: skip
    return saved


def void_item(store: Store, item_id: int, reason: str = "") -> Record:
    """作废 a 件: its number stays taken; a 收文 it came from goes back to 待归档 (the rules
    below, run by `records.void` on every path)."""
    return records.void(store, ARCHIVE_ITEM, item_id, reason)


# -- 作废与恢复: the archive's rules, run by records.void/restore (see storage/lifecycle.py) ---


def _open_loan(store: Store, item_id: int, skip: int | None = None) -> dict[str, Any] | None:
    rows = store.read_dicts(
        "SELECT id, borrower, lent_on FROM archive_loan WHERE item_id = ? AND voided_at IS NULL "
        "AND returned_on IS NULL AND id IS NOT ? ORDER BY id LIMIT 1",
        (item_id, skip),
    )
    return rows[0] if rows else None


def _check_void_item(store: Store, item: Record, reason: str) -> None:
    """A 件 out on loan stays in the catalogue until it is back: the paper is not in its box."""
    loan = _open_loan(store, int(item["id"]))
    if loan:
        raise ValidationError(
            f"{item['archive_no']} 已于 {loan['lent_on']} 借给{loan['borrower']}，尚未归还。"
            "文件不在库中时不能作废；请先在「借阅登记」中登记归还，再作废。"
        )


def _mark_document(store: Store, doc_id: int, archive_no: str | None, summary: str) -> None:
    """The 收文's side of a filing: 已归档 with the 档号 (archive_no given) or back to 待归档,
    its 当前环节 to match, and the event in its history."""
    filed = archive_no is not None
    records.update(store, INCOMING_DOCUMENT, doc_id, {
        "status": FILED_STATUS if filed else UNFILED_STATUS,
        "stage": "归档" if filed else UNFILED_STATUS, "archive_no": archive_no})  # fmt: skip
    workflow.record_elsewhere(store, doc_id, "归档" if filed else "撤档", summary)


def _after_void_item(store: Store, item: Record, reason: str) -> None:
    """The 收文 the 件 came from goes back to 待归档 (the year-end list), its 档号 cleared."""
    doc_id = item.get("document_id")
    if not doc_id:
        return
    doc = records.get(store, INCOMING_DOCUMENT, int(doc_id))
    if doc.get("archive_no") == item["archive_no"] and not doc["voided_at"]:
        why = f"（{reason}）" if reason else ""
        _mark_document(store, int(doc_id), None,
                       f"档案 {item['archive_no']} 作废{why}，收文退回待归档")  # fmt: skip


def _check_restore_item(store: Store, item: Record, reason: str) -> None:
    """A restored 件 re-marks its 收文 as 已归档: refused when that would be wrong."""
    doc_id = item.get("document_id")
    if not doc_id:
        return
    doc = records.get(store, INCOMING_DOCUMENT, int(doc_id))
    what, no = INCOMING_DOCUMENT.describe_record(doc), item["archive_no"]
    if doc["voided_at"]:
        raise ValidationError(
            f"{no} 来自收文 {what}，该收文已作废。请先在「收文登记」的回收站恢复这份收文，再恢复本件。"
        )
    other = store.read(
        "SELECT archive_no FROM archive_item WHERE document_id = ? AND voided_at IS NULL "
        "AND id != ? LIMIT 1",
        (doc_id, item["id"]),
    )
    again = other[0][0] if other else (doc.get("archive_no") or "")
    if again and again != no:
        raise ValidationError(
            f"收文 {what} 已重新归档为 {again}，同一份收文只能归档为一件。"
            f"如确要恢复 {no}，请先在「档案」中作废 {again}；否则 {no} 留在回收站即可。"
        )
    if doc.get("status") not in (*FILEABLE_STATUS, FILED_STATUS):
        raise ValidationError(
            f"收文 {what} 现在的状态是「{doc.get('status')}」，尚未办结。恢复 {no} 会把未办结的"
            "收文标为已归档；请先办结这份收文，再恢复本件。"
        )


def _after_restore_item(store: Store, item: Record, reason: str) -> None:
    """The 收文 is 已归档 again, with the 件's 档号 (the number never changed)."""
    doc_id = item.get("document_id")
    if doc_id:
        _mark_document(store, int(doc_id), str(item["archive_no"]),
                       f"档案 {item['archive_no']} 从回收站恢复，收文重新归档")  # fmt: skip


def _check_void_document(store: Store, doc: Record, reason: str) -> None:
    """A filed 收文 is not voided under its 件: the 档号 may be stamped on the paper already."""
    rows = store.read(
        "SELECT archive_no FROM archive_item WHERE document_id = ? AND voided_at IS NULL LIMIT 1",
        (doc["id"],),
    )
    no = rows[0][0] if rows else doc.get("archive_no")
    if no:
        raise ValidationError(
            f"{INCOMING_DOCUMENT.describe_record(doc)}已归档，档号 {no}，不能直接作废。"
            f"如确需作废，请先在「档案」中作废 {no}（档号保留不再使用，收文退回「待归档」），"
            "再作废收文。"
        )


def _after_restore_document(store: Store, doc: Record, reason: str) -> None:
    """A 收文 voided before this rule existed may name the 档号 of a 件 voided since."""
    no = doc.get("archive_no")
    if not no:
        return
    live = store.read(
        "SELECT 1 FROM archive_item WHERE archive_no = ? AND voided_at IS NULL", (no,)
    )
    voided = store.read("SELECT 1 FROM archive_item WHERE archive_no = ?", (no,))
    if voided and not live:
        _mark_document(store, int(doc["id"]), None, f"档案 {no} 已作废，收文退回待归档")


def _check_restore_loan(store: Store, loan: Record, reason: str) -> None:
    """An open loan comes back only if the 件 is not lent to someone else meanwhile."""
    if loan.get("returned_on"):
        return
    other = _open_loan(store, int(loan["item_id"]), skip=int(loan["id"]))
    if other:
        raise ValidationError(
            f"{loan['archive_no']} 现已于 {other['lent_on']} 借给{other['borrower']}，尚未归还；"
            "同一件不能同时借给两人。请先登记那次借阅的归还，再恢复这条借阅记录。"
        )


LIFECYCLE = (
    Rules(ARCHIVE_ITEM.key, check_void=_check_void_item, after_void=_after_void_item,
          check_restore=_check_restore_item, after_restore=_after_restore_item,
          related=(INCOMING_DOCUMENT.key,)),
    Rules(INCOMING_DOCUMENT.key, check_void=_check_void_document,
          after_restore=_after_restore_document),
    Rules(ARCHIVE_LOAN.key, check_restore=_check_restore_loan),
)  # fmt: skip


# -- 归档 from the 收文 register ------------------------------------------------------------


@dataclass
class Proposal:
    """What filing a 收文 would record: the 件's values, and notes for the clerk to check."""

    document_id: int
    values: Record
    notes: list[str] = field(default_factory=list)


def _signing_date(doc: Record) -> dt.date | None:
    issued = doc.get("issued_on")
    if isinstance(issued, dt.date):
        return issued
    received = doc.get("received_at")
    return received.date() if isinstance(received, dt.datetime) else None


def propose(store: Store, doc: Record, *, rules_: Sequence[RetentionRule] | None = None,
            orgs_: Sequence[tuple[str, str]] | None = None) -> Proposal:  # fmt: skip
    """The 件 a 收文 (typed record) becomes: carried-over fields, 期限 and 机构 proposed."""
    notes: list[str] = []
    day = _signing_date(doc)
    if not doc.get("issued_on"):
        notes.append("无成文日期，年度和日期按签收日期")
    rule = rules.propose_retention(
        retention_rules(store) if rules_ is None else rules_,
        doc.get("title"), doc.get("doc_type"), doc.get("sender"),
    )  # fmt: skip
    if rule is None:
        notes.append(f"保管期限表中没有匹配项，暂定{DEFAULT_RETENTION}，请核对")
    org_list = orgs(store) if orgs_ is None else orgs_
    org = rules.propose_org(org_list, doc.get("lead_dept"))
    if rule is not None and rule.org:
        org = rule.org
    if org is None and rules.uses_org(scheme(store)) and org_list:
        org = org_list[0][0]
        notes.append(f"主办部门「{doc.get('lead_dept') or ''}」无对应机构(问题)，暂定 {org}")
    values: Record = {
        "year": day.year if day else dt.date.today().year,
        "retention": rule.retention if rule else DEFAULT_RETENTION,
        "org_code": org if rules.uses_org(scheme(store)) else None,
        "doc_ref": doc.get("sender_ref"),
        "author": doc.get("sender"),
        "title": doc.get("title"),
        "doc_date": rules.catalogue_date(day),
        "secrecy": doc.get("secrecy") or "无",
        "pages": doc.get("pages"),
        "document_id": doc["id"],
    }
    return Proposal(int(doc["id"]), values, notes)


def fileable(store: Store, year: int | None = None, ids: Sequence[int] | None = None,
             limit: int | None = None) -> list[Record]:  # fmt: skip
    """办结未归档: live 收文 that are 已办结 or 待归档 and have no 档号, oldest first.

    `year` is the 件's 年度 as `propose` derives it (成文日期, else 签收时间), so a December
    document received in January is listed under the year it is filed in.
    """
    sql = (
        "SELECT id FROM incoming_document WHERE voided_at IS NULL AND status IN (?, ?) "
        "AND (archive_no IS NULL OR archive_no = '')"
    )
    params: list[Any] = list(FILEABLE_STATUS)
    if year is not None:
        # The 件's 年度 is the one `propose` gives: 成文日期, or 签收时间 when there is none.
        sql += (
            " AND COALESCE(NULLIF(issued_on, ''), received_at) >= ?"
            " AND COALESCE(NULLIF(issued_on, ''), received_at) < ?"
        )
        params += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
    if ids is not None:
        sql += f" AND id IN ({','.join('?' * len(ids))})"
        params += list(ids)
    sql += " ORDER BY received_at, id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    found = [int(r[0]) for r in store.read(sql, params)]
    return [records.get(store, INCOMING_DOCUMENT, i) for i in found]


def _check_fileable(store: Store, doc: Record) -> None:
    what = INCOMING_DOCUMENT.describe_record(doc)
    if doc["voided_at"]:
        raise ValidationError(f"{what}已作废，不能归档")
    if doc.get("archive_no"):
        raise ValidationError(f"{what}已归档，档号 {doc['archive_no']}")
    if doc.get("status") not in FILEABLE_STATUS:
        raise ValidationError(
            f"{what}的状态是「{doc.get('status')}」，办结后才能归档（已办结或待归档）", "status"
        )
    filed = store.read(
        "SELECT archive_no FROM archive_item WHERE document_id = ? AND voided_at IS NULL",
        (doc["id"],),
    )
    if filed:  # a voided 件 restored from the recycle bin while its 收文 was 待归档
        raise ValidationError(f"{what}已有归档文件 {filed[0][0]}，不能重复归档")
    out = workflow.readers_out(store, int(doc["id"]))
    if out:  # the paper is not in the office: filing would lose track of it
        raise ValidationError(f"{what}还在{out}手中（传阅未退回），请先登记退回再归档")


def file_document(store: Store, document_id: int, values: Record | None = None) -> Record:
    """File one 收文 as a 件 (values: the reviewed proposal); the 收文 becomes 已归档."""
    return file_documents(store, [(document_id, values)])[0]


def file_documents(store: Store, items: Sequence[tuple[int, Record | None]]) -> list[Record]:
    """File several 收文 in one transaction: all become 件, or none does."""
    saved: list[Record] = []
    with store.transaction():
        for document_id, values in items:
            doc = records.get(store, INCOMING_DOCUMENT, document_id)
            _check_fileable(store, doc)
            data = dict(values) if values is not None else propose(store, doc).values
            data["document_id"] = document_id
            try:
                item = add_item(store, data)
            except ValidationError as exc:
                raise ValidationError(
                    f"{INCOMING_DOCUMENT.describe_record(doc)}：{exc}", exc.field
                ) from None
            _mark_document(store, document_id, str(item["archive_no"]),
                           f"归档：档号 {item['archive_no']}，保管期限 {item.get('retention')}")  # fmt: skip
            saved.append(item)
    return saved


# -- lists ------------------------------------------------------------------------------------


def _order_sql(scheme_name: str) -> str:
    if scheme_name == rules.SCHEME_ORG_RETENTION:
        groups = "org_code, retention_rank"
    else:
        groups = "retention_rank, org_code"
    return f"year, {groups}, CAST(item_no AS INTEGER), id"


_RANK = "CASE retention WHEN '永久' THEN 0 WHEN '定期30年' THEN 1 ELSE 2 END AS retention_rank"


def catalogue_rows(store: Store, year: int | None = None, retention: str | None = None,
                   org: str | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """Live 件 in catalogue order (the scheme's order, then 件号), values as stored."""
    sql = f"SELECT *, {_RANK} FROM archive_item WHERE voided_at IS NULL"
    params: list[Any] = []
    for column, value in (("year", year), ("retention", retention), ("org_code", org)):
        if value is not None:
            sql += f" AND [{column}] = ?"
            params.append(value)
    return store.read_dicts(sql + f" ORDER BY {_order_sql(scheme(store))}", params)


def iter_catalogue(store: Store, year: int | None = None, batch: int = 2000
                   ) -> Iterator[dict[str, Any]]:  # fmt: skip
    """Live 件 in catalogue order, read `batch` rows at a time (exports of any size)."""
    sql = f"SELECT id, year, org_code, {_RANK}, item_no FROM archive_item WHERE voided_at IS NULL"
    params: list[Any] = []
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    ids = [int(r[0]) for r in store.read(sql + f" ORDER BY {_order_sql(scheme(store))}", params)]
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        rows = records.get_many(store, ARCHIVE_ITEM, chunk)
        for i in chunk:
            if i in rows:
                yield rows[i]


def volumes(store: Store, by_retention: bool) -> list[tuple[int, str | None]]:
    """The catalogue volumes: one per 年度, or per 年度 × 保管期限, newest year first."""
    if by_retention:
        rows = store.read(
            f"SELECT DISTINCT year, retention, {_RANK} FROM archive_item WHERE voided_at IS NULL "
            "ORDER BY year DESC, retention_rank"
        )
        return [(int(r[0]), str(r[1])) for r in rows]
    rows = store.read(
        "SELECT DISTINCT year FROM archive_item WHERE voided_at IS NULL ORDER BY year DESC"
    )
    return [(int(r[0]), None) for r in rows]


def expiring(store: Store, by_year: int) -> list[dict[str, Any]]:
    """定期 件 whose period has ended by the end of `by_year`: the list for 鉴定."""
    rows = store.read_dicts(
        f"SELECT *, {_RANK} FROM archive_item WHERE voided_at IS NULL AND retention != '永久' "
        "AND year + CASE retention WHEN '定期30年' THEN 30 ELSE 10 END <= ? "
        "ORDER BY year, retention_rank, org_code, CAST(item_no AS INTEGER)",
        (by_year,),
    )
    for row in rows:
        row["expires"] = rules.expiry_year(int(row["year"]), str(row["retention"]))
    return rows


def voided_numbers(store: Store, cat_key: str, first: int, last: int) -> list[Record]:
    """Voided 件 of a category within a 件号 range: the gaps a 备考表 must explain."""
    rows = store.read_dicts(
        "SELECT archive_no, item_no, void_reason FROM archive_item WHERE category = ? "
        "AND voided_at IS NOT NULL AND CAST(item_no AS INTEGER) BETWEEN ? AND ? "
        "ORDER BY CAST(item_no AS INTEGER)",
        (cat_key, first, last),
    )
    return rows


def items_by_ids(store: Store, ids: Iterable[int]) -> list[Record]:
    """Typed 件 by id, in catalogue order."""
    wanted = list(ids)
    got = [records.get(store, ARCHIVE_ITEM, i) for i in wanted]
    return sorted(got, key=lambda r: (r["year"], r["category"] or "", int(r["item_no"] or 0)))

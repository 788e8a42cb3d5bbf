"""Health checks of a data folder: integrity, search index, serial numbers, filing links."""

from __future__ import annotations

from officedesk.core.registers import REGISTERS
from officedesk.storage.db import Store
from officedesk.storage.migrations import migrations
from officedesk.storage.schema import fts_table


def check(store: Store) -> tuple[list[str], list[str]]:
    """(problems, facts): problems are Chinese sentences naming what is wrong."""
    problems: list[str] = []
    facts: list[str] = [f"数据文件：{store.path}"]
    result = [r[0] for r in store.read("PRAGMA quick_check")]
    if result != ["ok"]:
        problems.extend(f"数据库完整性：{r}" for r in result[:20])
    pending = migrations.pending(store.db)
    if pending:
        problems.append(f"有 {len(pending)} 个数据库升级尚未执行（用图形界面打开一次即可完成）")
    fk = store.read("PRAGMA foreign_key_check")
    if fk:
        problems.append(f"有 {len(fk)} 条记录引用了不存在的记录")
    for reg in REGISTERS:
        live = store.read(f"SELECT count(*) FROM [{reg.table}] WHERE voided_at IS NULL")[0][0]
        voided = store.read(f"SELECT count(*) FROM [{reg.table}] WHERE voided_at IS NOT NULL")[0][0]
        facts.append(f"{reg.short}：{live} 条（回收站 {voided} 条）")
        if reg.search_fields:
            # The index holds live rows only: its row count must match.
            table = fts_table(reg)
            indexed = store.read(f"SELECT count(*) FROM [{table}_idx]")  # segments exist
            if indexed is not None:
                try:
                    store.read(
                        f"INSERT INTO [{table}]([{table}], rank) VALUES('integrity-check', 0)"
                    )
                except Exception as exc:
                    problems.append(f"{reg.short}的检索索引损坏：{exc}（可重建索引）")
        if reg.serial_field:
            dup = store.read(
                f"SELECT [{reg.serial_field}], count(*) FROM [{reg.table}] "
                f"GROUP BY 1 HAVING count(*) > 1 LIMIT 5"
            )
            for serial, n in dup:
                problems.append(f"{reg.short}编号 {serial} 重复 {n} 次")
    problems.extend(_filing_links(store))
    return problems, facts


def _filing_links(store: Store, limit: int = 5) -> list[str]:
    """收文 and 档案 that disagree about a filing (e.g. a voided 件 restored from the bin)."""
    out: list[str] = []
    orphans = store.read(
        "SELECT d.serial, d.archive_no FROM incoming_document d WHERE d.voided_at IS NULL "
        "AND d.archive_no IS NOT NULL AND d.archive_no != '' AND NOT EXISTS (SELECT 1 FROM "
        "archive_item a WHERE a.document_id = d.id AND a.archive_no = d.archive_no "
        "AND a.voided_at IS NULL) LIMIT ?",
        (limit,),
    )
    out += [f"收文 {s} 记有档号 {n}，但档案中没有这件（或已作废）" for s, n in orphans]
    unlinked = store.read(
        "SELECT a.archive_no, d.serial, d.status FROM archive_item a JOIN incoming_document d "
        "ON d.id = a.document_id WHERE a.voided_at IS NULL AND d.voided_at IS NULL "
        "AND (d.archive_no IS NULL OR d.archive_no != a.archive_no) LIMIT ?",
        (limit,),
    )
    out += [f"档案 {n} 来自收文 {s}，但该收文没有记这个档号（状态：{st}）" for n, s, st in unlinked]
    return out

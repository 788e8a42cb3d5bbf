"""Health checks of a data folder: integrity, search index, serial numbers."""

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
    return problems, facts

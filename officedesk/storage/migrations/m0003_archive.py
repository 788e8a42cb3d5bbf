"""0003_archive: the 件's link to its 收文 and its category, 件号 counters, the 全宗's lists
(机构(问题) codes, 保管期限表), boxes, label-sheet options and the 借阅 register."""

from __future__ import annotations

from sqlite_utils import Database

from officedesk.core.registers.archive import ARCHIVE_ITEM, ARCHIVE_LOAN
from officedesk.storage import schema

COMMON = ",\n  ".join(schema.COMMON_COLUMNS)

# A forestry enterprise's usual offices; the clerk edits the list in 全宗设置.
DEFAULT_ORGS = (
    ("BGS", "办公室"), ("DWB", "党委办公室"), ("ZYK", "资源管理科"), ("FHB", "森林防火办公室"),
    ("YLK", "营林科"), ("CWK", "财务科"), ("RLK", "人力资源科"), ("AQK", "安全生产科"),
    ("JJS", "纪检监察室"), ("GH", "工会"),
)  # fmt: skip
# A starting 保管期限表 (国家档案局令第10号 style); the unit adapts it. First match wins.
DEFAULT_RULES = (
    ("决定", "永久"), ("批复", "永久"), ("纪要", "永久"), ("命令", "永久"),
    ("规划", "永久"), ("年度 计划", "定期30年"), ("总结", "定期30年"), ("请示", "定期30年"),
    ("报告", "定期30年"), ("通报", "定期30年"), ("意见", "定期30年"), ("函", "定期10年"),
    ("通知", "定期10年"),
)  # fmt: skip


def apply(db: Database) -> None:
    """Apply the archive area's schema (see the module docstring)."""
    from officedesk.storage.migrations import add_fields

    add_fields(db, ARCHIVE_ITEM, ("document_id", "category"))
    # 档号 is unique among live 件; a voided 件 keeps its number (see storage/archive.py).
    db.execute(
        "CREATE UNIQUE INDEX [idx_archive_item_archive_no_live] ON [archive_item]([archive_no])"
        " WHERE voided_at IS NULL"
    )
    db.execute("CREATE TABLE archive_counter (category TEXT PRIMARY KEY, last INTEGER NOT NULL)")
    db.execute(f"""CREATE TABLE archive_org (
  {COMMON},
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0
)""")
    db.execute(
        "CREATE UNIQUE INDEX idx_archive_org_code ON archive_org(code) WHERE voided_at IS NULL"
    )
    db.execute(f"""CREATE TABLE archive_retention_rule (
  {COMMON},
  pattern TEXT NOT NULL,
  retention TEXT NOT NULL,
  org_code TEXT,
  note TEXT,
  sort INTEGER NOT NULL DEFAULT 0
)""")
    db.execute(f"""CREATE TABLE archive_box (
  {COMMON},
  box_no TEXT NOT NULL,
  year INTEGER,
  retention TEXT,
  org_code TEXT,
  note TEXT,
  arranged_by TEXT,
  arranged_on TEXT,
  checked_by TEXT,
  checked_on TEXT,
  spine_mm INTEGER
)""")
    db.execute("CREATE UNIQUE INDEX idx_archive_box_no ON archive_box(box_no)")
    db.execute("CREATE TABLE archive_option (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    schema.create_register_table(db, ARCHIVE_LOAN)
    from officedesk.storage.db import new_uuid, now_text

    stamp = now_text()
    for i, (code, name) in enumerate(DEFAULT_ORGS):
        db.execute(
            "INSERT INTO archive_org(uuid, created_at, updated_at, code, name, sort) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (new_uuid(), stamp, stamp, code, name, i),
        )
    for i, (pattern, retention) in enumerate(DEFAULT_RULES):
        db.execute(
            "INSERT INTO archive_retention_rule(uuid, created_at, updated_at, pattern, retention,"
            " sort) VALUES (?, ?, ?, ?, ?, ?)",
            (new_uuid(), stamp, stamp, pattern, retention, i),
        )
    # Rows from before this migration (imported or typed) get their category from their 档号.
    rows = db.execute(
        "SELECT id, year, retention, org_code FROM archive_item WHERE category IS NULL"
    ).fetchall()
    from officedesk.core.archive import RETENTIONS

    for rid, year, retention, org in rows:
        code = RETENTIONS.get(retention or "", retention or "")
        db.execute(
            "UPDATE archive_item SET category = ? WHERE id = ?", (f"{year}|{code}|{org or ''}", rid)
        )

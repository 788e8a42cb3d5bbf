"""0002_workflow: the 收文 step history, the 督办 log and links, the derived 收文 columns.

Every step is a row of `document_step` (who, when, what, and the values it changed, so a step
entered by mistake can be undone); 督办 progress, 催办, 延期, 办结 and 审核 are rows of
`supervision_log`. Partial indexes over the open items keep 工作台 quick on a million rows.
"""

from __future__ import annotations

from sqlite_utils import Database

from officedesk.core.registers import INCOMING_DOCUMENT, SUPERVISION
from officedesk.storage.schema import COMMON_COLUMNS

COMMON = ", ".join(COMMON_COLUMNS)

SQL = f"""
CREATE TABLE document_step ({COMMON}, document_id INTEGER NOT NULL REFERENCES incoming_document(id), step TEXT NOT NULL, acted_by TEXT, acted_at TEXT NOT NULL, summary TEXT NOT NULL, detail_table TEXT, detail_id INTEGER, before TEXT NOT NULL, undone_at TEXT);
CREATE INDEX idx_document_step_document ON document_step(document_id, id);
CREATE UNIQUE INDEX idx_document_step_uuid ON document_step(uuid);
CREATE TABLE supervision_log ({COMMON}, item_id INTEGER NOT NULL REFERENCES supervision_item(id), kind TEXT NOT NULL, acted_on TEXT NOT NULL, acted_by TEXT, text TEXT, method TEXT, answer TEXT, new_due TEXT, approved_by TEXT, before TEXT NOT NULL, undone_at TEXT);
CREATE INDEX idx_supervision_log_item ON supervision_log(item_id, id);
CREATE UNIQUE INDEX idx_supervision_log_uuid ON supervision_log(uuid);
CREATE INDEX idx_supervision_item_source_link ON supervision_item(source_register, source_id) WHERE voided_at IS NULL;
CREATE INDEX idx_incoming_document_open_due ON incoming_document(due_date) WHERE voided_at IS NULL AND done_on IS NULL AND due_date IS NOT NULL;
CREATE INDEX idx_supervision_item_open_due ON supervision_item(due_date) WHERE voided_at IS NULL AND done_on IS NULL AND due_date IS NOT NULL
"""


def apply(db: Database) -> None:
    """Step and log tables, the 收文 stage/holder columns, the 督办 link and review fields."""
    # The package imports this module while it is being set up: its helpers are taken here.
    from officedesk.storage.migrations import add_fields, rebuild_search

    add_fields(db, INCOMING_DOCUMENT, ("stage", "holder"))
    add_fields(db, SUPERVISION, ("source_register", "source_id", "source_text", "due_n",
                                 "due_unit", "due_estimated", "result", "review", "extended"))  # fmt: skip
    for statement in SQL.split(";\n"):
        if statement.strip():
            db.execute(statement)
    # Rows written before this version: where they stand follows from their status.
    db.execute(
        "UPDATE incoming_document SET stage = CASE status WHEN '已办结' THEN '办结' "
        "WHEN '待归档' THEN '待归档' WHEN '已归档' THEN '归档' WHEN '退文' THEN '退文' "
        "WHEN '传阅中' THEN '传阅' WHEN '办理中' THEN '承办' ELSE '登记' END"
    )
    rebuild_search(db, SUPERVISION)  # 来源 (source_text) is searchable

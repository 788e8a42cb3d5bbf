"""`check` finds a 收文 and its 件 that disagree about the filing (a restored 件, a hand edit)."""

from __future__ import annotations

import datetime as dt

from officedesk.core.registers import ARCHIVE_ITEM, INCOMING_DOCUMENT
from officedesk.storage import archive, records, settings
from officedesk.storage.db import Store
from officedesk.storage.maintenance import check


def test_check_names_filings_the_two_registers_disagree_on(store: Store) -> None:
    settings.set_many(store, {"fonds_no": "Z109"})
    doc = records.insert(store, INCOMING_DOCUMENT, {
        "received_at": dt.datetime(2026, 3, 4, 9), "sender": "省林业和草原局",
        "title": "关于做好春季森林防火工作的通知", "status": "已办结"})  # fmt: skip
    piece = archive.file_document(store, int(doc["id"]))
    assert check(store)[0] == []

    # Voided: the 收文 goes back to 待归档, still consistent.
    archive.void_item(store, int(piece["id"]))
    assert check(store)[0] == []

    # Restored from the bin: the lifecycle rule files the 收文 again, still consistent.
    records.restore(store, ARCHIVE_ITEM, int(piece["id"]))
    no = piece["archive_no"]
    assert records.get(store, INCOMING_DOCUMENT, int(doc["id"]))["archive_no"] == no
    assert check(store)[0] == []

    # A hand edit (or a file from before the rule): the 收文 no longer names its live 件.
    with store.transaction() as c:
        c.execute("UPDATE incoming_document SET status = '待归档', archive_no = NULL WHERE id = ?",
                  (doc["id"],))  # fmt: skip
    assert check(store)[0] == [
        f"档案 {no} 来自收文 收〔2026〕1号，但该收文没有记这个档号（状态：待归档）"
    ]

    # The other way round: the 收文 names a 件 that is in the bin.
    with store.transaction() as c:
        c.execute("UPDATE incoming_document SET status = '已归档', archive_no = ? WHERE id = ?",
                  (no, doc["id"]))  # fmt: skip
        c.execute("UPDATE archive_item SET voided_at = '2026-03-05 10:00:00' WHERE id = ?",
                  (piece["id"],))  # fmt: skip
    assert check(store)[0] == [f"收文 收〔2026〕1号 记有档号 {no}，但档案中没有这件（或已作废）"]

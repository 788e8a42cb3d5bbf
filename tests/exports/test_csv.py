"""The .csv export: UTF-8 with BOM, displayed text, formula-looking text neutralised."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path
from typing import Any

from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.exports import export_rows
from officedesk.exports.common import LIGHT_LABEL

from .samples import META

R = INCOMING_DOCUMENT


def read(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    return list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def test_csv_header_and_values(tmp_path: Path, document_rows: list[dict[str, Any]]) -> None:
    path = tmp_path / "收文.csv"
    assert export_rows(path, R, document_rows, META) == 6
    rows = read(path)
    labels = list(rows[0])
    assert labels[0] == "收文编号" and labels[-1] == "备注"
    assert labels.index(LIGHT_LABEL) == labels.index("办理时限") + 1
    assert len(labels) == len(R.exported_fields) + 1
    first = rows[0]
    assert first["收文编号"] == "收〔2024〕1号"
    assert first["签收时间"] == "2024-05-10 09:30"
    assert first["办理时限"] == "2024-05-20"
    assert first["份数"] == "1"
    assert [r[LIGHT_LABEL] for r in rows] == ["逾期", "临期", "按期办结", "逾期办结", "", ""]
    assert rows[4]["来文字号"] == "0012"
    assert rows[5]["备注"] == "第一行\n第二行"


def test_csv_neutralises_formulas(tmp_path: Path, document_rows: list[dict[str, Any]]) -> None:
    path = tmp_path / "收文.csv"
    export_rows(path, R, document_rows, META)
    rows = read(path)
    assert (rows[0]["标题"], rows[0]["备注"]) == ("'=1+1", "'@SUM(A1)")
    assert (rows[1]["标题"], rows[1]["备注"]) == ("'+86 123", "'-5")
    assert rows[2]["标题"] == "关于做好森林防火工作的通知"

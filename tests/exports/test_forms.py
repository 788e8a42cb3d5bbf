"""The 收文处理单 in its two variants, read back with python-docx."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.exports import export_processing_slip
from officedesk.exports.docx_forms import BLANK_SIGN, FOOT_NOTE
from officedesk.storage import records
from officedesk.storage.db import Store

R = INCOMING_DOCUMENT


@pytest.fixture
def record(store: Store) -> dict[str, object]:
    """A typed record, as records.get returns it."""
    saved = records.insert(store, R, {
        "received_at": "2024-03-05 09:30", "sender": "省林业和草原局",
        "sender_ref": "林草发〔2024〕12号", "title": "关于做好2024年春季森林防火工作的通知",
        "secrecy": "秘密", "secrecy_term": "秘密★5年", "urgency": "特急", "copies": 2,
        "proposal": "拟请森林防火办公室牵头办理。", "proposer": "王芳", "proposed_on": "2024-03-05",
        "instruction": "同意，抓紧落实。", "instructed_by": "刘局长",
        "lead_dept": "森林防火办公室", "handler": "李强", "due_date": "2024-03-15",
    })  # fmt: skip
    return records.get(store, R, int(saved["id"]))


def slip(tmp_path: Path, record: dict[str, object], variant: str) -> Document:
    path = tmp_path / f"处理单-{variant}.docx"
    assert export_processing_slip(path, record, "青山林业局", variant) == path
    return docx.Document(str(path))


def grid_text(document: Document) -> list[list[str]]:
    """The table's text, one list per row, merged cells counted once."""
    out = []
    for row in document.tables[0].rows:
        texts: list[str] = []
        last = None
        for cell in row.cells:
            if cell._tc is not last:  # a cell spanning columns is listed once per column
                texts.append(cell.text.strip("\n"))  # an empty box starts with an empty line
            last = cell._tc
        out.append(texts)
    return out


def test_handling_slip(tmp_path: Path, record: dict[str, object]) -> None:
    document = slip(tmp_path, record, "办文")
    assert document.paragraphs[0].text == "青山林业局收文处理单"
    assert document.paragraphs[-1].text == FOOT_NOTE
    rows = grid_text(document)
    assert rows[0] == ["收文编号", "收〔2024〕1号", "收文日期", "2024-03-05", "紧急程度", "特急"]
    assert rows[1] == ["来文单位", "省林业和草原局", "密　　级", "秘密★5年"]
    assert rows[2] == ["来文字号", "林草发〔2024〕12号", "份　　数", "2"]
    assert rows[3] == ["标　　题", "关于做好2024年春季森林防火工作的通知"]
    assert rows[4] == ["拟办意见", "拟请森林防火办公室牵头办理。\n拟办人：王芳　　2024-03-05"]
    assert rows[5][0] == "领导批示" and rows[5][1].startswith("同意，抓紧落实。\n批示人：刘局长")
    assert rows[6] == ["办理情况", BLANK_SIGN]  # nothing done yet: room to write by hand
    assert rows[7] == ["承办部门", "森林防火办公室", "承 办 人", "李强", "办理时限", "2024-03-15"]
    assert all("阅文" not in "".join(r) for r in rows)


def test_reading_slip(tmp_path: Path, record: dict[str, object]) -> None:
    document = slip(tmp_path, record, "阅文")
    rows = grid_text(document)
    assert [r[0] for r in rows[:6]] == ["收文编号", "来文单位", "来文字号", "标　　题", "拟办意见",
                                        "领导批示"]  # fmt: skip
    assert rows[6] == ["传阅情况", "阅文领导", "阅文时间", "签　　名"]
    assert len(rows) == 6 + 1 + 6
    assert all(r == ["传阅情况", "", "", ""] for r in rows[7:])  # blank lines to sign
    assert all("办理情况" not in "".join(r) for r in rows)


def test_slip_page_and_fonts(tmp_path: Path, record: dict[str, object]) -> None:
    document = slip(tmp_path, record, "办文")
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    fonts = {
        name: document.styles[name].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        .get(qn("w:eastAsia"))
        for name in ("Slip Title", "Slip Label", "Slip Value")
    }  # fmt: skip
    assert fonts == {"Slip Title": "黑体", "Slip Label": "黑体", "Slip Value": "仿宋"}
    tall = document.tables[0].rows[5]._tr.trPr.find(qn("w:trHeight"))
    assert int(tall.get(qn("w:val"))) > 60 * 56  # the 批示 box leaves room to write by hand


def test_empty_record_and_stored_values(tmp_path: Path) -> None:
    stored = {"serial": "收〔2024〕7号", "received_at": "2024-03-05 09:30:00", "title": "标题",
              "done_on": dt.date(2024, 3, 8), "result": "已办结"}  # fmt: skip
    rows = grid_text(slip(tmp_path, stored, "办文"))
    assert rows[0][:4] == ["收文编号", "收〔2024〕7号", "收文日期", "2024-03-05"]
    assert rows[4] == ["拟办意见", BLANK_SIGN]
    assert rows[6] == ["办理情况", "已办结\n办结日期：2024-03-08"]


def test_unknown_variant(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="办文"):
        export_processing_slip(tmp_path / "x.docx", {}, "青山林业局", "传阅")
    assert list(tmp_path.iterdir()) == []

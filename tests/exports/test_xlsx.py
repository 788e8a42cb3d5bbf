"""The .xlsx export, read back cell by cell with openpyxl."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from officedesk.core.registers import INCOMING_DOCUMENT, SUPERVISION
from officedesk.core.traffic import Light
from officedesk.exports import ExportError, export_rows
from officedesk.exports.common import HEADER_FILL, LIGHT_LABEL
from officedesk.exports.xlsx import HEADER_ROW

from .samples import META

R = INCOMING_DOCUMENT
LABELS = [f.label for f in R.exported_fields]
HEADER = [*LABELS[: LABELS.index("办理时限") + 1], LIGHT_LABEL,
          *LABELS[LABELS.index("办理时限") + 1 :]]  # fmt: skip


@pytest.fixture
def sheet(tmp_path: Path, document_rows: list[dict[str, Any]]) -> Worksheet:
    path = tmp_path / "收文.xlsx"
    assert export_rows(path, R, document_rows, META) == len(document_rows)
    return openpyxl.load_workbook(path).active


def col(name: str) -> str:
    """The column letter of a header label."""
    return get_column_letter(HEADER.index(name) + 1)


def test_title_subtitle_and_header(sheet: Worksheet) -> None:
    last = get_column_letter(len(HEADER))
    assert sheet["A1"].value == "青山林业局收文登记簿"
    assert sheet["A2"].value == "2024年 · 检索：防火　　导出日期：2024-06-01"
    assert {str(r) for r in sheet.merged_cells.ranges} == {f"A1:{last}1", f"A2:{last}2"}
    assert [c.value for c in sheet[3]] == HEADER
    head = sheet["A3"]
    assert head.font.b is True
    assert head.fill.fgColor.rgb.endswith(HEADER_FILL)
    assert head.border.left.style == head.border.bottom.style == "thin"
    assert sheet.title == "收文登记"


def test_sheet_setup_for_screen_and_paper(sheet: Worksheet) -> None:
    last = get_column_letter(len(HEADER))
    assert sheet.freeze_panes == "A4"
    assert sheet.auto_filter.ref == f"A3:{last}9"
    assert sheet.print_title_rows == "$3:$3"
    setup = sheet.page_setup
    assert (setup.orientation, int(setup.paperSize)) == ("landscape", 9)
    assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.oddFooter.center.text == "第&P页 共&N页"


def test_column_widths_fit_chinese_text(sheet: Worksheet) -> None:
    width = {f.label: f.width for f in R.exported_fields}
    assert sheet.column_dimensions[col("标题")].width == pytest.approx(34 * 2.1 + 1.5)
    for label in HEADER:
        chars = max(width.get(label, 0), len(label))
        assert sheet.column_dimensions[col(label)].width >= chars * 2.1, label


def test_typed_cells(sheet: Worksheet) -> None:
    row = 4
    received = sheet[f"{col('签收时间')}{row}"]
    assert received.value == dt.datetime(2024, 5, 10, 9, 30)
    assert received.number_format == "yyyy-mm-dd hh:mm"
    due = sheet[f"{col('办理时限')}{row}"]
    assert due.value == dt.datetime(2024, 5, 20)
    assert due.number_format == "yyyy-mm-dd"
    assert due.is_date
    copies = sheet[f"{col('份数')}{row + 4}"]
    assert (copies.value, copies.data_type) == (3, "n")
    serial = sheet[f"A{row}"]
    assert (serial.value, serial.data_type, serial.number_format) == ("收〔2024〕1号", "s", "@")
    assert sheet[f"{col('来文字号')}{row}"].value == "林草发〔2024〕1号"
    assert sheet[f"{col('备注')}{row + 5}"].value == "第一行\n第二行"
    assert sheet[f"{col('办结日期')}{row}"].value is None  # empty stays empty


def test_formula_looking_text_stays_text(sheet: Worksheet, tmp_path: Path) -> None:
    for ref, text in ((f"{col('标题')}4", "=1+1"), (f"{col('备注')}4", "@SUM(A1)"),
                      (f"{col('标题')}5", "+86 123"), (f"{col('备注')}5", "-5")):  # fmt: skip
        cell = sheet[ref]
        assert (cell.value, cell.data_type) == (text, "s"), ref
        assert cell.quotePrefix is True, ref  # stays text when someone edits it in Excel
    plain = sheet[f"{col('标题')}6"]
    assert plain.quotePrefix is False
    with zipfile.ZipFile(tmp_path / "收文.xlsx") as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet1.xml")


def test_leading_zero_codes_stay_text(sheet: Worksheet) -> None:
    ref = sheet[f"{col('来文字号')}8"]
    assert (ref.value, ref.data_type) == ("0012", "s")


def test_traffic_light_column(sheet: Worksheet) -> None:
    expected = [Light.OVERDUE, Light.DUE_SOON, Light.DONE, Light.DONE_LATE, Light.NONE, Light.NONE]
    for offset, lt in enumerate(expected):
        cell = sheet[f"{col(LIGHT_LABEL)}{4 + offset}"]
        assert cell.value == (lt.label or None)
        if lt is not Light.NONE:
            assert cell.fill.fgColor.rgb.endswith(lt.background[1:]), lt
            assert cell.font.color.rgb.endswith(lt.foreground[1:]), lt


def test_typed_values_and_registers_without_a_deadline(tmp_path: Path) -> None:
    rows = [{"serial": "督〔2024〕1号", "assigned_on": dt.date(2024, 3, 5), "content": "=A1",
             "due_date": None}]  # fmt: skip
    path = tmp_path / "督办.xlsx"
    assert export_rows(path, SUPERVISION, rows, META) == 1
    ws = openpyxl.load_workbook(path).active
    labels = [c.value for c in ws[3]]
    assert labels[-1] == "备注" and LIGHT_LABEL in labels
    assert ws.cell(4, labels.index("交办日期") + 1).value == dt.datetime(2024, 3, 5)
    assert ws.cell(4, labels.index("事项内容") + 1).data_type == "s"


def test_bad_stored_values_are_kept_as_text(tmp_path: Path) -> None:
    rows = [{"serial": "1", "received_at": "昨天上午", "copies": "两份", "title": "a\x07b<&>",
             "due_date": "2024-13-45"}]  # fmt: skip
    path = tmp_path / "坏值.xlsx"
    export_rows(path, R, rows, META)
    ws = openpyxl.load_workbook(path).active
    assert ws[f"{col('签收时间')}4"].value == "昨天上午"
    assert ws[f"{col('份数')}4"].value == "两份"
    assert ws[f"{col('标题')}4"].value == "ab<&>"  # a control character cannot live in XML
    assert ws[f"{col('办理时限')}4"].value == "2024-13-45"
    assert ws[f"{col(LIGHT_LABEL)}4"].value is None


def test_empty_register(tmp_path: Path) -> None:
    path = tmp_path / "空.xlsx"
    assert export_rows(path, R, [], META) == 0
    ws = openpyxl.load_workbook(path).active
    assert ws.max_row == 3
    assert ws.auto_filter.ref == f"A3:{get_column_letter(len(HEADER))}3"


def test_more_rows_than_excel_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from officedesk.exports import xlsx

    monkeypatch.setattr(xlsx, "EXCEL_MAX_ROW", 10)
    rows = [{"serial": str(i), "title": "标题"} for i in range(8)]
    with pytest.raises(ExportError, match=r"最多 10 行"):
        export_rows(tmp_path / "大.xlsx", R, rows, META)
    assert list(tmp_path.iterdir()) == []
    assert export_rows(tmp_path / "刚好.xlsx", R, rows[:7], META) == 7


def test_estimated_deadline_stays_a_date_marked_estimated(tmp_path: Path) -> None:
    import datetime as dt

    from officedesk.exports import ExportMeta, export_rows

    rows = [
        {"id": 1, "serial": "收〔2030〕1号", "received_at": "2030-12-20 09:00:00", "title": "甲",
         "due_date": "2031-01-10", "due_estimated": 1},
        {"id": 2, "serial": "收〔2030〕2号", "received_at": "2030-12-20 10:00:00", "title": "乙",
         "due_date": "2030-12-27", "due_estimated": 0},
    ]  # fmt: skip
    target = tmp_path / "est.xlsx"
    export_rows(target, R, rows, ExportMeta(unit_name="测试单位", today=dt.date(2030, 12, 21)))
    ws = openpyxl.load_workbook(target).active
    header = [c.value for c in ws[HEADER_ROW]]
    col = header.index("办理时限") + 1
    marked, plain = ws.cell(HEADER_ROW + 1, col), ws.cell(HEADER_ROW + 2, col)
    assert marked.value == dt.datetime(2031, 1, 10) and plain.value == dt.datetime(2030, 12, 27)
    assert marked.number_format == 'yyyy-mm-dd"（估）"'
    assert plain.number_format == "yyyy-mm-dd"

"""The 收文处理单: one A4 portrait page, both variants, filled from the record."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from printcheck import A4_PORTRAIT, needs_poppler, page_sizes, page_texts, squeezed

from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.printing.forms import FOOT_NOTE, processing_slip
from officedesk.printing.service import print_to_pdf
from officedesk.storage import records
from officedesk.storage.db import Store

TITLE = "关于做好2024年春季森林防火工作暨开展林区野外火源专项治理行动的通知"
PROPOSAL = "拟请张局长阅示，并转资源管理科、防火办按通知要求抓紧落实。"
INSTRUCTION = "同意。请防火办牵头，资源管理科配合，3月15日前报送落实情况。"


@pytest.fixture
def document(store: Store) -> dict[str, object]:
    """A saved document with 拟办 and 批示, read back as a typed record."""
    saved = records.insert(
        store,
        INCOMING_DOCUMENT,
        {
            "received_at": dt.datetime(2024, 3, 5, 9, 30),
            "sender": "省林业和草原局",
            "sender_ref": "林防发〔2024〕12号",
            "title": TITLE,
            "copies": 2,
            "secrecy": "机密",
            "secrecy_term": "10年",
            "urgency": "特急",
            "handling": "办件",
            "proposal": PROPOSAL,
            "proposer": "李娜",
            "proposed_on": dt.date(2024, 3, 5),
            "instruction": INSTRUCTION,
            "instructed_by": "张建国",
            "lead_dept": "防火办",
            "handler": "王强",
            "due_date": dt.date(2024, 3, 15),
        },
    )
    return records.get(store, INCOMING_DOCUMENT, saved["id"])


def _print(record: dict[str, object], variant: str, folder: Path) -> Path:
    path = folder / f"处理单-{variant}.pdf"
    assert print_to_pdf(processing_slip(record, "国营红松林场", variant), path) == 1
    return path


COMMON = (
    "收文日期",
    "收文编号",
    "来文单位",
    "来文字号",
    "份数",
    "密级",
    "紧急程度",
    "标题",
    "拟办意见",
    "领导批示",
)


@needs_poppler
@pytest.mark.parametrize(
    ("variant", "own"),
    [
        ("办文", ("办理情况", "承办部门", "承办人", "办理时限", "办结日期", "防火办", "王强")),
        ("阅文", ("阅文领导", "送阅时间", "退回时间", "签名")),
    ],
)
def test_slip_is_one_portrait_page_with_the_record(
    document: dict[str, object], tmp_path: Path, variant: str, own: tuple[str, ...]
) -> None:
    path = _print(document, variant, tmp_path)
    assert page_sizes(path) == [A4_PORTRAIT]
    (text,) = page_texts(path)
    flat = squeezed(text)
    assert "国营红松林场收文处理单" in flat
    assert f"（{variant}）" in flat
    for label in (*COMMON, *own):
        assert label in flat, label
    for value in (
        document["serial"],
        "2024-03-05",
        "省林业和草原局",
        "林防发〔2024〕12号",
        "机密★10年",
        "特急",
        TITLE,
        PROPOSAL,
        INSTRUCTION,
        "李娜",
        "张建国",
    ):
        assert str(value) in squeezed(page_texts(path, "-raw")[0]), value
    assert FOOT_NOTE in flat


@needs_poppler
def test_blank_slip_leaves_room_to_write(tmp_path: Path) -> None:
    """A record with only the required fields still prints the whole form."""
    record = {
        "serial": "收〔2024〕1号",
        "received_at": dt.datetime(2024, 1, 2),
        "sender": "市财政局",
        "title": "会议纪要",
    }
    path = _print(record, "阅文", tmp_path)
    flat = squeezed(page_texts(path)[0])
    assert "拟办人：" in flat and "批示人：" in flat and "会议纪要" in flat


@needs_poppler
def test_overlong_text_still_fits_one_page(tmp_path: Path) -> None:
    record = {
        "serial": "收〔2024〕2号",
        "title": "标题" * 200,
        "instruction": "批示内容很长。" * 300,
        "proposal": "拟办意见。" * 100,
        "result": "办理结果。" * 100,
    }
    for variant in ("办文", "阅文"):
        path = _print(record, variant, tmp_path)
        assert page_sizes(path) == [A4_PORTRAIT]
        assert "…" in page_texts(path)[0]


def test_unknown_variant_is_refused() -> None:
    with pytest.raises(ValueError, match="办文"):
        processing_slip({}, "单位", "传阅")

"""文号 normalisation and yearly serial templates."""

from __future__ import annotations

import pytest

from officedesk.core.docnumber import (
    check_serial_template,
    format_serial,
    normalise_doc_number,
    serial_series,
)


@pytest.mark.parametrize(
    "typed",
    ["林政发〔2024〕12号", "林政发[2024]12号", "林政发（2024）12号", "林政发【2024】12号",
     "林政发 [ 2024 ] 012号", "林政发(２０２４)12号", "林政发〔2024〕第12号"],
)  # fmt: skip
def test_bracket_variants_normalise_to_hexagonal_brackets(typed: str) -> None:
    assert normalise_doc_number(typed) == "林政发〔2024〕12号"


def test_different_numbers_stay_different() -> None:
    assert normalise_doc_number("林政发〔2024〕12号") != normalise_doc_number("林政发〔2024〕120号")
    assert normalise_doc_number("林政发〔2024〕12号") != normalise_doc_number("林资发〔2024〕12号")
    assert normalise_doc_number("") == ""
    assert normalise_doc_number(None) == ""


def test_serial_templates() -> None:
    assert format_serial("收〔{YYYY}〕{n}号", 2024, 7) == "收〔2024〕7号"
    assert format_serial("{YYYY}-{n:04d}", 2024, 7) == "2024-0007"
    assert format_serial("收{YY}-{n:03d}", 2024, 7) == "收24-007"
    assert serial_series("收〔{YYYY}〕{n}号", 2024) != serial_series("收〔{YYYY}〕{n}号", 2025)


@pytest.mark.parametrize(
    ("template", "needle"),
    [("收〔{YYYY}〕号", "缺少序号"), ("{YYYY}-{x}-{n}", "未知占位符"), ("收{YYYY", "大括号"),
     ("{YYYY}-{n:q}", "无法使用")],
)  # fmt: skip
def test_bad_templates_are_explained(template: str, needle: str) -> None:
    message = check_serial_template(template)
    assert message is not None and needle in message


def test_good_template_passes() -> None:
    assert check_serial_template("收〔{YYYY}〕{n}号") is None

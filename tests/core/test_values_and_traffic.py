"""Typed values from typed text, and traffic lights."""

from __future__ import annotations

import datetime as dt

import pytest

from officedesk.core.registers import INCOMING_DOCUMENT as DOC
from officedesk.core.traffic import Light, light
from officedesk.core.values import ValueProblem, coerce, missing_required, parse_date


@pytest.mark.parametrize("text", ["2024-03-05", "2024/3/5", "2024.3.5", "2024年3月5日", "20240305"])
def test_dates_in_the_shapes_people_type(text: str) -> None:
    assert parse_date(text) == dt.date(2024, 3, 5)


def test_bad_date_names_the_field() -> None:
    with pytest.raises(ValueProblem, match=r"「成文日期」不是有效日期.*2024\.13\.05"):
        coerce(DOC.field("issued_on"), "2024.13.05")


def test_datetime_and_int_and_choice() -> None:
    assert coerce(DOC.field("received_at"), "2024-03-05 9:30") == dt.datetime(2024, 3, 5, 9, 30)
    assert coerce(DOC.field("copies"), "3") == 3
    with pytest.raises(ValueProblem, match="「份数」应为整数"):
        coerce(DOC.field("copies"), "三")
    with pytest.raises(ValueProblem, match="「密级」只能是"):
        coerce(DOC.field("secrecy"), "内部")
    # The old value 急件 is read as 加急.
    assert coerce(DOC.field("urgency"), "急件") == "加急"


def test_missing_required_fields_in_form_order() -> None:
    missing = missing_required(DOC, {"received_at": dt.datetime(2024, 1, 1)})
    assert [f.label for f in missing] == ["来文机关", "标题"]


def test_traffic_lights() -> None:
    today = dt.date(2026, 11, 21)
    assert light("2026-11-20", None, today) is Light.OVERDUE
    assert light("2026-11-21", None, today) is Light.DUE_SOON
    assert light("2026-11-24", None, today, 3) is Light.DUE_SOON
    assert light("2026-11-25", None, today, 3) is Light.NONE
    assert light("2026-11-20", "2026-11-19", today) is Light.DONE
    assert light("2026-11-20", "2026-11-21", today) is Light.DONE_LATE
    assert light(None, None, today) is Light.NONE
    assert Light.OVERDUE.background.startswith("#")


def test_every_register_declares_unique_fields_and_known_special_fields() -> None:
    from officedesk.core.registers import REGISTERS

    for reg in REGISTERS:
        names = [f.name for f in reg.fields]
        assert len(names) == len(set(names)), reg.key
        for special in (reg.serial_field, reg.date_field, reg.due_field, reg.done_field):
            assert special is None or reg.has(special), (reg.key, special)


def test_estimated_deadline_is_marked_in_cell_text() -> None:
    from officedesk.core.fields import cell_text

    due = DOC.field("due_date")
    assert cell_text(DOC, due, {"due_date": "2031-01-10", "due_estimated": 1}) == "2031-01-10（估）"
    assert cell_text(DOC, due, {"due_date": "2026-10-13", "due_estimated": 0}) == "2026-10-13"
    assert cell_text(DOC, due, {"due_date": None, "due_estimated": 1}) == ""
    assert cell_text(DOC, DOC.field("title"), {"title": "标题", "due_estimated": 1}) == "标题"

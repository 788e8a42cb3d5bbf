"""接待 rules: 陪餐 and 工作餐 limits, petition deadlines, ID masking and the check digit."""

from __future__ import annotations

import datetime as dt

import pytest

from officedesk.core import reception as r
from officedesk.core.fields import format_value, masked_record, reveal_sensitive
from officedesk.core.registers import VISITOR
from officedesk.core.workdays import WorkCalendar

# A valid ID (GB 11643 example pattern), its check digit computed by hand:
# 11010519491231002 → weights sum 167 → 167 mod 11 = 2 → check 'X'.
VALID = "11010519491231002X"


@pytest.mark.parametrize(
    ("guests", "allowed"), [(1, 3), (3, 3), (10, 3), (11, 3), (30, 10), (31, 10)]
)
def test_accompanying_staff_limit(guests: int, allowed: int) -> None:
    assert r.max_accompanying(guests) == allowed


def test_accompanying_rule_in_meal_findings() -> None:
    ok = r.Meal(dt.date(2026, 5, 6), r.WORKING_MEAL, guests=11, staff=3)
    too_many = r.Meal(dt.date(2026, 5, 6), r.WORKING_MEAL, guests=11, staff=4)
    assert r.meal_findings([ok], 100) == []
    [finding] = r.meal_findings([too_many], 100)
    assert finding.level == "error"
    assert "11 位客人最多 3 人陪餐" in finding.message and "三分之一" in finding.message
    small = r.Meal(None, r.WORKING_MEAL, guests=2, staff=4)
    assert "10 人以内陪餐不超过 3 人" in r.meal_findings([small], 0)[0].message


def test_accompanying_counts_no_more_guests_than_were_received() -> None:
    # The reviewer's dodge: 2 guests received, a meal line typed as 20 guests with 6 staff.
    padded = r.Meal(dt.date(2026, 5, 6), r.WORKING_MEAL, guests=20, staff=6)
    assert [f.level for f in r.meal_findings([padded], 0)] == []  # the line alone looks fine
    found = r.meal_findings([padded], 0, received=2)
    assert [f.level for f in found] == ["error", "error"]
    assert "第 1 餐（2026-05-06 工作餐）：客人数 20 人，多于本次接待对象 2 人" in found[0].message
    assert "2 位客人最多 3 人陪餐，现为 6 人" in found[1].message
    # A meal with fewer guests than received is counted as typed; 3 staff are allowed then.
    assert r.meal_findings([r.Meal(None, r.WORKING_MEAL, 1, 3)], 0, received=2) == []
    # 31 received, a meal for 12 of them: the limit comes from the 12 (4), not the 31 (10).
    [f] = r.meal_findings([r.Meal(None, r.WORKING_MEAL, 12, 5)], 0, received=31)
    assert "12 位客人最多 4 人陪餐" in f.message


def test_one_working_meal_per_reception() -> None:
    one = [r.Meal(None, r.WORKING_MEAL, 5, 2), r.Meal(None, "自助餐", 5, 0)]
    assert r.meal_findings(one, 0) == []
    two = [*one, r.Meal(None, r.WORKING_MEAL, 5, 1)]
    errors = [f for f in r.meal_findings(two, 0) if f.level == "error"]
    assert [f.message for f in errors] == ["每次接待只能安排一次工作餐，现有 2 次"]


def test_meal_and_lodging_limits_warn() -> None:
    costly = r.Meal(None, r.WORKING_MEAL, guests=4, staff=1, amount=600)  # 120 a head
    [f] = r.meal_findings([costly], 100)
    assert f.level == "warn" and "人均 120.00 元" in f.message
    assert r.meal_findings([costly], 120) == []
    found = r.lodging_findings("普通套间", 450, 380)
    assert [x.level for x in found] == ["warn", "warn"]
    assert r.lodging_findings("标准间", 380, 380) == []


def test_letter_required_for_official_reception() -> None:
    assert r.letter_findings("公务", has_letter=False, approved=False)[0].level == "warn"
    assert r.letter_findings("公务", has_letter=False, approved=True)[0].level == "error"
    assert r.letter_findings("公务", has_letter=True, approved=True) == []
    assert r.letter_findings("商务", has_letter=False, approved=True) == []


def test_guest_list_against_letter() -> None:
    assert r.guest_list_differences(["张三", "李四"], r.split_names("张三、李四")) == []
    diffs = r.guest_list_differences(["张三", "赵六"], r.split_names("张三，李四"))
    assert diffs == ["接待清单中的 赵六 不在公函所列人员中", "公函所列的 李四 不在接待清单中"]


# -- petitions: calendar days, rolled to the next working day when a period ends on a rest day --

CAL = WorkCalendar()


def test_notice_due_15_days_after_receipt() -> None:
    assert r.notice_due(CAL, dt.date(2026, 3, 2)) == dt.date(2026, 3, 17)  # a Tuesday
    # 2026-09-19 + 15 = 2026-10-04, inside the National Day holiday: rolls to 2026-10-08
    assert r.notice_due(CAL, dt.date(2026, 9, 19)) == dt.date(2026, 10, 8)


def test_handling_due_60_days_after_acceptance_and_one_extension() -> None:
    accepted = dt.date(2026, 3, 2)
    # 60 days end on 2026-05-01, 劳动节; the holiday runs to 05-05, so the period ends 05-06.
    assert r.handling_due(CAL, accepted) == dt.date(2026, 5, 6)
    # Extended by 30: 90 days end on Sunday 2026-05-31, rolled to Monday 06-01.
    assert r.handling_due(CAL, accepted, 30) == dt.date(2026, 6, 1)
    assert r.handling_due(CAL, accepted, 10) == dt.date(2026, 5, 11)
    assert r.extension_problem(31, "案情复杂") == "延期不得超过 30 日，现为 31 日"
    assert r.extension_problem(30, "") == "延期须写明理由（并告知信访人）"
    assert r.extension_problem(30, "案情复杂") is None
    with pytest.raises(ValueError, match="30"):
        r.handling_due(CAL, accepted, 31)


def test_review_and_recheck_each_30_days() -> None:
    assert r.review_due(CAL, dt.date(2026, 6, 1)) == dt.date(2026, 7, 1)
    record = {
        "received_on": dt.date(2026, 3, 2), "acceptance": "受理", "accepted_on": dt.date(2026, 3, 5),
        "extension_days": 20, "extension_reason": "需现场核查",
    }  # fmt: skip
    d = r.petition_deadline(CAL, record)
    assert (d.stage, d.due) == ("办理", r.handling_due(CAL, dt.date(2026, 3, 5), 20))
    record["replied_on"] = dt.date(2026, 5, 20)
    record["review_requested_on"] = dt.date(2026, 6, 10)
    d = r.petition_deadline(CAL, record)
    assert (d.stage, d.due, d.done) == ("复查", dt.date(2026, 7, 10), None)
    record["review_done_on"] = dt.date(2026, 7, 1)
    record["recheck_requested_on"] = dt.date(2026, 7, 20)
    d = r.petition_deadline(CAL, record)
    assert (d.stage, d.due) == ("复核", dt.date(2026, 8, 19))
    fresh = r.petition_deadline(CAL, {"received_on": dt.date(2026, 3, 2)})
    assert (fresh.stage, fresh.due) == ("受理告知", dt.date(2026, 3, 17))


# -- 证件号码 -------------------------------------------------------------------------------


def test_mask_keeps_first_six_and_last_four() -> None:
    assert r.mask_id_number("110101199003071234") == "110101********1234"
    assert r.mask_id_number(VALID) == "110105********002X"
    assert r.mask_id_number("E12345678") == "E1*****78"
    assert r.mask_id_number("123") == "***"


def test_check_digit() -> None:
    assert r.id_check_character(VALID[:17]) == "X"
    assert r.id_number_problem(VALID) is None
    assert r.id_number_problem(VALID.lower()) is None
    wrong = VALID[:17] + "3"
    assert "校验位" in (r.id_number_problem(wrong) or "")
    assert "18 位" in (r.id_number_problem("11010519491231") or "")
    assert "出生日期" in (r.id_number_problem("110105194913310021") or "")
    assert r.id_number_problem("E12345678", "护照") is None


def test_field_masks_unless_revealed() -> None:
    f = VISITOR.field("id_number")
    assert f.sensitive
    assert format_value(f, VALID) == "110105********002X"
    assert masked_record(VISITOR, {"id_number": VALID})["id_number"] == "110105********002X"
    with reveal_sensitive():
        assert format_value(f, VALID) == VALID
        assert masked_record(VISITOR, {"id_number": VALID})["id_number"] == VALID
    assert format_value(f, VALID) == "110105********002X"
    assert r.ID18_IN_TEXT.search(f"号码{VALID}。") and not r.ID18_IN_TEXT.search(
        "110105********002X"
    )

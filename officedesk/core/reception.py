"""接待 rules (DOMAIN.md §4): ID numbers, the 2013 official-reception limits, petition deadlines.

Pure functions, no Qt and no SQL: the form checks as the clerk types, storage refuses what must
be refused, and the tests pin each number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from officedesk.core.workdays import WorkCalendar

# -- 证件号码 -------------------------------------------------------------------------------

KEEP_HEAD = 6  # the 行政区划 code: tells where a visitor is from, not who
KEEP_TAIL = 4
_ID18 = re.compile(r"^\d{17}[\dXx]$")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"  # GB 11643-1999: the check character for sum(digit × weight) mod 11
# An 18-digit ID anywhere in a text (exports are scanned for one in the tests).
ID18_IN_TEXT = re.compile(r"(?<![0-9])\d{17}[\dXx](?![0-9Xx])")


def mask_id_number(value: str) -> str:
    """The number with all but the first 6 and last 4 characters starred: 110101********1234.

    Numbers of 10 characters or fewer (passports, other papers) keep only their first and last
    two, so a short number is never shown whole."""
    text = str(value).strip()
    if len(text) > KEEP_HEAD + KEEP_TAIL:
        return text[:KEEP_HEAD] + "*" * (len(text) - KEEP_HEAD - KEEP_TAIL) + text[-KEEP_TAIL:]
    if len(text) > 4:
        return text[:2] + "*" * (len(text) - 4) + text[-2:]
    return "*" * len(text)


def id_check_character(first17: str) -> str:
    """The GB 11643 check character (0-9 or X) of the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def id_number_problem(value: str | None, id_type: str | None = "居民身份证") -> str | None:
    """A Chinese warning if a 居民身份证 number looks wrong (length, birth date, check digit),
    else None. A warning only: the clerk may keep what is printed on the card.

    The warning quotes no character of the number, nor anything computed from the masked
    middle (the birth date, the expected check digit): it is shown beside the masked number."""
    text = (value or "").strip()
    if not text or (id_type or "居民身份证") != "居民身份证":
        return None
    if not _ID18.match(text):
        return f"「证件号码」应为 18 位（最后一位可为 X），现在是 {len(text)} 位：请核对"
    try:
        dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return "「证件号码」中的出生日期部分不是有效日期：请核对"
    if text[17].upper() != id_check_character(text[:17]):
        return "「证件号码」的校验位（最后一位）与前 17 位不符：请核对是否抄错"
    return None


def normalise_id_number(value: str | None) -> str:
    """The number as stored and compared: stripped, a lower-case x made X."""
    return (value or "").strip().upper()


# -- 公务接待 (党政机关国内公务接待管理规定 2013) -----------------------------------------------

WORKING_MEAL = "工作餐"
MEAL_KINDS = (WORKING_MEAL, "自助餐", "食堂就餐", "其他")
RECEPTION_KINDS = ("公务", "商务", "外事")


def max_accompanying(guests: int) -> int:
    """The most 陪餐 staff allowed for `guests` guests: 3 up to 10 guests, beyond that a third.

    "不得超过三分之一" is a ceiling, so the third is rounded down: 11 guests allow 3 (4 would be
    more than a third), 30 allow 10, 31 still 10. Integer arithmetic, no float rounding."""
    if guests <= 0:
        return 0
    if guests <= 10:
        return 3
    return guests // 3


@dataclass(frozen=True)
class Meal:
    """One meal of a reception."""

    day: dt.date | None
    kind: str
    guests: int
    staff: int  # 陪餐 staff of the host unit
    amount: float = 0.0  # 元, the whole meal


@dataclass(frozen=True)
class Finding:
    """One rule the reception breaks or comes near: `level` is 'error' (must change) or 'warn'."""

    level: str
    message: str


def meal_findings(meals: Sequence[Meal], meal_limit: float, received: int = 0) -> list[Finding]:
    """The meal rules: at most one 工作餐; 陪餐 within max_accompanying; cost per head ≤ limit.

    `received` is how many guests the reception receives (its guest list, else its 人数; 0 when
    unknown). The 陪餐 limit counts the smaller of a meal's 客人数 and `received`: typing more
    guests at a meal than were received does not buy more 陪餐, and such a meal is flagged."""
    out: list[Finding] = []
    working = [m for m in meals if m.kind == WORKING_MEAL]
    if len(working) > 1:
        out.append(Finding("error", f"每次接待只能安排一次工作餐，现有 {len(working)} 次"))
    for i, m in enumerate(meals, 1):
        where = f"第 {i} 餐（{m.day.isoformat() if m.day else '未填日期'} {m.kind}）"
        guests = min(m.guests, received) if received > 0 else m.guests
        if received > 0 and m.guests > received:
            out.append(Finding("error", f"{where}：客人数 {m.guests} 人，多于本次接待对象 "
                                        f"{received} 人；陪餐按接待对象人数计算"))  # fmt: skip
        allowed = max_accompanying(guests)
        if m.staff > allowed:
            rule = (
                "接待对象 10 人以内陪餐不超过 3 人"
                if guests <= 10
                else ("接待对象超过 10 人的，陪餐不超过其三分之一（向下取整）")
            )
            out.append(Finding("error", f"{where}：{guests} 位客人最多 {allowed} 人陪餐，"
                                        f"现为 {m.staff} 人（{rule}）"))  # fmt: skip
        heads = guests + m.staff
        if meal_limit > 0 and heads > 0 and m.amount > 0 and m.amount / heads > meal_limit:
            out.append(Finding("warn", f"{where}：人均 {m.amount / heads:.2f} 元，超过本单位"
                                       f"工作餐标准 {meal_limit:g} 元/人"))  # fmt: skip
    return out


def lodging_findings(room_type: str | None, rate: float | None, limit: float) -> list[Finding]:
    """The lodging rules: 标准间 as the rule; the nightly rate within the unit's limit."""
    out: list[Finding] = []
    if room_type and room_type != "标准间":
        out.append(Finding("warn", f"住宿应以标准间为主，现为「{room_type}」，请确认符合规定"))
    if rate and limit > 0 and rate > limit:
        out.append(Finding("warn", f"住宿 {rate:g} 元/间·夜，超过本单位标准 {limit:g} 元"))
    return out


def letter_findings(kind: str | None, has_letter: bool, approved: bool) -> list[Finding]:
    """Without a 公函 there is no official reception: flagged, and it cannot be approved."""
    if (kind or "公务") != "公务" or has_letter:
        return []
    if approved:
        return [Finding("error", "公务接待没有公函（文号或扫描件），不能标记为已审批")]
    return [Finding("warn", "尚无公函：公务接待须凭派出单位公函，请填写公函文号或添加扫描件")]


def split_names(text: str | None) -> list[str]:
    """Names from a list typed as 张三、李四，王五 (any of 、，, ; and spaces)."""
    return [n for n in re.split(r"[、，,；;\s]+", text or "") if n]


def guest_list_differences(listed: Iterable[str], in_letter: Iterable[str]) -> list[str]:
    """Warnings when the 接待清单's guests differ from those named in the 公函."""
    have, want = list(dict.fromkeys(listed)), list(dict.fromkeys(in_letter))
    if not want:
        return []
    extra = [n for n in have if n not in want]
    missing = [n for n in want if n not in have]
    out = []
    if extra:
        out.append(f"接待清单中的 {'、'.join(extra)} 不在公函所列人员中")
    if missing:
        out.append(f"公函所列的 {'、'.join(missing)} 不在接待清单中")
    return out


# -- 信访 (信访工作条例 2022) ------------------------------------------------------------------

NOTICE_DAYS = 15  # written notice of acceptance or not, from receipt
HANDLING_DAYS = 60  # from acceptance
MAX_EXTENSION_DAYS = 30  # once, with a reason
REVIEW_DAYS = 30  # 复查 and 复核 each answered within 30 days of the request


def _period(cal: WorkCalendar, start: dt.date, days: int) -> dt.date:
    # Calendar days; a period ending on a rest day rolls to the next working day (DOMAIN §0).
    return cal.add_calendar_days(start, days)[0]


def notice_due(cal: WorkCalendar, received: dt.date) -> dt.date:
    """When the written 受理 / 不予受理 notice is due: 15 days after receipt."""
    return _period(cal, received, NOTICE_DAYS)


def extension_problem(days: int | None, reason: str | None) -> str | None:
    """Why an extension cannot be taken (over 30 days, no reason), else None."""
    if not days:
        return None
    if days < 0 or days > MAX_EXTENSION_DAYS:
        return f"延期不得超过 {MAX_EXTENSION_DAYS} 日，现为 {days} 日"
    if not (reason or "").strip():
        return "延期须写明理由（并告知信访人）"
    return None


def handling_due(cal: WorkCalendar, accepted: dt.date, extension_days: int = 0) -> dt.date:
    """When handling is due: 60 days after acceptance, plus one extension of at most 30 days.

    The extension lengthens the period itself (60 + n days from acceptance); the roll-over to a
    working day applies once, to the end of the whole period."""
    problem = extension_problem(extension_days, "理由") if extension_days else None
    if problem:
        raise ValueError(problem)
    return _period(cal, accepted, HANDLING_DAYS + (extension_days or 0))


def review_due(cal: WorkCalendar, requested: dt.date) -> dt.date:
    """When a 复查 or 复核 opinion is due: 30 days after the request was received."""
    return _period(cal, requested, REVIEW_DAYS)


@dataclass(frozen=True)
class PetitionDeadline:
    """The deadline a petition is at now: which step, due when, done when (for the light)."""

    stage: str  # 受理告知 / 办理 / 复查 / 复核 / "" (nothing pending)
    due: dt.date | None
    done: dt.date | None


def _d(record: dict[str, object], name: str) -> dt.date | None:
    value = record.get(name)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        return dt.date.fromisoformat(value[:10])
    return None


def petition_deadline(cal: WorkCalendar, record: dict[str, object]) -> PetitionDeadline:
    """The petition's current deadline from its dates: the latest step started decides it."""
    recheck = _d(record, "recheck_requested_on")
    if recheck:
        return PetitionDeadline("复核", review_due(cal, recheck), _d(record, "recheck_done_on"))
    review = _d(record, "review_requested_on")
    if review:
        return PetitionDeadline("复查", review_due(cal, review), _d(record, "review_done_on"))
    accepted = _d(record, "accepted_on")
    if record.get("acceptance") == "受理" and accepted:
        ext = record.get("extension_days")
        due = handling_due(cal, accepted, int(ext) if isinstance(ext, int) else 0)
        return PetitionDeadline("办理", due, _d(record, "replied_on"))
    received = _d(record, "received_on")
    if received is None:
        return PetitionDeadline("", None, None)
    return PetitionDeadline("受理告知", notice_due(cal, received), _d(record, "notice_on"))

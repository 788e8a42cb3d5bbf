"""档号 and the other archive rules of DA/T 22-2015 (DOMAIN.md §5): no Qt, no SQL.

档号 = 全宗号-WS·年度-保管期限代码-机构代码-件号: "-" between levels, "·" (U+00B7) inside a
level, 件号 four digits restarting per lowest category, the 机构 segment left out when the
scheme has none. The segment order is the standard's (DA/T 22-2015 5.4.2) whatever the order of
the classification scheme: the scheme decides how the 件 are grouped and listed, not the 档号.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

CATEGORY_CODE = "WS"  # 档案门类代码 of 文书档案
MIDDLE_DOT = "\u00b7"  # "·" inside a level (not the Chinese 间隔号 "・" or the bullet "•")
ITEM_DIGITS = 4

# 保管期限 as the register shows it → its code in the 档号.
RETENTIONS: dict[str, str] = {"永久": "Y", "定期30年": "D30", "定期10年": "D10"}
RETENTION_BY_CODE: dict[str, str] = {code: name for name, code in RETENTIONS.items()}
RETENTION_YEARS: dict[str, int | None] = {"永久": None, "定期30年": 30, "定期10年": 10}

SCHEME_ORG_RETENTION = "年度-机构(问题)-保管期限"
SCHEME_RETENTION_ORG = "年度-保管期限-机构(问题)"
SCHEME_RETENTION = "年度-保管期限"
SCHEMES = (SCHEME_ORG_RETENTION, SCHEME_RETENTION_ORG, SCHEME_RETENTION)

_FONDS = re.compile(r"^[0-9A-Z]{1,10}$")
_ORG = re.compile(r"^[0-9A-Z]{1,10}$")


class ArchiveRuleError(ValueError):
    """A value the archive rules do not accept; the message is Chinese and names the field."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def uses_org(scheme: str) -> bool:
    """Whether the scheme has a 机构(问题) level (and the 档号 a 机构 segment)."""
    check_scheme(scheme)
    return scheme != SCHEME_RETENTION


def check_scheme(scheme: str) -> None:
    """ArchiveRuleError unless `scheme` is one of SCHEMES."""
    if scheme not in SCHEMES:
        raise ArchiveRuleError(
            f"「分类方案」应为：{'、'.join(SCHEMES)}，不是「{scheme}」", "scheme"
        )


def check_fonds(fonds: str) -> str:
    """The 全宗号 stripped; ArchiveRuleError when empty or not letters and digits."""
    text = (fonds or "").strip()
    if not text:
        raise ArchiveRuleError("尚未设置「全宗号」，请在 设置 → 单位设置 → 档案 中填写", "fonds_no")
    if not _FONDS.match(text):
        raise ArchiveRuleError(
            f"「全宗号」只能由大写字母和数字组成（如 Z109），不是「{text}」", "fonds_no"
        )
    return text


def fonds_problem(fonds: str) -> str | None:
    """A Chinese message if `fonds` is not a usable 全宗号, else None (for the settings dialog)."""
    try:
        check_fonds(fonds)
    except ArchiveRuleError as exc:
        return str(exc)
    return None


def check_org_code(code: str) -> str:
    """A 机构(问题) code: upper-case letters and digits, e.g. BGS."""
    text = (code or "").strip()
    if not _ORG.match(text):
        raise ArchiveRuleError(
            f"「机构(问题)」代码只能由大写字母和数字组成（如 BGS），不是「{text}」", "org_code"
        )
    return text


def retention_code(retention: str) -> str:
    """Y / D30 / D10 for 永久 / 定期30年 / 定期10年 (the code itself is accepted too)."""
    if retention in RETENTIONS:
        return RETENTIONS[retention]
    if retention in RETENTION_BY_CODE:
        return retention
    raise ArchiveRuleError(
        f"「保管期限」应为 永久、定期30年 或 定期10年，不是「{retention}」", "retention"
    )


def retention_name(value: str) -> str:
    """永久 / 定期30年 / 定期10年 for a name or a current code (Y, D30, D10)."""
    code = retention_code(value)
    return RETENTION_BY_CODE[code]


@dataclass(frozen=True)
class LegacyRetention:
    """An old 保管期限 mapped to the current scheme, with the note the user must see."""

    original: str
    retention: str  # 永久 / 定期30年 / 定期10年
    note: str  # empty only when nothing was changed


# The 2006 rules (国家档案局令第8号) replaced 永久/长期/短期 with 永久/定期30年/定期10年. 长期
# (16–50 years) becomes 定期30年 and 短期 (≤15 years) 定期10年: the usual conversion, but an
# archivist must confirm it, so every mapped value carries a note.
_LEGACY: dict[str, tuple[str, str]] = {
    "永久": ("永久", ""),
    "Y": ("永久", ""),
    "长期": ("定期30年", "旧保管期限「长期」按现行规定记为「定期30年」，请核对"),
    "C": ("定期30年", "旧保管期限代码「C」（长期）按现行规定记为「定期30年」，请核对"),
    "短期": ("定期10年", "旧保管期限「短期」按现行规定记为「定期10年」，请核对"),
    "D": ("定期10年", "旧保管期限代码「D」（短期）按现行规定记为「定期10年」，请核对"),
}


def map_legacy_retention(value: str) -> LegacyRetention:
    """An imported 保管期限 (current or legacy 永久/长期/短期, Y/C/D) with a note if it was mapped.

    Current values pass unchanged with no note; legacy values are mapped with a note; anything
    else raises ArchiveRuleError (never guessed).
    """
    text = (value or "").strip()
    text = text.upper() if text.isascii() else text
    text = {"30年": "定期30年", "10年": "定期10年"}.get(text, text)
    if text in RETENTIONS or text in ("D30", "D10"):
        return LegacyRetention(value, retention_name(text), "")
    if text in _LEGACY:
        retention, note = _LEGACY[text]
        return LegacyRetention(value, retention, note)
    raise ArchiveRuleError(
        f"无法识别的保管期限「{value}」：应为 永久、定期30年、定期10年，"
        "或旧代码 永久/长期/短期（Y/C/D）",
        "retention",
    )


@dataclass(frozen=True)
class Category:
    """The lowest category of a 件: 件号 restart in each. `org` is "" when the scheme has none."""

    year: int
    retention: str  # 永久 / 定期30年 / 定期10年
    org: str = ""

    @property
    def key(self) -> str:
        """The category as stored (the allocation key): 2011|Y|BGS."""
        return f"{self.year}|{retention_code(self.retention)}|{self.org}"

    def label(self) -> str:
        """How a message names the category: 2011年 永久 BGS."""
        return " ".join(p for p in (f"{self.year}年", self.retention, self.org) if p)


def category(
    scheme: str, year: int, retention: str, org: str | None, known: Sequence[str] = ()
) -> Category:
    """The lowest category of a 件 under `scheme` (the org ignored when the scheme has none).

    `known` is the 全宗's configured 机构(问题) codes: a code outside it would open a bogus
    numbering series, so it is refused (no check when the list is empty).
    """
    check_year(year)
    name = retention_name(retention)
    if uses_org(scheme):
        if not (org or "").strip():
            raise ArchiveRuleError("分类方案含「机构(问题)」，请选择机构(问题)", "org_code")
        code = check_org_code(str(org))
        if known and code not in known:
            raise ArchiveRuleError(
                f"「机构(问题)」代码「{code}」不在设置的机构(问题)表中，"
                f"应为 {'、'.join(known)} 之一（可在 设置 → 档案 中增加）",
                "org_code",
            )
        return Category(year, name, code)
    return Category(year, name, "")


def check_year(year: int) -> int:
    """A plausible 年度 (the year the document was signed)."""
    if not isinstance(year, int) or not 1949 <= year <= 2100:
        raise ArchiveRuleError(f"「年度」应为四位年份，不是「{year}」", "year")
    return year


def format_item_no(n: int) -> str:
    """件号 as four digits: 1 → 0001 (beyond 9999 the number simply grows)."""
    if n < 1:
        raise ArchiveRuleError(f"「件号」应从 1 开始，不是 {n}", "item_no")
    return f"{n:0{ITEM_DIGITS}d}"


def parse_item_no(text: str | int) -> int:
    """The number of a 件号 typed or stored: "0012", "12" → 12."""
    raw = str(text).strip()
    if not raw.isdigit() or int(raw) < 1:
        raise ArchiveRuleError(f"「件号」应为正整数，如 0001，不是「{text}」", "item_no")
    return int(raw)


def archive_no(fonds: str, cat: Category, item: int) -> str:
    """The 档号 of 件 `item` of category `cat` in 全宗 `fonds`.

    >>> archive_no("Z109", Category(2011, "永久", "BGS"), 1)
    'Z109-WS·2011-Y-BGS-0001'
    """
    parts = [check_fonds(fonds), f"{CATEGORY_CODE}{MIDDLE_DOT}{cat.year}"]
    parts.append(retention_code(cat.retention))
    if cat.org:
        parts.append(cat.org)
    parts.append(format_item_no(item))
    return "-".join(parts)


_ARCHIVE_NO = re.compile(
    rf"^(?P<fonds>[0-9A-Z]+)-{CATEGORY_CODE}{MIDDLE_DOT}(?P<year>\d{{4}})"
    r"-(?P<ret>Y|D30|D10)(?:-(?P<org>[0-9A-Z]+))?-(?P<item>\d{4,})$"
)


def parse_archive_no(text: str) -> tuple[str, Category, int]:
    """(全宗号, category, 件号) of a 档号; ArchiveRuleError naming what is wrong (e.g. "." for "·")."""
    m = _ARCHIVE_NO.match((text or "").strip())
    if not m:
        hint = ""
        if "WS." in text or "WS•" in text or "WS・" in text:
            hint = "（年度前应为间隔号「·」U+00B7）"
        raise ArchiveRuleError(f"档号「{text}」不符合 全宗号-WS·年度-期限-机构-件号 的格式{hint}",
                               "archive_no")  # fmt: skip
    cat = Category(int(m["year"]), RETENTION_BY_CODE[m["ret"]], m["org"] or "")
    return m["fonds"], cat, int(m["item"])


def catalogue_date(value: dt.date | dt.datetime | str | None) -> str:
    """日期 as the catalogue writes it: 8 digits, 20240305 ("" when unknown)."""
    if value is None or value == "":
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y%m%d")
    text = str(value).strip()
    digits = re.sub(r"\D", "", text[:10])
    if len(digits) == 8:
        dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))  # ValueError if impossible
        return digits
    raise ArchiveRuleError(f"「日期」应为 8 位数字（如 20240305），不是「{value}」", "doc_date")


def check_catalogue_date(text: str) -> str:
    """An 8-digit date typed by hand, checked: 20240305; ArchiveRuleError otherwise."""
    try:
        return catalogue_date(text)
    except ValueError as exc:
        if isinstance(exc, ArchiveRuleError):
            raise
        raise ArchiveRuleError(f"「日期」{text} 不是有效日期", "doc_date") from None


def self_made_title(title: str) -> str:
    """A title the archivist composed (the document had none) in square brackets: [关于…]."""
    text = title.strip()
    if text.startswith("[") and text.endswith("]"):
        return text
    return f"[{text.strip('[]')}]"


def is_self_made(title: str) -> bool:
    """Whether a 题名 is marked as self-made ([ ])."""
    text = (title or "").strip()
    return text.startswith("[") and text.endswith("]")


def expiry_year(year: int, retention: str) -> int | None:
    """The year a 定期 件's period ends (counted from the year after 年度); None for 永久."""
    years = RETENTION_YEARS[retention_name(retention)]
    return None if years is None else year + years


@dataclass(frozen=True)
class RetentionRule:
    """One line of the unit's 保管期限表: documents matching `pattern` are kept `retention`."""

    pattern: str  # words that all occur in the 题名, 文种 or 来文机关 (space-separated)
    retention: str
    org: str = ""  # a 机构(问题) to propose too ("" keeps the department's)
    note: str = ""


def propose_retention(rules: Sequence[RetentionRule], *texts: str | None) -> RetentionRule | None:
    """The first rule whose every word occurs in one of `texts` (title, 文种, 来文机关)."""
    haystack = " ".join(t for t in texts if t)
    for rule in rules:
        words = rule.pattern.split()
        if words and all(w in haystack for w in words):
            return rule
    return None


def propose_org(orgs: Iterable[tuple[str, str]], department: str | None) -> str | None:
    """The 机构(问题) code whose name is the 收文's 主办部门 (exact, then contained)."""
    pairs = list(orgs)
    dept = (department or "").strip()
    if not dept:
        return None
    for code, name in pairs:
        if name == dept:
            return code
    for code, name in pairs:
        if name and (name in dept or dept in name):
            return code
    return None


def item_range(item_nos: Iterable[str | int]) -> str:
    """起止件号 of a box: 0001—0020 (one 件: 0007)."""
    numbers = sorted(parse_item_no(n) for n in item_nos)
    if not numbers:
        return ""
    first, last = format_item_no(numbers[0]), format_item_no(numbers[-1])
    return first if first == last else f"{first}—{last}"

"""档号 and the archive rules of DA/T 22-2015 (core, no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from officedesk.core import archive as a
from officedesk.core.archive import ArchiveRuleError, Category


def test_standard_example() -> None:
    cat = a.category(a.SCHEME_RETENTION_ORG, 2011, "永久", "BGS")
    assert a.archive_no("Z109", cat, 1) == "Z109-WS·2011-Y-BGS-0001"
    # The separator inside the level is U+00B7, not a full stop or the Japanese middle dot.
    assert "\u00b7" in a.archive_no("Z109", cat, 1)
    assert "." not in a.archive_no("Z109", cat, 1)


@pytest.mark.parametrize(
    ("scheme", "retention", "org", "n", "expected"),
    [
        (a.SCHEME_ORG_RETENTION, "永久", "BGS", 1, "Z109-WS·2011-Y-BGS-0001"),
        (a.SCHEME_RETENTION_ORG, "永久", "BGS", 1, "Z109-WS·2011-Y-BGS-0001"),
        (a.SCHEME_ORG_RETENTION, "定期30年", "CWK", 12, "Z109-WS·2011-D30-CWK-0012"),
        (a.SCHEME_RETENTION_ORG, "定期10年", "BGS", 305, "Z109-WS·2011-D10-BGS-0305"),
        # No 机构 level: the segment is left out entirely, not left empty.
        (a.SCHEME_RETENTION, "永久", None, 1, "Z109-WS·2011-Y-0001"),
        (a.SCHEME_RETENTION, "定期30年", "BGS", 7, "Z109-WS·2011-D30-0007"),
        (a.SCHEME_RETENTION, "D10", None, 9999, "Z109-WS·2011-D10-9999"),
    ],
)
def test_archive_no_for_every_scheme(scheme, retention, org, n, expected) -> None:
    cat = a.category(scheme, 2011, retention, org)
    assert a.archive_no("Z109", cat, n) == expected
    fonds, parsed, item = a.parse_archive_no(expected)
    assert (fonds, parsed, item) == ("Z109", cat, n)


def test_category_restarts_per_lowest_level() -> None:
    keys = {
        a.category(a.SCHEME_ORG_RETENTION, 2011, "永久", "BGS").key,
        a.category(a.SCHEME_ORG_RETENTION, 2011, "定期30年", "BGS").key,
        a.category(a.SCHEME_ORG_RETENTION, 2011, "永久", "CWK").key,
        a.category(a.SCHEME_ORG_RETENTION, 2012, "永久", "BGS").key,
    }
    assert len(keys) == 4
    # Without a 机构 level the org does not split the numbering.
    assert (
        a.category(a.SCHEME_RETENTION, 2011, "永久", "BGS").key
        == a.category(a.SCHEME_RETENTION, 2011, "永久", "CWK").key
        == "2011|Y|"
    )


def test_scheme_with_org_needs_an_org() -> None:
    with pytest.raises(ArchiveRuleError) as err:
        a.category(a.SCHEME_ORG_RETENTION, 2011, "永久", "")
    assert err.value.field == "org_code"
    with pytest.raises(ArchiveRuleError, match="机构"):
        a.category(a.SCHEME_ORG_RETENTION, 2011, "永久", "bgs")


def test_bad_values_are_refused_with_the_field_named() -> None:
    with pytest.raises(ArchiveRuleError, match="全宗号"):
        a.archive_no("", Category(2011, "永久", "BGS"), 1)
    with pytest.raises(ArchiveRuleError, match="全宗号"):
        a.archive_no("Z 109", Category(2011, "永久", "BGS"), 1)
    with pytest.raises(ArchiveRuleError, match="保管期限"):
        a.retention_code("长期")  # legacy values only through map_legacy_retention
    with pytest.raises(ArchiveRuleError, match="件号"):
        a.format_item_no(0)
    with pytest.raises(ArchiveRuleError, match="分类方案"):
        a.uses_org("年度-问题")
    with pytest.raises(ArchiveRuleError, match="·"):
        a.parse_archive_no("Z109-WS.2011-Y-BGS-0001")


def test_retention_codes() -> None:
    assert [a.retention_code(r) for r in ("永久", "定期30年", "定期10年")] == ["Y", "D30", "D10"]
    assert a.retention_name("D30") == "定期30年"
    assert a.expiry_year(2011, "定期10年") == 2021
    assert a.expiry_year(2011, "永久") is None


@pytest.mark.parametrize(
    ("old", "new", "noted"),
    [
        ("永久", "永久", False),
        ("Y", "永久", False),
        ("定期30年", "定期30年", False),
        ("D10", "定期10年", False),
        ("长期", "定期30年", True),
        ("C", "定期30年", True),
        ("c", "定期30年", True),
        ("短期", "定期10年", True),
        ("D", "定期10年", True),
        (" 短期 ", "定期10年", True),
    ],
)
def test_legacy_retention_is_mapped_never_silently(old, new, noted) -> None:
    mapped = a.map_legacy_retention(old)
    assert mapped.retention == new
    assert bool(mapped.note) == noted
    if noted:
        assert new in mapped.note and "核对" in mapped.note


def test_unknown_legacy_retention_is_refused() -> None:
    with pytest.raises(ArchiveRuleError, match="无法识别的保管期限「中期」"):
        a.map_legacy_retention("中期")


def test_item_numbers_and_dates() -> None:
    assert a.format_item_no(7) == "0007"
    assert a.format_item_no(12345) == "12345"
    assert a.parse_item_no("0012") == 12
    assert a.catalogue_date(dt.date(2024, 3, 5)) == "20240305"
    assert a.catalogue_date(dt.datetime(2024, 3, 5, 9, 30)) == "20240305"
    assert a.catalogue_date("2024-03-05") == "20240305"
    assert a.check_catalogue_date("20240305") == "20240305"
    with pytest.raises(ArchiveRuleError, match="日期"):
        a.check_catalogue_date("20241305")
    with pytest.raises(ArchiveRuleError, match="8 位"):
        a.check_catalogue_date("2024035")


def test_self_made_titles_are_bracketed() -> None:
    assert a.self_made_title("关于防火检查的记录") == "[关于防火检查的记录]"
    assert a.self_made_title("[已有方括号]") == "[已有方括号]"
    assert a.is_self_made("[局长办公会议记录]")
    assert not a.is_self_made("关于…的通知")


def test_proposals_from_the_table() -> None:
    table = [
        a.RetentionRule("纪要", "永久"),
        a.RetentionRule("森林防火 通知", "定期30年", "FHB"),
        a.RetentionRule("通知", "定期10年"),
    ]
    assert a.propose_retention(table, "关于春季森林防火工作的通知", "通知").org == "FHB"
    assert a.propose_retention(table, "关于放假的通知", "通知").retention == "定期10年"
    assert a.propose_retention(table, "局长办公会议纪要", "纪要").retention == "永久"
    assert a.propose_retention(table, "关于…的请示", "请示") is None
    orgs = [("BGS", "办公室"), ("FHB", "森林防火办公室")]
    assert a.propose_org(orgs, "办公室") == "BGS"
    assert a.propose_org(orgs, "森林防火办公室") == "FHB"
    assert a.propose_org(orgs, "财务科") is None


def test_item_range() -> None:
    assert a.item_range(["0003", "0001", "0020"]) == "0001—0020"
    assert a.item_range(["0007"]) == "0007"
    assert a.item_range([]) == ""


def test_category_refuses_an_org_outside_the_list() -> None:
    from officedesk.core.archive import ArchiveRuleError, category

    scheme = "年度-机构(问题)-保管期限"
    assert category(scheme, 2024, "永久", "BGS", ("BGS", "CWK")).org == "BGS"
    with pytest.raises(ArchiveRuleError, match=r"「机构\(问题\)」.*XYZ.*BGS、CWK"):
        category(scheme, 2024, "永久", "XYZ", ("BGS", "CWK"))
    assert category(scheme, 2024, "永久", "XYZ").org == "XYZ"  # no list set: not checked
    assert category("年度-保管期限", 2024, "永久", "XYZ", ("BGS",)).org == ""

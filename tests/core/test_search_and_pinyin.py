"""Search tokens (every character a token) and pinyin initials."""

from __future__ import annotations

from officedesk.core.pinyin import initials_variants, is_initials_query, matches_initials
from officedesk.core.searchtext import PINYIN_SEPARATOR, phrase, pinyin_tokens, tokens


def test_every_character_is_one_token_latin_folded() -> None:
    assert tokens("林业A1") == "x6797 x4e1a a 1"
    assert tokens("") == "" and tokens(None) == ""
    assert phrase("林业") == '"x6797 x4e1a"'


def test_pinyin_initials_of_units() -> None:
    assert "lyj" in initials_variants("林业局")
    assert matches_initials("省林业局", "lyj")
    assert matches_initials("林业局", "LYJ")
    assert not matches_initials("财政厅", "lyj")


def test_polyphonic_characters_match_on_any_reading() -> None:
    # 重 reads zhòng or chóng: 重庆 matches both "cq" and "zq".
    assert matches_initials("重庆市林业局", "cq")
    assert matches_initials("重庆市林业局", "zq")


def test_pinyin_column_keeps_variants_apart() -> None:
    text = pinyin_tokens(["省林业局"])
    assert PINYIN_SEPARATOR in text.split()


def test_initials_query_detection() -> None:
    assert (
        is_initials_query("lyj") and not is_initials_query("林业") and not is_initials_query("l1")
    )

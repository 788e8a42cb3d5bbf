"""Search terms of any length (1 character up) as FTS5 phrases over one token per character.

The FTS5 trigram tokenizer cannot find one- or two-character terms; indexing every character as a
token and querying a phrase of consecutive characters finds exactly what a substring search finds.
Latin letters are folded to lower case on both sides.
"""

from __future__ import annotations

from functools import lru_cache

from officedesk.core.pinyin import initials_variants

PINYIN_SEPARATOR = (
    "q0"  # never produced by char_token (no 'q' prefix), so a phrase cannot span two variants
)


def char_token(ch: str) -> str:
    """The ASCII token that stands for one (lower-cased) character."""
    if "a" <= ch <= "z" or "0" <= ch <= "9":
        return ch
    return f"x{ord(ch):x}"


class _TokenTable(dict[int, str]):
    """str.translate table that builds each character's token on first use (C-speed afterwards)."""

    def __missing__(self, code: int) -> str:
        token = char_token(chr(code)) + " "
        self[code] = token
        return token


_TABLE = _TokenTable()


def tokens(text: str | None) -> str:
    """The indexed form of a text: its characters as space-separated tokens."""
    if not text:
        return ""
    return str(text).lower().translate(_TABLE)[:-1]


def phrase(term: str) -> str:
    """The FTS5 MATCH phrase that finds `term` as a substring."""
    return '"' + tokens(term) + '"'


@lru_cache(maxsize=65536)
def _pinyin_tokens(values: tuple[str | None, ...]) -> str:
    """The indexed pinyin-initials column: every reading of every value, kept apart."""
    variants: list[str] = []
    for v in values:
        variants.extend(initials_variants(v))
    return f" {PINYIN_SEPARATOR} ".join(" ".join(v) for v in variants)


def pinyin_tokens(values: list[str | None]) -> str:
    """The indexed pinyin-initials column: every reading of every value, kept apart."""
    return _pinyin_tokens(tuple(values))


def matches(text: str | None, term: str) -> bool:
    """The plain substring rule the index implements (used by tests and small lists)."""
    return bool(text) and term.lower() in str(text).lower()

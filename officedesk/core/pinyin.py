"""Pinyin initials for matching names and units by typing lyj for 林业局 (any reading of 多音字)."""

from __future__ import annotations

import itertools
from functools import lru_cache

MAX_VARIANTS = 16


@lru_cache(maxsize=8192)
def _char_initials(ch: str) -> tuple[str, ...]:
    if ch.isascii():
        return (ch.lower(),) if ch.isalnum() else ()
    # Imported on first use: loading pypinyin's dictionaries costs ~0.2 s of start-up.
    from pypinyin import Style, pinyin

    readings = pinyin(ch, style=Style.FIRST_LETTER, heteronym=True, errors="ignore", strict=False)
    if not readings or not readings[0]:
        return ()
    return tuple(sorted({r[0].lower() for r in readings[0] if r}))


def initials_variants(text: str | None) -> list[str]:
    """Every initials string of `text` over the readings of its 多音字 (at most MAX_VARIANTS)."""
    if not text:
        return []
    parts = [opts for opts in (_char_initials(c) for c in text) if opts]
    if not parts:
        return []
    out: list[str] = []
    for combo in itertools.product(*parts):
        out.append("".join(combo))
        if len(out) >= MAX_VARIANTS:
            break
    return out


def matches_initials(text: str | None, typed: str) -> bool:
    """Whether `typed` (like lyj) occurs in the initials of `text` on any reading."""
    typed = typed.lower()
    return any(typed in v for v in initials_variants(text))


def is_initials_query(text: str) -> bool:
    """Whether a search term looks like pinyin initials (ASCII letters only)."""
    return bool(text) and text.isascii() and text.isalpha()

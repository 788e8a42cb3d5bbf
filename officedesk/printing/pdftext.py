"""Repair of the text layer of Qt-written PDFs, so that copying and searching find 文, 门, 长…

Qt builds each embedded font's ToUnicode map by walking code points upwards and keeping the first
one that reaches a glyph. Fonts such as Noto CJK give the radical ⽂ (U+2F42) and the ideograph
文 (U+6587) one glyph, so the radical wins and the PDF "says" ⽂: a search for 收文 finds nothing
(likewise 门 马 长 车 见 页 风 鱼 龙 and about 270 more). The map is written uncompressed and a
radical and its ideograph are both four hex digits, so the fix is an in-place, same-length
substitution: no object moves and the cross-reference table stays valid.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from PySide6.QtGui import QFont, QRawFont

from officedesk.printing.fonts import font

RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals
IDEOGRAPHS = (range(0x4E00, 0xA000), range(0x3400, 0x4DC0))

_CMAP = re.compile(rb"/CIDInit /ProcSet findresource begin.*?endcmap", re.S)
_ENTRY = re.compile(rb"^<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})> (\[[^\]]*\]|<[0-9A-Fa-f]{4}>)", re.M)
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")


def shared_glyphs(fonts: Iterable[QFont]) -> dict[int, int]:
    """Radical → ideograph for the radicals that share a glyph with an ideograph in `fonts`."""
    targets: dict[int, int] = {}
    ideographs = "".join(chr(c) for block in IDEOGRAPHS for c in block)
    radicals = "".join(chr(c) for c in RADICALS)
    for f in fonts:
        raw = QRawFont.fromFont(f)
        if not raw.isValid():
            continue
        first: dict[int, str] = {}
        for ch, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs), strict=True):
            if glyph and glyph not in first:
                first[glyph] = ch
        for ch, glyph in zip(radicals, raw.glyphIndexesForString(radicals), strict=True):
            if glyph in first:
                targets.setdefault(ord(ch), ord(first[glyph]))
    return targets


@functools.cache
def printing_targets() -> dict[int, int]:
    """shared_glyphs for the fonts printing uses (body and heading, regular and bold)."""
    return shared_glyphs(font(10, bold=b, heading=h) for b in (False, True) for h in (False, True))


@functools.cache
def _compatibility(code: int) -> int | None:
    folded = unicodedata.normalize("NFKC", chr(code))
    if len(folded) == 1 and ord(folded) != code and ord(folded) <= 0xFFFF:
        return ord(folded)
    return None


def repair_text_map(data: bytes, targets: Mapping[int, int]) -> bytes:
    """The PDF with radicals in its ToUnicode maps replaced by their ideographs (same length).

    `targets` (from shared_glyphs) wins; other radicals fall back to their compatibility form.
    """

    def fix_hex(match: re.Match[bytes]) -> bytes:
        code = int(match.group(1), 16)
        if code not in RADICALS:
            return match.group(0)
        target = targets.get(code) or _compatibility(code)
        return match.group(0) if target is None else b"<%04X>" % target

    def fix_entry(match: re.Match[bytes]) -> bytes:
        low, high, target = match.group(1), match.group(2), match.group(3)
        if target.startswith(b"<") and low.lower() != high.lower():
            return match.group(0)  # a linear range: its start cannot change on its own
        return match.group(0)[: match.start(3) - match.start(0)] + _HEX.sub(fix_hex, target)

    fixed = _CMAP.sub(lambda m: _ENTRY.sub(fix_entry, m.group(0)), data)
    assert len(fixed) == len(data), "the text map repair must not move any PDF object"
    return fixed


def repair_file(path: Path, targets: Mapping[int, int] | None = None) -> None:
    """Repair the text layer of the PDF at `path` in place (for the printing fonts by default)."""
    data = path.read_bytes()
    fixed = repair_text_map(data, printing_targets() if targets is None else targets)
    if fixed != data:
        path.write_bytes(fixed)

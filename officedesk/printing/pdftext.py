"""Repair of the text layer of Qt-written PDFs, so that copying and searching find 文, 门, 长…

Qt builds each embedded font's ToUnicode map by walking code points upwards and keeping the first
one that reaches a glyph. Fonts such as Noto CJK give the radical ⽂ (U+2F42) and the ideograph
文 (U+6587) one glyph, so the radical wins and the PDF "says" ⽂: a search for 收文 finds nothing
(likewise 门 马 长 车 见 页 风 鱼 龙 and about 270 more). The map is written uncompressed and a
radical and its ideograph are both four hex digits, so the fix is an in-place, same-length
substitution: no object moves and the cross-reference table stays valid.

The same walk names the space glyph U+0009 (tab comes first), so copied text has tabs for spaces.
And a glyph that only OpenType substitution reaches is named by its own code point: Noto CJK's
'ccmp' joins the 破折号 —— into one glyph, the two-em dash ⸺, so a search for —— fails. That name
needs more digits (<20142014>); the room comes from the map's first entry, which names .notdef
U+0000 and is of no use, and the map is padded with spaces to its old length. (Glyphs that no
code point reaches at all are not in the map: fonts.font() turns off the features drawing them.)
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
TAB, SPACE = 0x0009, 0x0020
JOINED = {0x2E3A: "\u2014" * 2, 0x2E3B: "\u2014" * 3}  # ⸺ ⸻: the glyphs 'ccmp' draws —— ——— with

_CMAP = re.compile(rb"/CIDInit /ProcSet findresource begin.*?endcmap", re.S)
_ENTRY = re.compile(rb"^<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})> (\[[^\]]*\]|<[0-9A-Fa-f]{4}>)", re.M)
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")
_NOTDEF = re.compile(rb"(\d+) beginbfrange\n<0000> <0000> <0000>\n")


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
    """The PDF with its ToUnicode maps repaired, each map (so the whole file) the same length.

    Radicals become their ideographs: `targets` (from shared_glyphs) wins, other radicals fall
    back to their compatibility form. U+0009 becomes a space; ⸺ and ⸻ become —— and ——— where
    the map has room for them.
    """
    fixed = _CMAP.sub(lambda m: _repair_cmap(m.group(0), targets), data)
    assert len(fixed) == len(data), "the text map repair must not move any PDF object"
    return fixed


def _repair_cmap(cmap: bytes, targets: Mapping[int, int]) -> bytes:
    def fix_hex(match: re.Match[bytes], expand: bool) -> bytes:
        code = int(match.group(1), 16)
        if expand and code in JOINED:
            return b"<%s>" % JOINED[code].encode("utf-16-be").hex().upper().encode()
        if code == TAB:
            return b"<%04X>" % SPACE
        if code not in RADICALS:
            return match.group(0)
        target = targets.get(code) or _compatibility(code)
        return match.group(0) if target is None else b"<%04X>" % target

    def fix_entry(match: re.Match[bytes], expand: bool) -> bytes:
        low, high, target = match.group(1), match.group(2), match.group(3)
        if target.startswith(b"<") and low.lower() != high.lower():
            return match.group(0)  # a linear range: its start cannot change on its own
        head = match.group(0)[: match.start(3) - match.start(0)]
        return head + _HEX.sub(lambda m: fix_hex(m, expand), target)

    same = _ENTRY.sub(lambda m: fix_entry(m, False), cmap)
    longer = _ENTRY.sub(lambda m: fix_entry(m, True), cmap)
    notdef = _NOTDEF.search(longer)
    if longer == same or notdef is None or int(notdef.group(1)) < 2:
        return same
    count = b"%d beginbfrange\n" % (int(notdef.group(1)) - 1)
    roomy = longer[: notdef.start()] + count + longer[notdef.end() :]
    room = len(cmap) - len(roomy)
    if room < 0:
        return same
    return roomy[: -len(b"endcmap")] + b" " * room + b"endcmap"


def repair_file(path: Path, targets: Mapping[int, int] | None = None) -> None:
    """Repair the text layer of the PDF at `path` in place (for the printing fonts by default)."""
    data = path.read_bytes()
    fixed = repair_text_map(data, printing_targets() if targets is None else targets)
    if fixed != data:
        with path.open("r+b") as fh:  # overwritten, not truncated: the length does not change
            fh.write(fixed)

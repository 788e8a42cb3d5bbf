"""Fonts and units for printing: CJK families chosen by availability, sizes in a free unit."""

from __future__ import annotations

import functools

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

# Everything is laid out in 1/10 pt. Fonts get integer pixel sizes in this unit, so text is
# measured the same way whatever the device (PDF at 600 dpi, a printer, the preview at screen
# resolution) and the page count never depends on where the job is printed.
UNIT = 10.0

# 宋体-like families for the body, in order of preference (Windows, macOS, Linux).
BODY_FAMILIES = (
    "SimSun", "宋体", "NSimSun", "新宋体", "Songti SC", "STSong",
    "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN",
    "Microsoft YaHei", "微软雅黑",
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
)  # fmt: skip
# 黑体-like families for titles.
HEADING_FAMILIES = (
    "SimHei", "黑体", "Microsoft YaHei", "微软雅黑", "PingFang SC", "Heiti SC", "STHeiti",
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
)  # fmt: skip


# OpenType features whose glyphs Qt cannot name in a PDF's text layer (see font()).
UNNAMED_GLYPH_FEATURES = ("locl", "liga")


def pt(points: float) -> float:
    """Points in layout units."""
    return points * UNIT


def mm(millimetres: float) -> float:
    """Millimetres in layout units."""
    return millimetres * 72.0 / 25.4 * UNIT


def _require_app() -> None:
    if QGuiApplication.instance() is None:
        # A programming error, not a user's: fonts cannot be measured without the GUI layer.
        raise RuntimeError("printing needs a QGuiApplication; call service.ensure_gui_app() first")


def _pick(candidates: tuple[str, ...]) -> str:
    _require_app()
    available = set(QFontDatabase.families())
    for name in candidates:
        if name in available:
            return name
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if chinese:
        return chinese[0]
    return QFont().family()


@functools.cache
def body_family() -> str:
    """The installed family used for table and form text (宋体 where there is one)."""
    return _pick(BODY_FAMILIES)


@functools.cache
def heading_family() -> str:
    """The installed family used for titles (黑体 where there is one)."""
    return _pick(HEADING_FAMILIES)


def font(points: float, *, bold: bool = False, heading: bool = False) -> QFont:
    """A font of `points` size in layout units (see UNIT)."""
    f = QFont(heading_family() if heading else body_family())
    f.setPixelSize(max(1, round(points * UNIT)))
    f.setBold(bold)
    # Unhinted advances are what the PDF engine uses: measuring with them keeps text inside cells.
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    f.setKerning(False)
    # Qt names each glyph in a PDF's text layer by the first code point the font maps to it, so a
    # glyph that only OpenType substitution reaches has no name and its text is lost. Noto CJK's
    # 'locl' swaps digits and … in Latin runs for such glyphs (Z109 reads back as "Z"), and
    # 'liga' draws fi, ffi… as single glyphs named ﬁ, ﬃ. Without them the cmap's own glyphs are
    # drawn (the digits look as they do among Chinese text) and the text layer keeps every digit.
    for tag in UNNAMED_GLYPH_FEATURES:
        f.setFeature(QFont.Tag(tag), 0)
    return f

"""Measuring, wrapping and drawing text in layout units, shared by registers and forms."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

ELLIPSIS = "…"


@dataclass(frozen=True)
class TextStyle:
    """A font with the line height and baseline used to set it in cells."""

    font: QFont
    metrics: QFontMetricsF
    em: float
    line_height: float
    baseline: float  # from the top of a line

    @classmethod
    def of(cls, font: QFont, leading: float = 1.3) -> TextStyle:
        """A style for `font`: lines `leading` em apart, the ideographic em box centred in each."""
        em = float(font.pixelSize())
        line = em * leading
        # CJK glyphs fill the em box from about 0.88 em above the baseline to 0.12 em below;
        # centring that box (not the font's tall Latin ascent) keeps rows compact and even.
        return cls(font, QFontMetricsF(font), em, line, (line - em) / 2 + 0.88 * em)

    def advance(self, text: str) -> float:
        """The width of `text` on one line."""
        return self.metrics.horizontalAdvance(text)


def wrap(text: str, style: TextStyle, width: float) -> list[str]:
    """`text` broken into lines no wider than `width`: at spaces where possible, else anywhere.

    Newlines in the text start new lines; an empty text gives no lines.
    """
    if not text:
        return []
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        paragraph = paragraph.replace("\t", " ").rstrip()
        if style.advance(paragraph) <= width:  # most cells: one short line, no layout needed
            lines.append(paragraph)
            continue
        # Qt also keeps a glyph's ink (its bearing), not just its advance, inside the line: a
        # tenth of an em of slack lets 紧急 sit in a two-character column; the cell padding
        # takes the overhang.
        lines.extend(_break(paragraph, style.font, width + 0.1 * style.em))
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _break(paragraph: str, font: QFont, width: float) -> list[str]:
    layout = QTextLayout(paragraph, font)
    option = QTextOption()
    # Chinese breaks between characters anyway; this also breaks a long code or number that
    # has no break opportunity instead of letting it run over the cell border.
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    out: list[str] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, length = line.textStart(), line.textLength()
        out.append(paragraph[start : start + length].rstrip())
    layout.endLayout()
    return out


def clip_lines(lines: list[str], most: int, style: TextStyle, width: float) -> list[str]:
    """At most `most` lines; when some are dropped the last kept line ends with an ellipsis."""
    if len(lines) <= most:
        return lines
    kept = lines[: max(most, 1)]
    last = kept[-1]
    while last and style.advance(last + ELLIPSIS) > width:
        last = last[:-1]
    kept[-1] = last + ELLIPSIS
    return kept


def draw_lines(
    painter: QPainter,
    lines: list[str],
    style: TextStyle,
    x: float,
    top: float,
    width: float,
    align: str = "left",
) -> None:
    """Draw lines from `top`, each aligned "left", "center" or "right" within `width`."""
    painter.setFont(style.font)
    y = top + style.baseline
    for line in lines:
        if align == "left":
            dx = 0.0
        else:
            spare = max(0.0, width - style.advance(line))
            dx = spare / 2 if align == "center" else spare
        painter.drawText(QPointF(x + dx, y), line)
        y += style.line_height

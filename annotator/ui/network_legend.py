"""The claim network's legend as pictures: the swatches of the legend list, and the legend drawn beside an
exported picture (SVG or PNG), both from the same entries."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap, QPolygonF


def swatch(kind: str, color: str, side: int) -> QPixmap:
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    draw_swatch(painter, kind, color, QRectF(0, 0, side, side))
    painter.end()
    return pixmap


def draw_swatch(painter: QPainter, kind: str, color: str, box: QRectF) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    c, r = box.center(), box.width() * 0.38
    if kind == "claim":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawEllipse(c, r, r)
    elif kind == "source":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawPolygon(QPolygonF([QPointF(c.x(), c.y() - r), QPointF(c.x() + r, c.y()), QPointF(c.x(), c.y() + r),
                                       QPointF(c.x() - r, c.y())]))
    else:
        pen = QPen(QColor(color), max(2.0, box.height() / 7))
        if kind == "dash":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(box.left(), c.y()), QPointF(box.right(), c.y()))


def _legend_metrics(font: QFont) -> tuple[QFont, QFontMetricsF, float, float]:
    font = QFont(font)
    metrics = QFontMetricsF(font)
    return font, metrics, metrics.height() + 6, metrics.height()


def legend_size(entries: list[tuple[str, str, str]], font: QFont) -> QSizeF:
    font, metrics, line, side = _legend_metrics(font)
    bold = QFont(font)
    bold.setBold(True)
    widest = max((QFontMetricsF(bold if kind == "heading" else font).horizontalAdvance(text) for kind, _, text in entries), default=0)
    return QSizeF(widest + side + 36, line * len(entries) + 16)


def paint_legend(painter: QPainter, entries: list[tuple[str, str, str]], box: QRectF, font: QFont, *, right_to_left: bool) -> None:
    """The legend of an exported picture, in its own column."""
    font, metrics, line, swatch_side = _legend_metrics(font)
    painter.setPen(QColor("#9e9e9e"))
    painter.setBrush(QColor(255, 255, 255))
    painter.drawRect(box)
    y = box.top() + 8
    align = (Qt.AlignmentFlag.AlignRight if right_to_left else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignAbsolute
    for kind, color, text in entries:
        font.setBold(kind == "heading")
        painter.setFont(font)
        if kind == "heading":
            text_rect = QRectF(box.left() + 10, y, box.width() - 20, line)
        else:
            mark = QRectF(box.right() - 10 - swatch_side if right_to_left else box.left() + 10, y + 3, swatch_side, swatch_side)
            draw_swatch(painter, kind, color, mark)
            text_rect = (QRectF(box.left() + 10, y, box.width() - swatch_side - 28, line) if right_to_left
                         else QRectF(box.left() + swatch_side + 18, y, box.width() - swatch_side - 28, line))
        painter.setPen(QColor("#202020"))
        painter.drawText(text_rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)
        y += line

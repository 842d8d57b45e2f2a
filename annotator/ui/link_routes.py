"""Links drawn where there is no text: along the gap above a line, and down the side margin between lines."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen


@dataclass(frozen=True, slots=True)
class LinkDrawing:
    """A relation as drawn: code point ranges of its ends (None: the end is in another document, named by `caption`)."""

    start: tuple[int, int]
    end: tuple[int, int] | None
    color: str
    directed: bool
    emphasized: bool
    caption: str = ""


Anchor = Callable[[tuple[int, int]], QPointF]  # the top middle of a span's first line


def route(start: QPointF, end: QPointF, *, gap: float, margin_x: float, lane: int) -> QPainterPath:
    """From the top of one span to the top of the other through the gaps above their lines; between two lines,
    down the margin (each link in a lane of its own, so they do not draw over one another)."""
    rise = max(2.0, gap * 0.55)
    path = QPainterPath(start)
    above_start = start.y() - rise
    above_end = end.y() - rise
    if abs(start.y() - end.y()) < 1.0:
        path.lineTo(start.x(), above_start)
        path.lineTo(end.x(), above_start)
    else:
        x = margin_x - 4 * lane
        path.lineTo(start.x(), above_start)
        path.lineTo(x, above_start)
        path.lineTo(x, above_end)
        path.lineTo(end.x(), above_end)
    path.lineTo(end)
    return path


def paint_links(painter: QPainter, links: list[LinkDrawing], anchor: Anchor, *, gap: float, margin_x: float) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    caption_font = QFont()  # the interface's font, as large as the line gap holds (7 pt at least)
    size = max(7.0, painter.font().pointSizeF() * 0.6)
    caption_font.setPointSizeF(size)
    while QFontMetricsF(caption_font).height() > gap * 0.95 and size > 7.0:
        size -= 0.5
        caption_font.setPointSizeF(size)
    metrics = QFontMetricsF(caption_font)
    badges: dict[tuple[int, int], float] = {}  # how far left the next marker on a span goes
    lane = 0
    for link in links:
        color = QColor(link.color)
        color.setAlpha(255 if link.emphasized else 150)
        painter.setPen(QPen(color, 2.2 if link.emphasized else 1.1))
        start = anchor(link.start)
        if link.end is None:
            shift = badges.get(link.start, 0.0)
            dot = QPointF(start.x() - shift, start.y() - gap * 0.45)
            painter.setBrush(color)
            painter.drawEllipse(dot, 4.0, 4.0)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            shift += 11
            if link.emphasized and link.caption and gap >= metrics.height():  # only where the line gap can hold it
                painter.save()
                painter.setFont(caption_font)
                shift += _caption(painter, metrics, dot, link.caption, color) + 6  # the next marker goes past it
                painter.restore()
            badges[link.start] = shift
            continue
        end = anchor(link.end)
        path = route(start, end, gap=gap, margin_x=margin_x, lane=lane)
        lane += 0 if abs(start.y() - end.y()) < 1.0 else 1
        painter.drawPath(path)
        if link.directed:
            _arrow_head(painter, QPointF(end.x(), end.y() - gap), end, color)


def caption_box(metrics: QFontMetricsF, at: QPointF, text: str, *, left: float) -> tuple[QRectF, str]:
    """Where a marker's caption goes, left of the marker: the text elided to what the view holds between its left
    edge and the marker (empty when not even an ellipsis fits), so the pill is never cut off at the edge."""
    room = at.x() - 8 - 10 - left
    if metrics.horizontalAdvance(text) > room:
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, room)) if room > metrics.height() else ""
    width = metrics.horizontalAdvance(text) + 10
    return QRectF(at.x() - width - 8, at.y() - metrics.height() / 2 - 1, width, metrics.height() + 2), text


def _caption(painter: QPainter, metrics: QFontMetricsF, at: QPointF, text: str, color: QColor) -> float:
    """The other article's title beside a cross-article marker, on a pale pill so it reads over anything."""
    box, text = caption_box(metrics, at, text, left=painter.window().left() + 2)
    if not text:
        return 0.0
    width = box.width()
    painter.setBrush(QColor(255, 255, 255, 235))
    painter.drawRoundedRect(box, 4, 4)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(color.darker(140))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    return width + 8


def _arrow_head(painter: QPainter, toward_from: QPointF, tip: QPointF, color: QColor) -> None:
    dx, dy = tip.x() - toward_from.x(), tip.y() - toward_from.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    size = 6.0
    left = QPointF(tip.x() - size * ux + size * 0.5 * uy, tip.y() - size * uy - size * 0.5 * ux)
    right = QPointF(tip.x() - size * ux - size * 0.5 * uy, tip.y() - size * uy + size * 0.5 * ux)
    painter.setBrush(color)
    painter.drawPolygon([tip, left, right])
    painter.setBrush(Qt.BrushStyle.NoBrush)

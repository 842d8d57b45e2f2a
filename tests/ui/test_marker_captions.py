"""A cross-article marker's caption (the link's label and the other article's title) fits between the view's left
edge and the marker: elided when the room is short, left out when not even an ellipsis fits, never cut off."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from annotator.app import make_application
from annotator.ui.link_routes import LinkDrawing, caption_box, paint_links

CAPTION = "Support · \u2068الرئيس الأمريكي: بعث برسالة إلى القيادة الإيرانية\u2069"


def metrics() -> QFontMetricsF:
    make_application()
    return QFontMetricsF(QFont())


def test_a_caption_with_room_is_shown_whole_left_of_its_marker() -> None:
    box, text = caption_box(metrics(), QPointF(900, 40), CAPTION, left=2)
    assert text == CAPTION
    assert box.right() < 900 and box.left() >= 2


def test_a_caption_near_the_left_edge_is_elided_to_the_room_there() -> None:
    box, text = caption_box(metrics(), QPointF(120, 40), CAPTION, left=2)
    assert text != CAPTION and "…" in text and text.startswith("Support · ")
    assert box.left() >= 2 and box.right() < 120


def test_no_room_at_all_leaves_the_caption_out() -> None:
    _box, text = caption_box(metrics(), QPointF(14, 40), CAPTION, left=2)
    assert text == ""


def test_painting_a_marker_by_the_edge_draws_nothing_left_of_the_view() -> None:
    make_application()
    image = QImage(600, 80, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setViewport(200, 0, 400, 80)  # the view is the image's right part; x < 200 is outside it
    painter.setWindow(0, 0, 400, 80)
    link = LinkDrawing(start=(0, 4), end=None, color="#2e9e5b", directed=False, emphasized=True, caption=CAPTION)
    paint_links(painter, [link], lambda _range: QPointF(90, 60), gap=30, margin_x=390)
    painter.end()
    inside = {image.pixelColor(x, y).name() for x in range(200, 300) for y in range(80)}
    outside = {image.pixelColor(x, y).name() for x in range(0, 200) for y in range(80)}
    assert inside != {"#ffffff"}  # the marker and its (elided) caption are drawn
    assert outside == {"#ffffff"}  # and nothing of them left of the view (the pill used to run far past it)

"""The article's text keeps off the view's edges whatever the width and type size (the link lanes run there)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from pytestqt.qtbot import QtBot

from annotator.app import make_application
from annotator.ui.article_view import MEASURE_SAMPLE, ArticleView

TEXT = (
    "مصادر مطلعة: الرسالة تضمنت عرضًا بتخفيف العقوبات\n\n"
    "وقال مسؤول أمريكي كبير، طلب عدم الكشف عن هويته، إن البيت الأبيض يأمل أن تفتح الرسالة «قناة تواصل مباشرة» "
    "بين البلدين. ولم يصدر تعليق رسمي من طهران حتى مساء أمس."
)


def text_lines(view: ArticleView) -> list[QRectF]:
    """Each laid-out line's inked extent, in document coordinates."""
    document = view.document()
    lines = []
    block = document.begin()
    while block.isValid():
        origin = document.documentLayout().blockBoundingRect(block).topLeft()
        layout = block.layout()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            if line.naturalTextWidth() > 0:
                lines.append(line.naturalTextRect().translated(origin))
        block = block.next()
    return lines


def show(qtbot: QtBot, width: int, point_size: int) -> ArticleView:
    make_application()
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(width, 500)
    view.show()
    qtbot.waitExposed(view)
    view.show_article(TEXT, [])
    view.set_text_size(point_size, 150)
    return view


def test_a_narrow_view_or_a_large_type_leaves_the_document_margin_on_both_sides(qtbot: QtBot) -> None:
    for width, point_size in ((480, 15), (730, 18), (730, 24)):
        view = show(qtbot, width, point_size)
        margin = view.document().documentMargin()
        room = view.viewport().width()
        lines = text_lines(view)
        assert lines
        for line in lines:
            assert line.left() >= margin - 1, (width, point_size, line)
            assert line.right() <= room - margin + 1, (width, point_size, line)


def test_a_wide_view_keeps_the_measure_and_centres_it(qtbot: QtBot) -> None:
    view = show(qtbot, 1900, 15)
    column = view.fontMetrics().horizontalAdvance(MEASURE_SAMPLE)
    room = view.viewport().width()
    side = (room - column) // 2
    assert side > view.document().documentMargin()
    for line in text_lines(view):
        assert line.left() >= side - 1 and line.right() <= room - side + 1

"""What the article view actually painted, read back from its pixels."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCursor

from annotator.ui.article_view import ArticleView


def background_at(view: ArticleView, position: int) -> QColor:
    """The colour just below the top of the line box, halfway across the character at a code point position
    (the line's top edge: above the letters' ink, inside any highlight)."""
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    caret, after = QTextCursor(view.document()), QTextCursor(view.document())
    caret.setPosition(position)
    after.setPosition(position + 1)
    a, b = view.cursorRect(caret), view.cursorRect(after)
    x = round((a.center().x() + b.center().x()) / 2)
    ratio = image.devicePixelRatio()
    return image.pixelColor(round(x * ratio), round((a.top() + 2) * ratio))

"""The article's type size and line spacing: changed from the keyboard, remembered between sessions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings

from annotator.ui.article_view import ARTICLE_POINT_SIZE, LINE_HEIGHT_PERCENT, ArticleView
from annotator.ui.controller import Level

TEXT_SIZE_KEY = "article/point_size"
LINE_HEIGHT_KEY = "article/line_height"
LINE_SPACINGS = (130, 150, 170, 190)


class TextSize(QObject):
    def __init__(self, article_view: ArticleView, *, report: Callable[[str, Level], None]) -> None:
        super().__init__(article_view)
        self.article_view = article_view
        self._report = report
        settings = QSettings("annotator", "annotator")
        self.point_size = int(settings.value(TEXT_SIZE_KEY, ARTICLE_POINT_SIZE))
        self.line_height = int(settings.value(LINE_HEIGHT_KEY, LINE_HEIGHT_PERCENT))
        self.article_view.set_text_size(self.point_size, self.line_height)

    def change(self, step: int) -> None:
        self.point_size = min(32, max(9, self.point_size + step))
        self._apply()

    def cycle_line_spacing(self) -> None:
        steps = LINE_SPACINGS
        self.line_height = steps[(steps.index(self.line_height) + 1) % len(steps)] if self.line_height in steps else 150
        self._apply()

    def _apply(self) -> None:
        self.article_view.set_text_size(self.point_size, self.line_height)
        settings = QSettings("annotator", "annotator")
        settings.setValue(TEXT_SIZE_KEY, self.point_size)
        settings.setValue(LINE_HEIGHT_KEY, self.line_height)
        self._report(
            self.tr("Text size %1 pt, line spacing %2 %").replace("%1", str(self.point_size)).replace("%2", str(self.line_height)),
            Level.INFO,
        )

"""The article's heading above its text: title, outlet, date and a clickable address (always left to right)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from annotator.core.model import DocumentInfo


class ArticleHeader(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleHeader")
        self.setTextFormat(Qt.TextFormat.RichText)  # built here from escaped values only
        self.setOpenExternalLinks(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setContentsMargins(8, 4, 8, 4)
        self.hide()

    def show_document(self, document: DocumentInfo | None, text: str = "") -> None:
        """The title (unless the text already opens with it), then outlet · date · address."""
        if document is None:
            self.hide()
            return
        details = [html.escape(document.source)] if document.source else []
        if document.published:
            details.append(f"\u2066{html.escape(document.published)}\u2069")  # a date reads left to right
        if document.url:
            address = html.escape(document.url, quote=True)
            details.append(f'<a dir="ltr" href="{address}">\u2066{html.escape(document.url)}\u2069</a>')
        lines = []
        if not text.lstrip().startswith(document.title.strip()):
            lines.append(f'<div dir="rtl" style="font-size:large; font-weight:600">{html.escape(document.title)}</div>')
        if details:
            lines.append(f'<div dir="rtl" style="color:#555">{" · ".join(details)}</div>')
        self.setText("".join(lines))
        self.setVisible(bool(lines))

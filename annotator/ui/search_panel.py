"""Searching: the whole corpus from the document pane (Ctrl+Shift+F), and the open article (Ctrl+F)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem

from annotator.core.model import DocumentId
from annotator.services.documents.search import find_in_text, search_corpus
from annotator.ui.article_view import ArticleView
from annotator.ui.texts import isolate
from annotator.ui.controller import Controller, Level

RESULT_ROLE = Qt.ItemDataRole.UserRole


class SearchPanel(QObject):
    def __init__(self, controller: Controller, article_view: ArticleView) -> None:
        super().__init__(article_view)
        self.controller = controller
        self.view = article_view
        self.corpus_box = QLineEdit()
        self.corpus_box.setObjectName("corpusSearch")
        self.corpus_box.setPlaceholderText(self.tr("Search all articles (Ctrl+Shift+F)"))
        self.corpus_box.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.results.setMaximumHeight(220)
        self.results.hide()
        self.article_box = QLineEdit()
        self.article_box.setObjectName("articleSearch")
        self.article_box.setPlaceholderText(self.tr("Find in this article: Enter for the next hit, Escape to close"))
        self.article_box.hide()
        self.hits: list[tuple[int, int]] = []
        self.hit_index = -1
        self.pending_hits: tuple[tuple[int, int], ...] = ()
        self.corpus_box.returnPressed.connect(self.run_corpus_search)
        self.corpus_box.textChanged.connect(self._hide_results_when_cleared)
        self.results.itemActivated.connect(self.open_result)
        self.article_box.textChanged.connect(self.find_in_article)
        self.article_box.returnPressed.connect(lambda: self.step_hit(1))
        controller.documentOpened.connect(self._document_opened)
        self._escape = QAction(self.article_box)
        self._escape.setShortcut(QKeySequence("Escape"))
        self._escape.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self._escape.triggered.connect(self.close_find)
        self.article_box.addAction(self._escape)

    def _hide_results_when_cleared(self, text: str) -> None:
        if not text.strip():
            self.results.hide()

    def actions(self) -> list[QAction]:
        corpus = QAction(self.tr("Search &all articles…"), self)
        corpus.setObjectName("searchCorpus")
        corpus.setShortcut(QKeySequence("Ctrl+Shift+F"))
        corpus.triggered.connect(lambda: (self.corpus_box.setFocus(), self.corpus_box.selectAll()))
        find = QAction(self.tr("&Find in this article…"), self)
        find.setObjectName("findInArticle")
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.open_find)
        return [corpus, find]

    def run_corpus_search(self) -> None:
        query = self.corpus_box.text()
        self.results.clear()
        found = search_corpus(self.controller.project, query)
        for result in found:
            item = QListWidgetItem(f"{result.title}\n{result.snippet}")
            item.setData(RESULT_ROLE, (int(result.document_id), result.hits))
            self.results.addItem(item)
        if not found:
            self.results.addItem(self.tr("Nothing found for «%1».").replace("%1", query))
        self.results.show()
        self.results.setCurrentRow(0)
        self.results.setFocus()

    def open_result(self, item: QListWidgetItem) -> None:
        data = item.data(RESULT_ROLE)
        if not data:
            return
        document_id, hits = data
        self.pending_hits = tuple(hits)
        self.controller.ensure_open(DocumentId(document_id))
        self._show_hits(list(hits))
        self.view.setFocus()

    def _document_opened(self) -> None:
        hits, self.pending_hits = list(self.pending_hits), ()
        if self.article_box.isVisible() and self.article_box.text().strip():
            hits = find_in_text(self.view.text, self.article_box.text())
        self._show_hits(hits)

    def _show_hits(self, hits: list[tuple[int, int]]) -> None:
        self.hits = hits
        self.hit_index = -1
        self.view.set_search_hits(hits)
        if hits:
            self.step_hit(1)
        else:  # no hit here: an earlier search's selected hit must not look like one
            cursor = self.view.textCursor()
            cursor.clearSelection()
            self.view.setTextCursor(cursor)

    def open_find(self) -> None:
        self.article_box.show()
        self.article_box.setFocus()
        self.article_box.selectAll()

    def close_find(self) -> None:
        self.article_box.hide()
        self._show_hits([])
        self.view.setFocus()

    def find_in_article(self, query: str) -> None:
        self._show_hits(find_in_text(self.view.text, query))
        count = len(self.hits)
        self.controller.message.emit(self.tr("Hits: %1").replace("%1", isolate(str(count))), Level.INFO)

    def step_hit(self, delta: int) -> None:
        if not self.hits:
            return
        self.hit_index = (self.hit_index + delta) % len(self.hits)
        start, end = self.hits[self.hit_index]
        view = self.view
        view.select_range(end, end)
        view.ensureCursorVisible()
        view.select_range(start, end)
        view.ensureCursorVisible()

"""The read-only article view: right-to-left text, span highlights, the user's selection in code points."""

from __future__ import annotations


from PySide6.QtCore import QEvent, QPoint, QPointF, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from annotator.core.model import SpanId, SpanRecord
from annotator.core.offsets import Utf16Map
from annotator.ui.highlighter import Painted, SpanHighlighter
from annotator.ui.link_routes import LinkDrawing, paint_links

ARTICLE_FONT_FAMILIES = ["Noto Naskh Arabic", "DejaVu Sans"]
ARTICLE_POINT_SIZE = 15
LINE_HEIGHT_PERCENT = 150
# A readable line: about 80 characters of running Arabic; past that the column stays this wide and centred.
MEASURE_SAMPLE = "قال مسؤول أمريكي كبير إن الرئيس بعث برسالة إلى القيادة الإيرانية يدعوها فيها إلى ا"
FLASH_MS = 700
SUGGESTION_COLOR = "#7b4fb3"  # violet: never mistaken for an accepted CUE (green, filled)


class ArticleView(QTextEdit):
    """Shows one article. Positions in and out are Unicode code point offsets into the stored text."""

    spanClicked = Signal(int)
    nextSpanRequested = Signal()
    previousSpanRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(False)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        font = QFont()
        font.setFamilies(ARTICLE_FONT_FAMILIES)
        font.setPointSize(ARTICLE_POINT_SIZE)
        self.setFont(font)
        self.line_height = LINE_HEIGHT_PERCENT
        self.document().setDocumentMargin(18)
        self.highlighter = SpanHighlighter(self.document())
        self._map = Utf16Map("")
        self._text = ""
        self._colors: dict[str, QColor] = {}
        self._selected: SpanRecord | None = None
        self._flashing: SpanRecord | tuple[int, int] | None = None
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_timer.timeout.connect(self._end_flash)
        self._press_position = -1
        self._links: list[LinkDrawing] = []
        self._partners: list[tuple[int, int, str]] = []
        self._suggestion_ids: dict[tuple[int, int], SpanId] = {}
        self._search_hits: list[tuple[int, int]] = []
        self._current_suggestion: tuple[int, int] | None = None

    def set_label_colors(self, colors: dict[str, str]) -> None:
        self._colors = {name: QColor(color) for name, color in colors.items()}

    @property
    def text(self) -> str:
        return self._text

    def show_article(self, text: str, spans: list[SpanRecord], suggestions: list[tuple[int, int]] = ()) -> None:  # type: ignore[assignment]
        self._text = text
        self._map = Utf16Map(text)
        self._selected = None
        self._flashing = None
        self._links = []
        self._partners = []
        self._suggestion_ids = {}
        self._search_hits = []
        self._current_suggestion = None
        document = self.document()
        self.highlighter.clear()
        option = QTextOption(document.defaultTextOption())
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(option)
        block_format = QTextBlockFormat()
        block_format.setLineHeight(self.line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block_format.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        block_format.setBottomMargin(8)
        # Each paragraph is made with its format (a new block takes the format of the one it splits from),
        # so the article is laid out once rather than again for a format set on every paragraph afterwards.
        # The text goes in while the page has no size, which Qt's layout skips; giving the size back then lays
        # out only the first screens at once and the rest on later turns of the event loop (Qt's lazy layout),
        # where an insertion into a sized page lays out the whole article before anything is shown.
        self.setPlainText("")
        page = document.pageSize()
        document.setPageSize(QSizeF(0, 0))
        cursor = QTextCursor(document)
        cursor.setBlockFormat(block_format)
        cursor.insertText(text)
        document.setPageSize(page)
        document.clearUndoRedoStacks()
        painted = [self._painted(span) for span in spans]
        for start, end in suggestions:
            suggestion_id = SpanId(-1 - start * 100_003 - end)
            self._suggestion_ids[(start, end)] = suggestion_id
            painted.append(Painted(suggestion_id, self._map.to_utf16(start), self._map.to_utf16(end), QColor(SUGGESTION_COLOR), suggestion=True))
        self.highlighter.set_spans(painted)
        self.viewport().update()
        self._update_extra_selections()
        self._keep_measure()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def set_text_size(self, point_size: int, line_height: int) -> None:
        """The article's type size and line spacing (percent); the text is laid out again, spans and all."""
        font = self.font()
        font.setPointSize(point_size)
        self.setFont(font)
        self.line_height = line_height
        block_format = QTextBlockFormat()
        block_format.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block_format)
        self.highlighter.invalidate()
        self._keep_measure()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._keep_measure()

    def _keep_measure(self) -> None:
        """A readable line length on a wide screen: the text column is at most as wide as the sample line,
        centred by side margins of the document's root frame (the text and its offsets are untouched)."""
        column = self.fontMetrics().horizontalAdvance(MEASURE_SAMPLE)
        # The frame's own side margins replace the document margin there, so they are never smaller than it:
        # a narrow view or a large type keeps the text off the edges and the link lanes beside it.
        margin = int(self.document().documentMargin())
        side = max(margin, (self.viewport().width() - column) // 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if int(frame.leftMargin()) != side or int(frame.rightMargin()) != side:
            frame.setLeftMargin(side)
            frame.setRightMargin(side)
            root.setFrameFormat(frame)
            self.highlighter.invalidate()

    def add_span(self, span: SpanRecord) -> None:
        self.highlighter.add(self._painted(span))
        self.viewport().update()

    def remove_span(self, span_id: SpanId) -> None:
        self.highlighter.remove(span_id)
        self.viewport().update()
        if self._selected is not None and self._selected.id == span_id:
            self.set_selected_span(None)

    def set_suggestions(self, ranges: list[tuple[int, int]]) -> None:
        """Faint cue suggestions; only the paragraphs whose suggestions changed are repainted."""
        wanted = set(ranges)
        gone = [self._suggestion_ids.pop(key) for key in [key for key in self._suggestion_ids if key not in wanted]]
        added = []
        for start, end in ranges:
            if (start, end) in self._suggestion_ids:
                continue
            suggestion_id = SpanId(-1 - start * 100_003 - end)
            self._suggestion_ids[(start, end)] = suggestion_id
            added.append(Painted(suggestion_id, self._map.to_utf16(start), self._map.to_utf16(end), QColor(SUGGESTION_COLOR), suggestion=True))
        if self.highlighter.update(add=added, remove=gone):
            self.viewport().update()

    def selection(self) -> tuple[int, int]:
        """The user's selection as code point offsets (start <= end)."""
        cursor = self.textCursor()
        return self._map.to_code_point(cursor.selectionStart()), self._map.to_code_point(cursor.selectionEnd())

    def select_range(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def cursor_position(self) -> int:
        return self._map.to_code_point(self.textCursor().position())

    def set_selected_span(self, span: SpanRecord | None) -> None:
        self._selected = span
        self._update_extra_selections()

    def selected_span_id(self) -> SpanId | None:
        return None if self._selected is None else self._selected.id

    def flash_range(self, start: int, end: int) -> None:
        """Scroll to where something was (a span undone away) and flash that place."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self._flashing = (start, end)
        self._update_extra_selections()
        self._flash_timer.start()

    def set_current_suggestion(self, where: tuple[int, int] | None) -> None:
        """The suggestion F8 moved to, outlined so it can be seen and not only the caret."""
        self._current_suggestion = where
        self._update_extra_selections()

    def current_suggestion(self) -> tuple[int, int] | None:
        return self._current_suggestion

    def set_search_hits(self, hits: list[tuple[int, int]]) -> None:
        self._search_hits = hits
        self._update_extra_selections()

    def set_links(self, links: list[LinkDrawing], partners: list[tuple[int, int, str]]) -> None:
        """Relations to draw as arcs, and the spans paired with the selection (start, end, color)."""
        self._links = links
        self._partners = partners
        self._update_extra_selections()
        self.viewport().update()

    def reveal(self, span: SpanRecord) -> None:
        """Scroll the span into view, put the caret at its start and flash it."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(span.end))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        cursor.setPosition(self._map.to_utf16(span.start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self._flashing = span
        self._update_extra_selections()
        self._flash_timer.start()

    def _end_flash(self) -> None:
        self._flashing = None
        self._update_extra_selections()

    def _painted(self, span: SpanRecord) -> Painted:
        return Painted(
            span_id=span.id,
            start=self._map.to_utf16(span.start),
            end=self._map.to_utf16(span.end),
            color=self._colors.get(span.label, QColor("gray")),
        )

    def _extra(self, span: SpanRecord | tuple[int, int], background: QColor, outline: QColor) -> QTextEdit.ExtraSelection:
        start, end = (span.start, span.end) if isinstance(span, SpanRecord) else span
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        char_format = QTextCharFormat()
        char_format.setBackground(background)
        char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        char_format.setUnderlineColor(outline)
        selection.format = char_format
        return selection

    def _update_extra_selections(self) -> None:
        selections = [self._extra(hit, QColor("#ffb74d"), QColor("#e65100")) for hit in self._search_hits]
        if self._current_suggestion is not None:
            selections.append(self._extra(self._current_suggestion, QColor("#efe6fa"), QColor(SUGGESTION_COLOR)))
        for start, end, color in self._partners:
            partner = QColor(color)
            selections.append(self._extra((start, end), partner.lighter(170), partner.darker(130)))
        if self._selected is not None:
            color = self._colors.get(self._selected.label, QColor("gray"))
            selections.append(self._extra(self._selected, color.lighter(125), color.darker(160)))
        if self._flashing is not None:
            selections.append(self._extra(self._flashing, QColor("#ffe14d"), QColor("#b08800")))
        self.setExtraSelections(selections)

    def _anchor(self, span: tuple[int, int]) -> QPointF:
        """The top middle of a span's first line, in viewport coordinates."""
        first = QTextCursor(self.document())
        first.setPosition(self._map.to_utf16(span[0]))
        last = QTextCursor(self.document())
        last.setPosition(self._map.to_utf16(span[1]))
        a, b = self.cursorRect(first), self.cursorRect(last)
        x = (a.center().x() + b.center().x()) / 2 if a.top() == b.top() else a.center().x()
        return QPointF(x, a.top())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        under = QPainter(self.viewport())  # highlights first, under the text the base class draws next
        first = self.cursorForPosition(QPoint(0, 0)).block()
        first = first.previous() if first.previous().isValid() else first
        scroll = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        self.highlighter.paint(under, first, scroll, self.viewport().height())
        under.end()
        super().paintEvent(event)
        if not self._links:
            return
        painter = QPainter(self.viewport())
        gap = self.fontMetrics().height() * max(self.line_height - 100, 20) / 100
        side = self.document().rootFrame().frameFormat().rightMargin()
        paint_links(painter, self._links, self._anchor, gap=gap, margin_x=self.viewport().width() - side / 2)
        painter.end()

    def event(self, event: QEvent) -> bool:
        # QWidget.event() turns Tab into a focus move before keyPressEvent() sees it (a read-only text edit
        # lets focus go), so Tab and Shift+Tab are taken here: in the article they step through spans.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            modifiers = event.modifiers()
            chords = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
            if not modifiers & chords:
                if event.key() == Qt.Key.Key_Backtab or (event.key() == Qt.Key.Key_Tab and modifiers & Qt.KeyboardModifier.ShiftModifier):
                    self.previousSpanRequested.emit()
                    return True
                if event.key() == Qt.Key.Key_Tab:
                    self.nextSpanRequested.emit()
                    return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._press_position = self.cursorForPosition(event.position().toPoint()).position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            spans = self.highlighter.spans_at(self._press_position)
            if spans:
                self.spanClicked.emit(int(spans[0].span_id))

"""Span highlights painted under the text from its layout, for the visible paragraphs only.

Nothing here changes a character format: a format boundary inside «لأ» would split the lam-alef ligature
and change how Arabic is shaped, and formatting every paragraph up front made long articles slow to open.
Backgrounds blend where spans overlap, with an underline in the innermost span's colour; cue suggestions
get only a dashed line.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextBlock, QTextDocument, QTextLine

from annotator.core.model import SpanId

TINT = 0.32


@dataclass(frozen=True, slots=True)
class Painted:
    """A span as the painter sees it: UTF-16 document positions and a color."""

    span_id: SpanId
    start: int
    end: int
    color: QColor
    suggestion: bool = False


def blend(base: QColor, over: QColor, amount: float) -> QColor:
    return QColor(
        round(base.red() + (over.red() - base.red()) * amount),
        round(base.green() + (over.green() - base.green()) * amount),
        round(base.blue() + (over.blue() - base.blue()) * amount),
    )


class SpanHighlighter:
    """A per-paragraph index of spans; `update` says which paragraphs to repaint, `paint` draws the visible ones."""

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._spans: dict[SpanId, Painted] = {}
        self._by_block: dict[int, list[Painted]] = defaultdict(list)
        # What each paragraph paints, relative to its origin, kept until its spans or the text width change.
        self._drawn: dict[int, list[_Stroke]] = {}
        self._drawn_width = -1.0
        self._block_starts: list[int] | None = None
        self.paper = QColor("white")

    def clear(self) -> None:
        """Forget the spans; the text is about to change (an article is shown)."""
        self._spans = {}
        self._by_block = defaultdict(list)
        self._drawn = {}
        self._block_starts = None

    def invalidate(self) -> None:
        """The text was laid out again (another size, other margins): every paragraph is measured anew."""
        self._drawn = {}

    def set_spans(self, spans: list[Painted]) -> None:
        self.clear()
        self.update(add=spans)

    def add(self, span: Painted) -> None:
        self.update(add=[span])

    def remove(self, span_id: SpanId) -> None:
        self.update(remove=[span_id])

    def update(self, *, add: list[Painted] = (), remove: list[SpanId] = ()) -> set[int]:  # type: ignore[assignment]
        """Change the index; the numbers of the paragraphs whose look changed."""
        touched: set[int] = set()
        for span_id in remove:
            span = self._spans.pop(span_id, None)
            if span is None:
                continue
            for number in self._block_numbers(span):
                entries = self._by_block.get(number, [])
                entries[:] = [entry for entry in entries if entry.span_id != span_id]
                touched.add(number)
        for span in add:
            self._spans[span.span_id] = span
            for number in self._block_numbers(span):
                self._by_block[number].append(span)
                touched.add(number)
        for number in touched:
            self._drawn.pop(number, None)
        return touched

    def span_ids(self, *, suggestions: bool = False) -> list[SpanId]:
        return [span_id for span_id, span in self._spans.items() if span.suggestion == suggestions]

    def spans_at(self, position: int) -> list[Painted]:
        """Spans (not suggestions) covering a document position, innermost first."""
        block = self._document.findBlock(position)
        covering = [
            s for s in self._by_block.get(block.blockNumber(), []) if s.start <= position < s.end and not s.suggestion
        ]
        return sorted(covering, key=lambda s: s.end - s.start)

    def _block_numbers(self, span: Painted) -> list[int]:
        if self._block_starts is None:  # the paragraphs' first positions, read once per article
            starts, block = [], self._document.begin()
            while block.isValid():
                starts.append(block.position())
                block = block.next()
            self._block_starts = starts
        first = bisect_right(self._block_starts, span.start) - 1
        last = bisect_right(self._block_starts, max(span.start, span.end - 1)) - 1
        return list(range(max(first, 0), max(last, 0) + 1))

    def paint(self, painter: QPainter, first: QTextBlock, offset: QPointF, height: float) -> None:
        """Paint the highlights of the paragraphs from `first` down to the bottom of the viewport."""
        layout = self._document.documentLayout()
        width = self._document.textWidth()
        if width != self._drawn_width:
            self._drawn, self._drawn_width = {}, width
        block = first
        while block.isValid():
            top_left = layout.blockBoundingRect(block).topLeft() - offset
            if top_left.y() > height:
                break
            number = block.blockNumber()
            entries = self._by_block.get(number)
            if entries:
                if number not in self._drawn:
                    self._drawn[number] = self._strokes(block, entries)
                for stroke in self._drawn[number]:
                    stroke.paint(painter, top_left)
            block = block.next()

    def _strokes(self, block: QTextBlock, entries: list[Painted]) -> list[_Stroke]:
        """Fills and lines for a paragraph's spans, relative to the paragraph's origin."""
        strokes: list[_Stroke] = []
        offset = block.position()
        length = block.length() - 1
        starting: dict[int, list[Painted]] = defaultdict(list)
        ending: dict[int, list[Painted]] = defaultdict(list)
        for span in entries:
            a, b = max(span.start - offset, 0), min(span.end - offset, length)
            if a < b:
                starting[a].append(span)
                ending[b].append(span)
        edges = sorted({0, length, *starting, *ending})
        active: dict[SpanId, Painted] = {}
        text_layout = block.layout()
        lines = [text_layout.lineAt(number) for number in range(text_layout.lineCount())]
        line_starts = [line.textStart() for line in lines]  # each stretch looks only at the lines it lies on
        for left, right in zip(edges, edges[1:]):
            for span in ending.get(left, ()):
                active.pop(span.span_id, None)
            for span in starting.get(left, ()):
                active[span.span_id] = span
            if not active:
                continue
            spans = sorted((s for s in active.values() if not s.suggestion), key=lambda s: s.start - s.end)
            suggestion = next((s for s in active.values() if s.suggestion), None)
            for line in lines[max(0, bisect_right(line_starts, left) - 1): bisect_left(line_starts, right)]:
                a, b = max(left, line.textStart()), min(right, line.textStart() + line.textLength())
                if a >= b:
                    continue
                for x_left, x_right in _extents(line, a, b):
                    rect = QRectF(x_left, line.y(), x_right - x_left, line.height())
                    baseline = line.y() + line.ascent() + 3
                    if spans:
                        color = self.paper
                        for span in spans:
                            color = blend(color, span.color, TINT)
                        strokes.append(_Stroke(rect, color, baseline, spans[-1].color.darker(130), Qt.PenStyle.SolidLine))
                    elif suggestion is not None:
                        strokes.append(_Stroke(rect, None, baseline, suggestion.color, Qt.PenStyle.DashLine))
        return strokes


@dataclass(frozen=True, slots=True)
class _Stroke:
    rect: QRectF
    fill: QColor | None
    baseline: float
    line: QColor
    style: Qt.PenStyle

    def paint(self, painter: QPainter, origin: QPointF) -> None:
        rect = self.rect.translated(origin)
        if self.fill is not None:
            painter.fillRect(rect, self.fill)
        painter.setPen(QPen(self.line, 1.2, self.style))
        y = origin.y() + self.baseline
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))


def _extents(line: QTextLine, start: int, end: int) -> list[tuple[float, float]]:
    """Where a range of a line is drawn, left to right, one extent per run of one direction."""
    extents = [(run.boundingRect().left(), run.boundingRect().right()) for run in line.glyphRuns(start, end - start)]
    extents = [(a, b) for a, b in extents if b > a]
    if not extents:
        x1, x2 = _x(line.cursorToX(start)), _x(line.cursorToX(end))
        return [(min(x1, x2), max(x1, x2))] if x1 != x2 else []
    return extents


def _x(answer: object) -> float:
    """PySide gives cursorToX's x alone or with the position it moved to."""
    return float(answer[0] if isinstance(answer, tuple) else answer)  # type: ignore[index]

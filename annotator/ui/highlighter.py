"""Paints spans as blended backgrounds with an underline in the innermost span's color."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

from annotator.core.model import SpanId

TINT = 0.32
REPAINT_ALL_AFTER = 40


@dataclass(frozen=True, slots=True)
class Painted:
    """A span as the highlighter sees it: UTF-16 document positions and a color."""

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


class SpanHighlighter(QSyntaxHighlighter):
    """Keeps a per-block index of spans so that a change repaints only the blocks it touches."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._spans: dict[SpanId, Painted] = {}
        self._by_block: dict[int, list[Painted]] = defaultdict(list)
        self.paper = QColor("white")

    def clear(self) -> None:
        """Forget every span without repainting (the text is about to be replaced)."""
        self._spans = {}
        self._by_block = defaultdict(list)

    def set_spans(self, spans: list[Painted]) -> None:
        self._spans = {span.span_id: span for span in spans}
        self._by_block = defaultdict(list)
        for span in spans:
            for block in self._blocks(span):
                self._by_block[block.blockNumber()].append(span)
        self.rehighlight()

    def add(self, span: Painted) -> None:
        self.update(add=[span])

    def remove(self, span_id: SpanId) -> None:
        self.update(remove=[span_id])

    def update(self, *, add: list[Painted] = (), remove: list[SpanId] = ()) -> None:  # type: ignore[assignment]
        """Change the index, then repaint each touched block once (or everything, when most blocks are touched)."""
        touched: set[int] = set()
        for span_id in remove:
            span = self._spans.pop(span_id, None)
            if span is None:
                continue
            for block in self._blocks(span):
                entries = self._by_block.get(block.blockNumber(), [])
                entries[:] = [entry for entry in entries if entry.span_id != span_id]
                touched.add(block.blockNumber())
        for span in add:
            self._spans[span.span_id] = span
            for block in self._blocks(span):
                self._by_block[block.blockNumber()].append(span)
                touched.add(block.blockNumber())
        if len(touched) > REPAINT_ALL_AFTER:
            self.rehighlight()
            return
        document = self.document()
        for number in sorted(touched):
            self.rehighlightBlock(document.findBlockByNumber(number))

    @staticmethod
    def _suggestion_format(color: QColor) -> QTextCharFormat:
        # Unlike a tag: no fill, only a dashed line in the suggestions' own colour.
        char_format = QTextCharFormat()
        char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        char_format.setUnderlineColor(color)
        return char_format

    def spans_at(self, position: int) -> list[Painted]:
        """Spans (not suggestions) covering a document position, innermost first."""
        block = self.document().findBlock(position)
        covering = [
            s for s in self._by_block.get(block.blockNumber(), []) if s.start <= position < s.end and not s.suggestion
        ]
        return sorted(covering, key=lambda s: s.end - s.start)

    def _blocks(self, span: Painted) -> list[QTextBlock]:
        document = self.document()
        block = document.findBlock(span.start)
        blocks = []
        while block.isValid() and block.position() < span.end:
            blocks.append(block)
            block = block.next()
        return blocks

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        entries = self._by_block.get(self.currentBlock().blockNumber())
        if not entries:
            return
        offset = self.currentBlock().position()
        length = len(text.encode("utf-16-le")) // 2
        local = [(max(span.start - offset, 0), min(span.end - offset, length), span) for span in entries]
        starting: dict[int, list[Painted]] = defaultdict(list)
        ending: dict[int, list[Painted]] = defaultdict(list)
        for a, b, span in local:
            if a < b:
                starting[a].append(span)
                ending[b].append(span)
        edges = sorted({0, length, *starting, *ending})
        active: dict[SpanId, Painted] = {}
        for left, right in zip(edges, edges[1:]):
            for span in ending.get(left, ()):
                active.pop(span.span_id, None)
            for span in starting.get(left, ()):
                active[span.span_id] = span
            covering = list(active.values())
            if not covering:
                continue
            spans = [s for s in covering if not s.suggestion]
            if not spans:
                self.setFormat(left, right - left, self._suggestion_format(covering[0].color))
                continue
            covering = sorted(spans, key=lambda s: s.start - s.end)
            color = self.paper
            for span in covering:
                color = blend(color, span.color, TINT)
            char_format = QTextCharFormat()
            char_format.setBackground(color)
            char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            char_format.setUnderlineColor(covering[-1].color.darker(130))
            self.setFormat(left, right - left, char_format)

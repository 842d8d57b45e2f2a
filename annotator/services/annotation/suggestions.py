"""Cue and source suggestions from the lexicon: offered until accepted as CUE / SOURCE spans or dismissed;
never exported.

for_document gives the cue suggestions only (what the window shows and accepts as CUE);
sources_for_document the SOURCE suggestions (the noun phrase each cue introduces), each with the scheme's
source label in `label`; all_for_document both, in text order. accept takes either kind.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from itertools import accumulate

from sqlalchemy import delete, select

from annotator.core.changes import Changes
from annotator.core.cues import CueSuggestion, SourceSuggestion, Suggestions, load_lexicon, suggest
from annotator.core.model import DocumentId, SpanRecord
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.models import Annotator, DismissedSuggestion
from annotator.storage.project import Project


class SuggestionService:
    def __init__(self, project: Project, *, tagging: TaggingService) -> None:
        self.project = project
        self.tagging = tagging
        self.cue_label = project.scheme.span_role("cue")
        self.source_label = project.scheme.span_role("source")
        self.enabled = self.cue_label is not None
        self._lexicon = load_lexicon() if self.enabled else None
        self._matched: tuple[str, Suggestions] | None = None  # the last text and its matches

    def _matches(self, text: str) -> Suggestions:
        if self._matched is None or self._matched[0] != text:
            self._matched = (text, suggest(text, self._lexicon, sources=self.source_label is not None))
        return self._matched[1]

    def for_document(self, document_id: DocumentId, text: str, spans: list[SpanRecord]) -> list[CueSuggestion]:
        """Cue matches in the text that no CUE span of this annotator overlaps and that were not dismissed."""
        if self._lexicon is None:
            return []
        return self._open(document_id, self._matches(text).cues, spans, self.cue_label)

    def sources_for_document(self, document_id: DocumentId, text: str, spans: list[SpanRecord]) -> list[SourceSuggestion]:
        """The noun phrases the cues introduce, where no SOURCE span of this annotator overlaps and not dismissed;
        each carries the scheme's source label. Empty when the scheme has no source (or no cue) label."""
        if self._lexicon is None or self.source_label is None:
            return []
        found = self._open(document_id, self._matches(text).sources, spans, self.source_label)
        return [replace(suggestion, label=self.source_label) for suggestion in found]

    def all_for_document(self, document_id: DocumentId, text: str, spans: list[SpanRecord]) -> list[CueSuggestion | SourceSuggestion]:
        """Cue and source suggestions together, in text order (a CueSuggestion has no label: it is a CUE)."""
        found: list[CueSuggestion | SourceSuggestion] = [*self.for_document(document_id, text, spans)]
        found += self.sources_for_document(document_id, text, spans)
        return sorted(found, key=lambda suggestion: (suggestion.start, suggestion.end))

    def _open(self, document_id: DocumentId, matches: list, spans: list[SpanRecord], label: str | None) -> list:
        with self.project.reading() as session:  # opening a document never takes the write lock
            dismissed = {
                (row.start, row.end)
                for row in session.execute(
                    select(DismissedSuggestion.start, DismissedSuggestion.end)
                    .join(Annotator, Annotator.id == DismissedSuggestion.annotator_id)
                    .where(DismissedSuggestion.document_id == document_id, Annotator.name == self.tagging.annotator)
                )
            }
        overlapped = overlap_test([(span.start, span.end) for span in spans if span.label == label])
        return [
            suggestion
            for suggestion in matches
            if (suggestion.start, suggestion.end) not in dismissed and not overlapped(suggestion.start, suggestion.end)
        ]

    def accept(self, document_id: DocumentId, suggestion: CueSuggestion | SourceSuggestion) -> Changes:
        if isinstance(suggestion, SourceSuggestion):
            return self.tagging.create_span(
                document_id=document_id, start=suggestion.start, end=suggestion.end, label=self.source_label or suggestion.label
            )
        return self.tagging.create_span(
            document_id=document_id,
            start=suggestion.start,
            end=suggestion.end,
            label=self.cue_label,
            attributes={"speech_act": suggestion.speech_act} if suggestion.speech_act else {},
        )

    def dismiss(self, document_id: DocumentId, start: int, end: int) -> Changes:
        annotator_id = self.tagging.annotator_id()
        with self.project.transaction() as session:
            session.add(DismissedSuggestion(document_id=document_id, annotator_id=annotator_id, start=start, end=end))
        return Changes(suggestions=frozenset({document_id}))

    def undismiss(self, document_id: DocumentId, start: int, end: int) -> Changes:
        annotator_id = self.tagging.annotator_id()
        with self.project.transaction() as session:
            session.execute(
                delete(DismissedSuggestion).where(
                    DismissedSuggestion.document_id == document_id,
                    DismissedSuggestion.annotator_id == annotator_id,
                    DismissedSuggestion.start == start,
                    DismissedSuggestion.end == end,
                )
            )
        return Changes(suggestions=frozenset({document_id}))


def overlap_test(tagged: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a range overlaps any of the tagged ones, in O(log n) a question (a keypress asks it per suggestion)."""
    ordered = sorted(tagged)
    starts = [start for start, _end in ordered]
    furthest = list(accumulate((end for _start, end in ordered), max))  # the furthest end among the first i ranges

    def overlapped(start: int, end: int) -> bool:
        before = bisect_left(starts, end)  # the tagged ranges that start before this one ends
        return before > 0 and furthest[before - 1] > start

    return overlapped

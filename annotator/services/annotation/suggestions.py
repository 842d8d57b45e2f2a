"""Cue suggestions from the lexicon: offered until accepted as CUE spans or dismissed; never exported."""

from __future__ import annotations

from sqlalchemy import delete, select

from annotator.core.changes import Changes
from annotator.core.cues import CueSuggestion, load_lexicon, suggest_cues
from annotator.core.model import DocumentId, SpanRecord
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.models import Annotator, DismissedSuggestion
from annotator.storage.project import Project


class SuggestionService:
    def __init__(self, project: Project, *, tagging: TaggingService) -> None:
        self.project = project
        self.tagging = tagging
        self.cue_label = project.scheme.span_role("cue")
        self.enabled = self.cue_label is not None
        self._lexicon = load_lexicon() if self.enabled else None
        self._matched: tuple[str, list[CueSuggestion]] | None = None  # the last text and its matches

    def for_document(self, document_id: DocumentId, text: str, spans: list[SpanRecord]) -> list[CueSuggestion]:
        """Matches in the text that no CUE span of this annotator overlaps and that were not dismissed."""
        if self._lexicon is None:
            return []
        with self.project.reading() as session:  # opening a document never takes the write lock
            dismissed = {
                (row.start, row.end)
                for row in session.execute(
                    select(DismissedSuggestion.start, DismissedSuggestion.end)
                    .join(Annotator, Annotator.id == DismissedSuggestion.annotator_id)
                    .where(DismissedSuggestion.document_id == document_id, Annotator.name == self.tagging.annotator)
                )
            }
        cues = [(span.start, span.end) for span in spans if span.label == self.cue_label]
        if self._matched is None or self._matched[0] != text:
            self._matched = (text, suggest_cues(text, self._lexicon))
        return [
            suggestion
            for suggestion in self._matched[1]
            if (suggestion.start, suggestion.end) not in dismissed
            and not any(start < suggestion.end and suggestion.start < end for start, end in cues)
        ]

    def accept(self, document_id: DocumentId, suggestion: CueSuggestion) -> Changes:
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

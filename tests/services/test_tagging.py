from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from annotator.core.errors import AnnotatorError, SchemeError
from annotator.core.model import DocumentId
from annotator.core.offsets import is_grapheme_boundary
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.models import Relation, Span
from annotator.storage.project import Project
from tests.conftest import add_document

TEXT = "نفت البعثة الإيرانية أن تكون قد تلقّت أي رسالة 📨 من واشنطن."


def test_create_takes_the_covered_text_from_the_stored_document(project: Project) -> None:
    doc = DocumentId(add_document(project, TEXT))
    service = TaggingService(project, annotator="hana")
    start = TEXT.index("تلقّت")
    span = service.create_span(document_id=doc, start=start, end=start + 5, label="CLAIM").span
    assert span.text == "تلقّت" == TEXT[span.start : span.end]
    assert span.attributes == {"polarity": "affirm", "certainty": "certain"}


def test_invalid_spans_are_refused_and_nothing_is_written(project: Project) -> None:
    doc = DocumentId(add_document(project, TEXT))
    service = TaggingService(project, annotator="hana")
    harakah = TEXT.index("ّ")
    with pytest.raises(AnnotatorError, match="outside the text"):
        service.create_span(document_id=doc, start=10, end=len(TEXT) + 1, label="CLAIM")
    with pytest.raises(AnnotatorError, match="splits a letter"):
        service.create_span(document_id=doc, start=0, end=harakah, label="CLAIM")
    with pytest.raises(SchemeError, match="unknown span label"):
        service.create_span(document_id=doc, start=0, end=3, label="EVENT")
    with pytest.raises(SchemeError):
        service.create_span(document_id=doc, start=0, end=3, label="CUE", attributes={"speech_act": "shout"})
    with project.reading() as session:
        assert session.scalar(select(func.count(Span.id))) == 0


def test_delete_takes_the_relations_and_restore_brings_all_back(project: Project) -> None:
    doc = DocumentId(add_document(project, TEXT))
    service = TaggingService(project, annotator="hana")
    claim = service.create_span(document_id=doc, start=0, end=len(TEXT) - 1, label="CLAIM").span
    source = service.create_span(document_id=doc, start=4, end=20, label="SOURCE").span
    with project.transaction() as session:
        session.add(Relation(uid="r1", label="ATTRIBUTION", from_span_id=claim.id, to_span_id=source.id,
                             annotator_id=project.annotator_id(session, "hana")))
    deletion = service.delete_span(source.id)
    assert [c.relation.uid for c in deletion.relations] == ["r1"]
    with project.reading() as session:
        assert session.scalar(select(func.count(Relation.id))) == 0
    service.restore(deletion)
    with project.reading() as session:
        relation = session.scalars(select(Relation)).one()
        assert (relation.from_span_id, relation.to_span_id) == (claim.id, source.id)
    assert [s.id for s in service.spans(doc)] == [claim.id, source.id]


def test_another_annotators_span_cannot_be_changed(project: Project) -> None:
    doc = DocumentId(add_document(project, TEXT))
    span = TaggingService(project, annotator="hana").create_span(document_id=doc, start=0, end=3, label="CUE").span
    intruder = TaggingService(project, annotator="omar")
    with pytest.raises(AnnotatorError, match="another annotator"):
        intruder.delete_span(span.id)
    with pytest.raises(AnnotatorError, match="another annotator"):
        intruder.update_span(span.id, note="x")
    assert intruder.spans(doc) == []


HARD = st.sampled_from(list("بتثجحخدذرزسشصضطظعغفقكلمنهوي ً ٌ ٍ َ ُ ِ ّ ْ ـ \u200c \u200d \u200e \u200f \u00a0 \n 😀 👍🏽 𝐀 ."))


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(HARD, min_size=2, max_size=40).map("".join), st.data())
def test_stored_span_text_always_equals_the_text_between_its_offsets(
    project: Project, text: str, data: st.DataObject
) -> None:
    boundaries = [i for i in range(len(text) + 1) if is_grapheme_boundary(text, i)]
    start, end = sorted(data.draw(st.lists(st.sampled_from(boundaries), min_size=2, max_size=2, unique=True)))
    doc = DocumentId(add_document(project, text, uid=None))
    span = TaggingService(project, annotator="h").create_span(document_id=doc, start=start, end=end, label="CLAIM").span
    with project.reading() as session:
        stored = session.get(Span, span.id)
        assert stored is not None and stored.text == text[start:end]

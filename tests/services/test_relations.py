"""Relation rules from the scheme, enforced by the storage layer; delete cascades and comes back."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from annotator.core.errors import AnnotatorError, SchemeError
from annotator.core.model import DocumentId
from annotator.services.relations import RelationService
from annotator.services.tagging import TaggingService
from annotator.storage.models import Relation
from annotator.storage.project import Project
from tests.conftest import add_document

LETTER = "قال الرئيس إنه بعث برسالة إلى طهران."
DENIAL = "نفت البعثة أن تكون تلقت أي رسالة."


@pytest.fixture
def spans(project: Project) -> dict[str, object]:
    letter = DocumentId(add_document(project, LETTER))
    denial = DocumentId(add_document(project, DENIAL))
    tagger = TaggingService(project, annotator="maha")

    def tag(doc: DocumentId, text: str, phrase: str, label: str) -> object:
        start = text.index(phrase)
        return tagger.create_span(document_id=doc, start=start, end=start + len(phrase), label=label)

    return {
        "claim": tag(letter, LETTER, "إنه بعث برسالة إلى طهران", "CLAIM"),
        "source": tag(letter, LETTER, "الرئيس", "SOURCE"),
        "cue": tag(letter, LETTER, "قال", "CUE"),
        "denial": tag(denial, DENIAL, "أن تكون تلقت أي رسالة", "CLAIM"),
        "mission": tag(denial, DENIAL, "البعثة", "SOURCE"),
    }


def count_relations(project: Project) -> int:
    with project.reading() as session:
        return session.scalar(select(func.count(Relation.id))) or 0


def test_the_storage_layer_refuses_what_the_scheme_forbids(project: Project, spans: dict) -> None:
    owner = lambda session: project.annotator_id(session, "maha")  # noqa: E731
    forbidden = [
        ("ATTRIBUTION", spans["source"], spans["source"], "a span cannot be related to itself"),
        ("ATTRIBUTION", spans["source"], spans["claim"], "cannot join a SOURCE to a CLAIM"),
        ("ATTRIBUTION", spans["denial"], spans["source"], "cannot join spans in different documents"),
        ("CONTRADICTION", spans["claim"], spans["mission"], "cannot join a CLAIM to a SOURCE"),
        ("SUPPORTS", spans["claim"], spans["denial"], "unknown relation label"),
    ]
    for label, source, target, reason in forbidden:
        with pytest.raises(SchemeError, match=reason), project.transaction() as session:
            session.add(Relation(uid=f"r-{label}", label=label, from_span_id=source.id, to_span_id=target.id,
                                 annotator_id=owner(session), attributes={}))
    with pytest.raises(SchemeError, match="'type'"), project.transaction() as session:
        session.add(Relation(uid="r-bad-attr", label="CONTRADICTION", from_span_id=spans["claim"].id,
                             to_span_id=spans["denial"].id, annotator_id=owner(session), attributes={"type": "irony"}))
    assert count_relations(project) == 0


def test_valid_relations_within_and_across_documents(project: Project, spans: dict) -> None:
    relations = RelationService(project, annotator="maha")
    relations.create(label="ATTRIBUTION", from_span=spans["claim"].id, to_span=spans["source"].id)
    relations.create(label="ATTRIBUTION", from_span=spans["claim"].id, to_span=spans["cue"].id)
    contradiction = relations.create(
        label="CONTRADICTION", from_span=spans["claim"].id, to_span=spans["denial"].id, attributes={"type": "negation"}
    )
    with pytest.raises(AnnotatorError, match="already joined"):
        relations.create(label="CONTRADICTION", from_span=spans["denial"].id, to_span=spans["claim"].id)
    views = relations.for_document(spans["denial"].document_id)
    assert [(v.relation.id, v.source.document_id != v.target.document_id) for v in views] == [(contradiction.id, True)]


def test_deleting_a_span_takes_its_relations_and_undo_brings_all_back(project: Project, spans: dict) -> None:
    relations = RelationService(project, annotator="maha")
    relations.create(label="ATTRIBUTION", from_span=spans["claim"].id, to_span=spans["source"].id)
    relations.create(label="CONTRADICTION", from_span=spans["claim"].id, to_span=spans["denial"].id)
    tagger = TaggingService(project, annotator="maha")
    deletion = tagger.delete_span(spans["claim"].id)
    assert len(deletion.relations) == 2 and count_relations(project) == 0
    tagger.restore(deletion)
    assert count_relations(project) == 2
    assert {v.relation.label for v in relations.for_document(spans["claim"].document_id)} == {"ATTRIBUTION", "CONTRADICTION"}


def test_another_annotator_cannot_delete_my_relation(project: Project, spans: dict) -> None:
    mine = RelationService(project, annotator="maha").create(
        label="SUPPORT", from_span=spans["claim"].id, to_span=spans["denial"].id
    )
    with pytest.raises(AnnotatorError, match="another annotator"):
        RelationService(project, annotator="omar").delete(mine.id)

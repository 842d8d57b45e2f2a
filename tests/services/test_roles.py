"""Roles and blind mode are enforced in the services, not only hidden in the window."""

from __future__ import annotations

import pytest

from annotator.core.model import DocumentId
from annotator.services.team.identity import AccessError, GOLD, Role, assign, assigned_documents, identify, set_blind_mode
from annotator.services.annotation.relations import RelationService
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.project import Project
from tests.conftest import add_document

TEXT = "قال مسؤول أمريكي كبير إن الرسالة وصلت."


def test_an_annotator_is_refused_gold_layer_writes(project: Project) -> None:
    doc = DocumentId(add_document(project, TEXT))
    identify(project, "lina")
    gold_by_annotator = TaggingService(project, annotator="lina", layer=GOLD)
    with pytest.raises(AccessError, match="only a reviewer may write the gold layer"):
        gold_by_annotator.create_span(document_id=doc, start=0, end=3, label="CUE")
    identify(project, "rana", Role.REVIEWER)
    gold = TaggingService(project, annotator="rana", layer=GOLD)
    span = gold.create_span(document_id=doc, start=0, end=3, label="CUE", derived_from=("lina", "omar")).span
    assert span.annotator == GOLD and span.derived_from == ("lina", "omar")
    with pytest.raises(AccessError):
        TaggingService(project, annotator="lina", layer=GOLD).delete_span(span.id)


def test_blind_mode_hides_other_layers_from_annotators_but_not_from_reviewers(project: Project) -> None:
    doc = DocumentId(add_document(project, TEXT))
    TaggingService(project, annotator="lina").create_span(document_id=doc, start=0, end=3, label="CUE").span
    with pytest.raises(AccessError, match="blind mode"):
        TaggingService(project, annotator="omar", layer="lina").spans(doc)
    with pytest.raises(AccessError, match="may not write lina's layer"):
        TaggingService(project, annotator="omar", layer="lina").create_span(document_id=doc, start=4, end=9, label="SOURCE").span
    reviewer = identify(project, "rana", Role.REVIEWER)
    assert [s.text for s in TaggingService(project, annotator="rana", layer="lina").spans(doc)] == ["قال"]
    with pytest.raises(AccessError, match="only a reviewer"):
        set_blind_mode(project, identify(project, "omar"), False)
    set_blind_mode(project, reviewer, False)
    assert [s.text for s in TaggingService(project, annotator="omar", layer="lina").spans(doc)] == ["قال"]
    with pytest.raises(AccessError):  # reading is allowed now, writing never
        TaggingService(project, annotator="omar", layer="lina").create_span(document_id=doc, start=4, end=9, label="SOURCE").span


def test_relations_follow_the_same_rules(project: Project) -> None:
    doc = DocumentId(add_document(project, TEXT))
    mine = TaggingService(project, annotator="lina")
    claim = mine.create_span(document_id=doc, start=23, end=len(TEXT) - 1, label="CLAIM").span
    source = mine.create_span(document_id=doc, start=4, end=21, label="SOURCE").span
    with pytest.raises(AccessError):
        RelationService(project, annotator="omar", tagging=TaggingService(project, annotator="omar", layer="lina")).create(
            label="ATTRIBUTION", from_span=claim.id, to_span=source.id
        ).relation


def test_only_reviewers_assign_documents(project: Project) -> None:
    first, second = DocumentId(add_document(project, TEXT)), DocumentId(add_document(project, TEXT + " ثم"))
    with pytest.raises(AccessError):
        assign(project, identify(project, "lina"), annotator="omar", documents=[first])
    reviewer = identify(project, "rana", Role.REVIEWER)
    assert assigned_documents(project, "omar") is None
    assert assign(project, reviewer, annotator="omar", documents=[first, second]).count == 2
    assert assign(project, reviewer, annotator="omar", documents=[first]).count == 0
    assert assigned_documents(project, "omar") == {first, second}

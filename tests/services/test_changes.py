"""Every writing service call says what it changed, exactly, so that the window never has to guess."""

from __future__ import annotations

import pytest

from annotator.core.changes import Change, StateChange
from annotator.core.model import GOLD, DocumentId, DocumentStatus
from annotator.services.annotation.relations import RelationService
from annotator.services.annotation.tagging import TaggingService
from annotator.services.documents.progress import set_status, status_of
from annotator.services.team.identity import AccessError, Role, identify
from annotator.storage.project import Project
from tests.conftest import add_document

TEXT = "قال مسؤول أمريكي كبير إن الرئيس بعث برسالة إلى طهران."
OTHER = "نفت البعثة الإيرانية أن تكون قد تلقّت أي رسالة."


def test_the_first_span_starts_the_document_and_later_ones_do_not(project: Project) -> None:
    doc = DocumentId(add_document(project, TEXT))
    tagger = TaggingService(project, annotator="lina")
    first = tagger.create_span(document_id=doc, start=4, end=21, label="SOURCE")
    assert [(c.kind, c.span.text) for c in first.spans] == [(Change.ADDED, "مسؤول أمريكي كبير")]
    assert first.states == (StateChange(doc, "lina", DocumentStatus.IN_PROGRESS),)
    second = tagger.create_span(document_id=doc, start=0, end=3, label="CUE")
    assert second.states == ()


def test_a_span_tagged_in_a_done_document_leaves_it_done(project: Project) -> None:
    doc = DocumentId(add_document(project, TEXT))
    tagger = TaggingService(project, annotator="lina")
    tagger.create_span(document_id=doc, start=0, end=3, label="CUE")
    done = set_status(project, document_id=doc, annotator="lina", status=DocumentStatus.DONE)
    assert done.states == (StateChange(doc, "lina", DocumentStatus.DONE),)
    fresh = TaggingService(project, annotator="lina")  # a new window: nothing cached
    assert fresh.create_span(document_id=doc, start=4, end=9, label="SOURCE").states == ()
    assert status_of(project, document_id=doc, annotator="lina") == DocumentStatus.DONE


def test_deleting_a_span_reports_its_links_with_both_documents_and_restore_reports_them_back(project: Project) -> None:
    here, there = DocumentId(add_document(project, TEXT)), DocumentId(add_document(project, OTHER))
    tagger = TaggingService(project, annotator="lina")
    links = RelationService(project, annotator="lina", tagging=tagger)
    claim = tagger.create_span(document_id=here, start=TEXT.index("الرئيس"), end=TEXT.index("."), label="CLAIM").span
    denial = tagger.create_span(document_id=there, start=OTHER.index("أن"), end=OTHER.index("."), label="CLAIM").span
    linked = links.create(label="CONTRADICTION", from_span=claim.id, to_span=denial.id)
    assert linked.relations[0].documents == (here, there) and linked.relations[0].kind == Change.ADDED

    removed = tagger.delete_span(denial.id)
    assert [c.kind for c in removed.spans] == [Change.REMOVED]
    assert [(c.kind, c.documents) for c in removed.relations] == [(Change.REMOVED, (here, there))]
    assert removed.documents() == {here, there}

    back = tagger.restore(removed)
    assert [(c.kind, c.span.id) for c in back.spans] == [(Change.ADDED, denial.id)]
    assert [(c.kind, c.relation.id) for c in back.relations] == [(Change.ADDED, linked.relation.id)]
    assert [v.relation.id for v in links.for_document(there)] == [linked.relation.id]


def test_restore_refuses_records_of_a_layer_the_acting_identity_may_not_write(project: Project) -> None:
    doc = DocumentId(add_document(project, TEXT))
    identify(project, "rev", Role.REVIEWER)
    gold = TaggingService(project, annotator="rev", layer=GOLD)
    removed = gold.delete_span(gold.create_span(document_id=doc, start=0, end=3, label="CUE").span.id)
    forger = TaggingService(project, annotator="alice")
    with pytest.raises(AccessError, match="gold"):
        forger.restore(removed)
    assert gold.spans(doc) == []
    claim = gold.create_span(document_id=doc, start=TEXT.index("الرئيس"), end=TEXT.index("."), label="CLAIM").span
    source = gold.create_span(document_id=doc, start=4, end=21, label="SOURCE").span
    gold_links = RelationService(project, annotator="rev", tagging=gold)
    unlinked = gold_links.delete(gold_links.create(label="ATTRIBUTION", from_span=claim.id, to_span=source.id).relation.id)
    with pytest.raises(AccessError, match="gold"):
        RelationService(project, annotator="alice", tagging=forger).restore(unlinked)
    assert gold_links.for_document(doc) == []


def test_changes_combine_and_name_every_document_they_touch(project: Project) -> None:
    here, there = DocumentId(add_document(project, TEXT)), DocumentId(add_document(project, OTHER))
    tagger = TaggingService(project, annotator="lina")
    both = tagger.create_span(document_id=here, start=0, end=3, label="CUE") | tagger.create_span(document_id=there, start=0, end=3, label="CUE")
    assert both.documents() == {here, there} and len(both.spans) == 2 and bool(both)
    with pytest.raises(ValueError):
        _ = both.span

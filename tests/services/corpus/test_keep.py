"""Deleting a span removes its registry and same-claim links with it; what was saved before puts them back on undo."""

from __future__ import annotations

from sqlalchemy import select

from annotator.core.model import DocumentId
from annotator.services.annotation.tagging import TaggingService
from annotator.services.corpus.claims import ClaimLinks, clusters
from annotator.services.corpus.keep import links_of, restore_links
from annotator.services.corpus.registry import SourceRegistry
from annotator.services.team.identity import identify
from annotator.storage.models import ClaimLink, SourceLink
from annotator.storage.project import Project
from tests.conftest import add_document

TEXT = "قال الرئيس أوباما إن الرسالة وصلت. وأكد أوباما أن الرسالة وصلت."


def test_undoing_a_deletion_puts_the_links_back(project: Project) -> None:
    sami = identify(project, "sami")
    document = DocumentId(add_document(project, TEXT))
    tagging = TaggingService(project, annotator="sami")
    source = tagging.create_span(document_id=document, start=4, end=17, label="SOURCE").span
    first = tagging.create_span(document_id=document, start=21, end=33, label="CLAIM").span
    second = tagging.create_span(document_id=document, start=50, end=62, label="CLAIM").span
    assert (source.text, first.text, second.text) == ("الرئيس أوباما", "الرسالة وصلت", "الرسالة وصلت")
    registry = SourceRegistry(project, sami)
    obama = next(iter(registry.add("أوباما", "person").sources))
    registry.link(source.id, obama)
    ClaimLinks(project, sami).link(first.id, second.id)
    saved = links_of(project, [source.id, first.id])
    removed = tagging.delete_span(source.id) | tagging.delete_span(first.id)
    with project.reading() as session:
        assert session.scalars(select(SourceLink)).all() == [] and session.scalars(select(ClaimLink)).all() == []
    tagging.restore(removed)
    changes = restore_links(project, saved)
    assert changes.corpus_links == {document} and changes.count == 3
    assert registry.link_of(source.id) == (obama, True)
    assert set(clusters(project)) == {first.id, second.id}
    assert restore_links(project, saved).count == 0  # again: nothing to put back

"""A source's claims, on four articles: the 2014 letter told twice and denied, and the 2025 one."""

from __future__ import annotations

import pytest

from annotator.core.model import DocumentId
from annotator.services.annotation.relations import RelationService
from annotator.services.annotation.tagging import TaggingService
from annotator.services.corpus.claims import ClaimLinks
from annotator.services.corpus.source_view import source_claims
from annotator.services.corpus.registry import SourceRegistry
from annotator.services.team.identity import found_project, identify
from annotator.storage.models import Document
from annotator.storage.project import Project
from tests.conftest import add_document

ARTICLES = [  # text, date, the source, the claim
    ("قال الرئيس باراك أوباما إن الرسالة وصلت إلى خامنئي.", "2014-11-06", "الرئيس باراك أوباما", "الرسالة وصلت إلى خامنئي"),
    ("وأكد أوباما أن الرسالة وصلت فعلا إلى خامنئي.", "2014-11-07", "أوباما", "الرسالة وصلت فعلا إلى خامنئي"),
    ("ونفت البعثة الإيرانية أن تكون أي رسالة قد وصلت.", "2014-11-08", "البعثة الإيرانية", "أي رسالة قد وصلت"),
    ("وقال ترامب إنه بعث برسالة إلى إيران.", "2025-03-07", "ترامب", "بعث برسالة إلى إيران"),
]


@pytest.fixture
def corpus(project: Project):
    reviewer, sami = found_project(project, "rana"), identify(project, "sami")
    tagging = TaggingService(project, annotator="sami")
    relations = RelationService(project, annotator="sami", tagging=tagging)
    claims, sources = [], []
    for number, (text, date, source, claim) in enumerate(ARTICLES):
        document = DocumentId(add_document(project, text, uid=f"d{number}"))
        with project.transaction() as session:
            session.get(Document, document).published = date
        start = text.index(source)
        sources.append(tagging.create_span(document_id=document, start=start, end=start + len(source), label="SOURCE").span)
        start = text.index(claim)
        claims.append(tagging.create_span(document_id=document, start=start, end=start + len(claim), label="CLAIM").span)
        relations.create(label="ATTRIBUTION", from_span=claims[-1].id, to_span=sources[-1].id)
    relations.create(label="SUPPORT", from_span=claims[1].id, to_span=claims[0].id)
    relations.create(label="CONTRADICTION", from_span=claims[2].id, to_span=claims[0].id)
    ClaimLinks(project, sami).link(claims[0].id, claims[1].id)
    registry = SourceRegistry(project, reviewer)
    obama = next(iter(registry.add("باراك أوباما", "person").sources))
    registry.link(sources[0].id, obama)
    registry.link(sources[1].id, obama)
    uid = registry.entries()[0].uid
    return reviewer, claims, uid


def test_a_source_view_lists_its_claims_by_date_with_what_contradicts_them(project: Project, corpus) -> None:
    reviewer, claims, obama = corpus
    view = source_claims(project, reviewer, obama)
    assert [item.claim.span_id for item in view] == [claims[0].id, claims[1].id]
    assert [c.span_id for c in view[0].contradicted_by] == [claims[2].id]
    assert [c.span_id for c in view[0].supported_by] == [claims[1].id]  # the support and the same-claim link: once
    assert view[1].contradicted_by == ()

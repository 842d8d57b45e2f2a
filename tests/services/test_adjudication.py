"""Adjudication: aligned versions, accepting into gold with provenance, rejecting, accept-all-that-agree."""

from __future__ import annotations

import pytest

from annotator.core.model import DocumentId, DocumentStatus
from annotator.services.annotation.adjudication import Adjudication, Kind
from annotator.services.team.identity import GOLD, AccessError, Role, identify
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.project import Project
from tests.conftest import add_document

TEXT = "قال مسؤول كبير إن الرئيس بعث رسالة إلى طهران أمس، ونفت البعثة ذلك."


def span(project: Project, name: str, doc: DocumentId, phrase: str, label: str, **attributes: str) -> None:
    start = TEXT.index(phrase)
    TaggingService(project, annotator=name).create_span(
        document_id=doc, start=start, end=start + len(phrase), label=label, attributes=attributes
    )


@pytest.fixture
def doc(project: Project) -> DocumentId:
    doc = DocumentId(add_document(project, TEXT))
    for name in ("lina", "omar"):
        span(project, name, doc, "مسؤول كبير", "SOURCE", source_type="unnamed_official")
    span(project, "lina", doc, "الرئيس بعث رسالة إلى طهران", "CLAIM")
    span(project, "omar", doc, "بعث رسالة إلى طهران أمس", "CLAIM")
    span(project, "lina", doc, "نفت", "CUE", speech_act="deny")
    span(project, "omar", doc, "نفت", "CUE", speech_act="report")
    span(project, "lina", doc, "البعثة", "SOURCE")
    identify(project, "rev", Role.REVIEWER)
    return doc


def test_versions_are_aligned_by_kind(project: Project, doc: DocumentId) -> None:
    groups = Adjudication(project, reviewer="rev").groups(doc)
    assert [(g.kind, TEXT[g.start : g.end]) for g in groups] == [
        (Kind.AGREE, "مسؤول كبير"),
        (Kind.CONFLICT, "الرئيس بعث رسالة إلى طهران أمس"),
        (Kind.ATTRIBUTES, "نفت"),
        (Kind.PARTIAL, "البعثة"),
    ]
    conflict = groups[1]
    assert [(v.text, v.annotators) for v in conflict.versions] == [
        ("الرئيس بعث رسالة إلى طهران", ("lina",)),
        ("بعث رسالة إلى طهران أمس", ("omar",)),
    ]


def test_accept_reject_and_accept_all_that_agree(project: Project, doc: DocumentId) -> None:
    reviewer = Adjudication(project, reviewer="rev")
    assert [s.text for s in reviewer.accept_all_agreeing(doc)] == ["مسؤول كبير"]
    assert reviewer.accept_all_agreeing(doc) == []  # already settled
    conflict = reviewer.groups(doc)[1]
    accepted = reviewer.accept(doc, conflict.versions[1])
    assert accepted.derived_from == ("omar",) and accepted.annotator == GOLD
    reviewer.reject(doc, reviewer.groups(doc)[3])
    groups = reviewer.groups(doc)
    assert [g.settled for g in groups] == [True, True, False, True]
    assert reviewer.status(doc) == DocumentStatus.IN_PROGRESS
    gold = TaggingService(project, annotator="rev", layer=GOLD).spans(doc)
    assert [(s.text, s.derived_from) for s in gold] == [("مسؤول كبير", ("lina", "omar")), ("بعث رسالة إلى طهران أمس", ("omar",))]
    reviewer.reject(doc, groups[3], rejected=False)
    assert not reviewer.groups(doc)[3].settled


def test_annotators_cannot_adjudicate(project: Project, doc: DocumentId) -> None:
    with pytest.raises(AccessError, match="only a reviewer may adjudicate"):
        Adjudication(project, reviewer="lina")


def test_links_are_aligned_and_accepted_once_their_spans_are_gold(project: Project, doc: DocumentId) -> None:
    from annotator.services.annotation.relations import RelationService

    for name in ("lina", "omar"):
        tagger = TaggingService(project, annotator=name)
        spans = {s.text: s for s in tagger.spans(doc)}
        claim = next(s for s in spans.values() if s.label == "CLAIM")
        RelationService(project, annotator=name, tagging=tagger).create(
            label="ATTRIBUTION", from_span=claim.id, to_span=spans["مسؤول كبير"].id
        )
    reviewer = Adjudication(project, reviewer="rev")
    links = reviewer.link_groups(doc)
    assert [(l.label, l.source_text, l.annotators, l.kind) for l in links] == [
        ("ATTRIBUTION", "الرئيس بعث رسالة إلى طهران", ("lina",), Kind.PARTIAL),
        ("ATTRIBUTION", "بعث رسالة إلى طهران أمس", ("omar",), Kind.PARTIAL),
    ]
    with pytest.raises(Exception, match="accept both of this link's spans"):
        reviewer.accept_link(doc, links[1])
    reviewer.accept(doc, reviewer.groups(doc)[0].versions[0])
    reviewer.accept(doc, reviewer.groups(doc)[1].versions[1])
    relation = reviewer.accept_link(doc, links[1])
    assert relation.annotator == GOLD
    reviewer.reject_link(doc, links[0])
    assert [l.settled for l in reviewer.link_groups(doc)] == [True, True]

"""Same-claim links, clusters, and claims like a given one across the corpus."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId
from annotator.services.annotation.tagging import TaggingService
from annotator.services.corpus.claims import ClaimLinks, candidates_for, clusters, similar_claims
from annotator.services.team.identity import AccessError, identify
from annotator.storage.models import ClaimLink, Span
from annotator.storage.project import Project
from tests.conftest import add_document

TEXTS = [
    "قال مسؤول إن أوباما بعث رسالة سرية إلى خامنئي الشهر الماضي.",
    "وأكدت الصحيفة أن الرئيس أوباما أرسل الرسالة السرية إلى المرشد خامنئي.",
    "ونفت البعثة الإيرانية أن تكون أي رسالة قد وصلت.",
    "ارتفعت أسعار النفط في الأسواق العالمية اليوم.",
]
CLAIMS = ["أوباما بعث رسالة سرية إلى خامنئي", "الرئيس أوباما أرسل الرسالة السرية إلى المرشد خامنئي",
          "أي رسالة قد وصلت", "ارتفعت أسعار النفط في الأسواق العالمية"]


@pytest.fixture
def claims(project: Project):
    tagging = TaggingService(project, annotator="sami")
    made = []
    for text, claim in zip(TEXTS, CLAIMS):
        document = DocumentId(add_document(project, text))
        start = text.index(claim)
        made.append(tagging.create_span(document_id=document, start=start, end=start + len(claim), label="CLAIM").span)
    return made


def test_the_most_similar_claims_come_first_with_their_offsets(project: Project, claims) -> None:
    found = similar_claims(project, claims[0].text, exclude=claims[0].id)
    assert [(c.span_id, c.document_id, c.start, c.end, c.text) for c in found[:1]] == [
        (claims[1].id, claims[1].document_id, 17, 68, "الرئيس أوباما أرسل الرسالة السرية إلى المرشد خامنئي")
    ]
    assert TEXTS[1][found[0].start:found[0].end] == found[0].text
    assert [c.span_id for c in found] == [claims[1].id, claims[2].id]  # the oil prices share no word
    assert found[0].score > found[1].score > 0
    assert [c.relation for c in found] == ["support", "support"]  # no denial in either, words apart
    assert similar_claims(project, claims[0].text, layers=["nobody"]) == []
    assert similar_claims(project, "في من على") == []  # function words only


def test_same_claim_links_form_clusters_named_by_their_smallest_uid(project: Project, claims) -> None:
    links = ClaimLinks(project, identify(project, "sami"))
    a, b, c, d = claims
    changes = links.link(a.id, b.id)
    assert changes.corpus_links == {a.document_id, b.document_id}
    links.link(c.id, b.id, confirmed=False)
    assert clusters(project) == {a.id: f"cluster-{min(a.uid, b.uid)}", b.id: f"cluster-{min(a.uid, b.uid)}"}
    everything = clusters(project, confirmed_only=False)
    assert set(everything) == {a.id, b.id, c.id} and len(set(everything.values())) == 1
    assert links.link(b.id, c.id).count == 1  # confirming the suggestion, from either end
    assert links.link(c.id, b.id, confirmed=False) == links.link(c.id, b.id, confirmed=False)  # no undoing a confirmation
    assert len(set(clusters(project).values())) == 1 and d.id not in clusters(project)
    with project.reading() as session:
        assert [(r.from_span_id, r.to_span_id, r.confirmed) for r in session.scalars(select(ClaimLink).order_by(ClaimLink.id))] == [
            (a.id, b.id, True), (c.id, b.id, True)]
    assert links.unlink(b.id, a.id).count == 1
    assert set(clusters(project)) == {b.id, c.id}
    with project.transaction() as session:  # deleting a claim takes its links
        session.delete(session.get(Span, c.id))
    assert clusters(project) == {}


def test_links_are_refused_between_non_claims_and_in_others_layers(project: Project, claims) -> None:
    a, b, *_ = claims
    source = TaggingService(project, annotator="sami").create_span(document_id=a.document_id, start=4, end=9, label="SOURCE").span
    links = ClaimLinks(project, identify(project, "sami"))
    with pytest.raises(AnnotatorError, match="is a SOURCE, not a CLAIM"):
        links.link(a.id, source.id)
    with pytest.raises(AnnotatorError, match="as itself"):
        links.link(a.id, a.id)
    with pytest.raises(AccessError, match="huda may not write sami's layer"):
        ClaimLinks(project, identify(project, "huda")).link(a.id, b.id)
    assert links.links() == []


def test_a_denial_is_offered_as_a_contradiction_and_nearly_the_same_words_as_the_same_claim(project: Project, claims) -> None:
    tagging = TaggingService(project, annotator="sami")
    text = "وقال مسؤول إن أوباما لم يبعث رسالة سرية إلى خامنئي. وكرر أن أوباما بعث رسالة سرية إلى خامنئي."
    document = DocumentId(add_document(project, text))
    denial = tagging.create_span(document_id=document, start=text.index("أوباما لم"), end=text.index(". وكرر"), label="CLAIM").span
    same = text.rindex("أوباما بعث")
    tagging.create_span(document_id=document, start=same, end=len(text) - 1, label="CLAIM")
    found = {c.text: c.relation for c in similar_claims(project, claims[0].text, exclude=claims[0].id)}
    assert found[denial.text] == "contradiction"
    assert found["أوباما بعث رسالة سرية إلى خامنئي"] == "same"
    tagging.update_span(claims[0].id, attributes={"polarity": "deny"})  # the annotator says the first claim denies
    found = {c.text: c.relation for c in similar_claims(project, claims[0].text, exclude=claims[0].id)}
    assert (found[denial.text], found["أوباما بعث رسالة سرية إلى خامنئي"]) == ("same", "contradiction")  # the attribute speaks for it


def test_candidates_respect_blind_mode(project: Project, claims) -> None:
    other = TaggingService(project, annotator="huda")
    copy = other.create_span(document_id=claims[1].document_id, start=claims[1].start, end=claims[1].end, label="CLAIM").span
    sami = identify(project, "sami")
    assert [c.span_id for c in candidates_for(project, sami, claims[0].id)] == [claims[1].id, claims[2].id]  # not huda's copy
    assert copy.id in [c.span_id for c in similar_claims(project, claims[0].text)]
    with pytest.raises(AnnotatorError, match="no span with id 999"):
        candidates_for(project, sami, 999)

"""Adjudication: aligned versions, accepting into gold with provenance, rejecting, accept-all-that-agree."""

from __future__ import annotations

import pytest

from annotator.core.changes import Change, StateChange
from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId, DocumentStatus
from annotator.services.annotation.adjudication import REJECTED_KEY, REJECTED_LINKS_KEY, Adjudication, Kind
from annotator.services.team.identity import GOLD, AccessError, Role, identify
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.project import Project
from tests.conftest import add_document

TEXT = "قال مسؤول كبير إن الرئيس بعث رسالة إلى طهران أمس، ونفت البعثة ذلك."


def span(project: Project, name: str, doc: DocumentId, phrase: str, label: str, **attributes: str) -> None:
    start = TEXT.index(phrase)
    TaggingService(project, annotator=name).create_span(
        document_id=doc, start=start, end=start + len(phrase), label=label, attributes=attributes
    ).span


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
    changes = reviewer.accept_all_agreeing(doc)
    assert [s.text for s in changes.span_records(Change.ADDED)] == ["مسؤول كبير"]
    assert changes.states == (StateChange(doc, GOLD, DocumentStatus.IN_PROGRESS),)
    assert not reviewer.accept_all_agreeing(doc)  # already settled
    conflict = reviewer.groups(doc)[1]
    accepted = reviewer.accept(doc, conflict.versions[1]).span
    assert accepted.derived_from == ("omar",) and accepted.annotator == GOLD
    rejected = reviewer.reject(doc, reviewer.groups(doc)[3])
    assert rejected.settings == {REJECTED_KEY.format(document=doc)} and not rejected.spans
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
        ).relation
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
    relation = reviewer.accept_link(doc, links[1]).relation
    assert relation.annotator == GOLD
    assert reviewer.reject_link(doc, links[0]).settings == {REJECTED_LINKS_KEY.format(document=doc)}
    assert [l.settled for l in reviewer.link_groups(doc)] == [True, True]
    with pytest.raises(AnnotatorError, match="already joined"):
        reviewer.accept_link(doc, links[1])


def link(project: Project, name: str, doc: DocumentId, claim: str, source: str) -> None:
    from annotator.services.annotation.relations import RelationService

    tagger = TaggingService(project, annotator=name)
    spans = {s.text: s for s in tagger.spans(doc)}
    RelationService(project, annotator=name, tagging=tagger).create(
        label="ATTRIBUTION", from_span=spans[claim].id, to_span=spans[source].id
    )


def gold_rows(project: Project) -> tuple[list[tuple], list[tuple], str | None]:
    """Every gold span and relation as stored, and the document's rejection marks."""
    from sqlalchemy import select

    from annotator.storage.models import Annotator, Relation, Span

    with project.reading() as session:
        spans = session.execute(
            select(Span.id, Span.label, Span.start, Span.end).join(Annotator, Annotator.id == Span.annotator_id)
            .where(Annotator.name == GOLD).order_by(Span.id)
        ).all()
        relations = session.execute(
            select(Relation.id, Relation.label, Relation.from_span_id, Relation.to_span_id)
            .join(Annotator, Annotator.id == Relation.annotator_id).where(Annotator.name == GOLD).order_by(Relation.id)
        ).all()
    return [tuple(row) for row in spans], [tuple(row) for row in relations], project.setting(REJECTED_KEY.format(document=1))


def fail_when(project: Project, table: str, when: str, event: str = "INSERT") -> None:
    """A trigger that aborts the statement that writes a row matching `when` (NEW for inserts, OLD for deletes)."""
    from sqlalchemy import text

    with project.transaction() as session:
        if project.is_server:  # PostgreSQL: the trigger calls a function that raises when the condition holds
            name = f"refuse_{table}_{event.lower()}"
            session.execute(text(
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
                f"$$ BEGIN IF {when} THEN RAISE EXCEPTION 'the disk is on fire'; END IF; RETURN coalesce(NEW, OLD); END $$"
            ))
            session.execute(text(f"CREATE TRIGGER {name} BEFORE {event} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()"))
            return
        session.execute(text(
            f"CREATE TRIGGER refuse_{table}_{event.lower()} BEFORE {event} ON {table} WHEN {when} "
            "BEGIN SELECT RAISE(ABORT, 'the disk is on fire'); END"
        ))


GOLD_ID = "(SELECT id FROM annotators WHERE name = 'gold')"


@pytest.fixture
def agreeing(project: Project, doc: DocumentId) -> DocumentId:
    """Three spans and one link that everyone made."""
    for name in ("lina", "omar"):
        span(project, name, doc, "قال", "CUE", speech_act="report")
        span(project, name, doc, "ذلك", "CLAIM")
        link(project, name, doc, "ذلك", "مسؤول كبير")
    link(project, "lina", doc, "ذلك", "البعثة")  # lina's alone: not accepted
    return doc


def test_accept_all_that_agree_writes_its_spans_and_links_together(project: Project, agreeing: DocumentId) -> None:
    reviewer = Adjudication(project, reviewer="rev")
    changes = reviewer.accept_all_agreeing(agreeing)
    assert [s.text for s in changes.span_records(Change.ADDED)] == ["قال", "مسؤول كبير", "ذلك"]
    [relation] = changes.relation_records(Change.ADDED)
    assert (relation.label, relation.annotator) == ("ATTRIBUTION", GOLD)
    assert changes.relations[0].documents == (agreeing, agreeing)
    spans, relations, _marks = gold_rows(project)
    assert len(spans) == 3 and len(relations) == 1


@pytest.mark.parametrize("where", ["second span", "the link"])
def test_accept_all_that_agree_is_all_or_nothing(project: Project, agreeing: DocumentId, where: str) -> None:
    reviewer = Adjudication(project, reviewer="rev")
    reviewer.accept(agreeing, reviewer.groups(agreeing)[2].versions[1])  # something in gold already
    before = gold_rows(project)
    if where == "second span":  # the first of the new gold spans goes in, the second fails
        fail_when(project, "spans", f"NEW.annotator_id = {GOLD_ID} AND (SELECT count(*) FROM spans WHERE annotator_id = NEW.annotator_id) >= 2")
    else:  # every span goes in, then the link fails
        fail_when(project, "relations", f"NEW.annotator_id = {GOLD_ID}")
    with pytest.raises(Exception, match="the disk is on fire"):
        reviewer.accept_all_agreeing(agreeing)
    assert gold_rows(project) == before
    assert [g.settled for g in reviewer.groups(agreeing)] == [False, False, True, False, False, False]


def test_reject_deletes_the_gold_spans_in_the_group_and_can_be_undone(project: Project, agreeing: DocumentId) -> None:
    reviewer = Adjudication(project, reviewer="rev")
    reviewer.accept_all_agreeing(agreeing)
    conflict = reviewer.groups(agreeing)[2]
    reviewer.accept(agreeing, conflict.versions[0])
    reviewer.accept(agreeing, conflict.versions[1])
    before = gold_rows(project)
    removed = reviewer.reject(agreeing, reviewer.groups(agreeing)[2])
    assert sorted(s.text for s in removed.span_records(Change.REMOVED)) == sorted(v.text for v in conflict.versions)
    assert reviewer.groups(agreeing)[2].rejected and not reviewer.groups(agreeing)[2].gold
    restored = reviewer.unreject(agreeing, conflict, removed)
    assert {s.id for s in restored.span_records(Change.ADDED)} == {s.id for s in removed.span_records(Change.REMOVED)}
    assert gold_rows(project)[:2] == before[:2]
    assert not reviewer.groups(agreeing)[2].rejected


def test_reject_is_all_or_nothing(project: Project, agreeing: DocumentId) -> None:
    reviewer = Adjudication(project, reviewer="rev")
    reviewer.accept_all_agreeing(agreeing)
    conflict = reviewer.groups(agreeing)[2]
    first = reviewer.accept(agreeing, conflict.versions[0]).span
    second = reviewer.accept(agreeing, conflict.versions[1]).span
    assert first.id < second.id
    before = gold_rows(project)
    fail_when(project, "spans", f"OLD.id = {second.id}", event="DELETE")  # the first gold span goes, the second fails
    with pytest.raises(Exception, match="the disk is on fire"):
        reviewer.reject(agreeing, reviewer.groups(agreeing)[2])
    assert gold_rows(project) == before
    assert not reviewer.groups(agreeing)[2].rejected


def test_withdraw_takes_back_an_accept_and_restore_puts_the_same_rows_back(project: Project, agreeing: DocumentId) -> None:
    reviewer = Adjudication(project, reviewer="rev")
    added = reviewer.accept_all_agreeing(agreeing)
    after = gold_rows(project)
    removed = reviewer.withdraw(added)
    assert gold_rows(project)[:2] == ([], [])
    assert len(removed.span_records(Change.REMOVED)) == 3 and len(removed.relation_records(Change.REMOVED)) == 1
    reviewer.restore(removed)
    assert gold_rows(project) == after


def test_a_reviewer_demoted_meanwhile_writes_nothing(project: Project, doc: DocumentId) -> None:
    reviewer = Adjudication(project, reviewer="rev")
    reviewer.reviewer = identify(project, "rev", Role.ANNOTATOR)
    with pytest.raises(AccessError):
        reviewer.accept_all_agreeing(doc)
    assert gold_rows(project)[0] == []

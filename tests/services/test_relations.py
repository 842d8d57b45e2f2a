"""Relation rules from the scheme, enforced by the storage layer; delete cascades and comes back."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from annotator.core.errors import AnnotatorError, SchemeError
from annotator.core.model import DocumentId
from annotator.services.annotation.relations import RelationService
from annotator.services.annotation.tagging import TaggingService
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
        return tagger.create_span(document_id=doc, start=start, end=start + len(phrase), label=label).span

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
    ).relation
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
    ).relation
    with pytest.raises(AnnotatorError, match="another annotator"):
        RelationService(project, annotator="omar").delete(mine.id)


def test_cross_document_relations_round_trip_through_jsonl(project: Project, spans: dict, tmp_path) -> None:  # noqa: ANN001
    import json

    from annotator.services.io.datasets import export_dataset
    from annotator.services.io.importing import import_paths
    from annotator.services.io.formats.jsonl import record_validator

    relations = RelationService(project, annotator="maha")
    relations.create(label="ATTRIBUTION", from_span=spans["claim"].id, to_span=spans["source"].id)
    relations.create(label="CONTRADICTION", from_span=spans["claim"].id, to_span=spans["denial"].id, attributes={"type": "negation"})
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    export_dataset(project, first, format="jsonl")
    records = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    for record in records:
        record_validator().validate(record)
    crossing = [r for record in records for r in record["relations"] if "to_document" in r]
    assert [(r["label"], r["from_document"], r["to_document"]) for r in crossing] == [
        ("CONTRADICTION", records[0]["id"], records[1]["id"])
    ]
    with Project.create(tmp_path / "fresh.db") as fresh:
        assert import_paths(fresh, [first], annotator="x").errors == []
        export_dataset(fresh, second, format="jsonl")
        assert import_paths(fresh, [first], annotator="x").skipped  # again: nothing new, no error
        with fresh.reading() as session:
            assert session.scalar(select(func.count(Relation.id))) == 2
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_import_refuses_a_relation_the_scheme_forbids(project: Project, tmp_path) -> None:  # noqa: ANN001
    import json

    from annotator.services.io.importing import import_paths

    text = "قال مسؤول ومصدر آخر."
    record = {
        "id": "d", "text": text, "relations": [{"id": "r", "label": "ATTRIBUTION", "from": "a", "to": "b"}],
        "spans": [{"id": "a", "label": "SOURCE", "start": 4, "end": 9, "text": "مسؤول"},
                  {"id": "b", "label": "SOURCE", "start": 10, "end": 15, "text": "ومصدر"}],
    }
    other = {"id": "e", "text": "نص آخر.", "spans": [], "relations": [
        {"id": "x", "label": "SUPPORT", "from": "a", "to": "zz", "from_document": "d", "to_document": "e"}]}
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    [error] = import_paths(project, [path], annotator="x").errors
    assert str(error) == f"{path}:1: relation 'r': ATTRIBUTION cannot join a SOURCE to a SOURCE"
    record["relations"] = []
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n" + json.dumps(other, ensure_ascii=False), encoding="utf-8")
    [error] = import_paths(project, [path], annotator="x").errors
    assert str(error) == f"{path}:2: relation 'x': its 'to' end 'zz' is not a span of this record"
    assert count_relations(project) == 0


def test_candidates_follow_the_scheme_and_list_the_own_document_first(project: Project, spans: dict) -> None:
    relations = RelationService(project, annotator="maha")
    relations.create(label="ATTRIBUTION", from_span=spans["denial"].id, to_span=spans["mission"].id)
    within = relations.candidates(label="ATTRIBUTION", from_span=spans["claim"].id)
    assert [c.end.label for c in within] == ["CUE", "SOURCE"]  # in reading order, this document only
    across = relations.candidates(label="CONTRADICTION", from_span=spans["claim"].id)
    assert [(c.end.span_id, c.source_text) for c in across] == [(spans["denial"].id, "البعثة")]
    assert relations.candidates(label="ATTRIBUTION", from_span=spans["source"].id) == []
    with pytest.raises(AnnotatorError, match="another annotator"):
        RelationService(project, annotator="omar").candidates(label="SUPPORT", from_span=spans["claim"].id)

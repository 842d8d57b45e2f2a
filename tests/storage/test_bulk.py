"""The bulk-write path keeps the storage rules, and SQLite-specific statements live only in storage/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from annotator.core.errors import SchemeError
from annotator.storage import bulk
from annotator.storage.models import Document, Relation, Span, utcnow
from annotator.storage.project import Project

ROOT = Path(__file__).resolve().parents[2]
TEXT = "قال مسؤول أمريكي كبير إن الرسالة وصلت."
OTHER = "نفت البعثة أن تكون تلقت أي رسالة."


def documents_with_spans(project: Project) -> dict[str, int]:
    """Two documents and three spans, through the bulk path; the span ids by name."""
    now = utcnow()
    with project.transaction() as session:
        first, second = bulk.insert_documents(session, [
            {"uid": uid, "sha256": uid * 64, "title": uid, "text": text, "meta": {}, "imported_at": now}
            for uid, text in (("a", TEXT), ("b", OTHER))
        ])
        who = project.annotator_id(session, "lina")
        spans = [("claim", first, "CLAIM", 26, 38), ("source", first, "SOURCE", 4, 21), ("denial", second, "CLAIM", 4, 10)]
        ids = bulk.insert_spans(session, [
            {"uid": name, "document_id": doc, "annotator_id": who, "label": label, "start": start, "end": end,
             "text": (TEXT if doc == first else OTHER)[start:end], "attributes": {}, "note": "", "derived_from": [],
             "created_at": now, "updated_at": now}
            for name, doc, label, start, end in spans
        ])
        return {"who": who, **{name: span_id for (name, *_), span_id in zip(spans, ids)}}


def relation(label: str, source: int, target: int, who: int, **attributes: str) -> dict:
    now = utcnow()
    return {"uid": f"{label}-{source}-{target}", "label": label, "from_span_id": source, "to_span_id": target, "annotator_id": who,
            "attributes": attributes, "note": "", "created_at": now, "updated_at": now}


@pytest.mark.parametrize(
    ("case", "message"),
    [
        (("ATTRIBUTION", "source", "claim"), "ATTRIBUTION cannot join a SOURCE to a CLAIM"),
        (("ATTRIBUTION", "claim", "denial"), "ATTRIBUTION cannot join a CLAIM to a CLAIM"),
        (("SUPPORT", "claim", "claim"), "a span cannot be related to itself"),
        (("CONTRADICTION", "claim", "denial", {"type": "sarcasm"}), "'sarcasm' is not one of"),
        (("INVENTED", "claim", "source"), "unknown relation label 'INVENTED'"),
    ],
    ids=["wrong-direction", "wrong-labels", "self", "attribute", "unknown"],
)
def test_a_relation_the_scheme_forbids_is_refused_on_the_bulk_path(project: Project, case: tuple, message: str) -> None:
    ids = documents_with_spans(project)
    label, source, target, *attributes = case
    with pytest.raises(SchemeError, match=message), project.transaction() as session:
        bulk.insert_relations(session, project.scheme, [
            relation("SUPPORT", ids["claim"], ids["denial"], ids["who"]),  # allowed, and refused with the rest
            relation(label, ids[source], ids[target], ids["who"], **(attributes[0] if attributes else {})),
        ])
    with project.reading() as session:
        assert session.scalar(select(func.count(Relation.id))) == 0


def test_a_cross_document_relation_that_may_not_cross_is_refused_and_one_that_may_goes_in(project: Project) -> None:
    ids = documents_with_spans(project)
    with project.transaction() as session:  # ATTRIBUTION joins a CLAIM to a SOURCE, within one document only
        span_id = bulk.insert_spans(session, [{
            "uid": "far", "document_id": 2, "annotator_id": ids["who"], "label": "SOURCE", "start": 0, "end": 3, "text": OTHER[:3],
            "attributes": {}, "note": "", "derived_from": [], "created_at": utcnow(), "updated_at": utcnow(),
        }])[0]
    with pytest.raises(SchemeError, match="cannot join spans in different documents"), project.transaction() as session:
        bulk.insert_relations(session, project.scheme, [relation("ATTRIBUTION", ids["claim"], span_id, ids["who"])])
    with project.transaction() as session:
        bulk.insert_relations(session, project.scheme, [relation("CONTRADICTION", ids["claim"], ids["denial"], ids["who"], type="negation")])
    with project.reading() as session:
        assert session.scalars(select(Relation.label)).all() == ["CONTRADICTION"]


def test_bulk_documents_are_found_by_the_search_index(project: Project) -> None:
    from annotator.services.documents.search import search_corpus

    documents_with_spans(project)
    assert [result.title for result in search_corpus(project, "البعثه")] == ["b"]
    with project.reading() as session:
        assert session.scalar(select(func.count(Document.id))) == 2
        assert session.scalar(select(func.count(Span.id))) == 3


SQLITE_ONLY = re.compile(
    r"PRAGMA|BEGIN IMMEDIATE|\bMATCH\b|\browid\b|sqlite_master|INSERT OR|\bRETURNING\b|\.returning\(|exec_driver_sql|"
    r"driver_connection|import sqlite3|\btext\(\s*[\"']|document_search"
)


def test_sqlite_specific_statements_live_only_in_storage() -> None:
    """So that a second database backend touches storage/ only."""
    offenders = []
    for path in sorted((ROOT / "annotator").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("annotator/storage/"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if SQLITE_ONLY.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []

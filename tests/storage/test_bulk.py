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


@pytest.mark.sqlite_only("the values SQLite stores for each column type")
def test_bulk_rows_are_stored_as_the_orm_stores_them(project: Project) -> None:
    """Times (with and without microseconds), JSON objects, lists and texts: the same stored values as the ORM's."""
    import sqlite3
    from datetime import datetime

    when = [datetime(2026, 1, 2, 3, 4, 5), datetime(2026, 1, 2, 3, 4, 5, 60)]
    with project.transaction() as session:
        first, second = bulk.insert_documents(session, [
            {"uid": uid, "sha256": uid * 64, "title": uid, "source": None, "url": None, "published": None, "text": text,
             "meta": {"k": [1, "ب"]} if uid == "a" else {}, "imported_at": when[0]}
            for uid, text in (("a", TEXT), ("b", OTHER))
        ])
        who = project.annotator_id(session, "lina")
        bulk.insert_spans(session, [
            {"uid": f"bulk{n}", "document_id": first, "annotator_id": who, "label": "CLAIM", "start": 26, "end": 38,
             "text": TEXT[26:38], "attributes": attributes, "note": "", "derived_from": derived, "created_at": moment,
             "updated_at": moment}
            for n, (moment, attributes, derived) in enumerate(zip(when, ({}, {"certainty": "high"}), ([], ["x"])))
        ])
        for n, (moment, attributes, derived) in enumerate(zip(when, ({}, {"certainty": "high"}), ([], ["x"]))):
            session.add(Span(uid=f"orm{n}", document_id=second, annotator_id=who, label="CLAIM", start=4, end=10,
                             text=OTHER[4:10], attributes=attributes, note="", derived_from=derived, created_at=moment,
                             updated_at=moment))
        session.add(Document(uid="c", sha256="c" * 64, title="c", text="ج", meta={"k": [1, "ب"]}, imported_at=when[0]))
    with sqlite3.connect(project.path) as raw:
        spans = raw.execute("SELECT uid, created_at, updated_at, attributes, derived_from FROM spans ORDER BY uid").fetchall()
        documents = raw.execute("SELECT uid, meta, imported_at FROM documents ORDER BY uid").fetchall()
    by_uid = {uid: rest for uid, *rest in spans}
    assert by_uid["bulk0"] == by_uid["orm0"] and by_uid["bulk1"] == by_uid["orm1"]
    assert by_uid["bulk0"][0] == "2026-01-02 03:04:05.000000"
    assert documents[0][1:] == documents[2][1:]

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from annotator.core.errors import ProjectError
from annotator.core.model import DocumentId, DocumentStatus
from annotator.services.documents import progress as documents
from annotator.services.annotation.tagging import TaggingService
from annotator.storage import migrate
from annotator.storage.models import Document, Relation, Span, utcnow
from annotator.core.scheme import default_scheme
from annotator.storage.engine import make_engine
from annotator.storage.project import Project
from tests.conftest import add_document

TEXT = "قال مسؤول أمريكي كبير إن الرسالة وصلت."


@pytest.mark.sqlite_only("SQLite pragmas; tests/storage/test_server.py checks the PostgreSQL settings")
def test_connections_use_wal_foreign_keys_and_a_busy_timeout(project: Project) -> None:
    with project.reading() as session:
        pragma = lambda name: session.connection().exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 10000


def test_spans_survive_closing_and_reopening(project_path: Path) -> None:
    with Project.create(project_path) as project:
        doc = DocumentId(add_document(project, TEXT))
        span = TaggingService(project, annotator="salma").create_span(
            document_id=doc, start=4, end=21, label="SOURCE", attributes={"source_type": "unnamed_official"}
        ).span
    with Project.open(project_path) as reopened:
        spans = TaggingService(reopened, annotator="salma").spans(doc)
        assert [(s.id, s.label, s.start, s.end, s.text, s.attributes) for s in spans] == [
            (span.id, "SOURCE", 4, 21, "مسؤول أمريكي كبير", {"source_type": "unnamed_official"})
        ]
        assert documents.list_documents(reopened, annotator="salma")[0].status == DocumentStatus.IN_PROGRESS
        assert documents.list_documents(reopened, annotator="other")[0].status == DocumentStatus.NEW


def test_the_database_refuses_bad_offsets_and_dangling_rows(project: Project) -> None:
    doc = add_document(project, TEXT)
    service = TaggingService(project, annotator="a")
    span = service.create_span(document_id=DocumentId(doc), start=0, end=3, label="CUE").span
    with pytest.raises(IntegrityError), project.transaction() as session:
        session.add(Span(uid="x", document_id=doc, annotator_id=1, label="CUE", start=5, end=5, text=""))
    with pytest.raises(IntegrityError), project.transaction() as session:  # below the ORM's own checks
        session.execute(
            insert(Relation).values(uid="r", label="SUPPORT", from_span_id=span.id, to_span_id=9999, annotator_id=1,
                                    attributes={}, note="", created_at=utcnow(), updated_at=utcnow())
        )


def test_deleting_a_document_cascades_to_its_spans(project: Project) -> None:
    doc = add_document(project, TEXT)
    TaggingService(project, annotator="a").create_span(document_id=DocumentId(doc), start=0, end=3, label="CUE").span
    with project.transaction() as session:
        session.delete(session.get(Document, doc))
    with project.reading() as session:
        assert session.scalars(select(Span)).all() == []


def test_a_baseline_file_is_upgraded_on_open_and_keeps_its_rows(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "old.db"
    engine = make_engine(path)
    config = migrate.alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_baseline")
    with sqlite3.connect(path) as raw:
        raw.execute("INSERT INTO settings VALUES ('format', 'annotator-project')")
        raw.execute("INSERT INTO settings VALUES ('scheme', ?)", (default_scheme().to_json(),))
        raw.execute("INSERT INTO annotators (id, name, role, created_at) VALUES (1, 'old', 'annotator', '2026-01-01')")
        raw.execute(
            "INSERT INTO documents (id, uid, sha256, title, text, meta, imported_at) "
            "VALUES (1, 'd', 'x', 't', ?, '{}', '2026-01-01')",
            (TEXT,),
        )
        raw.execute(
            "INSERT INTO spans (id, uid, document_id, annotator_id, label, start, \"end\", text, attributes, note, created_at, updated_at) "
            "VALUES (1, 's', 1, 1, 'CUE', 0, 3, 'قال', '{}', '', '2026-01-01', '2026-01-01'), "
            "(2, 't', 1, 1, 'SOURCE', 4, 21, 'مسؤول أمريكي كبير', '{}', '', '2026-01-01', '2026-01-01'), "
            "(3, 'u', 1, 1, 'CLAIM', 22, 38, ?, '{}', '', '2026-01-01', '2026-01-01')",
            (TEXT[22:38],),
        )
        raw.execute(
            "INSERT INTO relations (id, uid, label, from_span_id, to_span_id, annotator_id, attributes, note, created_at, updated_at) "
            "VALUES (1, 'r', 'ATTRIBUTION', 3, 2, 1, '{}', '', '2026-01-01', '2026-01-01')"
        )
    engine.dispose()
    assert migrate.current_revision(make_engine(path)) == "0001_baseline"
    with Project.open(path) as project:
        assert migrate.current_revision(project.engine) == migrate.head_revision() != "0001_baseline"
        assert [s.text for s in TaggingService(project, annotator="old").spans(DocumentId(1))] == ["قال", TEXT[4:21], TEXT[22:38]]
        with project.reading() as session:  # rebuilding the spans table must not cascade into relations
            assert [(r.from_span_id, r.to_span_id) for r in session.scalars(select(Relation))] == [(3, 2)]
        with project.reading() as session:
            assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_files_that_are_not_projects_get_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no such project file"):
        Project.open(tmp_path / "missing.db")
    text_file = tmp_path / "notes.db"
    text_file.write_text("hello")
    with pytest.raises(ProjectError, match="not an SQLite database"):
        Project.open(text_file)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE t (x)")
    with pytest.raises(ProjectError, match="not an annotator project"):
        Project.open(other)
    assert not (tmp_path / "missing.db").exists()


def test_creating_over_an_existing_file_is_refused(project: Project) -> None:
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(project.path)


def test_reading_never_waits_for_a_running_write_transaction(project: Project) -> None:
    import time

    add_document(project, TEXT)
    started = time.perf_counter()
    with project.transaction() as session:
        session.add(Document(uid="w", sha256="w" * 64, title="t", text="نص", meta={}))
        session.flush()
        assert len(documents.list_documents(project, annotator="a")) == 1  # the uncommitted row is not seen
    assert time.perf_counter() - started < 5  # a blocked reader would wait for the 10 s busy timeout
    assert len(documents.list_documents(project, annotator="a")) == 2


def test_the_head_constant_names_the_newest_migration() -> None:
    assert migrate.HEAD == migrate.head_revision()

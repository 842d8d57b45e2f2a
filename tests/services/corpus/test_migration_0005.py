"""Migration 0005 (the source registry and same-claim links) on a file made at 0004 that holds annotations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from annotator.core.scheme import default_scheme
from annotator.storage import migrate
from annotator.storage.engine import make_engine
from annotator.storage.models import Base, CanonicalSource, ClaimLink, Relation, SourceLink, Span
from annotator.storage.project import Project

TEXT = "قال الرئيس باراك أوباما إن الرسالة وصلت."


def _file_at_0004(path: Path) -> None:
    from alembic import command

    engine = make_engine(path)
    config = migrate.alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004_search_index")
    engine.dispose()
    with sqlite3.connect(path) as raw:
        raw.execute("INSERT INTO settings VALUES ('format', 'annotator-project')")
        raw.execute("INSERT INTO settings VALUES ('scheme', ?)", (default_scheme().to_json(),))
        raw.execute("INSERT INTO annotators (id, name, role, created_at) VALUES (1, 'old', 'reviewer', '2026-01-01')")
        raw.execute(
            "INSERT INTO documents (id, uid, sha256, title, text, meta, imported_at) VALUES (1, 'd', 'x', 't', ?, '{}', '2026-01-01')",
            (TEXT,),
        )
        raw.execute("INSERT INTO document_search (rowid, folded) VALUES (1, 'قال الرييس باراك اوباما')")
        raw.execute(
            "INSERT INTO spans (id, uid, document_id, annotator_id, label, start, \"end\", text, attributes, note, derived_from, "
            "created_at, updated_at) VALUES "
            "(1, 's', 1, 1, 'SOURCE', 4, 23, ?, '{}', '', '[]', '2026-01-01', '2026-01-01'), "
            "(2, 'c', 1, 1, 'CLAIM', 27, 39, ?, '{}', '', '[]', '2026-01-01', '2026-01-01')",
            (TEXT[4:23], TEXT[27:39]),
        )
        raw.execute(
            "INSERT INTO relations (id, uid, label, from_span_id, to_span_id, annotator_id, attributes, note, created_at, updated_at) "
            "VALUES (1, 'r', 'ATTRIBUTION', 2, 1, 1, '{}', '', '2026-01-01', '2026-01-01')"
        )


def test_a_0004_file_gains_the_registry_tables_and_keeps_its_annotations(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _file_at_0004(path)
    assert migrate.current_revision(make_engine(path)) == "0004_search_index"
    with Project.open(path) as project:
        assert migrate.current_revision(project.engine) == migrate.HEAD  # 0005 and every revision after it
        with project.reading() as session:
            assert [(s.id, s.label, s.start, s.end, s.text) for s in session.scalars(select(Span).order_by(Span.id))] == [
                (1, "SOURCE", 4, 23, "الرئيس باراك أوباما"),
                (2, "CLAIM", 27, 39, "الرسالة وصلت"),
            ]
            assert [(r.from_span_id, r.to_span_id) for r in session.scalars(select(Relation))] == [(2, 1)]
            assert session.scalars(select(CanonicalSource)).all() == []
        with project.transaction() as session:
            source = CanonicalSource(uid="u1", name="باراك أوباما", type="person")
            session.add(source)
            session.flush()
            session.add(SourceLink(span_id=1, source_id=source.id, confirmed=True, annotator_id=1))
        with project.reading() as session:
            link = session.scalars(select(SourceLink)).one()
            assert (link.span_id, link.confirmed, session.get(CanonicalSource, link.source_id).note) == (1, True, "")


def test_the_migration_makes_exactly_the_tables_the_models_describe(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with Project.create(tmp_path / "new.db") as project, project.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    ours = [d for d in differences if not (d[0] == "remove_table" and d[1].name.startswith("document_search"))]
    assert ours == []  # the full-text index is SQLite's virtual table, outside the models


def test_the_database_refuses_unknown_source_types_and_a_claim_linked_to_itself(project: Project) -> None:
    from tests.conftest import add_document

    document = add_document(project, TEXT)
    with project.transaction() as session:
        session.execute(
            Span.__table__.insert().values(id=5, uid="a", document_id=document, annotator_id=project.annotator_id(session, "x"),
                                           label="CLAIM", start=27, end=39, text=TEXT[27:39], attributes={}, note="", derived_from=[])
        )
    with pytest.raises(IntegrityError), project.transaction() as session:
        session.add(CanonicalSource(uid="v", name="x", type="celebrity"))
    with pytest.raises(IntegrityError), project.transaction() as session:
        session.add(ClaimLink(uid="l", from_span_id=5, to_span_id=5, annotator_id=1))
    with project.transaction() as session:  # deleting a span takes its links with it
        session.add(CanonicalSource(id=1, uid="w", name="x", type="anonymous"))
        session.flush()
        session.add(SourceLink(span_id=5, source_id=1, annotator_id=1))
    with project.transaction() as session:
        session.delete(session.get(Span, 5))
    with project.reading() as session:
        assert session.scalars(select(SourceLink)).all() == []

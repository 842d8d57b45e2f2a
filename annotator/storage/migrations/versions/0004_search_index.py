"""Full-text search over a normalized shadow of each document (harakat, tatweel, hamza forms folded).

Revision ID: 0004_search_index
Revises: 0003_assignments_provenance
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from annotator.core.normalize import index_form

revision = "0004_search_index"
down_revision = "0003_assignments_provenance"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _upgrade_server()
        return
    op.execute("CREATE VIRTUAL TABLE document_search USING fts5(folded, tokenize='unicode61 remove_diacritics 0')")
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, text FROM documents"))
    for document_id, text in rows:
        connection.execute(
            sa.text("INSERT INTO document_search (rowid, folded) VALUES (:id, :folded)"), {"id": document_id, "folded": index_form(text)}
        )


def _upgrade_server() -> None:
    """PostgreSQL: the same shadow text as words between spaces (storage/search_index.py), under a trigram
    index when the pg_trgm extension can be had (trusted since PostgreSQL 13: a database owner may create it)."""
    from annotator.storage.search_index import server_form

    connection = op.get_bind()
    trigrams = connection.execute(
        sa.text(
            "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') OR ("
            "EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') "
            "AND has_database_privilege(current_database(), 'CREATE'))"
        )
    ).scalar()
    op.execute(
        "CREATE TABLE document_search (id integer PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE, folded text NOT NULL)"
    )
    if trigrams:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX ix_document_search_folded ON document_search USING gin (folded gin_trgm_ops)")
    rows = connection.execute(sa.text("SELECT id, text FROM documents"))
    for document_id, text in rows.fetchall():
        connection.execute(
            sa.text("INSERT INTO document_search (id, folded) VALUES (:id, :folded)"),
            {"id": document_id, "folded": server_form(index_form(text))},
        )


def downgrade() -> None:
    op.execute("DROP TABLE document_search")

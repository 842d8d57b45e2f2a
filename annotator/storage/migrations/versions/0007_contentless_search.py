"""The SQLite search index keeps no copy of the texts it indexes (an FTS5 contentless table): that copy, the
folded words and their forms without clitics, was four tenths of a project file, and nothing reads it (the
texts are in documents, the hits are found in them). PostgreSQL's index table is unchanged.

Revision ID: 0007_contentless_search
Revises: 0006_list_indexes
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_contentless_search"
down_revision = "0006_list_indexes"
branch_labels = None
depends_on = None

TOKENIZER = "tokenize='unicode61 remove_diacritics 0'"


def upgrade() -> None:
    _rebuild(f"CREATE VIRTUAL TABLE document_search USING fts5(folded, content='', {TOKENIZER})")


def downgrade() -> None:
    _rebuild(f"CREATE VIRTUAL TABLE document_search USING fts5(folded, {TOKENIZER})")


def _rebuild(create: str) -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    from annotator.storage.search_index import index_text

    op.execute("DROP TABLE document_search")
    op.execute(create)
    rows = connection.execute(sa.text("SELECT id, text FROM documents")).fetchall()
    for first in range(0, len(rows), 500):
        connection.execute(
            sa.text("INSERT INTO document_search (rowid, folded) VALUES (:id, :folded)"),
            [{"id": document_id, "folded": index_text(text)} for document_id, text in rows[first : first + 500]],
        )

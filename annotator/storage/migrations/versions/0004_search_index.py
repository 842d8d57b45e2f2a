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
    op.execute("CREATE VIRTUAL TABLE document_search USING fts5(folded, tokenize='unicode61 remove_diacritics 0')")
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, text FROM documents"))
    for document_id, text in rows:
        connection.execute(
            sa.text("INSERT INTO document_search (rowid, folded) VALUES (:id, :folded)"), {"id": document_id, "folded": index_form(text)}
        )


def downgrade() -> None:
    op.execute("DROP TABLE document_search")

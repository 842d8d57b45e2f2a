"""Indexes for the document list on a large corpus: a layer's spans by document, annotator and label (the label
filter reads the index alone), and documents by title (sorting by title reads the first page off the index).

Revision ID: 0006_list_indexes
Revises: 0005_source_registry
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0006_list_indexes"
down_revision = "0005_source_registry"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_spans_document_annotator", table_name="spans")
    op.create_index("ix_spans_document_annotator_label", "spans", ["document_id", "annotator_id", "label"])
    op.create_index("ix_documents_title", "documents", ["title", "id"])


def downgrade() -> None:
    op.drop_index("ix_documents_title", table_name="documents")
    op.drop_index("ix_spans_document_annotator_label", table_name="spans")
    op.create_index("ix_spans_document_annotator", "spans", ["document_id", "annotator_id"])

"""The source registry (canonical sources, their aliases, SOURCE spans linked to them) and same-claim links
between CLAIM spans across articles. Plain tables only, so the same revision runs on SQLite and PostgreSQL.

Revision ID: 0005_source_registry
Revises: 0004_search_index
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_source_registry"
down_revision = "0004_search_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "canonical_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "type IN ('person', 'organization', 'government', 'outlet', 'unnamed_official', 'anonymous')",
            name=op.f("ck_canonical_sources_type"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_canonical_sources")),
        sa.UniqueConstraint("uid", name=op.f("uq_canonical_sources_uid")),
    )
    op.create_table(
        "source_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(), nullable=False),
        sa.Column("normalized", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"], ["canonical_sources.id"], name=op.f("fk_source_aliases_source_id_canonical_sources"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_aliases")),
        sa.UniqueConstraint("source_id", "normalized", name=op.f("uq_source_aliases_source_id")),
    )
    op.create_index(op.f("ix_source_aliases_normalized"), "source_aliases", ["normalized"])
    op.create_table(
        "source_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("span_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["span_id"], ["spans.id"], name=op.f("fk_source_links_span_id_spans"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["source_id"], ["canonical_sources.id"], name=op.f("fk_source_links_source_id_canonical_sources"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["annotator_id"], ["annotators.id"], name=op.f("fk_source_links_annotator_id_annotators")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_links")),
        sa.UniqueConstraint("span_id", name=op.f("uq_source_links_span_id")),
    )
    op.create_index(op.f("ix_source_links_source_id"), "source_links", ["source_id"])
    op.create_table(
        "claim_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("from_span_id", sa.Integer(), nullable=False),
        sa.Column("to_span_id", sa.Integer(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("from_span_id <> to_span_id", name=op.f("ck_claim_links_distinct_ends")),
        sa.ForeignKeyConstraint(["from_span_id"], ["spans.id"], name=op.f("fk_claim_links_from_span_id_spans"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["to_span_id"], ["spans.id"], name=op.f("fk_claim_links_to_span_id_spans"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["annotator_id"], ["annotators.id"], name=op.f("fk_claim_links_annotator_id_annotators")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_links")),
        sa.UniqueConstraint("uid", name=op.f("uq_claim_links_uid")),
        sa.UniqueConstraint("from_span_id", "to_span_id", name=op.f("uq_claim_links_from_span_id")),
    )
    op.create_index(op.f("ix_claim_links_to_span_id"), "claim_links", ["to_span_id"])


def downgrade() -> None:
    op.drop_table("claim_links")
    op.drop_table("source_links")
    op.drop_table("source_aliases")
    op.drop_table("canonical_sources")

"""Cue suggestions an annotator dismissed, so they are not offered again.

Revision ID: 0002_dismissed_suggestions
Revises: 0001_baseline
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002_dismissed_suggestions'
down_revision = '0001_baseline'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dismissed_suggestions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('annotator_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['annotator_id'], ['annotators.id'], name=op.f('fk_dismissed_suggestions_annotator_id_annotators')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_dismissed_suggestions_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dismissed_suggestions')),
    sa.UniqueConstraint('document_id', 'annotator_id', 'start', 'end', name=op.f('uq_dismissed_suggestions_document_id'))
    )


def downgrade() -> None:
    op.drop_table('dismissed_suggestions')

"""Documents assigned to annotators, and which annotators a gold span came from.

Revision ID: 0003_assignments_provenance
Revises: 0002_dismissed_suggestions
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003_assignments_provenance'
down_revision = '0002_dismissed_suggestions'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('annotator_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['annotator_id'], ['annotators.id'], name=op.f('fk_assignments_annotator_id_annotators')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_assignments_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignments')),
    sa.UniqueConstraint('document_id', 'annotator_id', name=op.f('uq_assignments_document_id'))
    )
    with op.batch_alter_table('spans', schema=None) as batch_op:
        batch_op.add_column(sa.Column('derived_from', sa.JSON(), nullable=False, server_default='[]'))



def downgrade() -> None:
    with op.batch_alter_table('spans', schema=None) as batch_op:
        batch_op.drop_column('derived_from')

    op.drop_table('assignments')

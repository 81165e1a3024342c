"""register list: indexes that give the staff list's two orders whole

The staff register list (portal/services/register_search.py) is read in index order: one
rating at a time in name order, or by next review date. With the id as the last column
both orders come from the index alone, so PostgreSQL can skip to a deep page without
reading the table. The review index replaces the shorter one it starts with; the short
(active, rating) index stays: PostgreSQL counts by rating from it, and not from the wide one.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 00:30:00

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("register_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_register_entry_active_review")
        batch_op.create_index(
            "ix_register_entry_active_rating_name",
            ["active", "rating", "last_name_key", "first_name_key", "id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_register_entry_active_review_id",
            ["active", "next_review_on", "id"],
            unique=False,
        )


def downgrade():
    with op.batch_alter_table("register_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_register_entry_active_review_id")
        batch_op.drop_index("ix_register_entry_active_rating_name")
        batch_op.create_index(
            "ix_register_entry_active_review", ["active", "next_review_on"], unique=False
        )

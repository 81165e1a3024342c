"""language check: a deployment's record that a translation was checked

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 17:30:00

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "language_check",
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("checked_by", sa.String(length=200), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("language"),
    )


def downgrade():
    op.drop_table("language_check")

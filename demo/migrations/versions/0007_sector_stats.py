"""Add sector_stats: the sector report's output, replaced as a whole by each run.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sector_stats",
        sa.Column("sector", sa.String(40), primary_key=True),
        sa.Column("startups", sa.Integer, nullable=False),
        sa.Column("employees", sa.Integer, nullable=False),
        sa.Column("funding_musd", sa.Double, nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sector_stats")

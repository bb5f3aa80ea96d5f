"""Create the startups, funding rounds, users, idempotency and audit tables.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


# --8<-- [start:alembic-migration]
def upgrade() -> None:
    op.create_table(
        "startups",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(80), nullable=False, unique=True),
        sa.Column("sector", sa.String(40), nullable=False, index=True),
        sa.Column("city", sa.String(40), nullable=False),
        sa.Column("founded", sa.Integer, nullable=False),
        sa.Column("employees", sa.Integer, nullable=False),
        sa.Column("description", sa.String(300), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "funding_rounds",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("startup_id", sa.Integer, sa.ForeignKey("startups.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("amount_musd", sa.Double, nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(40), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
    )
    op.create_table(
        "idempotency_records",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("status_code", sa.Integer, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("startup_id", sa.Integer, nullable=False),
        sa.Column("actor", sa.String(40), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    )


def downgrade() -> None:
    for table in ["audit_events", "idempotency_records", "users", "funding_rounds", "startups"]:
        op.drop_table(table)
# --8<-- [end:alembic-migration]

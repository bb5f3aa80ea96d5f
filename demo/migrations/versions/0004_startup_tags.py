"""Add startups.website (nullable) and startups.tags (JSONB, NOT NULL) without taking the table offline.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 1000  # rows per backfill UPDATE; a test sets config.attributes["backfill_batch"] lower


# --8<-- [start:zero-downtime-migration]
def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    # 1. add the column nullable, with no default: a catalog change, the lock lasts milliseconds
    op.add_column("startups", sa.Column("website", sa.String(200), nullable=True))  # optional: done
    op.add_column("startups", sa.Column("tags", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=True))
    with op.get_context().autocommit_block():  # each statement below commits on its own
        # 2. backfill in small batches: each UPDATE locks only its own rows, briefly
        backfill = sa.text(
            "UPDATE startups SET tags = '[]' WHERE id IN "
            "(SELECT id FROM startups WHERE tags IS NULL ORDER BY id LIMIT :batch)"
        )
        rows = op.get_context().config.attributes.get("backfill_batch", BATCH)
        while op.get_bind().execute(backfill, {"batch": rows}).rowcount:
            pass
        # 3. NOT NULL: a validated CHECK first (no write lock), so SET NOT NULL skips its table scan
        if postgresql:
            op.execute("ALTER TABLE startups ADD CONSTRAINT tags_not_null CHECK (tags IS NOT NULL) NOT VALID")
            op.execute("ALTER TABLE startups VALIDATE CONSTRAINT tags_not_null")
            op.execute("ALTER TABLE startups ALTER COLUMN tags SET NOT NULL")
            op.execute("ALTER TABLE startups DROP CONSTRAINT tags_not_null")
        else:  # SQLite cannot alter a column: batch mode copies the table
            with op.batch_alter_table("startups") as batch:
                batch.alter_column("tags", existing_type=sa.JSON(), nullable=False)
        # GIN on PostgreSQL, built without blocking writes; a plain index on SQLite
        op.create_index("ix_startups_tags", "startups", ["tags"], postgresql_using="gin", postgresql_concurrently=True)
# --8<-- [end:zero-downtime-migration]


def downgrade() -> None:
    op.drop_index("ix_startups_tags", table_name="startups")
    with op.batch_alter_table("startups") as batch:
        batch.drop_column("tags")
        batch.drop_column("website")

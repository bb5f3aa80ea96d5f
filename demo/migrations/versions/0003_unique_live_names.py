"""Make startup names unique among live rows only, so a soft-deleted name can be used again.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# SQLite keeps the old constraint unnamed inside the table; this names it so batch mode can drop it
NAMES = {"uq": "uq_%(table_name)s_%(column_0_name)s"}


def old_constraint() -> str:
    return "startups_name_key" if op.get_bind().dialect.name == "postgresql" else "uq_startups_name"


def upgrade() -> None:
    with op.batch_alter_table("startups", naming_convention=NAMES) as batch:
        batch.drop_constraint(old_constraint(), type_="unique")
    live = sa.text("deleted_at IS NULL")
    op.create_index(
        "uq_startups_live_name", "startups", ["name"], unique=True, postgresql_where=live, sqlite_where=live
    )


def downgrade() -> None:
    op.drop_index("uq_startups_live_name", table_name="startups")
    with op.batch_alter_table("startups", naming_convention=NAMES) as batch:
        batch.create_unique_constraint(old_constraint(), ["name"])

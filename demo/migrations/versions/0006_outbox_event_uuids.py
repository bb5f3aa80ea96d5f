"""Outbox events get UUID ids made by the app (uuid7 on Python 3.14+) instead of database integers.

A primary key's type cannot change in place on every database, so the rows move to a new table with
a new id each, then it takes the old one's name. Consumers dedupe on the id: run it with the relay
stopped and no unsent event in flight.

Revision ID: 0006
Revises: 0005
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

new_event_id = getattr(uuid, "uuid7", uuid.uuid4)  # as in startups_api.db, which a migration must not import


def outbox_table(name: str, id_column: sa.Column) -> sa.Table:
    return op.create_table(
        name,
        id_column,
        sa.Column("topic", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
    )


def move_rows(new: sa.Table, make_id) -> None:
    old = sa.table("outbox_events", *(sa.column(name) for name in ("id", "topic", "payload", "created_at", "sent_at")))
    rows = op.get_bind().execute(sa.select(old).order_by(old.c.id)).mappings().all()
    if rows:
        op.bulk_insert(new, [{**row, "id": make_id(number)} for number, row in enumerate(rows, start=1)])
    op.drop_table("outbox_events")
    op.rename_table(new.name, "outbox_events")


def upgrade() -> None:
    new = outbox_table("outbox_events_new", sa.Column("id", sa.Uuid, primary_key=True))
    move_rows(new, lambda _: new_event_id())


def downgrade() -> None:
    new = outbox_table("outbox_events_old", sa.Column("id", sa.Integer, primary_key=True))
    move_rows(new, lambda number: number)
    if op.get_bind().dialect.name == "postgresql":  # explicit ids do not move the sequence on
        op.execute("SELECT setval(pg_get_serial_sequence('outbox_events', 'id'), coalesce(max(id), 0) + 1, false)"
                   " FROM outbox_events")

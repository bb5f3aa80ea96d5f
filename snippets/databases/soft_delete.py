from datetime import UTC, datetime

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.orm import (DeclarativeBase, Mapped, ORMExecuteState, Session,
                            mapped_column, with_loader_criteria)


class Base(DeclarativeBase):
    pass


class SoftDelete:  # a mixin: any model with it gets the filter below
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class Startup(SoftDelete, Base):
    __tablename__ = "startups"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


# --8<-- [start:show]
@event.listens_for(Session, "do_orm_execute")
def hide_deleted(state: ORMExecuteState) -> None:
    if state.is_select and not state.execution_options.get("include_deleted"):
        state.statement = state.statement.options(with_loader_criteria(
            SoftDelete, lambda cls: cls.deleted_at.is_(None),
            include_aliases=True))  # added to every SELECT


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Startup(name="Acme"), Startup(name="Bolt")])
    session.commit()
    bolt = session.scalar(select(Startup).filter_by(name="Bolt"))
    bolt.deleted_at = datetime.now(UTC)  # "delete" is an UPDATE
    session.commit()

    print(session.scalars(select(Startup.name)).all())  # no WHERE
    #> ['Acme']
    everything = select(Startup.name).execution_options(
        include_deleted=True)
    print(session.scalars(everything).all())  # admin, restore
    #> ['Acme', 'Bolt']
    count = select(func.count()).select_from(Startup)
    print(session.scalar(count))  # counts skip it too
    #> 1
# --8<-- [end:show]

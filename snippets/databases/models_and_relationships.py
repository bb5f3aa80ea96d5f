from sqlalchemy import Column, ForeignKey, String, Table, create_engine, select
from sqlalchemy.orm import (DeclarativeBase, Mapped, Session, mapped_column,
                            relationship)


class Base(DeclarativeBase):
    pass


# --8<-- [start:show]
startup_tags = Table(  # many-to-many needs a link table
    "startup_tags", Base.metadata,
    Column("startup_id", ForeignKey("startups.id"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id"), primary_key=True),
)


class Startup(Base):
    __tablename__ = "startups"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    city: Mapped[str | None]  # None in the hint: NULL allowed
    rounds: Mapped[list["Round"]] = relationship(
        back_populates="startup")
    tags: Mapped[list["Tag"]] = relationship(secondary=startup_tags)


class Round(Base):  # the foreign key sits on the "many" side
    __tablename__ = "rounds"
    id: Mapped[int] = mapped_column(primary_key=True)
    stage: Mapped[str] = mapped_column(String(20))
    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id"))
    startup: Mapped[Startup] = relationship(back_populates="rounds")


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str]
# --8<-- [end:show]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)  # Alembic does this in real projects
for column in Startup.__table__.columns:  # what the Mapped[] hints produced
    print(column.name, column.type, "NULL" if column.nullable else "NOT NULL")
    #> id INTEGER NOT NULL
    #> name VARCHAR(80) NOT NULL
    #> city VARCHAR NULL
with Session(engine) as session:
    acme = Startup(name="Acme", tags=[Tag(label="fintech")])
    acme.rounds.append(Round(stage="seed"))  # back_populates sets .startup
    session.add(acme)
    session.commit()
    seed = session.scalars(select(Round)).one()
    print(seed.startup.name, [tag.label for tag in seed.startup.tags])
    #> Acme ['fintech']

from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Startup(Base):
    __tablename__ = "startups"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    employees: Mapped[int]


# --8<-- [start:show]
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Startup(name="Acme", employees=40),
                     Startup(name="Bolt", employees=7)])
    session.commit()

    # ORM: objects the session tracks and can write back
    orm_query = select(Startup).where(Startup.employees > 10)
    big = session.scalars(orm_query).all()
    print(type(big[0]).__name__, big[0].name, big[0] in session)
    #> Startup Acme True

# Core: the same SQL from the Table, plain rows, no tracking
startups = Startup.__table__
query = select(startups.c.name).where(startups.c.employees > 10)
print(" ".join(str(query).split()))
#> SELECT startups.name FROM startups WHERE startups.employees > :employees_1
with engine.connect() as connection:
    print(connection.execute(query).all())
    #> [('Acme',)]

    # raw SQL: text() with bound parameters
    raw = text("SELECT name FROM startups WHERE employees > :minimum")
    print(connection.execute(raw, {"minimum": 10}).all())
    #> [('Acme',)]
# --8<-- [end:show]

from typing import Protocol

from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Startup(Base):
    __tablename__ = "startups"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    sector: Mapped[str] = mapped_column(String(40))


# --8<-- [start:show]
class StartupRepository(Protocol):
    def add(self, name: str, sector: str) -> None: ...
    def by_sector(self, sector: str) -> list[str]: ...


class SqlStartupRepository:  # the only class that writes queries
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, name: str, sector: str) -> None:
        self.session.add(Startup(name=name, sector=sector))

    def by_sector(self, sector: str) -> list[str]:
        query = select(Startup.name).where(Startup.sector == sector)
        return list(self.session.scalars(query.order_by(Startup.name)))


class InMemoryStartupRepository:  # same methods, for fast service tests
    def __init__(self) -> None:
        self.rows: list[tuple[str, str]] = []

    def add(self, name: str, sector: str) -> None:
        self.rows.append((name, sector))

    def by_sector(self, sector: str) -> list[str]:
        return sorted(name for name, s in self.rows if s == sector)


def seed_and_list(repo: StartupRepository) -> list[str]:  # business code
    for name, sector in [("Nova", "fintech"), ("Orbit", "health"),
                         ("Cedar", "fintech")]:
        repo.add(name, sector)
    return repo.by_sector("fintech")
# --8<-- [end:show]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    print(seed_and_list(SqlStartupRepository(session)))
    #> ['Cedar', 'Nova']
print(seed_and_list(InMemoryStartupRepository()))
#> ['Cedar', 'Nova']

import uuid

from sqlalchemy import create_engine
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.schema import CreateTable

# --8<-- [start:show]
# uuid7 (Python 3.14+) starts with a timestamp, so new keys sort last and
# land at the end of the B-tree index; uuid4 is fully random
new_id = getattr(uuid, "uuid7", uuid.uuid4)


class Base(DeclarativeBase):
    pass


class Startup(Base):
    __tablename__ = "startups"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    name: Mapped[str]


for dialect in (postgresql.dialect(), sqlite.dialect()):
    ddl = str(CreateTable(Startup.__table__).compile(dialect=dialect))
    print(dialect.name, ddl.split("\n")[2].strip().rstrip(","))
    #> postgresql id UUID NOT NULL
    #> sqlite id CHAR(32) NOT NULL

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    acme = Startup(name="Acme")
    session.add(acme)
    session.commit()  # default=new_id ran in Python at the flush
    found = session.get(Startup, acme.id)
    print(type(found.id).__name__, found.id == acme.id, len(str(found.id)))
    #> UUID True 36
# --8<-- [end:show]

# --8<-- [start:show]
from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Startup(Base):  # the ORM row
    __tablename__ = "startups"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    internal_notes: Mapped[str]


class StartupOut(BaseModel):  # the public shape
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str
# --8<-- [end:show]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Startup(name="Acme", internal_notes="do not publish"))
    session.commit()
    row = session.get(Startup, 1)
    # reads row.id, row.name
    print(StartupOut.model_validate(row).model_dump())
    #> {'id': 1, 'name': 'Acme'}

    # the same fields, default config
    class NoAttributes(BaseModel):
        id: int
        name: str

    try:
        NoAttributes.model_validate(row)
    except ValidationError as error:
        # it only accepts dicts or instances
        print(error.errors()[0]["type"])
        #> model_type

from sqlalchemy import String, create_engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String, unique=True)


class FakeSession:  # unit test double: a list, no SQL, no constraints
    def __init__(self) -> None:
        self.rows: list[User] = []

    def add(self, user: User) -> None:
        self.rows.append(user)

    def commit(self) -> None: ...

    def rollback(self) -> None: ...


# --8<-- [start:show]
def register(session, email: str) -> str:  # the code under test
    session.add(User(email=email.strip().lower()))
    try:
        session.commit()
    except IntegrityError:  # the database enforces uniqueness
        session.rollback()
        return "taken"
    return "created"


fake = FakeSession()  # unit: our logic alone, in microseconds
print("unit:", register(fake, " Ana@Example.com "), fake.rows[0].email)
#> unit: created ana@example.com
print("unit, same email twice:", register(fake, "ana@example.com"))
#> unit, same email twice: created

engine = create_engine("sqlite://")  # integration: real SQL
Base.metadata.create_all(engine)
with Session(engine) as session:
    register(session, " Ana@Example.com ")
    second = register(session, "ana@example.com")
    print("integration, same email twice:", second)
    #> integration, same email twice: taken
    print("rows:", session.scalars(select(User.email)).all())
    #> rows: ['ana@example.com']
# --8<-- [end:show]

from contextlib import contextmanager

from sqlalchemy import String, create_engine, event, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.pool import StaticPool


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String, unique=True)


# In CI this is a real PostgreSQL: create_engine(TEST_DATABASE_URL).
engine = create_engine("sqlite://", poolclass=StaticPool)


@event.listens_for(engine, "connect")  # SQLite only: let SQLAlchemy
def no_driver_transactions(dbapi_connection, record):  # emit BEGIN itself,
    dbapi_connection.isolation_level = None  # so SAVEPOINTs work


@event.listens_for(engine, "begin")
def begin(connection):
    connection.exec_driver_sql("BEGIN")


Base.metadata.create_all(engine)  # once per test session (or Alembic)


# --8<-- [start:show]
@contextmanager  # a pytest fixture has the same body
def rolled_back_session():
    with engine.connect() as connection:
        outer = connection.begin()  # never committed
        session = Session(
            connection, join_transaction_mode="create_savepoint"
        )
        try:
            yield session  # commit() only releases a SAVEPOINT
        finally:
            session.close()
            outer.rollback()  # everything the test wrote disappears


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User))


with rolled_back_session() as session:  # test 1
    session.add(User(email="ana@example.com"))
    session.commit()
    print("test 1 sees", count_users(session), "user")
    #> test 1 sees 1 user
with rolled_back_session() as session:  # test 2 starts clean
    print("test 2 sees", count_users(session), "users")
    #> test 2 sees 0 users
# --8<-- [end:show]

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine


# --8<-- [start:show]
def startups_table(metadata: MetaData, *extra: Column) -> Table:
    return Table("startups", metadata,
                 Column("id", Integer, primary_key=True), *extra)


engine = create_engine("sqlite://")
release_1 = MetaData()
startups_table(release_1)
release_1.create_all(engine)  # the database after the last deploy

models = MetaData()  # the code now: one new, indexed column
startups_table(models, Column("sector", String(40), index=True))

with engine.begin() as connection:
    context = MigrationContext.configure(connection)
    for change in compare_metadata(context, models):  # autogenerate
        kind, target = change[0], change[-1]
        print(kind, target.name)
        #> add_column sector
        #> add_index ix_startups_sector

    # the revision's upgrade(); "alembic upgrade head" runs it
    op = Operations(context)
    op.add_column("startups", Column("sector", String(40)))
    op.create_index("ix_startups_sector", "startups", ["sector"])
    print(compare_metadata(context, models))  # nothing left to do
    #> []
# --8<-- [end:show]

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine


def startups_table(metadata: MetaData, *extra: Column) -> Table:
    return Table("startups", metadata, Column("id", Integer, primary_key=True),
                 Column("name", String(80), nullable=False), *extra)


engine = create_engine("sqlite://")
release_1 = MetaData()
startups_table(release_1)
release_1.create_all(engine)  # the database as the last deploy left it

models = MetaData()  # the models in the code now: one new, indexed column
startups_table(models, Column("sector", String(40), index=True))

with engine.begin() as connection:
    context = MigrationContext.configure(connection)
    for change in compare_metadata(context, models):  # what autogenerate sees
        kind, target = change[0], change[-1]
        print(kind, target.name)
        #> add_column sector
        #> add_index ix_startups_sector

    # what the generated revision's upgrade() holds; "upgrade head" runs it
    op = Operations(context)
    op.add_column("startups", Column("sector", String(40)))
    op.create_index("ix_startups_sector", "startups", ["sector"])
    print(compare_metadata(context, models))  # the database matches the code
    #> []

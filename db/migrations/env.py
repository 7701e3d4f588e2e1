"""Alembic environment: run on the connection handed over by db.migrate."""

from alembic import context

from db.models import Base
from db.search_index import is_index_object


def include_object(obj, name, type_, reflected, compare_to):
    return not (type_ in ("table", "index") and is_index_object(name))


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    include_object=include_object,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

"""Alembic environment: run on the connection the store hands us."""

from alembic import context

from app.storage.models import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the store always passes one
    raise RuntimeError("app.storage migrations run through app.storage.db.migrate()")



def include_object(obj, name, type_, reflected, compare_to):
    # the FTS5 name index and its shadow tables are raw SQL of migration 0001
    return not (type_ == "table" and name and name.startswith("account_names"))


context.configure(
    connection=connection, target_metadata=target_metadata, render_as_batch=True, include_object=include_object
)
with context.begin_transaction():
    context.run_migrations()

"""Alembic environment: always run on a connection handed in by wellbeing_app.storage.migrate."""

from alembic import context

from wellbeing_app.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()

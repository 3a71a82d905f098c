"""Alembic environment: migrations always run on a connection handed in by the library."""

from __future__ import annotations

from alembic import context

from mandate_tracker.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the library runs these migrations
    raise RuntimeError("run migrations through mandate_tracker.store.init_workspace")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()

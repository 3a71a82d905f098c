"""Pipeline stage: store. The workspace database: schema, migrations, opening and upgrading."""

from mandate_tracker.store.database import (
    InitResult,
    Workspace,
    default_database_url,
    init_workspace,
    open_workspace,
    resolve_database_url,
)

__all__ = [
    "InitResult",
    "Workspace",
    "default_database_url",
    "init_workspace",
    "open_workspace",
    "resolve_database_url",
]

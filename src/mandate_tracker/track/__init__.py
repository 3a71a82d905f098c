"""Pipeline stage: track."""

"""Report narratives: the editable text of each report section (issue 6).

One row per resolution, report kind, report number (the Nth quarterly report, ...) and section
label; every change is also written to the
audit log, which is what "as of" reports read.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "report_narratives",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("report_kind", sa.String(length=16), nullable=False),
        sa.Column("report_number", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_report_narratives_document_id_documents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_narratives")),
        sa.UniqueConstraint(
            "document_id",
            "report_kind",
            "report_number",
            "section",
            name=op.f("uq_report_narratives_document_id"),
        ),
    )
    with op.batch_alter_table("report_narratives", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_report_narratives_document_id"), ["document_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("report_narratives", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_narratives_document_id"))
    op.drop_table("report_narratives")

"""The workspace schema as typed SQLAlchemy 2 ORM models.

Tables change only through Alembic revisions in ``store/migrations/versions``; these models
describe the newest revision. Dates that may be partial ("2021-04") are stored as their string
plus the last day they can mean (``due_latest``), which is what queries sort and compare on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        dt.datetime: DateTime(timezone=True),
    }


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    symbol: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    date: Mapped[dt.date | None] = mapped_column(Date)
    mission: Mapped[str | None] = mapped_column(String(64), index=True)
    mandate_end: Mapped[dt.date | None] = mapped_column(Date)
    predecessor_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    source_name: Mapped[str] = mapped_column(String(500))
    source_text: Mapped[str | None] = mapped_column(Text)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    predecessor: Mapped[DocumentRow | None] = relationship(remote_side=[id])


class ObligationRow(Base):
    __tablename__ = "obligations"
    __table_args__ = (
        Index("ix_obligations_status_due", "status", "due_latest"),
        Index("ix_obligations_owner", "owner"),
    )

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due: Mapped[str | None] = mapped_column(String(10))  # PartialDate as written: 2021, 2021-04
    due_precision: Mapped[str | None] = mapped_column(String(5))  # year | month | day
    due_latest: Mapped[dt.date | None] = mapped_column(Date)
    recurrence: Mapped[str | None] = mapped_column(String(32))
    paragraph: Mapped[str] = mapped_column(String(32))
    anchor: Mapped[str] = mapped_column(String(100))
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    parent_id: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)  # order in the register
    status: Mapped[str] = mapped_column(String(20), default="open")
    assignee: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (optimistic locking)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    document: Mapped[DocumentRow] = relationship()


class EvidenceRow(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    obligation_id: Mapped[str | None] = mapped_column(ForeignKey("obligations.id"), index=True)
    observation_id: Mapped[int | None] = mapped_column(ForeignKey("observations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # url | file | note
    location: Mapped[str] = mapped_column(Text)  # the URL, or the file's name
    sha256: Mapped[str | None] = mapped_column(String(64))
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    added_by: Mapped[str] = mapped_column(String(200))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class IndicatorRow(Base):
    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(32))
    direction: Mapped[str] = mapped_column(String(8))  # higher | lower
    baseline_value: Mapped[float | None] = mapped_column(Float)
    baseline_date: Mapped[dt.date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(Text)
    frequency: Mapped[str | None] = mapped_column(String(32))
    owner: Mapped[str | None] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(12), default="active")  # proposed | active
    obligation_id: Mapped[str | None] = mapped_column(ForeignKey("obligations.id"))
    version: Mapped[int] = mapped_column(Integer)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (optimistic locking)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    provisions: Mapped[list[IndicatorProvisionRow]] = relationship(
        cascade="all, delete-orphan", order_by="IndicatorProvisionRow.anchor"
    )
    targets: Mapped[list[TargetRow]] = relationship(
        cascade="all, delete-orphan", order_by="TargetRow.due"
    )


class IndicatorProvisionRow(Base):
    """The provisions an indicator measures (anchors of paragraphs or items)."""

    __tablename__ = "indicator_provisions"

    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"), primary_key=True)
    anchor: Mapped[str] = mapped_column(String(100), primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))


class TargetRow(Base):
    __tablename__ = "targets"
    __table_args__ = (UniqueConstraint("indicator_id", "due"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"), index=True)
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    due: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    comparator: Mapped[str] = mapped_column(String(2))
    quote: Mapped[str | None] = mapped_column(Text)


class ObservationRow(Base):
    __tablename__ = "observations"
    __table_args__ = (Index("ix_observations_latest", "indicator_id", "review_status", "as_of"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"))
    value: Mapped[float] = mapped_column(Float)
    as_of: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(200))  # region, cercle, site; None = all
    note: Mapped[str | None] = mapped_column(Text)
    entered_by: Mapped[str] = mapped_column(String(200))
    entered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    review_status: Mapped[str] = mapped_column(String(10), default="draft")
    review_comment: Mapped[str | None] = mapped_column(Text)
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (optimistic locking)

    indicator: Mapped[IndicatorRow] = relationship()


class BenchmarkRow(Base):
    __tablename__ = "benchmarks"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(String(12))  # threshold | all-of
    threshold: Mapped[float | None] = mapped_column(Float)
    comparator: Mapped[str | None] = mapped_column(String(2))
    narrative: Mapped[str | None] = mapped_column(Text)
    anchor: Mapped[str | None] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (optimistic locking)

    indicators: Mapped[list[IndicatorRow]] = relationship(secondary="benchmark_indicators")


class BenchmarkIndicatorRow(Base):
    __tablename__ = "benchmark_indicators"

    benchmark_id: Mapped[int] = mapped_column(ForeignKey("benchmarks.id"), primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"), primary_key=True)


class AuditRow(Base):
    """One change. Append-only: the database itself rejects UPDATE and DELETE on this table."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_object", "object_type", "object_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(32))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(8))  # viewer | editor | admin
    password_hash: Mapped[str] = mapped_column(String(200))
    api_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (optimistic locking)

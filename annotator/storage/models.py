"""Typed ORM models of a project file."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON}


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Annotator(Base):
    __tablename__ = "annotators"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    role: Mapped[str] = mapped_column(String, default="annotator")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_title", "title", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String, unique=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String)
    source: Mapped[str | None]
    url: Mapped[str | None]
    published: Mapped[str | None]
    text: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class Span(Base):
    __tablename__ = "spans"
    __table_args__ = (
        CheckConstraint("start >= 0 AND start < \"end\"", name="offsets"),
        Index("ix_spans_document_annotator_label", "document_id", "annotator_id", "label"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String, unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id"))
    label: Mapped[str] = mapped_column(String)
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    note: Mapped[str] = mapped_column(Text, default="")
    derived_from: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Relation(Base):
    __tablename__ = "relations"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String, unique=True)
    label: Mapped[str] = mapped_column(String)
    from_span_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"), index=True)
    to_span_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"), index=True)
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id"))
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class DocumentState(Base):
    """One annotator's progress on one document."""

    __tablename__ = "document_states"
    __table_args__ = (UniqueConstraint("document_id", "annotator_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id"))
    status: Mapped[str] = mapped_column(String, default="new")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class DismissedSuggestion(Base):
    """A cue suggestion an annotator turned down, so that it is not offered again."""

    __tablename__ = "dismissed_suggestions"
    __table_args__ = (UniqueConstraint("document_id", "annotator_id", "start", "end"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id"))
    start: Mapped[int]
    end: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Assignment(Base):
    """A reviewer gave this document to this annotator."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("document_id", "annotator_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


SOURCE_TYPES = ("person", "organization", "government", "outlet", "unnamed_official", "anonymous")


class CanonicalSource(Base):
    """Who a SOURCE span names, shared by the whole project: «أوباما» and «الرئيس باراك أوباما» are one entry."""

    __tablename__ = "canonical_sources"
    __table_args__ = (
        CheckConstraint(
            "type IN ('person', 'organization', 'government', 'outlet', 'unnamed_official', 'anonymous')", name="type"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String, unique=True)  # merges match entries by it
    name: Mapped[str] = mapped_column(String)
    type: Mapped[str] = mapped_column(String)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SourceAlias(Base):
    """Another way of writing a canonical source, with its normalized form (what matching compares)."""

    __tablename__ = "source_aliases"
    __table_args__ = (UniqueConstraint("source_id", "normalized"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("canonical_sources.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String)
    normalized: Mapped[str] = mapped_column(String, index=True)


class SourceLink(Base):
    """A SOURCE span linked to its canonical source: confirmed by a person, or only suggested."""

    __tablename__ = "source_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    span_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"), unique=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("canonical_sources.id", ondelete="CASCADE"), index=True)
    confirmed: Mapped[bool] = mapped_column(default=False)
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ClaimLink(Base):
    """Two CLAIM spans (in any articles) that make the same claim; the links form clusters. Support and
    contradiction are relations of the scheme, not these."""

    __tablename__ = "claim_links"
    __table_args__ = (
        UniqueConstraint("from_span_id", "to_span_id"),
        CheckConstraint("from_span_id <> to_span_id", name="distinct_ends"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String, unique=True)
    from_span_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"))
    to_span_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"), index=True)
    confirmed: Mapped[bool] = mapped_column(default=False)
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

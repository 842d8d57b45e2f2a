"""Bring other project files into one: documents matched by text hash, each annotator's layer copied once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.errors import AnnotatorError, InputError, SchemeError
from annotator.storage.models import Annotator, Document, DocumentState, Relation, Span
from annotator.storage.project import Project


@dataclass
class MergeReport:
    documents: int = 0
    spans: int = 0
    relations: int = 0
    errors: list[InputError] = field(default_factory=list)


def merge_paths(target: Project, sources: list[Path]) -> MergeReport:
    """Merge each file in its own transaction; a file that cannot be merged is reported and changes nothing."""
    target.check_writable()
    total = MergeReport()
    for path in sources:
        try:
            report = merge_project(target, path)
        except InputError as error:
            total.errors.append(error)
            continue
        except AnnotatorError as error:
            total.errors.append(InputError(str(error), path=str(path)))
            continue
        total.documents += report.documents
        total.spans += report.spans
        total.relations += report.relations
    return total


def merge_project(target: Project, path: Path) -> MergeReport:
    if path.resolve() == target.path.resolve():
        raise InputError("is the target project itself", path=str(path))
    with Project.open(path) as source, source.reading() as theirs, target.transaction() as ours:
        try:
            return _merge(target, theirs, ours, str(path))
        except SchemeError as error:
            raise InputError(f"does not fit the target's tag scheme: {error}", path=str(path)) from None


def _merge(target: Project, theirs: Session, ours: Session, path: str) -> MergeReport:
    report = MergeReport()
    names = {row.id: (row.name, row.role) for row in theirs.scalars(select(Annotator))}
    people: dict[int, int] = {}
    for their_id, (name, role) in names.items():
        people[their_id] = target.annotator_id(ours, name)
        row = ours.get(Annotator, people[their_id])
        if row is not None and row.role == "annotator" and role != "annotator":
            row.role = role
    documents = _merge_documents(theirs, ours, report, path)
    labels = {label.name for label in target.scheme.span_labels}
    spans: dict[int, int] = {}
    for span in theirs.scalars(select(Span).order_by(Span.id)):
        if span.label not in labels:
            raise InputError(f"span {span.uid!r} has the label {span.label}, unknown to the target's scheme", path=path)
        existing = ours.scalar(select(Span.id).where(Span.uid == span.uid))
        if existing is None:
            copy = Span(
                uid=span.uid, document_id=documents[span.document_id], annotator_id=people[span.annotator_id],
                label=span.label, start=span.start, end=span.end, text=span.text, attributes=dict(span.attributes or {}),
                note=span.note, derived_from=list(span.derived_from or []), created_at=span.created_at, updated_at=span.updated_at,
            )
            ours.add(copy)
            ours.flush()
            existing = copy.id
            report.spans += 1
        spans[span.id] = existing
    for relation in theirs.scalars(select(Relation).order_by(Relation.id)):
        if ours.scalar(select(Relation.id).where(Relation.uid == relation.uid)) is not None:
            continue
        ours.add(
            Relation(
                uid=relation.uid, label=relation.label, from_span_id=spans[relation.from_span_id],
                to_span_id=spans[relation.to_span_id], annotator_id=people[relation.annotator_id],
                attributes=dict(relation.attributes or {}), note=relation.note,
                created_at=relation.created_at, updated_at=relation.updated_at,
            )
        )
        report.relations += 1
    ours.flush()
    for state in theirs.scalars(select(DocumentState)):
        key = (documents[state.document_id], people[state.annotator_id])
        mine = ours.scalar(select(DocumentState).where(DocumentState.document_id == key[0], DocumentState.annotator_id == key[1]))
        if mine is None:
            ours.add(DocumentState(document_id=key[0], annotator_id=key[1], status=state.status))
    return report


def _merge_documents(theirs: Session, ours: Session, report: MergeReport, path: str) -> dict[int, int]:
    mapping: dict[int, int] = {}
    for document in theirs.scalars(select(Document).order_by(Document.id)):
        by_hash = ours.scalar(select(Document.id).where(Document.sha256 == document.sha256))
        if by_hash is not None:
            mapping[document.id] = by_hash
            continue
        if ours.scalar(select(Document.id).where(Document.uid == document.uid)) is not None:
            raise InputError(
                f"document {document.uid!r} has a different text than the target's document of that id; nothing was merged",
                path=path,
            )
        copy = Document(
            uid=document.uid, sha256=document.sha256, title=document.title, source=document.source, url=document.url,
            published=document.published, text=document.text, meta=dict(document.meta or {}), imported_at=document.imported_at,
        )
        ours.add(copy)
        ours.flush()
        mapping[document.id] = copy.id
        report.documents += 1
    return mapping

"""Import articles into a project: each file in one transaction, all of it or nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.errors import InputError
from annotator.core.model import NewDocument, NewRelation, NewSpan
from annotator.services.datasets import detect_format, read_dataset
from annotator.services.tagging import new_uid
from annotator.storage.models import Document, Relation, Span
from annotator.storage.project import Project

ARTICLE_SUFFIXES = {".txt", ".jsonl", ".json"}
Progress = Callable[[int, int], bool]


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    cancelled: bool = False


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, brat folders (with .ann files) as one unit, and the article files inside other folders."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir() and any(path.glob("*.ann")):
            found.append(path)
        elif path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES))
        else:
            found.append(path)
    return found


def import_paths(
    project: Project, paths: Iterable[Path], *, annotator: str, progress: Progress | None = None, fmt: str | None = None
) -> ImportReport:
    """Import every file; a bad file is reported and leaves the project exactly as it was."""
    report = ImportReport()
    files = expand_paths(paths)
    for done, path in enumerate(files):
        if progress is not None and not progress(done, len(files)):
            report.cancelled = True
            break
        if not path.exists():
            report.errors.append(InputError("no such file or folder", path=str(path)))
            continue
        try:
            kind = fmt or detect_format(path)
            documents = read_dataset(path, project.scheme, kind)
            added = add_documents(project, documents, annotator=annotator, strict_ids=kind != "txt")
        except InputError as error:
            report.errors.append(error if error.path else error.located(path=str(path)))
            continue
        report.imported.extend(added.imported)
        report.skipped.extend(added.skipped)
    if progress is not None and not report.cancelled:
        progress(len(files), len(files))
    return report


def add_documents(
    project: Project, documents: list[NewDocument], *, annotator: str, strict_ids: bool = True
) -> ImportReport:
    """Insert documents with their annotations in one transaction; a text already present is skipped."""
    report = ImportReport()
    span_ids: dict[tuple[str | None, str | None], int] = {}
    skipped: set[str | None] = set()
    with project.transaction() as session:
        for document in documents:
            digest = sha256(document.text)
            existing = session.scalar(select(Document.id).where(Document.sha256 == digest))
            if existing is not None:
                report.skipped.append(document.title)
                skipped.add(document.uid)
                for span in document.spans:
                    found = session.scalar(select(Span.id).where(Span.document_id == existing, Span.uid == span.uid))
                    if found is not None:
                        span_ids[(document.uid, span.uid)] = found
                continue
            uid = _free_document_uid(session, document.uid or digest[:16], strict=strict_ids)
            row = Document(
                uid=uid,
                sha256=digest,
                title=document.title,
                source=document.source,
                url=document.url,
                published=document.published,
                text=document.text,
                meta=document.metadata,
            )
            session.add(row)
            session.flush()
            for span in document.spans:
                span_ids[(document.uid, span.uid)] = _add_span(project, session, row.id, span, annotator)
            report.imported.append(document.title)
        for document in documents:
            for relation in document.relations:
                ends = (relation.from_document or document.uid, relation.to_document or document.uid)
                if ends[0] in skipped and ends[1] in skipped:
                    continue
                _add_relation(project, session, relation, ends, span_ids, annotator)
    return report


def _free_document_uid(session: Session, uid: str, *, strict: bool) -> str:
    taken = lambda candidate: session.scalar(select(Document.id).where(Document.uid == candidate)) is not None  # noqa: E731
    if not taken(uid):
        return uid
    if strict:
        raise InputError(f"document id {uid!r} is already in the project with a different text")
    suffix = 2
    while taken(f"{uid}-{suffix}"):
        suffix += 1
    return f"{uid}-{suffix}"


def _add_span(project: Project, session: Session, document_id: int, span: NewSpan, annotator: str) -> int:
    row = Span(
        uid=_free_uid(session, Span, span.uid),
        document_id=document_id,
        annotator_id=project.annotator_id(session, span.annotator or annotator),
        label=span.label,
        start=span.start,
        end=span.end,
        text=span.text,
        attributes=span.attributes,
        note=span.note,
        derived_from=list(span.derived_from),
    )
    session.add(row)
    session.flush()
    return row.id


def _add_relation(
    project: Project,
    session: Session,
    relation: NewRelation,
    ends: tuple[str | None, str | None],
    span_ids: dict[tuple[str | None, str | None], int],
    annotator: str,
) -> None:
    keys = ((ends[0], relation.from_uid), (ends[1], relation.to_uid))
    missing = [f"{doc}/{span}" for doc, span in keys if (doc, span) not in span_ids]
    if missing:
        raise InputError(
            f"relation {relation.uid!r}: its end {missing[0]} lies in a document already in the project "
            "whose span is not there"
        )
    session.add(
        Relation(
            uid=_free_uid(session, Relation, relation.uid),
            label=relation.label,
            from_span_id=span_ids[keys[0]],
            to_span_id=span_ids[keys[1]],
            annotator_id=project.annotator_id(session, relation.annotator or annotator),
            attributes=relation.attributes,
            note=relation.note,
        )
    )


def _free_uid(session: Session, model: type[Span] | type[Relation], uid: str | None) -> str:
    if uid and session.scalar(select(model.id).where(model.uid == uid)) is None:
        return uid
    return new_uid()

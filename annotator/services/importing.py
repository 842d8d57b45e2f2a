"""Import articles into a project: each file in one transaction, all of it or nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from annotator.core.errors import InputError
from annotator.core.model import NewDocument
from annotator.core.normalize import index_form
from annotator.services.datasets import detect_format, read_dataset
from annotator.services.tagging import new_uid
from annotator.storage.models import Document, Relation, Span, utcnow
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
    """Insert documents with their annotations in one transaction; a text already present is skipped.

    Rows go in with bulk inserts (the reader has already checked every span and relation against the
    text and the scheme), so a 10,000-article file is one transaction of a few statements per table.
    """
    report = ImportReport()
    now = utcnow()
    digests = [sha256(document.text) for document in documents]
    with project.transaction() as session:
        present = dict(_existing(session, Document.sha256, Document.id, digests))
        taken_documents = {uid for uid, _ in _existing(session, Document.uid, Document.id, [d.uid for d in documents if d.uid])}
        taken_spans = {uid for uid, _ in _existing(session, Span.uid, Span.id, [s.uid for d in documents for s in d.spans if s.uid])}
        taken_relations = {uid for uid, _ in _existing(session, Relation.uid, Relation.id, [r.uid for d in documents for r in d.relations if r.uid])}
        people: dict[str, int] = {}

        def person(name: str | None) -> int:
            name = name or annotator
            if name not in people:
                people[name] = project.annotator_id(session, name)
            return people[name]

        new: list[tuple[NewDocument, str, str]] = []
        span_ids: dict[tuple[str | None, str | None], int] = {}
        skipped: set[str | None] = set()
        for document, digest in zip(documents, digests):
            if digest in present:
                report.skipped.append(document.title)
                skipped.add(document.uid)
                for uid, span_id in session.execute(select(Span.uid, Span.id).where(Span.document_id == present[digest])):
                    span_ids[(document.uid, uid)] = span_id
                continue
            uid = _free_document_uid(taken_documents, document.uid or digest[:16], strict=strict_ids)
            present[digest] = -1  # the same text twice in one file is imported once
            new.append((document, uid, digest))
        document_ids = _insert(session, Document, [
            {"uid": uid, "sha256": digest, "title": d.title, "source": d.source, "url": d.url, "published": d.published,
             "text": d.text, "meta": d.metadata, "imported_at": now}
            for d, uid, digest in new
        ])
        if new:
            session.execute(
                text("INSERT INTO document_search (rowid, folded) VALUES (:id, :folded)"),
                [{"id": document_id, "folded": index_form(d.text)} for (d, _uid, _digest), document_id in zip(new, document_ids)],
            )
        span_rows, span_keys = [], []
        for (document, _uid, _digest), document_id in zip(new, document_ids):
            for span in document.spans:
                span_keys.append((document.uid, span.uid))
                span_rows.append({
                    "uid": _free_uid_in(taken_spans, span.uid), "document_id": document_id, "annotator_id": person(span.annotator),
                    "label": span.label, "start": span.start, "end": span.end, "text": span.text, "attributes": span.attributes,
                    "note": span.note, "derived_from": list(span.derived_from), "created_at": now, "updated_at": now,
                })
            report.imported.append(document.title)
        span_ids.update(zip(span_keys, _insert(session, Span, span_rows)))
        relation_rows = []
        for document in documents:
            for relation in document.relations:
                ends = (relation.from_document or document.uid, relation.to_document or document.uid)
                if ends[0] in skipped and ends[1] in skipped:
                    continue
                keys = ((ends[0], relation.from_uid), (ends[1], relation.to_uid))
                missing = [f"{doc}/{span}" for doc, span in keys if (doc, span) not in span_ids]
                if missing:
                    raise InputError(
                        f"relation {relation.uid!r}: its end {missing[0]} lies in a document already in the project "
                        "whose span is not there"
                    )
                relation_rows.append({
                    "uid": _free_uid_in(taken_relations, relation.uid), "label": relation.label,
                    "from_span_id": span_ids[keys[0]], "to_span_id": span_ids[keys[1]], "annotator_id": person(relation.annotator),
                    "attributes": relation.attributes, "note": relation.note, "created_at": now, "updated_at": now,
                })
        if relation_rows:
            session.execute(insert(Relation), relation_rows)
    return report


def _existing(session: Session, column: Any, key: Any, values: list[str]) -> list[tuple[Any, int]]:
    found: list[tuple[Any, int]] = []
    for first in range(0, len(values), 500):
        found.extend((row[0], row[1]) for row in session.execute(select(column, key).where(column.in_(values[first : first + 500]))))
    return found


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    if not rows:
        return []
    return list(session.scalars(insert(model).returning(model.id, sort_by_parameter_order=True), rows))


def _free_uid_in(taken: set[str], uid: str | None) -> str:
    """`uid` when it is free, otherwise a fresh one; either way it is taken from now on."""
    chosen = uid if uid and uid not in taken else new_uid()
    taken.add(chosen)
    return chosen


def _free_document_uid(taken: set[str], uid: str, *, strict: bool) -> str:
    """A document keeps its id; a clash is an error for datasets and gets a suffix for plain text files."""
    chosen = uid
    if chosen in taken:
        if strict:
            raise InputError(f"document id {uid!r} is already in the project with a different text")
        suffix = 2
        while f"{uid}-{suffix}" in taken:
            suffix += 1
        chosen = f"{uid}-{suffix}"
    taken.add(chosen)
    return chosen

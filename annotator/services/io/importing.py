"""Import articles into a project: each file in one transaction, all of it or nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.errors import InputError
from annotator.core.model import NewDocument, NewRelation
from annotator.services.io.datasets import detect_format, read_dataset
from annotator.services.io.formats.jsonl import iter_jsonl_file
from annotator.services.annotation.tagging import new_uid
from annotator.storage import bulk
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
            added = _import_file(project, path, kind, annotator=annotator)
        except InputError as error:
            report.errors.append(error if error.path else error.located(path=str(path)))
            continue
        report.imported.extend(added.imported)
        report.skipped.extend(added.skipped)
    if progress is not None and not report.cancelled:
        progress(len(files), len(files))
    return report


def _import_file(project: Project, path: Path, kind: str, *, annotator: str) -> ImportReport:
    """One file in one transaction; native JSON Lines is read and inserted in batches as it is read."""
    if kind != "jsonl":
        return add_documents(project, read_dataset(path, project.scheme, kind), annotator=annotator, strict_ids=kind != "txt")
    with project.transaction() as session:
        inserter = Inserter(project, session, annotator=annotator, strict_ids=True)
        for batch in iter_jsonl_file(path, project.scheme):
            inserter.add(batch)
        return inserter.finish()


def add_documents(
    project: Project, documents: list[NewDocument], *, annotator: str, strict_ids: bool = True
) -> ImportReport:
    """Insert documents with their annotations in one transaction; a text already present is skipped."""
    with project.transaction() as session:
        inserter = Inserter(project, session, annotator=annotator, strict_ids=strict_ids)
        inserter.add(documents)
        return inserter.finish()


class Inserter:
    """Bulk inserts of documents, spans and relations, batch after batch, inside one transaction.

    The reader has already checked every span and relation against the text and the scheme, so rows go
    in with one statement per table and batch. A relation whose other end comes in a later batch waits.
    """

    def __init__(self, project: Project, session: Session, *, annotator: str, strict_ids: bool) -> None:
        self.project, self.session, self.annotator, self.strict_ids = project, session, annotator, strict_ids
        self.report = ImportReport()
        self.now = utcnow()
        self.present: dict[str, int] = {}
        self.taken_documents: set[str] = set()
        self.taken_spans: set[str] = set()
        self.taken_relations: set[str] = set()
        self.people: dict[str, int] = {}
        self.span_ids: dict[tuple[str | None, str | None], int] = {}
        self.skipped: set[str | None] = set()
        self.waiting: list[tuple[NewRelation, tuple[str | None, str | None]]] = []

    def person(self, name: str | None) -> int:
        name = name or self.annotator
        if name not in self.people:
            self.people[name] = self.project.annotator_id(self.session, name)
        return self.people[name]

    def add(self, documents: list[NewDocument]) -> None:
        session = self.session
        digests = [sha256(document.text) for document in documents]
        self.present.update(bulk.lookup(session, Document.sha256, Document.id, [d for d in digests if d not in self.present]))
        self.taken_documents.update(bulk.lookup(session, Document.uid, Document.id, [d.uid for d in documents]))
        self.taken_spans.update(bulk.lookup(session, Span.uid, Span.id, [s.uid for d in documents for s in d.spans]))
        self.taken_relations.update(bulk.lookup(session, Relation.uid, Relation.id, [r.uid for d in documents for r in d.relations]))
        new: list[tuple[NewDocument, str, str]] = []
        for document, digest in zip(documents, digests):
            if digest in self.present:
                self.report.skipped.append(document.title)
                self.skipped.add(document.uid)
                for uid, span_id in session.execute(select(Span.uid, Span.id).where(Span.document_id == self.present[digest])):
                    self.span_ids[(document.uid, uid)] = span_id
                continue
            uid = _free_document_uid(self.taken_documents, document.uid or digest[:16], strict=self.strict_ids)
            self.present[digest] = -1  # the same text twice in one file is imported once
            new.append((document, uid, digest))
        document_ids = bulk.insert_documents(session, [
            {"uid": uid, "sha256": digest, "title": d.title, "source": d.source, "url": d.url, "published": d.published,
             "text": d.text, "meta": d.metadata, "imported_at": self.now}
            for d, uid, digest in new
        ])
        span_rows, span_keys = [], []
        for (document, _uid, _digest), document_id in zip(new, document_ids):
            for span in document.spans:
                span_keys.append((document.uid, span.uid))
                span_rows.append({
                    "uid": _free_uid_in(self.taken_spans, span.uid), "document_id": document_id, "annotator_id": self.person(span.annotator),
                    "label": span.label, "start": span.start, "end": span.end, "text": span.text, "attributes": span.attributes,
                    "note": span.note, "derived_from": list(span.derived_from), "created_at": self.now, "updated_at": self.now,
                })
            self.report.imported.append(document.title)
        self.span_ids.update(zip(span_keys, bulk.insert_spans(session, span_rows)))
        for document in documents:
            for relation in document.relations:
                self.waiting.append((relation, (relation.from_document or document.uid, relation.to_document or document.uid)))
        self._insert_relations(final=False)

    def _insert_relations(self, *, final: bool) -> None:
        rows, still = [], []
        for relation, ends in self.waiting:
            if ends[0] in self.skipped and ends[1] in self.skipped:
                continue
            keys = ((ends[0], relation.from_uid), (ends[1], relation.to_uid))
            missing = [f"{doc}/{span}" for doc, span in keys if (doc, span) not in self.span_ids]
            if missing and not final:
                still.append((relation, ends))
                continue
            if missing:
                raise InputError(
                    f"relation {relation.uid!r}: its end {missing[0]} lies in a document already in the project "
                    "whose span is not there"
                )
            rows.append({
                "uid": _free_uid_in(self.taken_relations, relation.uid), "label": relation.label,
                "from_span_id": self.span_ids[keys[0]], "to_span_id": self.span_ids[keys[1]],
                "annotator_id": self.person(relation.annotator), "attributes": relation.attributes, "note": relation.note,
                "created_at": self.now, "updated_at": self.now,
            })
        self.waiting = still
        bulk.insert_relations(self.session, self.project.scheme_in(self.session), rows)

    def finish(self) -> ImportReport:
        self._insert_relations(final=True)
        return self.report


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

"""Import articles into a project. Each file is checked whole before anything of it is written (a bad file
changes nothing), then written in short transactions of a few hundred rows, so that the window can write in
between; a file stopped half-way is finished by importing it again (what is there is skipped)."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError, InputError, SchemeError, StorageError
from annotator.core.model import DocumentId, NewDocument, NewRelation
from annotator.services.annotation.tagging import new_uid
from annotator.services.io.datasets import detect_format, iter_dataset
from annotator.storage import bulk
from annotator.storage.bulk import ChunkedWriter
from annotator.storage.guards import End, check_relation_ends
from annotator.storage.models import Annotator, Document, Relation, Span, utcnow
from annotator.storage.project import Project

ARTICLE_SUFFIXES = {".txt", ".jsonl", ".json"}
# One transaction holds at most about this much: a chunk of the benchmark corpus holds the lock ~25 ms.
CHUNK_ROWS = 600  # documents, spans and relations
CHUNK_CHARACTERS = 150_000  # of text, which is indexed too
# Files holding less text than this (together) are kept in memory between the check and the write, not read twice.
KEEP_CHARACTERS = 20_000_000
Progress = Callable[[int, int], bool]


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[AnnotatorError] = field(default_factory=list)  # InputError for a bad file; StorageError if a write failed
    cancelled: bool = False
    notes: list[str] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    files: dict[str, FileCounts] = field(default_factory=dict)  # per file imported (its path), what it brought


@dataclass
class _Chunk:
    """What one committed chunk did."""

    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)
    layers: set[str] = field(default_factory=set)
    new_people: bool = False
    new_documents: int = 0
    matched_documents: int = 0
    spans_added: int = 0
    spans_present: int = 0
    relations_added: int = 0
    relations_present: int = 0


@dataclass
class FileCounts:
    """What one file brought: documents new or already there (matched by their text), annotations added or already there."""

    new_documents: int = 0
    matched_documents: int = 0
    spans_added: int = 0
    spans_present: int = 0
    relations_added: int = 0
    relations_present: int = 0
    not_kept: Counter[str] = field(default_factory=Counter)  # elements of the file the project cannot hold, by kind
    kept_differently: Counter[str] = field(default_factory=Counter)  # kept, but not as the file gives them, by kind

    def add(self, chunk: _Chunk) -> None:
        for name in ("new_documents", "matched_documents", "spans_added", "spans_present", "relations_added", "relations_present"):
            setattr(self, name, getattr(self, name) + getattr(chunk, name))

    def summary(self) -> str:
        return (
            f"{self.new_documents} new document(s), {self.matched_documents} already present; "
            f"{self.spans_added} span(s) added, {self.spans_present} already present; "
            f"{self.relations_added} relation(s) added, {self.relations_present} already present; "
            + (f"{sum(self.not_kept.values())} element(s) not kept" if self.not_kept else "nothing left out")
            + (f", {sum(self.kept_differently.values())} kept differently" if self.kept_differently else "")
        )

    def take(self, notes: list[str]) -> None:
        """The counts of the readers' notes about what they could not keep as the file gives it."""
        for note in notes:
            self.not_kept.update(getattr(note, "counts", {}))
            self.kept_differently.update(getattr(note, "changed", {}))


class _Cancelled(Exception):
    pass


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, brat folders (with .ann files) as one unit, and the article files inside other folders."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir() and any(path.rglob("*.ann")):  # a brat folder tree: its documents are its .ann files
            found.append(path)
        elif path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES))
        else:
            found.append(path)
    return found


def import_paths(
    project: Project,
    paths: Iterable[Path],
    *,
    annotator: str,
    progress: Progress | None = None,
    fmt: str | None = None,
    mapping: dict[str, str] | None = None,
) -> ImportReport:
    """Import every file; a bad file is reported and leaves the project exactly as it was.

    A document whose text is already in the project (the same SHA-256) is not added again, but the spans and
    relations the file gives it are, layer by layer, unless that layer already has them. `mapping` renames the
    file's labels to the scheme's ({"Person": "SOURCE"}).

    `progress(done, total)` is called with (0, 0) while files are checked, then with documents written so far;
    returning False cancels between chunks (what was committed stays, and the report says so).
    """
    files = expand_paths(paths)
    scheme = project.scheme.mapped(mapping) if mapping else project.scheme
    sources = []
    for path in files:
        if not path.exists():
            sources.append(_Source(path, None, InputError("no such file or folder", path=str(path))))
            continue
        try:
            kind = fmt or detect_format(path)
        except InputError as error:
            sources.append(_Source(path, None, error if error.path else error.located(path=str(path))))
            continue
        sources.append(_Source(path, kind, None, strict_ids=kind != "txt",
                               batches=lambda notes, p=path, k=kind: iter_dataset(p, scheme, k, notes=notes)))
    return _import(project, sources, annotator=annotator, progress=progress)


def add_documents(project: Project, documents: list[NewDocument], *, annotator: str, strict_ids: bool = True) -> ImportReport:
    """Documents already read (and checked) elsewhere, with their annotations, through the same checked, chunked path."""
    source = _Source(None, "documents", None, strict_ids=strict_ids, batches=lambda _notes: iter([documents]))
    report = _import(project, [source], annotator=annotator, progress=None)
    for error in report.errors:
        raise error
    return report


@dataclass
class _Source:
    path: Path | None  # None for documents handed over in memory
    kind: str | None
    error: AnnotatorError | None
    strict_ids: bool = True
    batches: Callable[[list[str]], Iterator[list[NewDocument]]] = lambda _notes: iter(())
    notes: list[str] = field(default_factory=list)  # what the reader could not keep, said while the file is checked
    documents: int = 0
    chunks: int = 0
    characters: int = 0
    kept: list[list[NewDocument]] | None = None  # the checked chunks, when the file is small enough to keep

    def chunks_to_write(self) -> Iterator[list[NewDocument]]:
        return iter(self.kept) if self.kept is not None else _chunks(self.batches([]))


def _import(project: Project, sources: list[_Source], *, annotator: str, progress: Progress | None) -> ImportReport:
    project.check_writable()
    report = ImportReport()
    ready: list[_Source] = []
    kept = 0
    try:
        for source in sources:
            if source.error is None:
                try:
                    _check(project, source, annotator=annotator, progress=progress, keep=KEEP_CHARACTERS - kept)
                except (InputError, SchemeError) as error:
                    source.error = _located(error, source.path)
            if source.error is not None:
                report.errors.append(source.error)
            else:
                ready.append(source)
                kept += source.characters if source.kept is not None else 0
    except _Cancelled:
        report.cancelled = True
        report.notes.append("import cancelled before anything was written")
        return report
    total = sum(source.documents for source in ready)
    writer = ChunkedWriter(project)
    done = 0
    for number, source in enumerate(ready):
        inserter = _Inserter(project, annotator=annotator, strict_ids=source.strict_ids, dry=False)
        chunks = documents = 0
        counts = report.files.setdefault(str(source.path or "documents"), FileCounts())
        try:
            for chunk in source.chunks_to_write():
                indexed = bulk.index_texts(document.text for document in chunk)  # the slow part, before the lock
                _fold(report, counts, writer.write(lambda session, chunk=chunk, indexed=indexed: inserter.add(session, chunk, indexed)))
                chunks, documents, done = chunks + 1, documents + len(chunk), done + len(chunk)
                if progress is not None and not progress(done, total):
                    raise _Cancelled
            if inserter.waiting:
                _fold(report, counts, writer.write(inserter.finish))
            report.notes.extend(source.notes)
            counts.take(source.notes)
            report.notes.append(f"{source.path or 'documents'}: {counts.summary()}")
        except _Cancelled:
            report.cancelled = True
            report.notes.append(
                f"{source.path}: import cancelled after {chunks} of {source.chunks} chunks ({documents} of {source.documents} documents); "
                "import the file again to finish: what is already imported is skipped"
            )
            return report
        except (InputError, SchemeError, StorageError) as error:
            report.errors.append(_stopped(error, project, source, chunks, documents))
            if isinstance(error, StorageError):
                left = len(ready) - number - 1
                if left:
                    report.notes.append(f"{left} more file(s) were not imported")
                return report
    if progress is not None:
        progress(total, total)
    return report


def _check(project: Project, source: _Source, *, annotator: str, progress: Progress | None, keep: int) -> None:
    """The write, rehearsed against the project without writing: every error it would meet, before any chunk.
    Counts the documents and chunks the write will have, and keeps the chunks if they hold at most `keep`
    characters of text."""
    inserter = _Inserter(project, annotator=annotator, strict_ids=source.strict_ids, dry=True)
    kept: list[list[NewDocument]] | None = []
    if source.path is not None and source.path.is_file() and source.path.stat().st_size > 2 * keep:
        kept = None  # more text than is kept (Arabic is two bytes a letter): its first chunks would only raise the peak
    source.notes.clear()
    for chunk in _chunks(source.batches(source.notes)):
        if progress is not None and not progress(0, 0):
            raise _Cancelled
        with project.reading() as session:
            inserter.add(session, chunk)
        source.documents, source.chunks = source.documents + len(chunk), source.chunks + 1
        source.characters += sum(len(document.text) for document in chunk)
        if kept is not None and source.characters <= keep:
            kept.append(chunk)
        else:
            kept = None
    if inserter.waiting:
        with project.reading() as session:
            inserter.finish(session)
    source.kept = kept


def _chunks(batches: Iterator[list[NewDocument]]) -> Iterator[list[NewDocument]]:
    """Consecutive documents holding at most about CHUNK_ROWS rows and CHUNK_CHARACTERS of text (a larger
    document is a chunk of its own)."""
    for batch in batches:
        chunk: list[NewDocument] = []
        rows = characters = 0
        for document in batch:
            size = 1 + len(document.spans) + len(document.relations)
            if chunk and (rows + size > CHUNK_ROWS or characters + len(document.text) > CHUNK_CHARACTERS):
                yield chunk
                chunk, rows, characters = [], 0, 0
            chunk.append(document)
            rows += size
            characters += len(document.text)
        if chunk:
            yield chunk


def _fold(report: ImportReport, counts: FileCounts, chunk: _Chunk) -> None:
    counts.add(chunk)
    report.imported.extend(chunk.imported)
    report.skipped.extend(chunk.skipped)
    report.changes = report.changes | Changes(
        documents_added=frozenset(DocumentId(i) for i in chunk.documents), layers=frozenset(chunk.layers), identities=chunk.new_people
    )


UNKNOWN_LABEL_HELP = (
    "; map it to one of the scheme's labels (--map FILE, or --map {label}=LABEL), or start a project with the "
    "file's own labels (annotator new PROJECT --scheme-from {path})"
)


def _located(error: InputError | SchemeError, path: Path | None) -> InputError:
    where = str(path) if path is not None else None
    located = error if isinstance(error, InputError) else InputError(str(error), path=where)
    if where is not None and not located.path:
        located = located.located(path=where)
    found = re.search(r"unknown (?:span|relation) label '([^']*)'", located.reason)
    if found and "--map" not in located.reason and path is not None:
        label = found.group(1) if " " not in found.group(1) else "LABEL"
        located = InputError(located.reason + UNKNOWN_LABEL_HELP.format(label=label, path=path), path=located.path, line=located.line)
    return located


def _stopped(error: AnnotatorError, project: Project, source: _Source, chunks: int, documents: int) -> AnnotatorError:
    """The error of a write stopped half-way, saying precisely what was committed and how to finish."""
    if not chunks:
        return error if isinstance(error, StorageError) else _located(error, source.path)  # type: ignore[arg-type]
    reason = str(error).removeprefix(f"{project.path}: ").removesuffix("; nothing was changed")
    if isinstance(error, InputError):
        reason = error.reason
    message = (
        f"{source.path or 'documents'}: imported {chunks} of {source.chunks} chunks ({documents} of {source.documents} documents), "
        f"then stopped: {reason}; run the import again to finish: what is already imported is skipped"
    )
    return type(error)(message) if isinstance(error, StorageError) else InputError(message)


class _Inserter:
    """One file's documents, spans and relations, chunk after chunk, one statement per table and chunk.

    The reader has already checked every span and relation against the text and the scheme; the storage
    guards check every relation again as it goes in. A relation whose other end comes in a later chunk
    waits for it, so that it is committed with the later of its two documents. In dry mode the same
    decisions run against a read session, nothing is written, and the ids are made up.
    """

    def __init__(self, project: Project, *, annotator: str, strict_ids: bool, dry: bool) -> None:
        self.project, self.annotator, self.strict_ids, self.dry = project, annotator, strict_ids, dry
        self.now = utcnow()
        self.present: dict[str, int] = {}
        self.taken_documents: set[str] = set()
        self.taken_spans: set[str] = set()
        self.taken_relations: set[str] = set()
        self.people: dict[str, int] = {}
        self.span_ids: dict[tuple[str | None, str | None], int] = {}
        self.ends: dict[tuple[str | None, str | None], End] = {}  # dry mode: what the relation rules need of each span
        # The annotations already there, by what makes two the same, each answering for one of the file's:
        self.span_identities: dict[tuple[int, int, str, int, int], list[int]] = {}  # (document, annotator, label, start, end)
        self.relation_identities: Counter[tuple[int, int, str, int]] = Counter()  # (from span, to span, label, annotator)
        self.loaded: set[int] = set()  # documents already in the project whose annotations are read
        self.waiting: list[tuple[NewRelation, tuple[str | None, str | None]]] = []
        self._made_up = 0

    def _ids(self, count: int) -> list[int]:
        self._made_up += count
        return list(range(-self._made_up, -self._made_up + count))

    def person(self, session: Session, name: str | None, done: _Chunk) -> int:
        name = name or self.annotator
        if name not in self.people:
            found = session.scalar(select(Annotator.id).where(Annotator.name == name))
            if found is None:
                done.new_people = True
                found = self._ids(1)[0] if self.dry else self.project.annotator_id(session, name)
            self.people[name] = found
        return self.people[name]

    def add(self, session: Session, documents: list[NewDocument], indexed: dict[str, str] | None = None) -> _Chunk:
        done = _Chunk()
        digests = [sha256(document.text) for document in documents]
        self.present.update(bulk.lookup(session, Document.sha256, Document.id, [d for d in digests if d not in self.present]))
        self.taken_documents.update(bulk.lookup(session, Document.uid, Document.id, [d.uid for d in documents]))
        if not self.dry:  # a span or relation whose uid is taken gets a fresh one: nothing to check
            self.taken_spans.update(bulk.lookup(session, Span.uid, Span.id, [s.uid for d in documents for s in d.spans]))
            self.taken_relations.update(bulk.lookup(session, Relation.uid, Relation.id, [r.uid for d in documents for r in d.relations]))
        new: list[tuple[NewDocument, str, str]] = []
        known: dict[int, list[str | None]] = {}
        for document, digest in zip(documents, digests):
            if digest in self.present:  # its text is there already (in the project, or earlier in this file)
                done.skipped.append(document.title)
                known.setdefault(self.present[digest], []).append(document.uid)
                continue
            uid = _free_document_uid(self.taken_documents, document.uid or digest[:16], strict=self.strict_ids)
            self.present[digest] = 0  # the same text twice in one file is imported once; its id comes below
            new.append((document, uid, digest))
        self._known_spans(session, known)
        rows = [] if self.dry else [
            {"uid": uid, "sha256": digest, "title": d.title, "source": d.source, "url": d.url, "published": d.published,
             "text": d.text, "meta": d.metadata, "imported_at": self.now}
            for d, uid, digest in new
        ]
        document_ids = self._ids(len(new)) if self.dry else bulk.insert_documents(session, rows, indexed=indexed)
        for (document, _uid, digest), document_id in zip(new, document_ids):
            self.present[digest] = document_id
            done.imported.append(document.title)
        done.documents.extend(document_ids if not self.dry else ())
        done.new_documents, done.matched_documents = len(new), len(documents) - len(new)
        span_rows, span_keys, span_ends, span_identities = [], [], [], []
        for document, digest in zip(documents, digests):
            document_id = self.present[digest]
            for span in document.spans:
                person = self.person(session, span.annotator, done)
                identity = (document_id, person, span.label, span.start, span.end)
                if self.span_identities.get(identity):  # this layer has it already: the file's id now names that span
                    found = self.span_identities[identity].pop(0)
                    self.span_ids[(document.uid, span.uid)] = found
                    self.ends[(document.uid, span.uid)] = End(found, document_id, span.label)
                    done.spans_present += 1
                    continue
                span_keys.append((document.uid, span.uid))
                span_ends.append((document_id, span.label))
                span_identities.append(identity)
                done.spans_added += 1
                done.layers.add(span.annotator or self.annotator)
                if self.dry:
                    continue
                span_rows.append({
                    "uid": _free_uid_in(self.taken_spans, span.uid), "document_id": document_id,
                    "annotator_id": person, "label": span.label, "start": span.start,
                    "end": span.end, "text": span.text, "attributes": span.attributes, "note": span.note,
                    "derived_from": list(span.derived_from), "created_at": self.now, "updated_at": self.now,
                })
        span_ids = self._ids(len(span_keys)) if self.dry else bulk.insert_spans(session, span_rows)
        self.span_ids.update(zip(span_keys, span_ids))
        for identity, span_id in zip(span_identities, span_ids):  # a later copy of the same text finds them
            self.span_identities.setdefault(identity, []).append(span_id)
        self.ends.update((key, End(span_id, owner, label)) for key, span_id, (owner, label) in zip(span_keys, span_ids, span_ends))
        for document in documents:
            for relation in document.relations:
                self.waiting.append((relation, (relation.from_document or document.uid, relation.to_document or document.uid)))
        self._insert_relations(session, done, final=False)
        return done

    def _known_spans(self, session: Session, owners: dict[int, list[str | None]]) -> None:
        """The spans of documents already in the project: under the uid the file gives their document, and by
        what makes a span the same span (layer, label, extent), so that a file's span already there is not added twice."""
        ids = [document_id for document_id in owners if document_id > 0 and document_id not in self.loaded]
        self.loaded.update(ids)
        for first in range(0, len(ids), bulk.BATCH):
            query = select(Span.document_id, Span.uid, Span.id, Span.label, Span.annotator_id, Span.start, Span.end).where(
                Span.document_id.in_(ids[first : first + bulk.BATCH])
            )
            for document_id, uid, span_id, label, person, start, end in session.execute(query):
                self.span_identities.setdefault((document_id, person, label, start, end), []).append(span_id)
                for owner in owners[document_id]:
                    self.span_ids.setdefault((owner, uid), span_id)
                    self.ends.setdefault((owner, uid), End(span_id, document_id, label))
            relations = select(Relation.from_span_id, Relation.to_span_id, Relation.label, Relation.annotator_id).join(
                Span, Span.id == Relation.from_span_id
            ).where(Span.document_id.in_(ids[first : first + bulk.BATCH]))
            self.relation_identities.update(tuple(row) for row in session.execute(relations))  # type: ignore[misc]

    def _insert_relations(self, session: Session, done: _Chunk, *, final: bool) -> None:
        rows, still = [], []
        for relation, ends in self.waiting:
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
            person = self.person(session, relation.annotator, done)
            identity = (self.span_ids[keys[0]], self.span_ids[keys[1]], relation.label, person)
            if self.relation_identities[identity] > 0:  # each one there answers for one in the file
                self.relation_identities[identity] -= 1
                done.relations_present += 1
                continue
            done.relations_added += 1
            if self.dry:  # the rule the storage guard applies as the row goes in
                check_relation_ends(self.project.scheme, relation.label, relation.attributes, self.ends[keys[0]], self.ends[keys[1]])
                continue
            rows.append({
                "uid": _free_uid_in(self.taken_relations, relation.uid), "label": relation.label,
                "from_span_id": self.span_ids[keys[0]], "to_span_id": self.span_ids[keys[1]],
                "annotator_id": person, "attributes": relation.attributes,
                "note": relation.note, "created_at": self.now, "updated_at": self.now,
            })
            done.layers.add(relation.annotator or self.annotator)
        self.waiting = still
        if rows:
            bulk.insert_relations(session, self.project.scheme_in(session), rows)

    def finish(self, session: Session) -> _Chunk:
        done = _Chunk()
        self._insert_relations(session, done, final=True)
        return done


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

"""Bring other project files into one: documents matched by text hash, spans and relations by uid, each
annotator's layer copied once. Merging again adds nothing, so a merge stopped half-way is finished by running
it again. Each file is checked whole before anything of it is written, then written in short chunks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError, InputError, SchemeError, StorageError
from annotator.core.model import GOLD, DocumentId
from annotator.core.scheme import Scheme
from annotator.services.team.identity import Identity, check_import, remembered_or_none
from annotator.services.team.registry_merge import RegistryDone, RegistryRows, read_registry, write_registry
from annotator.storage import backup, bulk
from annotator.storage.bulk import ChunkedWriter
from annotator.storage.guards import End, check_relation_ends
from annotator.storage.models import Annotator, Document, DocumentState, Relation, Span
from annotator.storage.location import location
from annotator.storage.project import Project

CHUNK_ROWS = 500  # spans, relations or states per transaction
CHUNK_CHARACTERS = 150_000  # of document text per transaction (it is indexed too)
PER_FILE = 1000  # progress steps per file
Progress = Callable[[int, int], bool]


@dataclass
class MergeReport:
    documents: int = 0
    spans: int = 0
    relations: int = 0
    errors: list[AnnotatorError] = field(default_factory=list)  # InputError for a file refused; StorageError if a write failed
    cancelled: bool = False
    notes: list[str] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)


class _Cancelled(Exception):
    pass


def merge_paths(
    target: Project,
    sources: list[Path],
    *,
    acting: Identity | None = None,
    progress: Progress | None = None,
    documents: set[str] | None = None,
) -> MergeReport:
    """Merge each file; one that cannot be merged is reported and changes nothing.

    Roles are the target's: a person new to the target comes in as an annotator, whatever the file says, and
    every role that differs is reported in the notes. `acting` (by default the identity remembered for the
    target) must be allowed to bring in every layer of a file: a reviewer any layer, an annotator only her own.

    `progress(done, total)` is called between chunks (PER_FILE steps per file) and while files are checked;
    returning False cancels between chunks: what was committed stays, and the report says so.
    `documents` (document ids as exports give them) limits the merge to those documents and their annotations;
    a link to a document left out is not merged, and the report counts it.
    """
    target.check_writable()
    acting = remembered_or_none(target, acting)
    if not target.is_server:  # a server's backups are the server's own (storage/backup.py)
        backup.back_up(target.path, "before-merge")
    report = MergeReport()
    total = PER_FILE * len(sources)

    def step(done: int) -> None:
        if progress is not None and not progress(done, total):
            raise _Cancelled

    for number, path in enumerate(sources):
        path = location(path)  # a file, or a project on a server (annotator pull)
        merger: _Merger | None = None
        try:
            step(PER_FILE * number)
            with _open_source(target, path) as source:
                merger = _Merger(target, source, path, documents)
                merger.check(acting)
                report.notes.extend(merger.role_notes)
                merger.write(lambda done, planned: step(PER_FILE * number + PER_FILE * done // max(planned, 1)))
        except _Cancelled:
            _fold(report, merger)
            report.cancelled = True
            report.notes.append(_note(path, merger, "merge cancelled"))
            return report
        except AnnotatorError as error:
            _fold(report, merger)
            report.errors.append(_stopped(error, target, path, merger) if merger and merger.committed else _refused(error, path))
            left = len(sources) - number - 1
            if isinstance(error, StorageError):
                if left:
                    report.notes.append(f"{left} more file(s) were not merged")
                return report
            continue
        _fold(report, merger)
    return report


def _open_source(target: Project, path: Path) -> Project:
    if path.resolve() == target.path.resolve():
        raise InputError("is the target project itself", path=str(path))
    return Project.open(path, busy_timeout_ms=target.busy_timeout_ms)


def _refused(error: AnnotatorError, path: Path) -> AnnotatorError:
    """The error of a file of which nothing was merged."""
    if isinstance(error, SchemeError):
        return InputError(f"does not fit the target's tag scheme: {error}", path=str(path))
    if isinstance(error, InputError | StorageError) or str(error).startswith(str(path)):
        return error
    return InputError(str(error), path=str(path))


def _note(path: Path, merger: _Merger | None, what: str) -> str:
    if merger is None or not merger.committed:
        return f"{path}: {what}; nothing of it was merged"
    return f"{path}: {what} after {merger.progress()}; run the merge again to finish: what is already merged is skipped"


def _stopped(error: AnnotatorError, target: Project, path: Path, merger: _Merger) -> AnnotatorError:
    """The error of a merge stopped half-way, saying precisely what was committed and how to finish."""
    if isinstance(error, InputError):
        reason = error.reason
    else:
        reason = str(error).removeprefix(f"{target.path}: ").removesuffix("; nothing was changed")
    message = (
        f"{path}: merged {merger.progress()}, then stopped: {reason}; "
        "run the merge again to finish: what is already merged is skipped"
    )
    return type(error)(message) if isinstance(error, StorageError) else InputError(message)


def _fold(report: MergeReport, merger: _Merger | None) -> None:
    if merger is None:
        return
    report.documents += merger.counts["documents"]
    report.spans += merger.counts["spans"]
    report.relations += merger.counts["relations"]
    report.changes = report.changes | Changes(
        documents_added=frozenset(DocumentId(i) for i in merger.added), layers=frozenset(merger.layers), identities=merger.new_people,
        sources=frozenset(merger.registry_done.sources),
    )
    if merger.registry_done.conflicts:
        report.notes.append(f"{merger.path}: {merger.registry_done.conflicts} source span(s) are linked to another canonical source "
                            "there; the links here were kept")


class _Merger:
    """One source file: `check` reads both projects and refuses what cannot be merged; `write` copies the
    rest in chunks (annotators, documents, spans, relations, statuses), each chunk read from the source
    before its transaction starts and checked again against the target inside it."""

    def __init__(self, target: Project, source: Project, path: Path, chosen: set[str] | None = None) -> None:
        self.target, self.source, self.path = target, source, path
        self.chosen = chosen  # the document ids to merge; None: all
        self.scheme: Scheme = target.scheme
        self.committed = 0
        self.planned = 0
        self.counts = {"documents": 0, "spans": 0, "relations": 0}
        self.added: list[int] = []
        self.layers: set[str] = set()
        self.new_people = False
        self.names: dict[int, tuple[str, str]] = {}
        self.documents: dict[int, int] = {}  # their document id -> ours
        self.spans: dict[int, int] = {}  # their span id -> ours
        self.people: dict[int, int] = {}  # their annotator id -> ours
        self.new_documents: list[tuple[int, int]] = []  # (their id, text length)
        self.new_spans: list[int] = []
        self.new_relations: list[int] = []
        self.states: list[int] = []
        self.role_notes: list[str] = []
        self.registry = RegistryRows()  # their source registry and same-claim links, merged after the spans
        self.registry_done = RegistryDone()

    def progress(self) -> str:
        c = self.counts
        return f"{self.committed} of {self.planned} chunks ({c['documents']} document(s), {c['spans']} span(s), {c['relations']} relation(s))"

    def check(self, acting: Identity | None) -> None:
        path = str(self.path)
        with self.source.reading() as theirs, self.target.reading() as ours:
            self.names = {row.id: (row.name, row.role) for row in theirs.execute(select(Annotator.id, Annotator.name, Annotator.role))}
            roles = {row.name: row.role for row in ours.execute(select(Annotator.name, Annotator.role))}
            if acting is not None:
                for layer in self._layers(theirs):
                    check_import(acting, layer, what="a merged file's annotations")
            for name, role in sorted(self.names.values()):
                ours_is = roles.get(name, "annotator" if name != GOLD else role)
                if role != ours_is:
                    self.role_notes.append(
                        f"{path}: {name} is {_a(role)} there and {_a(ours_is)} here; roles are not merged: "
                        f"a reviewer of {self.target.path.name} decides them"
                    )
            query = select(Document.id, Document.uid, Document.sha256, func.length(Document.text)).order_by(Document.id)
            rows = [tuple(row) for row in theirs.execute(query)]
            if self.chosen is not None:
                missing = sorted(self.chosen - {uid for _id, uid, _sha, _size in rows})
                if missing:
                    raise InputError(f"no document {missing[0]!r} here; nothing was merged", path=path)
                rows = [row for row in rows if row[1] in self.chosen]
            kept_documents = [their_id for their_id, _uid, _sha, _size in rows]
            by_hash = bulk.lookup(ours, Document.sha256, Document.id, [sha for _id, _uid, sha, _size in rows])
            clashes = bulk.lookup(ours, Document.uid, Document.id, [uid for _id, uid, sha, _size in rows if sha not in by_hash])
            for their_id, uid, sha, _size in rows:
                if sha in by_hash:
                    self.documents[their_id] = by_hash[sha]
                elif uid in clashes:
                    raise InputError(
                        f"document {uid!r} has a different text than the target's document of that id; nothing was merged", path=path
                    )
            self.new_documents = [(their_id, size) for their_id, _uid, _sha, size in rows if their_id not in self.documents]
            ends: dict[int, End] = {}
            uids: dict[int, str] = {}
            span_query = select(Span.id, Span.uid, Span.document_id, Span.label, Span.attributes).order_by(Span.id)
            if self.chosen is not None:
                span_query = span_query.where(Span.document_id.in_(kept_documents))
            for span in theirs.execute(span_query):
                try:
                    self.scheme.span_label(span.label)
                except SchemeError:
                    raise InputError(f"span {span.uid!r} has the label {span.label}, unknown to the target's scheme", path=path) from None
                self.scheme.check_span(span.label, dict(span.attributes or {}))
                ends[span.id] = End(span.id, span.document_id, span.label)
                uids[span.id] = span.uid
            present = bulk.lookup(ours, Span.uid, Span.id, uids.values())
            for their_id, uid in uids.items():
                if uid in present:
                    self.spans[their_id] = present[uid]
                else:
                    self.new_spans.append(their_id)
            relations = theirs.execute(
                select(Relation.id, Relation.uid, Relation.label, Relation.from_span_id, Relation.to_span_id, Relation.attributes).order_by(Relation.id)
            ).all()
            if self.chosen is not None:
                inside = [r for r in relations if r.from_span_id in ends and r.to_span_id in ends]
                left_out = sum(1 for r in relations if (r.from_span_id in ends) != (r.to_span_id in ends))
                if left_out:
                    self.role_notes.append(f"{path}: {left_out} link(s) to documents left out were not merged")
                relations = inside
            for relation in relations:
                check_relation_ends(self.scheme, relation.label, dict(relation.attributes or {}),
                                    ends.get(relation.from_span_id), ends.get(relation.to_span_id))
            taken = bulk.lookup(ours, Relation.uid, Relation.id, [r.uid for r in relations])
            self.new_relations = [r.id for r in relations if r.uid not in taken]
            states = select(DocumentState.id).order_by(DocumentState.id)
            if self.chosen is not None:
                states = states.where(DocumentState.document_id.in_(kept_documents))
            self.states = list(theirs.scalars(states))
        self.registry = read_registry(self.source)
        self.planned = 1 + bool(len(self.registry)) + sum(1 for _ in self._document_chunks()) + sum(
            -(-len(items) // CHUNK_ROWS) for items in (self.new_spans, self.new_relations, self.states)
        )

    def _layers(self, theirs: Session) -> list[str]:
        """The names of the layers the source holds annotations or statuses in."""
        used: set[int] = set()
        for model in (Span, Relation, DocumentState):
            used.update(theirs.scalars(select(model.annotator_id).distinct()))
        return sorted(self.names[annotator_id][0] for annotator_id in used if annotator_id in self.names)

    def _document_chunks(self) -> Iterator[list[int]]:
        chunk: list[int] = []
        characters = 0
        for their_id, size in self.new_documents:
            if chunk and (len(chunk) >= CHUNK_ROWS or characters + size > CHUNK_CHARACTERS):
                yield chunk
                chunk, characters = [], 0
            chunk.append(their_id)
            characters += size
        if chunk:
            yield chunk

    def write(self, step: Callable[[int, int], None]) -> None:
        """Each chunk's rows are read from the source before its transaction; what a chunk did is taken
        into account only once it is committed."""
        writer = ChunkedWriter(self.target)
        self._commit(writer, self._write_people, step)
        for chunk in self._document_chunks():
            rows = self._read(Document, chunk)
            indexed = bulk.index_texts(row["text"] for row in rows)  # the slow part, before the lock
            self._commit(writer, lambda session, rows=rows, indexed=indexed: self._write_documents(session, rows, indexed), step)
        for model, ids, work in ((Span, self.new_spans, self._write_spans), (Relation, self.new_relations, self._write_relations),
                                 (DocumentState, self.states, self._write_states)):
            for first in range(0, len(ids), CHUNK_ROWS):
                rows = self._read(model, ids[first : first + CHUNK_ROWS])
                self._commit(writer, lambda session, rows=rows, work=work: work(session, rows), step)
        if len(self.registry):
            self._commit(writer, self._write_registry, step)

    def _write_registry(self, session: Session) -> _Done:
        done = _Done()
        done.registry = write_registry(session, self.registry, spans=self.spans, people=self.people)
        return done

    def _commit(self, writer: ChunkedWriter, work: Callable[[Session], _Done], step: Callable[[int, int], None]) -> None:
        done = writer.write(work)
        self.people.update(done.people)
        self.documents.update(done.documents)
        self.spans.update(done.spans)
        self.added.extend(done.added)
        self.layers.update(done.layers)
        self.new_people = self.new_people or done.new_people
        if done.registry is not None:
            self.registry_done = done.registry
        for key, number in done.counts.items():
            self.counts[key] += number
        self.committed += 1
        step(self.committed, self.planned)

    def _read(self, model: Any, ids: list[int]) -> list[dict[str, Any]]:
        """Whole rows of the source."""
        columns = [column.key for column in model.__table__.columns]
        with self.source.reading() as theirs:
            rows = theirs.execute(select(*model.__table__.columns).where(model.id.in_(ids)).order_by(model.id)).all()
        return [dict(zip(columns, row)) for row in rows]

    def _write_people(self, session: Session) -> _Done:
        done = _Done()
        ours = {row.name: row for row in session.scalars(select(Annotator).where(Annotator.name.in_([n for n, _r in self.names.values()])))}
        for their_id, (name, role) in self.names.items():
            row = ours.get(name)
            if row is None:  # roles are never merged: a newcomer is an annotator until a reviewer here says otherwise
                row = ours[name] = Annotator(name=name, role="annotator" if name != GOLD else role)
                session.add(row)
                session.flush()
                done.new_people = True
            done.people[their_id] = row.id
        return done

    def _write_documents(self, session: Session, rows: list[dict[str, Any]], indexed: dict[str, str]) -> _Done:
        done = _Done()
        present = bulk.lookup(session, Document.sha256, Document.id, [row["sha256"] for row in rows])
        fresh = [row for row in rows if row["sha256"] not in present]
        clashes = bulk.lookup(session, Document.uid, Document.id, [row["uid"] for row in fresh])
        if clashes:
            raise InputError(f"document {next(iter(clashes))!r} has a different text than the target's document of that id")
        ids = bulk.insert_documents(session, [{k: v for k, v in row.items() if k != "id"} for row in fresh], indexed=indexed)
        done.documents.update((row["id"], present[row["sha256"]]) for row in rows if row["sha256"] in present)
        done.documents.update(zip((row["id"] for row in fresh), ids))
        done.added.extend(ids)
        done.counts["documents"] = len(ids)
        return done

    def _write_spans(self, session: Session, rows: list[dict[str, Any]]) -> _Done:
        done = _Done()
        present = bulk.lookup(session, Span.uid, Span.id, [row["uid"] for row in rows])
        fresh = [row for row in rows if row["uid"] not in present]
        ids = bulk.insert_spans(session, [
            {**{k: v for k, v in row.items() if k != "id"}, "document_id": self.documents[row["document_id"]],
             "annotator_id": self.people[row["annotator_id"]]}
            for row in fresh
        ])
        done.spans.update((row["id"], present[row["uid"]]) for row in rows if row["uid"] in present)
        done.spans.update(zip((row["id"] for row in fresh), ids))
        done.layers.update(self.names[row["annotator_id"]][0] for row in fresh)
        done.counts["spans"] = len(ids)
        return done

    def _write_relations(self, session: Session, rows: list[dict[str, Any]]) -> _Done:
        done = _Done()
        present = bulk.lookup(session, Relation.uid, Relation.id, [row["uid"] for row in rows])
        fresh = [row for row in rows if row["uid"] not in present]
        bulk.insert_relations(session, self.scheme, [
            {**{k: v for k, v in row.items() if k != "id"}, "from_span_id": self.spans[row["from_span_id"]],
             "to_span_id": self.spans[row["to_span_id"]], "annotator_id": self.people[row["annotator_id"]]}
            for row in fresh
        ])
        done.layers.update(self.names[row["annotator_id"]][0] for row in fresh)
        done.counts["relations"] = len(fresh)
        return done

    def _write_states(self, session: Session, rows: list[dict[str, Any]]) -> _Done:
        done = _Done()
        keys = [(self.documents[row["document_id"]], self.people[row["annotator_id"]]) for row in rows]
        documents = sorted({document for document, _ in keys})
        have: set[tuple[int, int]] = set()
        for first in range(0, len(documents), bulk.BATCH):
            query = select(DocumentState.document_id, DocumentState.annotator_id).where(
                DocumentState.document_id.in_(documents[first : first + bulk.BATCH])
            )
            have.update((row[0], row[1]) for row in session.execute(query))
        fresh = [(key, row) for key, row in zip(keys, rows) if key not in have]
        bulk.insert_states(session, [
            {"document_id": key[0], "annotator_id": key[1], "status": row["status"], "updated_at": row["updated_at"]} for key, row in fresh
        ])
        done.layers.update(self.names[row["annotator_id"]][0] for _key, row in fresh)
        return done


def _a(role: str) -> str:
    return f"an {role}" if role[:1] in "aeiou" else f"a {role}"


@dataclass
class _Done:
    """What one chunk did, taken into account once it is committed."""

    people: dict[int, int] = field(default_factory=dict)
    documents: dict[int, int] = field(default_factory=dict)
    spans: dict[int, int] = field(default_factory=dict)
    added: list[int] = field(default_factory=list)
    layers: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)
    new_people: bool = False
    registry: RegistryDone | None = None

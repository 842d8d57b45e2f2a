"""Import articles into a project. Each file is checked whole before anything of it is written (a bad file
changes nothing), then written in short transactions of a few hundred rows, so that the window can write in
between; a file stopped half-way is finished by importing it again (what is there is skipped)."""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError, InputError, SchemeError, StorageError
from annotator.core.model import DocumentId, NewDocument
from annotator.services.io.datasets import detect_format, iter_dataset
from annotator.services.io.inserting import Chunk, Counts, Inserter, Plan, sha256
from annotator.services.io.spool import Spool
from annotator.storage import bulk
from annotator.storage.bulk import ChunkedWriter
from annotator.storage.project import Project

ARTICLE_SUFFIXES = {".txt", ".jsonl", ".json"}
# One transaction holds at most about this much: a chunk of the benchmark corpus holds the lock ~25 ms.
CHUNK_ROWS = 600  # documents, spans and relations
CHUNK_CHARACTERS = 150_000  # of text, which is indexed too
# Files holding less text than this (together) are kept in memory between the check and the write; larger ones
# go to a temporary file (the write never reads and checks a file again).
KEEP_CHARACTERS = 5_000_000
# The rehearsal runs beside the reading up to this many spans; past it, from the kept chunks (see _check).
REHEARSED_SPANS = 150_000
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
class FileCounts(Counts):
    """What one file brought: its documents and annotations new or already there, and what it could not keep."""

    not_kept: Counter[str] = field(default_factory=Counter)  # elements of the file the project cannot hold, by kind
    kept_differently: Counter[str] = field(default_factory=Counter)  # kept, but not as the file gives them, by kind

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
    checked: Spool | None = None  # the checked chunks, for the write
    plan: Plan = field(default_factory=Plan)


def _import(project: Project, sources: list[_Source], *, annotator: str, progress: Progress | None) -> ImportReport:
    project.check_writable()
    with _fewer_collections():
        try:
            return _checked_and_written(project, sources, annotator=annotator, progress=progress)
        finally:
            for source in sources:
                if source.checked is not None:
                    source.checked.close()


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """The import makes millions of small objects that live until their chunk is written: the cyclic garbage
    collector's default pace (every 700 allocations) spends a tenth of the import scanning them."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], 50_000), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _checked_and_written(project: Project, sources: list[_Source], *, annotator: str, progress: Progress | None) -> ImportReport:
    report = ImportReport()
    ready: list[_Source] = []
    kept = 0
    try:
        for source in sources:
            if source.error is None:
                try:
                    _check(project, source, annotator=annotator, progress=progress, keep=max(0, KEEP_CHARACTERS - kept))
                except (InputError, SchemeError) as error:
                    source.error = _located(error, source.path)
                    if source.checked is not None:
                        source.checked.close()
            if source.error is not None:
                report.errors.append(source.error)
            else:
                ready.append(source)
                assert source.checked is not None
                kept += source.checked.characters if source.checked.file is None else 0
    except _Cancelled:
        report.cancelled = True
        report.notes.append("import cancelled before anything was written")
        return report
    total = sum(source.documents for source in ready)
    writer = ChunkedWriter(project)
    done = 0
    for number, source in enumerate(ready):
        inserter = Inserter(project, annotator=annotator, strict_ids=source.strict_ids, dry=False, plan=source.plan)
        chunks = documents = 0
        counts = report.files.setdefault(str(source.path or "documents"), FileCounts())
        try:
            assert source.checked is not None
            for chunk, digests in source.checked:
                # The index forms before the lock: their time counts in the pause the writer leaves between chunks.
                indexed = bulk.index_texts(document.text for document in chunk)
                _fold(report, counts, writer.write(
                    lambda session, chunk=chunk, indexed=indexed, digests=digests: inserter.add(session, chunk, indexed, digests)
                ))
                chunks, documents, done = chunks + 1, documents + len(chunk), done + len(chunk)
                if progress is not None and not progress(done, total):
                    raise _Cancelled
            if inserter.waiting:
                _fold(report, counts, writer.write(inserter.finish))
            source.checked.close()  # its temporary file and kept chunks are not needed any more
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
    Counts the documents and chunks the write will have, keeps the checked chunks for it (in memory up to
    `keep` characters of text, else in a temporary file) and learns its Plan.

    The rehearsal runs beside the reading while the file has brought at most REHEARSED_SPANS spans. A larger
    file is read to its end first, and the rest rehearsed from the kept chunks knowing the file's Plan, so
    that the rehearsal's memory does not grow with every span of the file."""
    inserter = Inserter(project, annotator=annotator, strict_ids=source.strict_ids, dry=True)
    source.checked = Spool(keep=keep)
    source.notes.clear()
    rehearsed = spans = 0
    for chunk in _chunks(source.batches(source.notes)):
        if progress is not None and not progress(0, 0):
            raise _Cancelled
        digests = [sha256(document.text) for document in chunk]
        if rehearsed == source.chunks and spans <= REHEARSED_SPANS:
            with project.reading() as session:
                inserter.add(session, chunk, digests=digests)
            rehearsed += 1
            spans += sum(len(document.spans) for document in chunk)
        source.documents, source.chunks = source.documents + len(chunk), source.chunks + 1
        source.plan.take(chunk, digests)
        source.checked.add(chunk, digests)
    source.plan.seen.clear()
    if rehearsed < source.chunks:
        inserter.forget(source.plan)
        for chunk, digests in source.checked.chunks_from(rehearsed):
            if progress is not None and not progress(0, 0):
                raise _Cancelled
            with project.reading() as session:
                inserter.add(session, chunk, digests=digests)
    if inserter.waiting:
        with project.reading() as session:
            inserter.finish(session)


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


def _fold(report: ImportReport, counts: FileCounts, chunk: Chunk) -> None:
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

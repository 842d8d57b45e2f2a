"""The checked chunks of a file, kept between the import's rehearsal and its write: in memory while they are
small, else in a temporary file in a compact form (marshal of plain tuples), so that the write neither reads
and checks the file again nor holds the corpus in memory. The write then writes exactly what was checked."""

from __future__ import annotations

import marshal
import pickle
import struct
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from operator import attrgetter
from queue import Full, Queue
from typing import IO, Any, TypeVar

from annotator.core.model import NewDocument, NewRelation, NewSpan

Checked = tuple[list[NewDocument], list[str]]  # a chunk's documents and the sha256 of their texts
T = TypeVar("T")
R = TypeVar("R")


class Spool:
    """Chunks in, the same chunks out, once each, in order."""

    def __init__(self, *, keep: int) -> None:
        self.keep = keep  # characters of text held in memory before the chunks go to a file
        self.characters = 0
        self.kept: list[Checked] = []
        self.file: IO[bytes] | None = None
        self.chunks = 0

    def add(self, documents: list[NewDocument], digests: list[str]) -> None:
        self.chunks += 1
        self.characters += sum(len(document.text) for document in documents)
        if self.file is None and self.characters <= self.keep:
            self.kept.append((documents, digests))
            return
        if self.file is None:
            self.file = tempfile.TemporaryFile(prefix="annotator-import-")
            for chunk in self.kept:
                _write(self.file, _packed(*chunk))
            self.kept = []
        _write(self.file, _packed(documents, digests))

    def __iter__(self) -> Iterator[Checked]:
        return self.chunks_from(0)

    def chunks_from(self, start: int) -> Iterator[Checked]:
        """The chunks from the `start`th on."""
        if self.file is None:
            yield from self.kept[start:]
            return
        self.file.flush()
        self.file.seek(0)
        for _ in range(start):
            (size,) = struct.unpack("<Q", self.file.read(8))
            self.file.seek(size, 1)
        for _ in range(start, self.chunks):
            yield _unpacked(_read(self.file))

    def close(self) -> None:
        self.kept = []
        if self.file is not None:
            self.file.close()
            self.file = None


def _write(file: IO[bytes], packed: Any) -> None:
    try:
        data = b"m" + marshal.dumps(packed)
    except ValueError:  # metadata a reader made of other than JSON's values
        data = b"p" + pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)
    file.write(struct.pack("<Q", len(data)))
    file.write(data)


def _read(file: IO[bytes]) -> Any:
    (size,) = struct.unpack("<Q", file.read(8))
    data = file.read(size)
    return marshal.loads(memoryview(data)[1:]) if data[:1] == b"m" else pickle.loads(memoryview(data)[1:])


_SPAN = attrgetter(*NewSpan.__slots__)  # the fields in the order the constructor takes them
_RELATION = attrgetter(*NewRelation.__slots__)


def _packed(documents: list[NewDocument], digests: list[str]) -> Any:
    return (
        [(d.uid, d.title, d.text, d.source, d.url, d.published, d.metadata,
          list(map(_SPAN, d.spans)), list(map(_RELATION, d.relations))) for d in documents],
        digests,
    )


def _unpacked(packed: Any) -> Checked:
    documents, digests = packed
    return [
        NewDocument(uid, title, text, source, url, published, metadata,
                    tuple(NewSpan(*span) for span in spans), tuple(NewRelation(*relation) for relation in relations))
        for uid, title, text, source, url, published, metadata, spans, relations in documents
    ], digests


@contextmanager
def ahead(items: Iterable[T], prepare: Callable[[T], R], *, depth: int = 2) -> Iterator[Iterator[R]]:
    """`prepare(item)` for each item, in order, done by a thread at most `depth` items ahead of the consumer.
    The import's write spends most of its time in SQLite, which lets other Python threads run: reading the
    next chunk from the spool and folding its texts for the index then costs no time of the write's.
    An error in the thread comes out of the consumer's next item; leaving the block stops the thread."""
    queue: Queue[tuple[bool, Any]] = Queue(maxsize=depth)
    stop = threading.Event()

    def put(entry: tuple[bool, Any]) -> bool:
        while not stop.is_set():
            try:
                queue.put(entry, timeout=0.05)
                return True
            except Full:
                continue
        return False

    def work() -> None:
        try:
            for item in items:
                if not put((True, prepare(item))):
                    return
        except BaseException as error:  # noqa: BLE001 - handed to the consumer, who raises it
            put((False, error))
            return
        put((False, None))

    def results() -> Iterator[R]:
        while True:
            more, value = queue.get()
            if not more:
                if value is not None:
                    raise value
                return
            yield value

    thread = threading.Thread(target=work, name="import-ahead", daemon=True)
    thread.start()
    try:
        yield results()
    finally:
        stop.set()
        thread.join()

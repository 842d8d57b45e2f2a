"""The checked chunks of a file, kept between the import's rehearsal and its write: in memory while they are
small, else in a temporary file in a compact form (marshal of plain tuples), so that the write neither reads
and checks the file again nor holds the corpus in memory. The write then writes exactly what was checked."""

from __future__ import annotations

import marshal
import pickle
import struct
import tempfile
from collections.abc import Iterator
from operator import attrgetter
from typing import IO, Any

from annotator.core.model import NewDocument, NewRelation, NewSpan

Checked = tuple[list[NewDocument], list[str]]  # a chunk's documents and the sha256 of their texts


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


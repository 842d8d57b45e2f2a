"""The import's spool gives back exactly the checked chunks, from memory or from its file."""

from __future__ import annotations

from datetime import datetime

import pytest

from annotator.core.model import NewDocument, NewRelation, NewSpan
from annotator.services.io.spool import Spool


def chunk(number: int, metadata: dict | None = None) -> tuple[list[NewDocument], list[str]]:
    text = f"نص رقم {number}"
    document = NewDocument(
        uid=f"d{number}", title=f"t{number}", text=text, source="s", url=None, published="2026-01-01",
        metadata=metadata or {"n": number, "big": 10**30, "x": [1.5, None, True]},
        spans=(NewSpan(f"s{number}", "CLAIM", 0, 2, text[:2], "lina", {"a": "b"}, "note", ("y",)),
               NewSpan(None, "CUE", 3, 6, text[3:6])),
        relations=(NewRelation("r", "SUPPORT", f"s{number}", f"s{number}", to_document="d0", attributes={"k": True}),),
    )
    return [document], [f"digest{number}"]


@pytest.mark.parametrize("keep", [10**9, 0], ids=["memory", "file"])
def test_the_chunks_come_back_as_they_went_in(keep: int) -> None:
    chunks = [chunk(n) for n in range(5)] + [chunk(5, {"when": datetime(2026, 1, 1)})]  # not marshallable: pickled
    spool = Spool(keep=keep)
    for documents, digests in chunks:
        spool.add(documents, digests)
    assert (spool.file is None) == (keep > 0)
    assert list(spool) == chunks
    assert list(spool) == chunks  # read twice: the rehearsal of a large file, then the write
    assert list(spool.chunks_from(4)) == chunks[4:]
    spool.close()


"""The import's spool gives back exactly the checked chunks, from memory or from its file; the thread that
prepares chunks ahead keeps their order, hands on its errors and stops when the consumer leaves."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest

from annotator.core.model import NewDocument, NewRelation, NewSpan
from annotator.services.io.spool import Spool, ahead


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


def test_ahead_keeps_the_order_and_hands_on_errors() -> None:
    with ahead(range(50), lambda n: n * n) as results:
        assert list(results) == [n * n for n in range(50)]

    def fail(n: int) -> int:
        if n == 3:
            raise ValueError("bad chunk")
        return n

    with pytest.raises(ValueError, match="bad chunk"), ahead(range(10), fail) as results:
        assert [next(results) for _ in range(3)] == [0, 1, 2]
        next(results)


def test_leaving_early_stops_the_thread() -> None:
    before = threading.active_count()
    with ahead(iter(range(10**9)), lambda n: n, depth=2) as results:
        assert next(results) == 0
    assert threading.active_count() == before

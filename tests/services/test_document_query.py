"""The document list's pages, filters and sort order come from SQL."""

from __future__ import annotations

import pytest

from annotator.core.model import DocumentId, DocumentStatus
from annotator.services.documents import query as dq
from annotator.services.documents.progress import set_status
from annotator.services.team.identity import Role, assign, identify
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.project import Project
from tests.conftest import add_document


def test_pages_filters_and_sort(project: Project) -> None:
    ids = [DocumentId(add_document(project, f"نص رقم {n} قال مسؤول", title=f"عنوان {9 - n}")) for n in range(10)]
    TaggingService(project, annotator="lina").create_span(document_id=ids[3], start=0, end=2, label="CLAIM")
    TaggingService(project, annotator="omar").create_span(document_id=ids[5], start=0, end=2, label="CUE")
    set_status(project, document_id=ids[7], annotator="lina", status=DocumentStatus.DONE)
    mine = dq.DocumentFilter(annotator="lina")
    assert dq.count(project, mine) == 10
    assert [d.id for d in dq.page(project, mine, offset=8, limit=5)] == ids[8:]
    assert [d.id for d in dq.page(project, dq.DocumentFilter(annotator="lina", status="done"))] == [ids[7]]
    assert [d.id for d in dq.page(project, dq.DocumentFilter(annotator="lina", status="in_progress"))] == [ids[3]]
    assert [d.id for d in dq.page(project, dq.DocumentFilter(annotator="lina", label="CLAIM"))] == [ids[3]]
    assert [d.id for d in dq.page(project, dq.DocumentFilter(annotator="lina", tagged_by="omar"))] == [ids[5]]
    assert [d.id for d in dq.page(project, dq.DocumentFilter(annotator="lina", order="title"), limit=2)] == [ids[9], ids[8]]
    assert dq.status_counts(project, mine)[DocumentStatus.DONE] == 1
    assert dq.position(project, mine, ids[4]) == 4
    assert dq.position(project, dq.DocumentFilter(annotator="lina", status="done"), ids[4]) is None
    reviewer = identify(project, "rana", Role.REVIEWER)
    assign(project, reviewer, annotator="lina", documents=[ids[1], ids[2]])
    assert [d.id for d in dq.page(project, mine)] == [ids[1], ids[2]]
    assert dq.count(project, dq.DocumentFilter(annotator="omar")) == 10
    assert dq.count(project, dq.DocumentFilter(annotator="lina", adjudication="new")) == 2


def test_a_document_s_position_is_its_index_in_the_sorted_filtered_list(project: Project) -> None:
    # Equal titles and equal statuses, so that the tie on the id decides; a label only some documents have.
    ids = [DocumentId(add_document(project, f"نص رقم {n} قال مسؤول", title=f"عنوان {n % 3}")) for n in range(12)]
    tagger = TaggingService(project, annotator="lina")
    for n in (1, 4, 5, 9):
        tagger.create_span(document_id=ids[n], start=0, end=2, label="CLAIM")
    for n in (2, 5, 11):
        set_status(project, document_id=ids[n], annotator="lina", status=DocumentStatus.DONE)
    for order in dq.ORDERS:
        for label in (None, "CLAIM"):
            wanted = dq.DocumentFilter(annotator="lina", order=order, label=label)
            listed = [d.id for d in dq.page(project, wanted)]
            counts, _ = dq.summary(project, wanted)
            assert sum(counts.values()) == len(listed)
            for document_id in ids:
                expected = listed.index(document_id) if document_id in listed else None
                assert dq.position(project, wanted, document_id) == expected, (order, label, document_id)
                assert dq.summary(project, wanted, document_id) == (counts, expected)


def test_the_list_s_indexes_serve_the_label_filter_and_the_title_order(project: Project) -> None:
    from sqlalchemy import text
    from sqlalchemy.dialects import sqlite

    if project.engine.dialect.name != "sqlite":
        pytest.skip("the plans checked are SQLite's")
    wanted = dq.DocumentFilter(annotator="lina", label="CLAIM", order="title")
    plans = []
    for statement in (dq._base(project, wanted, [dq.Document.id]), dq._base(project, wanted, [dq.Document.id]).order_by(dq.Document.title, dq.Document.id)):
        sql = str(statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
        with project.reading() as session:
            plans.append(" ".join(row[-1] for row in session.execute(text("EXPLAIN QUERY PLAN " + sql))))
    assert "COVERING INDEX ix_spans_document_annotator_label" in plans[0]
    assert "ix_documents_title" in plans[1]


def test_a_position_counted_within_a_limit_stops_there(project: Project) -> None:
    ids = [DocumentId(add_document(project, f"نص رقم {n} قال مسؤول", title=f"عنوان {n}")) for n in range(8)]
    wanted = dq.DocumentFilter(annotator="lina")
    assert dq.position(project, wanted, ids[6], within=3) == 3
    assert dq.position(project, wanted, ids[2], within=3) == 2
    assert dq.position(project, wanted, ids[6]) == 6
    assert dq.position(project, dq.DocumentFilter(annotator="lina", status="done"), ids[6], within=3) is None


def test_a_sparse_filter_pages_the_same_documents(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = [DocumentId(add_document(project, f"نص رقم {n} قال مسؤول", title=f"عنوان {n}")) for n in range(12)]
    tagger = TaggingService(project, annotator="lina")
    for n in (2, 7, 8, 11):
        tagger.create_span(document_id=ids[n], start=0, end=2, label="CLAIM")
    wanted = dq.DocumentFilter(annotator="lina", label="CLAIM")
    listed = dq.count(project, wanted)
    dense = [[d.id for d in dq.page(project, wanted, offset=offset, limit=3, listed=listed)] for offset in (0, 3)]
    monkeypatch.setattr(dq, "SPARSE", 2)  # 4 of 12 is now sparse: the page's ids come from the index first
    queries = []
    base = dq._base
    monkeypatch.setattr(dq, "_base", lambda *args: queries.append(args[2]) or base(*args))
    sparse = [[d.id for d in dq.page(project, wanted, offset=offset, limit=3, listed=listed)] for offset in (0, 3)]
    assert dense == sparse == [[ids[2], ids[7], ids[8]], [ids[11]]]
    assert len(queries) == 4  # each page: its ids, then their rows
    assert dq.page(project, wanted, limit=3, listed=0) == []


def test_a_document_s_neighbours_are_the_next_and_previous_in_the_sorted_filtered_list(project: Project) -> None:
    ids = [DocumentId(add_document(project, f"نص رقم {n} قال مسؤول", title=f"عنوان {n % 4}")) for n in range(10)]
    for n in (1, 6):
        set_status(project, document_id=ids[n], annotator="lina", status=DocumentStatus.DONE)
    TaggingService(project, annotator="lina").create_span(document_id=ids[3], start=0, end=2, label="CLAIM")
    for order in dq.ORDERS:
        wanted = dq.DocumentFilter(annotator="lina", order=order)
        listed = [d.id for d in dq.page(project, wanted)]
        for index, document_id in enumerate(listed):
            assert dq.neighbour(project, wanted, document_id, 1) == (listed[index + 1] if index + 1 < len(listed) else None), order
            assert dq.neighbour(project, wanted, document_id, -1) == (listed[index - 1] if index else None), order
    assert dq.neighbour(project, dq.DocumentFilter(annotator="lina", status="done"), ids[2], 1) is None

"""The document list's pages, filters and sort order come from SQL."""

from __future__ import annotations

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

"""Checking a project for the window and the command line: the spans of a document that do not fit its text
(listed by name, so the window shows them instead of failing on every repaint), and the whole-file check."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from annotator.core.model import DocumentId
from annotator.storage import check as storage_check
from annotator.storage.check import BadSpan, CheckReport
from annotator.storage.models import Annotator, Document, Span
from annotator.storage.project import Project

__all__ = ["BadSpan", "CheckReport", "bad_spans", "check_project", "repair_project"]


def bad_spans(project: Project, *, document_id: DocumentId) -> list[BadSpan]:
    """Every span of the document, in any layer, whose offsets fall outside its text or whose text differs
    from the document's at its offsets; each says why. Empty for a sound document."""
    with project.reading() as session:
        text = session.scalar(select(Document.text).where(Document.id == document_id))
        if text is None:
            return []
        rows = session.execute(
            select(Span.id, Span.uid, Annotator.name, Span.label, Span.start, Span.end, Span.text)
            .join(Annotator, Annotator.id == Span.annotator_id, isouter=True)
            .where(Span.document_id == document_id)
            .order_by(Span.start, Span.id)
        ).all()
    found = []
    for row in rows:
        reason = storage_check.span_problem(text, row.start, row.end, row.text)
        if reason:
            found.append(BadSpan(row.id, row.uid, row.name or "?", row.label, row.start, row.end, reason))
    return found


def check_project(path: Path) -> CheckReport:
    return storage_check.check(path)


def repair_project(path: Path) -> CheckReport:
    return storage_check.repair(path)

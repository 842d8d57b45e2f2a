"""Export a project as JSON Lines: one document a line, spans and relations with their annotators."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from sqlalchemy import func, select, true
from sqlalchemy.orm import aliased

from annotator.core.errors import AnnotatorError
from annotator.storage.models import Annotator, Document, Relation, Span
from annotator.storage.project import Project

Progress = Callable[[int, int], bool]


@contextmanager
def atomic_output(out: Path) -> Iterator[IO[str]]:
    """A file written under a temporary name and renamed only when complete."""
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def layer_annotators(project: Project, layer: str) -> set[int] | None:
    """The annotator ids a layer option selects: `all` (None), `gold`, or `annotator:NAME`."""
    if layer == "all":
        return None
    name = layer.removeprefix("annotator:") if layer.startswith("annotator:") else layer
    if layer not in ("gold",) and not layer.startswith("annotator:"):
        raise AnnotatorError(f"unknown layer {layer!r}: use gold, all or annotator:NAME")
    with project.reading() as session:
        found = session.scalar(select(Annotator.id).where(Annotator.name == name))
    if found is None:
        raise AnnotatorError(f"the project has no layer {name!r}")
    return {found}


def document_records(project: Project, *, layer: str = "all") -> Iterator[dict[str, Any]]:
    """Each document as an export record, read one document at a time."""
    source, target, target_document = aliased(Span), aliased(Span), aliased(Document)
    chosen = layer_annotators(project, layer)
    with project.reading() as session:
        names = {row.id: row.name for row in session.execute(select(Annotator.id, Annotator.name))}
        ids = session.scalars(select(Document.id).order_by(Document.id)).all()
        for document_id in ids:
            document = session.get_one(Document, document_id)
            span_query = select(Span).where(Span.document_id == document_id).order_by(Span.start, Span.end, Span.id)
            relation_filter = true() if chosen is None else Relation.annotator_id.in_(chosen)
            if chosen is not None:
                span_query = span_query.where(Span.annotator_id.in_(chosen))
            spans = session.scalars(span_query).all()
            relations = session.execute(
                select(Relation, source.uid, target.uid, target_document.uid)
                .join(source, source.id == Relation.from_span_id)
                .join(target, target.id == Relation.to_span_id)
                .join(target_document, target_document.id == target.document_id)
                .where(source.document_id == document_id, relation_filter)
                .order_by(Relation.id)
            ).all()
            yield {
                "id": document.uid,
                "title": document.title,
                "source": document.source,
                "url": document.url,
                "published": document.published,
                "direction": "rtl",
                "metadata": document.meta or {},
                "text": document.text,
                "spans": [_span_record(span, names) for span in spans],
                "relations": [
                    _relation_record(relation, from_uid, to_uid, document.uid, to_document, names)
                    for relation, from_uid, to_uid, to_document in relations
                ],
            }
            session.expunge_all()


def _span_record(span: Span, names: dict[int, str]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": span.uid,
        "label": span.label,
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "attributes": span.attributes or {},
        "annotator": names[span.annotator_id],
        "note": span.note or "",
    }
    if span.derived_from:
        record["derived_from"] = list(span.derived_from)
    return record


def _relation_record(
    relation: Relation, from_uid: str, to_uid: str, document: str, to_document: str, names: dict[int, str]
) -> dict[str, Any]:
    """A relation lives in the record of its from-end; one that crosses documents names both."""
    record: dict[str, Any] = {
        "id": relation.uid,
        "label": relation.label,
        "from": from_uid,
        "to": to_uid,
        "attributes": relation.attributes or {},
        "annotator": names[relation.annotator_id],
        "note": relation.note or "",
    }
    if to_document != document:
        record["from_document"] = document
        record["to_document"] = to_document
    return record


def export_jsonl(project: Project, out: Path, *, layer: str = "all", progress: Progress | None = None) -> int:
    """Write every document to `out`; returns how many. A failure or a cancel leaves no file."""
    layer_annotators(project, layer)  # a bad layer fails before any file is touched
    with project.reading() as session:
        total = session.scalar(select(func.count(Document.id))) or 0
    written = 0
    with atomic_output(out) as stream:
        for record in document_records(project, layer=layer):
            if progress is not None and not progress(written, total):
                raise ExportCancelled(f"{out}: export cancelled; no file was written")
            stream.write(json.dumps(record, ensure_ascii=False))
            stream.write("\n")
            written += 1
    return written


class ExportCancelled(AnnotatorError):
    """The user stopped an export; nothing was written."""

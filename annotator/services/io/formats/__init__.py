"""Dataset formats: exporters built on the native JSONL records, importers producing NewDocuments."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentStatus
from annotator.services.io.exporting import ExportCancelled, document_records, layer_annotators
from annotator.storage.models import Annotator, Document, DocumentState
from annotator.storage.project import Project

Progress = Callable[[int, int], bool]
Record = dict[str, Any]


@dataclass
class ExportReport:
    documents: int = 0
    spans: int = 0
    relations: int = 0
    notes: list[str] = field(default_factory=list)


@contextmanager
def atomic_folder(out: Path) -> Iterator[Path]:
    """A folder filled under a temporary name and moved into place only when complete."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists() and any(out.iterdir()):
        raise AnnotatorError(f"{out}: the folder exists and is not empty")
    temporary = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent))
    try:
        yield temporary
        if out.exists():
            out.rmdir()
        os.replace(temporary, out)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def selected_records(
    project: Project, *, layer: str = "all", status: str | None = None, progress: Progress | None = None
) -> Iterator[Record]:
    """The export records of the chosen layer, optionally only documents someone marked with `status`."""
    layer_annotators(project, layer)
    with project.reading() as session:
        total = session.scalar(select(func.count(Document.id))) or 0
        wanted: set[str] | None = None
        if status is not None:
            if status not in {s.value for s in DocumentStatus}:
                raise AnnotatorError(f"unknown document status {status!r}: use new, in_progress or done")
            query = select(Document.uid).join(DocumentState, DocumentState.document_id == Document.id).where(DocumentState.status == status)
            if layer.startswith("annotator:"):
                query = query.join(Annotator, Annotator.id == DocumentState.annotator_id).where(
                    Annotator.name == layer.removeprefix("annotator:")
                )
            wanted = set(session.scalars(query))
    for done, record in enumerate(document_records(project, layer=layer)):
        if progress is not None and not progress(done, total):
            raise ExportCancelled("export cancelled; no file was written")
        if wanted is None or record["id"] in wanted:
            yield record


def count(report: ExportReport, record: Record) -> None:
    report.documents += 1
    report.spans += len(record["spans"])
    report.relations += len(record["relations"])


def attributes_json(attributes: dict[str, Any]) -> str:
    return json.dumps(attributes, ensure_ascii=False, sort_keys=True)

"""Every dataset format in one place: export by name, import by name or by what the content looks like."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import NewDocument
from annotator.core.scheme import Scheme
from annotator.services.io.exporting import atomic_output
from annotator.services.io.formats import ExportReport, Progress, count, selected_records
from annotator.services.io.formats.brat import export_brat, read_brat
from annotator.services.io.formats.conll import export_conll
from annotator.services.io.formats.csv_format import export_csv
from annotator.services.io.formats.doccano import export_doccano, read_doccano
from annotator.services.io.formats.labelstudio import export_labelstudio, read_labelstudio
from annotator.services.io.readers import read_path
from annotator.storage.project import Project

EXPORT_FORMATS = ("jsonl", "csv", "brat", "conll", "labelstudio", "doccano", "parquet")
FOLDER_FORMATS = {"csv", "brat", "parquet"}
IMPORT_FORMATS = ("jsonl", "txt", "brat", "labelstudio", "doccano")


def export_dataset(
    project: Project, fmt: str, out: Path, *, layer: str = "all", status: str | None = None, progress: Progress | None = None
) -> ExportReport:
    """Write the chosen layer in a format; a failure or a cancel leaves nothing at `out`."""
    if fmt not in EXPORT_FORMATS:
        raise AnnotatorError(f"unknown format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "conll" and layer == "all":
        raise AnnotatorError("CoNLL holds one layer: choose --layer gold or --layer annotator:NAME")
    records = selected_records(project, layer=layer, status=status, progress=progress)
    if fmt == "jsonl":
        report = ExportReport()
        with atomic_output(out) as stream:
            for record in records:
                count(report, record)
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        return report
    if fmt == "csv":
        return export_csv(project, records, out)
    if fmt == "brat":
        return export_brat(project.scheme, records, out)
    if fmt == "conll":
        return export_conll([label.name for label in project.scheme.span_labels], records, out, layer=layer)
    if fmt == "labelstudio":
        return export_labelstudio(records, out)
    if fmt == "doccano":
        return export_doccano(records, out)
    from annotator.services.io.formats.parquet import export_parquet  # pyarrow, only for Parquet

    return export_parquet(project, records, out, layer=layer)


def detect_format(path: Path) -> str:
    """brat for a folder of .ann files; for a file, what its first record looks like."""
    if path.is_dir():
        if any(path.glob("*.ann")):
            return "brat"
        raise InputError("a folder without .ann files (give the article files instead)", path=str(path))
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return "txt"
    if suffix == ".ann":
        return "brat"
    if suffix in (".json", ".jsonl"):
        head = path.read_bytes()[:200_000].decode("utf-8-sig", "replace").lstrip()
        if head.startswith("["):
            return "labelstudio"
        first = head.split("\n", 1)[0]
        try:
            record = json.loads(first)
        except json.JSONDecodeError:
            return "jsonl"  # the native reader names the bad line
        if isinstance(record, dict) and "data" in record and ("annotations" in record or "predictions" in record):
            return "labelstudio"
        if isinstance(record, dict) and ("entities" in record or "label" in record) and "spans" not in record:
            return "doccano"
        return "jsonl"
    return "txt"


def read_dataset(path: Path, scheme: Scheme, fmt: str | None = None) -> list[NewDocument]:
    """The documents one file (or brat folder) holds, in the given or detected format."""
    fmt = fmt or detect_format(path)
    if fmt not in IMPORT_FORMATS:
        raise InputError(f"cannot import the format {fmt!r} (importable: {', '.join(IMPORT_FORMATS)})", path=str(path))
    if fmt == "brat":
        return read_brat(path if path.is_dir() else path.parent, scheme)
    if fmt in ("jsonl", "txt"):
        return read_path(path, scheme, as_jsonl=fmt == "jsonl")
    data = path.read_bytes()
    return read_labelstudio(data, scheme, path=str(path)) if fmt == "labelstudio" else read_doccano(data, scheme, path=str(path))

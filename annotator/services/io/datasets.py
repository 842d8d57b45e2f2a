"""Every dataset format in one place: export by name, import by name or by what the content looks like."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import select

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import NewDocument
from annotator.core.scheme import Scheme
from annotator.services.io.exporting import layer_annotators
from annotator.services.io.formats import ExportReport, Progress, selected_records
from annotator.services.io.formats.brat import export_brat, read_brat
from annotator.services.io.formats.conll import export_conll, looks_like_conll, read_conll
from annotator.services.io.formats.csv_format import export_csv
from annotator.services.io.formats.doccano import export_doccano, read_doccano
from annotator.services.io.formats.jsonl import export_jsonl, iter_jsonl_file
from annotator.services.io.formats.labelstudio import export_labelstudio, read_labelstudio
from annotator.services.io.formats.research import RESEARCH_FORMATS, export_research
from annotator.services.io.formats.txt import read_text_file
from annotator.storage.models import Annotator, Span
from annotator.storage.project import Project

EXPORT_FORMATS = ("jsonl", "csv", "brat", "conll", "conll2003", "labelstudio", "doccano", "parquet", "checkthat", "arastance", "parc")
FOLDER_FORMATS = {"csv", "brat", "parquet"}
IMPORT_FORMATS = ("jsonl", "txt", "brat", "labelstudio", "doccano", "conll")
CONLL_SUFFIXES = {".conll", ".conllu", ".bio", ".iob", ".iob2", ".bioes", ".iobes", ".bilou"}


def export_dataset(
    project: Project,
    out: Path | str,
    *,
    format: str | None = None,  # noqa: A002 - the word the command line and the dialog use
    layer: str = "all",
    status: str | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Write the chosen layer in a format to `out`; a failure or a cancel leaves nothing there."""
    out = Path(out)
    if format not in EXPORT_FORMATS:
        raise AnnotatorError(f"unknown format {format!r}: use one of {', '.join(EXPORT_FORMATS)}")
    if format in ("conll", "conll2003") and layer == "all":
        layer = _only_layer(project)
    layer_annotators(project, layer)  # a bad layer fails before any file is touched
    records = selected_records(project, layer=layer, status=status, progress=progress)
    if format == "jsonl":
        return export_jsonl(records, out)
    if format == "csv":
        return export_csv(project, records, out)
    if format == "brat":
        return export_brat(project.scheme, records, out)
    if format in ("conll", "conll2003"):
        return export_conll([label.name for label in project.scheme.span_labels], records, out, layer=layer,
                            layout="columns" if format == "conll" else "conll2003")
    if format == "labelstudio":
        return export_labelstudio(records, out, project.scheme)
    if format == "doccano":
        return export_doccano(records, out)
    if format in RESEARCH_FORMATS:
        return export_research(project.scheme, records, out, format=format)
    from annotator.services.io.formats.parquet import export_parquet  # pyarrow, only for Parquet

    return export_parquet(project, records, out, layer=layer)


def _only_layer(project: Project) -> str:
    """The one layer a project's spans are in (CoNLL holds one); refused when there are several."""
    with project.reading() as session:
        names = sorted(session.scalars(select(Annotator.name).join(Span, Span.annotator_id == Annotator.id).distinct()))
    if len(names) > 1:
        raise AnnotatorError(f"CoNLL holds one layer and the project has {len(names)} ({', '.join(names)}): "
                             "choose --layer gold or --layer annotator:NAME")
    if not names:
        return "all"
    return "gold" if names[0] == "gold" else f"annotator:{names[0]}"


def detect_format(path: Path) -> str:
    """brat for a folder of .ann files; for a file, what its first record looks like."""
    if path.is_dir():
        if any(path.rglob("*.ann")):
            return "brat"
        raise InputError("a folder without .ann files (give the article files instead)", path=str(path))
    suffix = path.suffix.lower()
    if suffix in CONLL_SUFFIXES:
        return "conll"
    if suffix in (".txt", ".tsv", ""):
        return "conll" if looks_like_conll(_head(path)) else "txt"
    if suffix == ".ann":
        return "brat"
    if suffix in (".json", ".jsonl"):
        with path.open("rb") as stream:  # the head only: the file may be hundreds of megabytes
            head = stream.read(200_000).decode("utf-8-sig", "replace").lstrip()
        if head.startswith("["):
            return "labelstudio"
        first = head.split("\n", 1)[0]
        try:
            record = json.loads(first)
        except (json.JSONDecodeError, RecursionError):
            record = None
        if record is None and head.startswith("{") and len(head) < 200_000:  # one pretty-printed object: a Label Studio task
            try:
                record = json.loads(head)
            except (json.JSONDecodeError, RecursionError):
                return "jsonl"  # the native reader names the bad line
        if isinstance(record, dict) and "data" in record and any(k in record for k in ("annotations", "predictions", "completions")):
            return "labelstudio"
        if isinstance(record, dict) and any(k in record for k in ("entities", "label", "column_data", "column_label", "cats")) and "spans" not in record:
            return "doccano"
        return "jsonl"
    return "txt"


def _head(path: Path) -> str:
    try:
        with path.open("rb") as stream:
            return stream.read(20_000).decode("utf-8", "replace")
    except OSError:
        return ""  # the reader says why it cannot be read


def read_dataset(path: Path, scheme: Scheme, fmt: str | None = None) -> list[NewDocument]:
    """The documents one file (or brat folder) holds, in the given or detected format."""
    return [document for batch in iter_dataset(path, scheme, fmt) for document in batch]


def iter_dataset(path: Path, scheme: Scheme, fmt: str | None = None, *, notes: list[str] | None = None) -> Iterator[list[NewDocument]]:
    """The same in batches: JSON Lines is read as it comes (memory holds one batch), the others whole.
    What a file holds that the project cannot keep is said in `notes`."""
    fmt = fmt or detect_format(path)
    if fmt not in IMPORT_FORMATS:
        raise InputError(f"cannot import the format {fmt!r} (importable: {', '.join(IMPORT_FORMATS)})", path=str(path))
    if fmt == "jsonl":
        yield from iter_jsonl_file(path, scheme)
    elif fmt == "txt":
        yield [read_text_file(path)]
    elif fmt == "brat":
        if path.is_dir():
            yield read_brat(path, scheme, notes=notes)
        else:
            yield read_brat(path.parent, scheme, notes=notes, only=path.with_suffix(".ann"))
    else:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise InputError(f"cannot be read: {error.strerror}", path=str(path)) from None
        if fmt == "labelstudio":
            yield read_labelstudio(data, scheme, path=str(path), notes=notes)
        elif fmt == "conll":
            yield read_conll(data, scheme, path=str(path), notes=notes)
        else:
            yield read_doccano(data, scheme, path=str(path), notes=notes)

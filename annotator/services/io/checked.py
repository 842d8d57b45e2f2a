"""Import and export as a person does them (the command line, the window): checked against the acting identity
before anything is read out or written in. A reviewer brings in any layer and exports any; an annotator brings
in only her own layer and, in blind mode, exports only her own."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, InputError
from annotator.services.io.datasets import export_dataset, iter_dataset
from annotator.services.io.formats import ExportReport
from annotator.services.io.importing import ImportReport, expand_paths, import_paths
from annotator.services.team.identity import AccessError, Identity, check_import, export_layer
from annotator.storage.project import Project


def export_as(project: Project, acting: Identity, out: Path | str, *, layer: str = "all", **options: Any) -> ExportReport:
    """export_dataset for this identity: gold or another's layer refused in blind mode, `all` narrowed to her own."""
    layer, note = export_layer(project, acting, layer)
    report = export_dataset(project, out, layer=layer, **options)
    if note:
        report.notes.append(note)
    return report


def import_as(project: Project, acting: Identity, paths: Iterable[Path], *, annotator: str | None = None, **options: Any) -> ImportReport:
    """import_paths for this identity. Spans and relations go to the layer the file names, else `annotator`
    (by default the acting identity's own); an annotator's file naming any other layer is refused whole."""
    paths = list(paths)
    annotator = annotator or acting.name
    check_import(acting, annotator, what="imported annotations")
    if not acting.is_reviewer:
        for path in expand_paths(paths):
            for layer in sorted(_layers_in(project, path, annotator, options.get("fmt"), options.get("mapping"))):
                try:
                    check_import(acting, layer, what="imported annotations")
                except AccessError as error:
                    raise InputError(f"{error}; nothing was imported", path=str(path)) from None
    return import_paths(project, paths, annotator=annotator, **options)


def _layers_in(project: Project, path: Path, annotator: str, fmt: str | None, mapping: dict[str, str] | None) -> set[str]:
    """The layers a file's annotations name, read as the import will read it (the import itself reports a file
    it cannot read)."""
    layers: set[str] = set()
    scheme = project.scheme.mapped(mapping) if mapping else project.scheme
    try:
        for batch in iter_dataset(path, scheme, fmt):
            for document in batch:
                layers.update(span.annotator or annotator for span in document.spans)
                layers.update(relation.annotator or annotator for relation in document.relations)
    except (AnnotatorError, OSError):
        pass
    return layers

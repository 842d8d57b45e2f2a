"""CSV: a folder with spans.csv and relations.csv, one row each, UTF-8 with BOM for spreadsheet programs."""

from __future__ import annotations

import csv
from pathlib import Path

from annotator.services.io.formats import ExportReport, Record, atomic_folder, count
from annotator.storage.project import Project

SPAN_COLUMNS = ["document_id", "span_id", "label", "start", "end", "text", "annotator", "note"]
RELATION_COLUMNS = ["document_id", "relation_id", "label", "from", "to", "from_document", "to_document", "annotator", "note"]


def export_csv(project: Project, records: list[Record] | object, out: Path) -> ExportReport:
    scheme = project.scheme
    span_attributes = sorted({a.name for label in scheme.span_labels for a in label.attributes})
    relation_attributes = sorted({a.name for label in scheme.relation_labels for a in label.attributes})
    report = ExportReport()
    with atomic_folder(out) as folder:
        with (folder / "spans.csv").open("w", encoding="utf-8-sig", newline="") as spans_file, (
            folder / "relations.csv"
        ).open("w", encoding="utf-8-sig", newline="") as relations_file:
            spans = csv.writer(spans_file)
            relations = csv.writer(relations_file)
            spans.writerow(SPAN_COLUMNS + span_attributes)
            relations.writerow(RELATION_COLUMNS + relation_attributes)
            for record in records:  # type: ignore[attr-defined]
                count(report, record)
                for span in record["spans"]:
                    spans.writerow(
                        [record["id"], span["id"], span["label"], span["start"], span["end"], span["text"], span["annotator"], span["note"]]
                        + [_cell(span["attributes"].get(name)) for name in span_attributes]
                    )
                for relation in record["relations"]:
                    relations.writerow(
                        [record["id"], relation["id"], relation["label"], relation["from"], relation["to"],
                         relation.get("from_document", record["id"]), relation.get("to_document", record["id"]),
                         relation["annotator"], relation["note"]]
                        + [_cell(relation["attributes"].get(name)) for name in relation_attributes]
                    )
    return report


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)

"""Parquet: one row per document with nested spans and relations, plus a dataset card (README.md)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from annotator.services.team.agreement import OVERALL, compute_agreement
from annotator.services.io.formats import ExportReport, atomic_folder, attributes_json, count
from annotator.storage.project import Project

SPAN = pa.struct([
    ("id", pa.string()), ("label", pa.string()), ("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()),
    ("annotator", pa.string()), ("attributes", pa.string()), ("note", pa.string()), ("derived_from", pa.list_(pa.string())),
])
RELATION = pa.struct([
    ("id", pa.string()), ("label", pa.string()), ("from", pa.string()), ("to", pa.string()),
    ("from_document", pa.string()), ("to_document", pa.string()), ("annotator", pa.string()), ("attributes", pa.string()),
])
SCHEMA = pa.schema([
    ("id", pa.string()), ("title", pa.string()), ("source", pa.string()), ("url", pa.string()), ("published", pa.string()),
    ("direction", pa.string()), ("text", pa.string()), ("spans", pa.list_(SPAN)), ("relations", pa.list_(RELATION)),
])
BATCH = 500


def export_parquet(project: Project, records: object, out: Path, *, layer: str) -> ExportReport:
    """`out` is a folder: data.parquet and README.md."""
    report = ExportReport()
    labels: Counter[str] = Counter()
    with atomic_folder(out) as folder:
        writer = pq.ParquetWriter(folder / "data.parquet", SCHEMA)
        rows: list[dict] = []
        try:
            for record in records:  # type: ignore[attr-defined]
                count(report, record)
                labels.update(span["label"] for span in record["spans"])
                rows.append(_row(record))
                if len(rows) >= BATCH:
                    writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMA))
                    rows = []
            if rows or not report.documents:
                writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMA))
        finally:
            writer.close()
        (folder / "README.md").write_text(dataset_card(project, report, labels, layer), encoding="utf-8")
    return report


def _row(record: dict) -> dict:
    return {
        **{key: record.get(key) for key in ("id", "title", "source", "url", "published", "direction", "text")},
        "spans": [{**span, "attributes": attributes_json(span["attributes"]), "derived_from": span.get("derived_from", [])} for span in record["spans"]],
        "relations": [
            {**relation, "from_document": relation.get("from_document", record["id"]), "to_document": relation.get("to_document", record["id"]),
             "attributes": attributes_json(relation["attributes"])}
            for relation in record["relations"]
        ],
    }


def dataset_card(project: Project, report: ExportReport, labels: Counter[str], layer: str) -> str:
    agreement = compute_agreement(project)
    lines = [
        "# Annotated Arabic news: claims, sources, attribution cues and their relations",
        "",
        f"Exported by annotator, layer `{layer}`. Offsets are Unicode code points into `text`; "
        "`text[start:end] == span.text` for every span. Text direction: right to left.",
        "",
        "## Counts",
        "",
        f"- documents: {report.documents}",
        f"- spans: {report.spans}",
        f"- relations: {report.relations}",
        "",
        "## Label distribution",
        "",
        "| label | spans |",
        "| --- | --- |",
        *[f"| {label} | {n} |" for label, n in sorted(labels.items())],
        "",
        "## Agreement",
        "",
        f"Annotators: {', '.join(agreement.annotators) or 'none'}; {agreement.tokens} tokens.",
        "",
        "| | " + " | ".join([OVERALL, *agreement.labels]) + " |",
        "| --- |" + " --- |" * (len(agreement.labels) + 1),
        "| Krippendorff's α | " + " | ".join(_fmt(agreement.alpha.get(l, float("nan"))) for l in [OVERALL, *agreement.labels]) + " |",
        *[f"| Cohen's κ {a} × {b} | " + " | ".join(_fmt(row[l]) for l in [OVERALL, *agreement.labels]) + " |" for (a, b), row in agreement.kappa.items()],
        "",
        "## Loading",
        "",
        "```python",
        "import datasets, pandas",
        'ds = datasets.load_dataset("parquet", data_files="data.parquet")["train"]',
        'df = pandas.read_parquet("data.parquet")',
        "```",
        "",
        "## Tag scheme",
        "",
        "```json",
        json.dumps(project.scheme.source, ensure_ascii=False, indent=2),
        "```",
        "",
    ]
    return "\n".join(lines)


def _fmt(value: float) -> str:
    return "—" if value != value else f"{value:.3f}"

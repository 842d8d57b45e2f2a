"""A project that holds only the gold layer: Parquet export and agreement answer instead of crashing
(they raised `ValueError: need at least one array to stack`)."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from annotator.core.model import GOLD, DocumentId
from annotator.services.annotation.tagging import TaggingService
from annotator.services.io.datasets import export_dataset
from annotator.services.team.agreement import compute_agreement
from annotator.services.team.identity import Role, identify
from annotator.storage.project import Project
from tests.conftest import add_document

TEXT = "قال مسؤول أمريكي كبير إن الرئيس بعث برسالة إلى طهران."


def test_parquet_export_and_agreement_of_a_gold_only_project(project: Project, tmp_path: Path) -> None:
    identify(project, "rana", Role.REVIEWER)
    add_document(project, TEXT)
    TaggingService(project, annotator="rana", layer=GOLD).create_span(
        document_id=DocumentId(1), start=TEXT.index("مسؤول"), end=TEXT.index(" إن"), label="SOURCE")
    export_dataset(project, tmp_path / "out", format="parquet")
    records = pq.read_table(tmp_path / "out" / "data.parquet").to_pylist()
    spans = [span for record in records for span in record["spans"]]
    assert [(span["text"], span["annotator"]) for span in spans] == [("مسؤول أمريكي كبير", GOLD)]
    report = compute_agreement(project)
    assert report.annotators == [] or list(report.kappa) == []

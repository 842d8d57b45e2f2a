"""The research pipeline exports: CheckThat! check-worthiness TSV, AraStance-shaped claim pairs, PARC-style
attribution table; read the way those pipelines read them (pandas read_csv with a tab, JSON Lines)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from annotator.services.io.datasets import export_dataset
from annotator.services.io.importing import import_paths
from annotator.storage.project import Project

FIRST = "قال المتحدث باسم الوزارة إن الوزير سيستقيل غدا 😀 بحسب مصادر."
SECOND = "نفت الحكومة أن الوزير سيستقيل\tغدا، وأكدت مصادر أن الوزير باق."


def span(text: str, i: str, words: str, label: str, **attributes: str) -> dict:
    start = text.index(words)
    return {"id": i, "label": label, "start": start, "end": start + len(words), "text": words, "annotator": "gold", "attributes": attributes}


@pytest.fixture
def project(tmp_path: Path):
    first = {"id": "one", "text": FIRST, "spans": [
        span(FIRST, "c1", "الوزير سيستقيل غدا", "CLAIM", check_worthy="yes"), span(FIRST, "s1", "المتحدث باسم الوزارة", "SOURCE"),
        span(FIRST, "q1", "قال", "CUE"), span(FIRST, "s2", "مصادر", "SOURCE")],
        "relations": [
            {"id": "r1", "label": "ATTRIBUTION", "from": "c1", "to": "s1", "annotator": "gold"},
            {"id": "r2", "label": "ATTRIBUTION", "from": "c1", "to": "q1", "annotator": "gold"},
            {"id": "r3", "label": "ATTRIBUTION", "from": "c1", "to": "s2", "annotator": "gold"},
            {"id": "r4", "label": "CONTRADICTION", "from": "c1", "to": "c2", "to_document": "two", "annotator": "gold", "attributes": {"type": "negation"}}]}
    second = {"id": "two", "text": SECOND, "spans": [
        span(SECOND, "c2", "الوزير سيستقيل\tغدا", "CLAIM", check_worthy="no"), span(SECOND, "c3", "الوزير باق", "CLAIM")],
        "relations": [{"id": "r5", "label": "SUPPORT", "from": "c3", "to": "c2", "annotator": "gold"}]}
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (first, second)) + "\n", encoding="utf-8")
    with Project.create(tmp_path / "p.db") as opened:
        assert import_paths(opened, [tmp_path / "in.jsonl"], annotator="gold").errors == []
        yield opened


def test_checkthat_tsv(project: Project, tmp_path: Path) -> None:
    report = export_dataset(project, tmp_path / "cw.tsv", format="checkthat", layer="gold")
    frame = pd.read_csv(tmp_path / "cw.tsv", sep="\t", dtype=str)
    assert list(frame.columns) == ["id", "text", "class_label"]
    assert frame.values.tolist() == [["one:c1", "الوزير سيستقيل غدا", "Yes"], ["two:c2", "الوزير سيستقيل غدا", "No"]]
    assert report.notes == ["1 CLAIM span(s) without a check-worthiness value were left out"]


def test_arastance_pairs_name_both_documents(project: Project, tmp_path: Path) -> None:
    export_dataset(project, tmp_path / "pairs.jsonl", format="arastance", layer="gold")
    rows = [json.loads(line) for line in (tmp_path / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted((r["claim_document"], r["claim"], r["other_document"], r["other_claim"], r["stance"]) for r in rows) == [
        ("one", "الوزير سيستقيل غدا", "two", "الوزير سيستقيل غدا", "Disagree"),
        ("two", "الوزير باق", "two", "الوزير سيستقيل غدا", "Agree"),
    ]


def test_parc_table_has_content_source_and_cue_with_offsets(project: Project, tmp_path: Path) -> None:
    export_dataset(project, tmp_path / "parc.tsv", format="parc", layer="gold")
    frame = pd.read_csv(tmp_path / "parc.tsv", sep="\t", dtype=str, keep_default_na=False)
    assert frame[["attribution", "content_text", "source_text", "cue_text"]].values.tolist() == [
        ["c1.1", "الوزير سيستقيل غدا", "المتحدث باسم الوزارة", "قال"],
        ["c1.2", "الوزير سيستقيل غدا", "مصادر", "قال"],
    ]
    for _, row in frame.iterrows():  # code point offsets into the document text, astral characters before them
        for part in ("content", "source", "cue"):
            assert FIRST[int(row[f"{part}_start"]) : int(row[f"{part}_end"])] == row[f"{part}_text"]

"""The benchmark corpus is what it says, and the runner works end to end on a tiny corpus (its figures are
reported by `make bench`, never asserted here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from annotator.services.io.importing import import_paths
from annotator.services.team.agreement import OVERALL, compute_agreement
from annotator.storage.project import Project
from benchmarks.corpus import ANNOTATORS, LABELS, generate
from benchmarks.run import project_counts, requested_counts

ROOT = Path(__file__).resolve().parent.parent


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_corpus_is_reproducible_and_valid(tmp_path: Path) -> None:
    first = generate(tmp_path / "a.jsonl", documents=20, spans=200, relations=40)
    second = generate(tmp_path / "b.jsonl", documents=20, spans=200, relations=40)
    assert first.read_bytes() == second.read_bytes()
    found = records(first)
    assert len(found) == 20 and sum(len(r["spans"]) for r in found) == 200 and sum(len(r["relations"]) for r in found) == 40
    for record in found:
        assert 2_000 <= len(record["text"].encode("utf-8")) <= 9_000
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"]
            assert span["attributes"]


def test_every_annotator_uses_every_label_and_annotators_overlap(tmp_path: Path) -> None:
    found = records(generate(tmp_path / "c.jsonl", documents=40, spans=400, relations=80))
    used = Counter((s["annotator"], s["label"]) for r in found for s in r["spans"])
    assert set(used) == {(a, label) for a in ANNOTATORS for label in LABELS}
    assert min(used.values()) >= 20  # none of them a token presence
    extents = Counter((r["id"], s["label"], s["start"], s["end"]) for r in found for s in r["spans"])
    assert sum(1 for n in extents.values() if n >= 2) >= 40  # the same span found by two or three
    relations = [x for r in found for x in r["relations"]]
    assert {x["label"] for x in relations} == {"ATTRIBUTION", "SUPPORT", "CONTRADICTION"}
    assert sum(1 for x in relations if "to_document" in x) == 80 // 5
    assert {x["annotator"] for x in relations} == set(ANNOTATORS)


def test_the_imported_project_holds_what_was_asked_for(tmp_path: Path) -> None:
    corpus = generate(tmp_path / "c.jsonl", documents=30, spans=300, relations=60)
    with Project.create(tmp_path / "p.db") as project:
        assert import_paths(project, [corpus], annotator="bench").errors == []
        report = compute_agreement(project)
    assert project_counts(tmp_path / "p.db") == requested_counts(30, 300, 60)
    # Annotators agree often but not always: token alpha in the range of real annotation rounds.
    assert 0.6 <= report.alpha[OVERALL] <= 0.9, report.alpha
    assert all(0 < row[OVERALL].f1 < 1 for row in report.exact.values())


def test_the_runner_prints_its_table_and_writes_json(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--documents", "30", "--spans", "300", "--relations", "60", "--imports", "1",
         "--results", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "imported: 30 documents, 300 spans, 60 relations, 12 cross document relations" in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["operation", "median", "p95", "n"]
    assert any(line.startswith("keypress → span") for line in lines)
    assert any(line.startswith("import the corpus") and "floor" in line for line in lines)
    assert all(("✓" in line) != ("✗" in line) for line in lines[1:10])
    written = json.loads(next(tmp_path.glob("bench-30-*.json")).read_text(encoding="utf-8"))
    assert written["imported"]["relations"] == 60
    rows = {row["name"]: row for row in written["rows"]}
    assert rows["corpus search (normalized)"]["samples"] >= 7 and rows["open 50,000 chars, 2,000 spans"]["samples"] >= 7
    assert rows["agreement, whole corpus"]["met"] in (True, False)


def test_the_scale_run_draws_its_plot(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib", reason="make bench-scale installs matplotlib (the bench extra)")
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.scale", "--sizes", "20", "60", "--results", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["operation", "20", "articles"] and len(lines) >= 8
    assert all(line.rstrip().endswith(("✓", "✗")) for line in lines[1:8])
    assert next(tmp_path.glob("scale-*.png")).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    written = json.loads(next(tmp_path.glob("scale-*.json")).read_text(encoding="utf-8"))
    assert set(written["results"]) == {"20", "60"} and written["results"]["60"]["agreement"]["seconds"] > 0

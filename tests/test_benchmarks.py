"""The benchmark runner works end to end on a tiny corpus (its figures are reported by `make bench`, never asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.corpus import generate

ROOT = Path(__file__).resolve().parent.parent


def test_the_corpus_is_reproducible_and_valid(tmp_path: Path) -> None:
    first = generate(tmp_path / "a.jsonl", documents=20, spans=200, relations=40)
    second = generate(tmp_path / "b.jsonl", documents=20, spans=200, relations=40)
    assert first.read_bytes() == second.read_bytes()
    records = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 20 and sum(len(r["spans"]) for r in records) == 200
    for record in records:
        assert 2_000 <= len(record["text"].encode("utf-8")) <= 9_000
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"]


def test_the_runner_prints_its_table(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--documents", "30", "--spans", "300", "--relations", "60"],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["operation", "median", "p95"]
    assert any(line.startswith("keypress → span") for line in lines)
    assert any(line.startswith("import the corpus") and "floor" in line for line in lines)

"""The command line: one-line errors on stderr, non-zero exits, nothing changed by bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.services.documents.progress import list_documents
from annotator.storage.project import Project

ARTICLE = "أكد المتحدث باسم الخارجية أن الرسالة سُلِّمت."


def test_import_then_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    project, out = tmp_path / "p.db", tmp_path / "out.jsonl"
    assert main(["import", str(project), str(tmp_path / "a.txt")]) == 0
    assert "imported 1 document" in capsys.readouterr().out
    assert main(["import", str(project), str(tmp_path / "a.txt")]) == 0
    assert "skipped 1 already present" in capsys.readouterr().out
    assert main(["export", str(project), "--format", "jsonl", "--out", str(out)]) == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["text"] == ARTICLE


def test_a_bad_file_gives_one_line_on_stderr_and_no_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "نص", "spans": [], "relations": []}\n{oops\n', encoding="utf-8")
    project = tmp_path / "p.db"
    assert main(["import", str(project), str(bad)]) == 1
    errors = capsys.readouterr().err.strip().splitlines()
    assert errors == [f"annotator: {bad}:2: malformed JSON: Expecting property name enclosed in double quotes (column 2)"]
    assert not project.exists()


def test_new_with_a_custom_scheme_and_a_broken_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scheme = {"name": "mini", "span_labels": [{"name": "EVENT", "color": "#123456", "shortcut": "1"}], "relation_labels": []}
    (tmp_path / "scheme.json").write_text(json.dumps(scheme), encoding="utf-8")
    assert main(["new", str(tmp_path / "p.db"), "--scheme", str(tmp_path / "scheme.json")]) == 0
    with Project.open(tmp_path / "p.db") as project:
        assert [label.name for label in project.scheme.span_labels] == ["EVENT"]
    assert main(["new", str(tmp_path / "p.db")]) == 1
    assert "already exists" in capsys.readouterr().err
    (tmp_path / "broken.json").write_text('{"name": "x"}', encoding="utf-8")
    assert main(["new", str(tmp_path / "q.db"), "--scheme", str(tmp_path / "broken.json")]) == 1
    assert "'span_labels' is a required property" in capsys.readouterr().err
    assert not (tmp_path / "q.db").exists()


def test_the_installed_entry_point_runs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode("cp1256"))
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "import", str(tmp_path / "p.db"), str(tmp_path / "a.txt"), "--annotator", "x"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    with Project.open(tmp_path / "p.db") as project:
        assert len(list_documents(project, annotator="x")) == 1
    missing = subprocess.run(
        [sys.executable, "-m", "annotator", "export", str(tmp_path / "none.db"), "--out", str(tmp_path / "o.jsonl")],
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"annotator: {tmp_path / 'none.db'}: no such project file"

"""A corpus's own labels: --map on import (pairs or a file), new --scheme-from, and the unknown-label message
that names both ways out. Refusals are one line, exit 1, and leave no project behind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.storage.project import Project
from tests.interop.real_files import interop

TEXT = "قال مصدر مطلع إن الوزير سيستقيل غدا."


def doccano_file(tmp_path: Path) -> Path:
    source, claim = TEXT.index("مصدر مطلع"), TEXT.index("الوزير سيستقيل")
    record = {"id": 7, "text": TEXT, "entities": [
        {"id": 1, "label": "Person", "start_offset": source, "end_offset": source + len("مصدر مطلع")},
        {"id": 2, "label": "ادعاء", "start_offset": claim, "end_offset": claim + len("الوزير سيستقيل")},
    ], "relations": []}
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def labels(project_path: Path) -> list[tuple[str, str]]:
    with Project.open(project_path) as project, project.reading() as session:
        from sqlalchemy import select

        from annotator.storage.models import Span

        return sorted(session.execute(select(Span.label, Span.text)).all())  # type: ignore[arg-type]


def test_an_unknown_label_names_both_ways_out_and_leaves_no_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, project = doccano_file(tmp_path), tmp_path / "p.db"
    assert main(["import", str(project), str(data)]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"annotator: {data}")
    assert "unknown span label 'Person'" in line
    assert "--map Person=LABEL" in line and f"annotator new PROJECT --scheme-from {data}" in line
    assert not project.exists()


def test_map_pairs_read_the_files_labels_as_the_schemes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, project = doccano_file(tmp_path), tmp_path / "p.db"
    assert main(["import", str(project), str(data), "--map", "Person=SOURCE", "--map", "ادعاء=CLAIM"]) == 0
    assert "imported 1 document" in capsys.readouterr().out
    assert labels(project) == [("CLAIM", "الوزير سيستقيل"), ("SOURCE", "مصدر مطلع")]


@pytest.mark.parametrize("content", ['{"Person": "SOURCE", "ادعاء": "CLAIM"}', "# corpus labels\nPerson=SOURCE\n\nادعاء\tCLAIM\n"])
def test_a_mapping_file_as_json_or_lines(tmp_path: Path, content: str) -> None:
    data, project = doccano_file(tmp_path), tmp_path / "p.db"
    (tmp_path / "map.txt").write_text(content, encoding="utf-8")
    assert main(["import", str(project), str(data), "--map", str(tmp_path / "map.txt")]) == 0
    assert [label for label, _ in labels(project)] == ["CLAIM", "SOURCE"]


@pytest.mark.parametrize(("argument", "expected"), [
    ("Person=NOPE", "annotator: --map: the scheme has no label 'NOPE'"),
    ("Person=", "annotator: --map 'Person=': both sides of a mapping name a label"),
    ("no-such-file", "annotator: no-such-file: --map: cannot read the mapping file"),
])
def test_a_bad_mapping_is_one_line_and_no_project(tmp_path: Path, capsys: pytest.CaptureFixture[str], argument: str, expected: str) -> None:
    data, project = doccano_file(tmp_path), tmp_path / "p.db"
    assert main(["import", str(project), str(data), "--map", argument]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(expected)
    assert not project.exists()


def test_a_bad_line_in_a_mapping_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, project = doccano_file(tmp_path), tmp_path / "p.db"
    (tmp_path / "map.txt").write_text("Person=SOURCE\nادعاء CLAIM\n", encoding="utf-8")
    assert main(["import", str(project), str(data), "--map", str(tmp_path / "map.txt")]) == 1
    assert capsys.readouterr().err.strip() == f"annotator: {tmp_path / 'map.txt'}:2: this line: write OLD=NEW (for example Person=SOURCE)"
    assert not project.exists()


def test_a_mapping_into_an_existing_project_changes_nothing_when_refused(tmp_path: Path) -> None:
    data, project = doccano_file(tmp_path), tmp_path / "p.db"
    assert main(["new", str(project)]) == 0
    before = project.read_bytes()
    assert main(["import", str(project), str(data), "--map", "Person=SOURCE"]) == 1  # ادعاء is still unknown
    assert labels(project) == []
    assert project.read_bytes() == before


def test_new_scheme_from_a_real_brat_folder_then_import_it_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    news = interop("brat/news")
    project = tmp_path / "news.db"
    assert main(["new", str(project), "--scheme-from", str(news)]) == 0
    assert "Person" in capsys.readouterr().out
    assert main(["import", str(project), str(news)]) == 0
    out = capsys.readouterr().out
    assert "imported 13 document(s)" in out
    with Project.open(project) as opened:
        assert {"Person", "Organization", "Merge-org"} <= {label.name for label in opened.scheme.span_labels}
    assert ("Person", "Citibank") not in labels(project) and ("Organization", "Citibank") in labels(project)


def test_scheme_from_and_scheme_together_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "p.db"), "--scheme", "x.json", "--scheme-from", "y"]) == 1
    assert capsys.readouterr().err.strip() == "annotator: give --scheme or --scheme-from, not both"
    assert not (tmp_path / "p.db").exists()

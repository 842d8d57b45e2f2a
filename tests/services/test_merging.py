"""Merging annotators' project files: by text hash, each layer once, never touching what the target had."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.cli import main
from annotator.core.model import DocumentId
from annotator.services.documents.progress import list_documents
from annotator.services.team.merging import merge_paths
from annotator.services.annotation.relations import RelationService
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.project import Project
from tests.conftest import add_document

LETTER = "قال الرئيس إنه بعث برسالة إلى طهران."
DENIAL = "نفت البعثة أن تكون تلقت أي رسالة."


def dump(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as raw:
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table' AND name != 'settings' ORDER BY name")]
        return [(t, raw.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()) for t in tables]


def annotator_file(folder: Path, name: str, claim_end: int) -> Path:
    path = folder / f"{name}.db"
    with Project.create(path) as project:
        letter = DocumentId(add_document(project, LETTER, uid="letter"))
        add_document(project, DENIAL, uid="denial")
        tagger = TaggingService(project, annotator=name)
        claim = tagger.create_span(document_id=letter, start=11, end=claim_end, label="CLAIM").span
        source = tagger.create_span(document_id=letter, start=4, end=10, label="SOURCE").span
        RelationService(project, annotator=name, tagging=tagger).create(label="ATTRIBUTION", from_span=claim.id, to_span=source.id).relation
    return path


def test_three_files_merge_once_and_a_second_merge_changes_nothing(tmp_path: Path) -> None:
    sources = [annotator_file(tmp_path, name, end) for name, end in (("lina", 35), ("omar", 35), ("huda", 25))]
    target_path = tmp_path / "team.db"
    with Project.create(target_path) as target:
        mine = DocumentId(add_document(target, LETTER, uid="letter"))
        TaggingService(target, annotator="rana").create_span(document_id=mine, start=0, end=3, label="CUE").span
        before = dump(target_path)
        report = merge_paths(target, sources)
        assert (report.documents, report.spans, report.relations, report.errors) == (1, 6, 3, [])
        assert len(list_documents(target, annotator="x")) == 2
        for name in ("lina", "omar", "huda"):
            assert [s.label for s in TaggingService(target, annotator=name).spans(mine)] == ["SOURCE", "CLAIM"]
        assert [s.text for s in TaggingService(target, annotator="rana").spans(mine)] == ["قال"]
        merged = dump(target_path)
        again = merge_paths(target, sources)
        assert (again.documents, again.spans, again.relations, again.errors) == (0, 0, 0, [])
        assert dump(target_path) == merged
    kept = dict(before)
    assert set(kept["spans"]) <= set(dict(merged)["spans"])


def test_a_file_whose_text_differs_for_the_same_id_is_reported_not_mixed(tmp_path: Path) -> None:
    good = annotator_file(tmp_path, "lina", 35)
    odd = tmp_path / "odd.db"
    with Project.create(odd) as project:
        doc = DocumentId(add_document(project, "نص آخر تمامًا.", uid="letter"))
        TaggingService(project, annotator="omar").create_span(document_id=doc, start=0, end=2, label="CLAIM").span
    target_path = tmp_path / "team.db"
    with Project.create(target_path) as target:
        merge_paths(target, [good])
        before = dump(target_path)
        report = merge_paths(target, [odd])
        assert len(report.errors) == 1 and "document 'letter' has a different text" in str(report.errors[0])
        assert str(report.errors[0]).startswith(str(odd))
        assert dump(target_path) == before


def test_merge_on_the_command_line_creates_the_target(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    sources = [annotator_file(tmp_path, name, 35) for name in ("lina", "omar")]
    assert main(["merge", str(tmp_path / "team.db"), *map(str, sources)]) == 0
    assert "merged 2 new document(s), 4 span(s), 2 relation(s)" in capsys.readouterr().out
    assert main(["merge", str(tmp_path / "team.db"), str(tmp_path / "missing.db")]) == 1
    assert "no such project file" in capsys.readouterr().err

"""Backups through SQLite's backup API, `annotator check` and `--repair`, and the bad spans of a document."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.model import DocumentId
from annotator.services.annotation.tagging import TaggingService
from annotator.services.check import bad_spans
from annotator.storage import backup
from annotator.storage.project import Project
from tests.conftest import add_document

TEXT = "قال مسؤول كبير إن الرسالة وصلت."


def count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def test_backups_stay_out_of_the_users_folder() -> None:
    assert backup.backup_root() == Path(os.environ[backup.DIR_ENV]) and "annotator-test-backups-" in str(backup.backup_root())


def test_a_backup_holds_what_the_wal_holds(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Project.create(path) as project:
        add_document(project, TEXT)
        assert Path(f"{path}-wal").stat().st_size > 0  # the document is in the -wal, not yet in the .db
        made = backup.back_up(path, "manual")
        assert count(made.path, "documents") == 1
    assert [item.reason for item in backup.backups(path)] == ["manual"]


def test_opening_backs_up_once_a_day_and_the_cap_drops_the_oldest(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    Project.create(path).close()
    Project.open(path).close()
    Project.open(path).close()
    assert [item.reason for item in backup.backups(path)] == ["daily"]
    for _ in range(3):
        backup.back_up(path, "manual", cap_bytes=1)
    assert len(backup.backups(path)) == 1  # the newest is always kept


def test_merge_backs_up_its_target_first(tmp_path: Path) -> None:
    from annotator.services.team.merging import merge_paths

    other = tmp_path / "other.db"
    with Project.create(other) as project:
        add_document(project, TEXT)
    with Project.create(tmp_path / "team.db") as target:
        assert merge_paths(target, [other]).errors == []
    assert "before-merge" in [item.reason for item in backup.backups(tmp_path / "team.db")]


def test_restore_brings_a_backup_back_after_backing_up_the_current_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.db"
    assert main(["new", str(path), "--as", "rana"]) == 0
    with Project.open(path) as project:
        add_document(project, TEXT)
        saved = backup.back_up(path, "manual")
        add_document(project, TEXT + " ثانية")
    assert count(path, "documents") == 2
    assert main(["backups", str(path)]) == 0
    assert saved.path.name in capsys.readouterr().out
    assert main(["restore", str(path), saved.path.name, "--as", "lina"]) == 1
    assert "only a reviewer may restore" in capsys.readouterr().err
    assert main(["restore", str(path), saved.path.name]) == 0
    with Project.open(path) as project:
        from annotator.services.documents.progress import list_documents

        assert len(list_documents(project, annotator="rana")) == 1
    assert "before-restore" in [item.reason for item in backup.backups(path)]


def damaged(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "p.db"
    with Project.create(path) as project:
        doc = DocumentId(add_document(project, TEXT))
        TaggingService(project, annotator="lina").create_span(document_id=doc, start=0, end=3, label="CUE")
        TaggingService(project, annotator="lina").create_span(document_id=doc, start=4, end=9, label="SOURCE")
    connection = sqlite3.connect(path)
    connection.execute('UPDATE spans SET "end" = 400 WHERE start = 4')  # past the end of its text
    connection.execute("PRAGMA foreign_keys=OFF")
    connection.execute("INSERT INTO spans (uid, document_id, annotator_id, label, start, \"end\", text, attributes, note, derived_from, created_at, updated_at) "
                       "VALUES ('orphan', 99, 1, 'CUE', 0, 3, 'قال', '{}', '', '[]', '2024-01-01', '2024-01-01')")
    connection.execute("INSERT INTO document_search (document_search) VALUES ('delete-all')")
    connection.commit()
    connection.close()
    return path, doc


def test_bad_spans_of_a_document_are_listed_by_name(tmp_path: Path) -> None:
    path, doc = damaged(tmp_path)
    with Project.open(path) as project:
        [bad] = bad_spans(project, document_id=doc)
    assert bad.label == "SOURCE" and bad.layer == "lina" and bad.reason == f"it ends at 400, past the end of its text ({len(TEXT)} characters)"


def test_check_lists_each_problem_and_repair_fixes_what_is_safe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, _doc = damaged(tmp_path)
    assert main(["check", str(path)]) == 1
    captured = capsys.readouterr()
    problems = captured.err.strip().splitlines()
    assert "3 problem(s)" in captured.out
    assert any("spans row" in line and "refers to a missing row of documents" in line for line in problems)
    assert any("past the end of its text" in line for line in problems)
    assert any("search index: 1 document(s) not in the search index" in line for line in problems)
    assert all(line.startswith(f"annotator: {path}: ") for line in problems)
    assert main(["check", str(path), "--repair"]) == 1  # the span past its text is reported, not guessed at
    captured = capsys.readouterr()
    assert "repaired: dropped 1 dangling row(s) of spans" in captured.out and "repaired: rebuilt the search index" in captured.out
    assert captured.err.strip().splitlines() == [line for line in problems if "past the end" in line]
    assert "before-repair" in [item.reason for item in backup.backups(path)]


def test_a_sound_project_checks_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.db"
    with Project.create(path) as project:
        doc = DocumentId(add_document(project, TEXT))
        TaggingService(project, annotator="lina").create_span(document_id=doc, start=0, end=3, label="CUE")
    assert main(["check", str(path)]) == 0
    assert "no problems (1 documents, 1 spans, 0 relations)" in capsys.readouterr().out


def test_check_names_a_newer_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.db"
    Project.create(path).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
    connection.commit()
    connection.close()
    assert main(["check", str(path)]) == 1
    assert "made by a newer version of annotator (revision 0099_future)" in capsys.readouterr().err
    assert main(["export", str(path), "--out", str(tmp_path / "o.jsonl")]) == 1
    assert capsys.readouterr().err.strip() == f"annotator: {path}: made by a newer version of annotator (revision 0099_future); nothing was changed"
    assert main(["merge", str(tmp_path / "t.db"), str(path)]) == 1
    assert "made by a newer version of annotator" in capsys.readouterr().err

"""Damaged or foreign project files are refused by name, quickly, and left as they were."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from annotator.core.errors import ProjectError, StorageError
from annotator.storage import migrate
from annotator.storage.project import Project
from tests.conftest import add_document

TEXT = "قال مسؤول كبير إن الرسالة وصلت."


def made(path: Path) -> Path:
    with Project.create(path) as project:
        add_document(project, TEXT)
    return path


def tamper(path: Path, *statements: str) -> bytes:
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path.read_bytes()


def test_a_project_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = made(tmp_path / "p.db")
    before = tamper(path, "UPDATE alembic_version SET version_num = '0099_future'")
    for read_only in (False, True):
        with pytest.raises(ProjectError) as caught:
            Project.open(path, read_only=read_only)
        assert str(caught.value) == f"{path}: made by a newer version of annotator (revision 0099_future); nothing was changed"
    assert path.read_bytes() == before


def test_the_known_revisions_are_alembics_history() -> None:
    from alembic.script import ScriptDirectory

    history = [script.revision for script in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()]
    assert tuple(reversed(history)) == migrate.KNOWN and migrate.KNOWN[-1] == migrate.HEAD


@pytest.mark.parametrize(
    ("value", "words"),
    [("{not json", "is not JSON"), ('{"name": "x"}', "span_labels"), ('{"name": "x", "span_labels": 3, "relation_labels": []}', "span_labels")],
)
def test_a_damaged_stored_scheme_is_named_when_the_project_opens(tmp_path: Path, value: str, words: str) -> None:
    path = made(tmp_path / "p.db")
    tamper(path, f"UPDATE settings SET value = '{value}' WHERE key = 'scheme'")
    with pytest.raises(ProjectError) as caught:
        Project.open(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: the stored tag scheme (setting 'scheme')") and words in message
    assert message.endswith("nothing was changed") and "\n" not in message


def test_a_table_replaced_by_a_recursive_view_is_refused_at_once(tmp_path: Path) -> None:
    path = made(tmp_path / "p.db")
    before = tamper(
        path,
        "ALTER TABLE spans RENAME TO spans_kept",
        "CREATE VIEW spans AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
        "SELECT n AS id, 'x' AS uid, 1 AS document_id, 1 AS annotator_id, 'CLAIM' AS label, 0 AS start, 1 AS \"end\", "
        "'x' AS text, '{}' AS attributes, '' AS note, '[]' AS derived_from, 0 AS created_at, 0 AS updated_at FROM r",
    )
    started = time.monotonic()
    with pytest.raises(ProjectError, match=r"not as annotator made it: spans is a view, not the table annotator made"):
        Project.open(path)
    assert time.monotonic() - started < 2
    assert path.read_bytes() == before


def test_a_foreign_trigger_is_named(tmp_path: Path) -> None:
    path = made(tmp_path / "p.db")
    tamper(path, "CREATE TRIGGER wipe AFTER INSERT ON spans BEGIN DELETE FROM documents; END")
    with pytest.raises(ProjectError, match="trigger wipe on spans, which annotator did not make"):
        Project.open(path)


def test_no_statement_runs_unbounded(tmp_path: Path) -> None:
    from sqlalchemy import text

    path = made(tmp_path / "p.db")
    project = Project(path, statement_limit_s=0.3)
    endless = text("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r")
    started = time.monotonic()
    with pytest.raises(StorageError, match="a query ran too long and was stopped"), project.reading() as session:
        session.execute(endless).scalar()
    assert time.monotonic() - started < 5
    with project.reading() as session:  # the connection works on
        assert session.execute(text("SELECT count(*) FROM documents")).scalar() == 1
    project.close()


def test_a_streamed_read_is_not_stopped_for_the_time_its_reader_takes(tmp_path: Path) -> None:
    from annotator.storage.health import StatementClock

    clock = StatementClock(0.05)
    clock.start()
    for _ in range(20):  # twenty slow reads of rows between SQLite's steps
        assert clock() == 0
        time.sleep(0.02)
    assert clock.used < 0.05

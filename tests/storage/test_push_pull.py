"""annotator push FILE URL and pull URL FILE: a laptop's work to the server and back, once (a second run adds nothing)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.storage.project import Project
from tests.conftest import dump_tables


@pytest.fixture
def database(pg_server) -> Iterator[str]:  # noqa: ANN001 - tests/pgserver.PgServer
    name = pg_server.new_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


def test_push_then_pull_moves_the_work_and_a_second_run_adds_nothing(database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.services.test_merging import annotator_file

    laptop = annotator_file(tmp_path, "lina", 35)
    assert main(["merge", database, str(annotator_file(tmp_path, "omar", 35)), "--as", "rana"]) == 0  # the shared project
    capsys.readouterr()
    assert main(["push", str(laptop), database, "--as", "rana"]) == 0
    pushed = capsys.readouterr().out
    assert "span(s)" in pushed and "merged 0 new document(s), 0 span(s)" not in pushed
    assert main(["push", str(laptop), database, "--as", "rana"]) == 0
    assert "merged 0 new document(s), 0 span(s), 0 relation(s)" in capsys.readouterr().out
    copy = tmp_path / "copy.db"
    assert main(["pull", database, str(copy), "--as", "rana"]) == 0
    capsys.readouterr()
    with Project.open(database) as server, Project.open(copy) as pulled:
        shown = {name: len(rows) for name, rows in dump_tables(server) if name in ("documents", "spans", "relations")}
        got = {name: len(rows) for name, rows in dump_tables(pulled) if name in ("documents", "spans", "relations")}
        assert got == shown and shown["spans"] > 0
    assert main(["pull", database, str(copy), "--as", "rana"]) == 0
    assert "merged 0 new document(s), 0 span(s), 0 relation(s)" in capsys.readouterr().out


def test_push_to_a_file_says_to_use_merge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["push", str(tmp_path / "a.db"), str(tmp_path / "b.db")]) == 1
    assert "use annotator merge" in capsys.readouterr().err


def test_pull_of_some_documents_brings_only_those_and_their_annotations(database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.services.test_merging import annotator_file

    assert main(["merge", database, str(annotator_file(tmp_path, "lina", 35)), "--as", "rana"]) == 0
    capsys.readouterr()
    copy = tmp_path / "denial-only.db"
    assert main(["pull", database, str(copy), "--documents", "denial", "--as", "rana"]) == 0
    assert "merged 1 new document(s), 0 span(s), 0 relation(s)" in capsys.readouterr().out
    letter_only = tmp_path / "letter-only.db"
    assert main(["pull", database, str(letter_only), "--documents", "letter", "--as", "rana"]) == 0
    assert "merged 1 new document(s), 2 span(s), 1 relation(s)" in capsys.readouterr().out
    assert main(["pull", database, str(tmp_path / "none.db"), "--documents", "nowhere", "--as", "rana"]) == 1
    assert "no document 'nowhere'" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()  # the copy that received nothing is not left behind

"""A project on a PostgreSQL server: what differs from a file lives in storage/, and says so when it must."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select, text

from annotator.core.errors import ProjectBusy, ProjectError, StorageError
from annotator.services.documents.search import search_corpus
from annotator.storage.location import ServerLocation, location
from annotator.storage.models import Document, Setting
from annotator.storage.project import Project
from tests.conftest import add_document


@pytest.fixture
def database(pg_server) -> Iterator[str]:  # noqa: ANN001 - tests/pgserver.PgServer
    name = pg_server.new_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture
def empty_database(pg_server) -> Iterator[str]:  # noqa: ANN001
    name = "empty_for_test"
    pg_server.admin(f"CREATE DATABASE {name}")
    yield pg_server.url(name)
    pg_server.drop_database(name)


def test_a_url_is_a_location_that_never_prints_its_password(database: str) -> None:
    where = location(database)
    assert isinstance(where, ServerLocation)
    assert "***" in str(where) and where.url.password not in str(where)
    assert where.name == database.rsplit("/", 1)[1]
    with Project.create(database) as project:
        assert project.is_server and project.path == where
        assert where.url.password not in str(project.path)


def test_writers_are_serializable_and_readers_a_read_only_snapshot(database: str) -> None:
    with Project.create(database, busy_timeout_ms=1500) as project:
        with project.transaction() as session:
            assert session.execute(text("SHOW transaction_isolation")).scalar() == "serializable"
            assert session.execute(text("SHOW lock_timeout")).scalar() == "1500ms"
            assert session.execute(text("SHOW statement_timeout")).scalar() == "30s"
        with project.reading() as session:
            assert session.execute(text("SHOW transaction_isolation")).scalar() == "repeatable read"
            assert session.execute(text("SHOW transaction_read_only")).scalar() == "on"


def test_a_new_project_in_an_empty_database_gets_the_schema_and_opens_again(empty_database: str) -> None:
    assert not Project.exists(empty_database)
    with pytest.raises(ProjectError, match="holds no annotator project"):
        Project.open(empty_database)
    with Project.create(empty_database) as project:
        document = add_document(project, "نص أول في قاعدة البيانات")
    assert Project.exists(empty_database)
    with Project.open(empty_database) as project:
        with project.reading() as session:
            assert session.get(Document, document).text == "نص أول في قاعدة البيانات"
            assert session.execute(text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")).scalar() == 1
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(empty_database)


LETTER = "قال مسؤولٌ كبير، وفقًا لأشخاص مطّلعين على هذه المراسلة، إن الرئيس بعث برسالة."
DENIAL = "نفت البعثة تلقّي أي رسالة. رسالة أخرى؟ لا رسالة_ثالثة."
QUERIES = ("رساله", "مسوول كب", "كبير مسوول", "لاشخاص مطلعين", "وفق", "فقا", "الرسالة", "ثالثه", "رسالة ثالثة", "ب", "x", "قال مسؤول كبير")


def test_search_on_the_server_answers_as_on_a_file(database: str, tmp_path) -> None:  # noqa: ANN001
    answers = {}
    for where in (database, tmp_path / "same.db"):
        with Project.create(where) as project:
            letter = add_document(project, LETTER)
            add_document(project, DENIAL)
            answers[str(where)] = [[(r.document_id, r.hits) for r in search_corpus(project, query)] for query in QUERIES]
            with project.transaction() as session:
                session.delete(session.get(Document, letter))
            assert search_corpus(project, "مسوول") == []
    on_server, on_file = answers.values()
    assert on_server == on_file
    assert sum(1 for found in on_file if found) >= 7  # the queries do find things


def test_two_writers_on_the_same_row_one_is_busy_never_a_silent_overwrite(database: str) -> None:
    with Project.create(database) as first, Project.open(database) as second:
        first.set_setting("shared", "0")
        entered, release = threading.Event(), threading.Event()
        errors: list[BaseException] = []

        def slow_writer() -> None:
            try:
                with first.transaction() as session:
                    value = session.scalar(select(Setting.value).where(Setting.key == "shared"))
                    entered.set()
                    release.wait(5)
                    session.merge(Setting(key="shared", value=str(int(value) + 1)))
            except BaseException as error:  # noqa: BLE001 - handed to the test
                errors.append(error)

        thread = threading.Thread(target=slow_writer)
        thread.start()
        entered.wait(5)
        with second.transaction() as session:  # commits first
            value = session.scalar(select(Setting.value).where(Setting.key == "shared"))
            session.merge(Setting(key="shared", value=str(int(value) + 10)))
        release.set()
        thread.join(10)
        assert len(errors) == 1 and isinstance(errors[0], ProjectBusy), errors
        assert "someone else changed the same rows" in str(errors[0]) and "***" in str(errors[0])
        assert first.setting("shared") == "10"


def test_a_server_that_cannot_be_reached_is_one_line(pg_server) -> None:  # noqa: ANN001
    url = pg_server.url("nowhere").replace(f":{pg_server.port}/", ":1/")
    with pytest.raises(StorageError, match=r"cannot be reached .*nothing was changed$"):
        Project.open(url)
    with pytest.raises(StorageError, match="refused the connection"):
        Project.open(pg_server.url("no_such_database"))


def test_check_and_repair_on_the_server(database: str) -> None:
    from annotator.storage.check import check, repair

    with Project.create(database) as project:
        add_document(project, LETTER)
        add_document(project, DENIAL)
    report = check(database)
    assert report.problems == [] and report.counts["documents"] == 2 and "***" in report.summary()
    with Project.open(database) as project, project.transaction() as session:
        session.execute(text("DELETE FROM document_search WHERE id = (SELECT min(id) FROM documents)"))
    [problem] = check(database).problems
    assert problem.startswith("search index: 1 document(s) not in the search index")
    repaired = repair(database)
    assert repaired.problems == [] and "rebuilt the search index (2 document(s))" in repaired.repaired


def test_the_command_line_takes_a_url_wherever_it_takes_a_project(database: str, tmp_path, capsys) -> None:  # noqa: ANN001
    from annotator.cli import main

    article = tmp_path / "a.txt"
    article.write_text(LETTER, encoding="utf-8")
    assert main(["import", database, str(article), "--as", "salma"]) == 0
    assert main(["export", database, "--format", "jsonl", "--out", str(tmp_path / "out.jsonl"), "--as", "salma"]) == 0
    assert "مسؤولٌ" in (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    assert main(["check", database]) == 0
    capsys.readouterr()
    assert main(["backups", database]) == 1
    error = capsys.readouterr().err.strip()
    assert "backed up by the server's own tools" in error and "***" in error and len(error.splitlines()) == 1
    assert main(["new", database]) == 1
    assert "already exists" in capsys.readouterr().err


def test_files_merge_into_a_server_project_once(database: str, tmp_path, capsys) -> None:  # noqa: ANN001
    from annotator.cli import main
    from tests.conftest import dump_tables
    from tests.services.test_merging import annotator_file

    sources = [str(annotator_file(tmp_path, name, end)) for name, end in (("lina", 35), ("omar", 35), ("huda", 25))]
    assert not Project.exists(database)  # a schema, but no project yet: merge makes it
    assert main(["merge", database, *sources, "--as", "rana"]) == 0
    assert "merged 2 new document(s), 6 span(s), 3 relation(s)" in capsys.readouterr().out
    with Project.open(database) as project:
        merged = [table for table in dump_tables(project) if table[0] != "settings"]
        assert dict(merged)["spans"] and len(dict(merged)["documents"]) == 2
    assert main(["merge", database, *sources, "--as", "rana"]) == 0
    assert "merged 0 new document(s), 0 span(s), 0 relation(s)" in capsys.readouterr().out
    with Project.open(database) as project:
        assert [table for table in dump_tables(project) if table[0] != "settings"] == merged


def test_without_the_postgresql_binaries_the_server_tests_say_why(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests import pgserver

    monkeypatch.setattr(pgserver, "DEFAULT_BINS", ())
    monkeypatch.delenv(pgserver.BIN_ENV, raising=False)
    monkeypatch.setenv("PATH", "")
    assert pgserver.find_bin() is None
    with pytest.raises(FileNotFoundError, match="no PostgreSQL binaries .*install postgresql-15 or set ANNOTATOR_PG_BIN"):
        pgserver.start_server()


def test_an_older_project_on_a_server_is_upgraded_by_its_owner_with_server_init_not_by_opening(database: str) -> None:
    from alembic import command

    from annotator.cli import main
    from annotator.storage import migrate

    with Project.create(database) as project:
        add_document(project, LETTER)
        config = migrate.alembic_config()
        with project.engine.begin() as connection:  # as the version before this one left it
            config.attributes["connection"] = connection
            command.downgrade(config, migrate.KNOWN[-2])
    with pytest.raises(ProjectError, match=r"made by an older version .*`annotator server init .*`; nothing was changed$"):
        Project.open(database)
    assert main(["server", "init", database]) == 0
    with Project.open(database) as project:
        assert migrate.current_revision(project.engine) == migrate.HEAD
        assert search_corpus(project, "مسوول")

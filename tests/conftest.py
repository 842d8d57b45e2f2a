"""Shared fixtures; GUI tests run headless."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings the window remembers (language, text size) go to a throwaway folder, never the user's.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="annotator-test-config-")
# Backups of test projects go to a throwaway folder too, never the user's data folder.
os.environ["ANNOTATOR_BACKUP_DIR"] = tempfile.mkdtemp(prefix="annotator-test-backups-")

from annotator.storage.project import Project  # noqa: E402


# The storage and service tests run on both engines: each test that asks for `project` (or `project_location`)
# there, and not for `project_path` (a file it works on itself), runs once on SQLite and once on a PostgreSQL
# server the session starts itself (tests/pgserver.py).
BOTH_ENGINES = ("storage", "services")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only(reason): a storage or service test about SQLite itself, not run on PostgreSQL")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine_kind" not in metafunc.fixturenames or "project_path" in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        return
    if metafunc.definition.path.relative_to(Path(__file__).parent).parts[0] in BOTH_ENGINES:
        metafunc.parametrize("engine_kind", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """A throwaway PostgreSQL server for the whole session, started at the first test that needs it."""
    from tests import pgserver

    try:
        server = pgserver.start_server()
    except FileNotFoundError as error:
        pytest.skip(f"PostgreSQL tests skipped: {error}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def engine_kind(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture
def project_location(engine_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """Where the test's project lives: a file, or a fresh database on the session's server (dropped after)."""
    if engine_kind == "sqlite":
        yield tmp_path / "project.db"
        return
    server = request.getfixturevalue("pg_server")
    name = server.take_database()
    try:
        yield server.url(name)
    finally:
        server.give_back(name)


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "project.db"


@pytest.fixture
def project(project_location: Path | str) -> Iterator[Project]:
    with Project.create(project_location) as opened:
        yield opened


def add_document(project: Project, text: str, *, title: str = "مقال", uid: str | None = None) -> int:
    """Put one document straight into the project (tests that are not about import)."""
    import hashlib

    from sqlalchemy import select

    from annotator.storage.models import Document

    digest = hashlib.sha256(text.encode()).hexdigest()
    with project.transaction() as session:
        existing = session.scalar(select(Document.id).where(Document.sha256 == digest))
        if existing is not None:
            return existing
        document = Document(
            uid=uid or digest[:12],
            sha256=digest,
            title=title,
            text=text,
            meta={},
        )
        session.add(document)
        session.flush()
        return document.id


def dump_tables(project: Project) -> list[tuple]:
    """Every table's rows in order, on either engine (tests that check that nothing changed)."""
    from sqlalchemy import inspect, text

    with project.reading() as session:
        tables = sorted(inspect(session.connection()).get_table_names())
        return [(table, [tuple(row) for row in session.execute(text(f'SELECT * FROM "{table}" ORDER BY 1'))]) for table in tables]

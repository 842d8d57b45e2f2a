"""Bring a project file's schema to the newest revision with Alembic."""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from annotator.core.errors import ProjectError
from annotator.storage.engine import READ_ONLY

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest revision, so that opening an up-to-date project never loads Alembic (a test keeps it true).
HEAD = "0007_contentless_search"
# Every revision this version knows, oldest first (a test keeps it equal to Alembic's history). A file at any
# other revision was made by a newer version: opening it must not touch it.
KNOWN = ("0001_baseline", "0002_dismissed_suggestions", "0003_assignments_provenance", "0004_search_index", "0005_source_registry",
         "0006_list_indexes", "0007_contentless_search")


def newer_version(path: Path | str, revision: str) -> ProjectError:
    return ProjectError(f"{path}: made by a newer version of annotator (revision {revision}); nothing was changed")


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.execution_options(**{READ_ONLY: True}).connect() as connection:  # never waits for a writer
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (OperationalError, ProgrammingError) as error:
            # a new file or database, or not a project at all (SQLite says the one, PostgreSQL the other)
            if "no such table" in str(error.orig) or getattr(error.orig, "sqlstate", None) == "42P01":
                return None
            raise


def upgrade(engine: Engine) -> None:
    """Upgrade to head. On SQLite foreign keys are off meanwhile so that batch table rebuilds keep child rows;
    PostgreSQL alters tables in place, in one transaction (its DDL is transactional)."""
    if current_revision(engine) == HEAD:
        return
    from alembic import command

    config = alembic_config()
    if engine.dialect.name != "sqlite":
        with engine.connect() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if connection.in_transaction():
                connection.commit()
        return
    with engine.connect() as connection:
        # PRAGMA foreign_keys is a no-op inside a transaction: set it on the bare driver connection.
        raw = connection.connection.driver_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if connection.in_transaction():
                connection.commit()
            problems = raw.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise ProjectError(f"foreign key check failed after migration: {problems[:5]}")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")

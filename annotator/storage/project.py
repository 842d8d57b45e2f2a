"""The Project facade: one SQLite file (or one database on a PostgreSQL server) holding documents, annotations,
the tag scheme and settings."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.errors import ProjectError, ProjectReadOnly, SchemeError, StorageError
from annotator.core.scheme import Scheme, default_scheme, parse_scheme
from annotator.storage import backup, failures, guards, health, migrate, search_index  # noqa: F401 - keeps the search index in step
from annotator.storage.engine import DEFAULT_BUSY_TIMEOUT_MS, READ_ONLY, make_engine, reader_options
from annotator.storage.failures import storage_error
from annotator.storage.live import announce
from annotator.storage.location import ServerLocation, is_server, location
from annotator.storage.models import Annotator, Setting

FORMAT_KEY = "format"
FORMAT_VALUE = "annotator-project"
SCHEME_KEY = "scheme"


class Project:
    """An open project file. Every write goes through `transaction()` and is committed at its end.

    `read_only` is True when the file (or its folder) cannot be written: reads work, and every
    `transaction()` raises ProjectReadOnly before touching the database.
    """

    def __init__(
        self,
        path: Path | ServerLocation | str,
        *,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
        read_only: bool = False,
        immutable: bool = False,
        statement_limit_s: float = health.DEFAULT_STATEMENT_LIMIT_S,
    ) -> None:
        self.path = location(path)
        self.is_server = isinstance(self.path, ServerLocation)
        self.writer = ""  # who writes through this project object, in what a server announces (set by the window)
        self.busy_timeout_ms = busy_timeout_ms
        self.read_only = read_only or immutable
        self.engine = make_engine(
            self.path, busy_timeout_ms=busy_timeout_ms, read_only=read_only, immutable=immutable, statement_limit_s=statement_limit_s
        )
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._readers = sessionmaker(self.engine.execution_options(**reader_options(self.engine)), expire_on_commit=False)
        self._scheme: Scheme | None = None
        self.backup_problem: str | None = None  # why the daily backup could not be taken, when it could not
        guards.install(self._sessions, self.scheme_in)

    @classmethod
    def create(
        cls, path: Path | ServerLocation | str, *, scheme: Scheme | None = None, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS
    ) -> Project:
        if is_server(path):
            return cls._create_on_server(location(path), scheme=scheme, busy_timeout_ms=busy_timeout_ms)
        path = Path(path)
        if path.exists():
            raise ProjectError(f"{path}: already exists")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ProjectError(f"{path}: cannot be created: {error.strerror}") from None
        if not os.access(path.parent, os.W_OK):
            raise ProjectReadOnly(f"{path}: the folder is read-only; the project cannot be created there")
        project = cls(path, busy_timeout_ms=busy_timeout_ms)
        try:
            migrate.upgrade(project.engine)
            with project.transaction() as session:
                session.add(Setting(key=FORMAT_KEY, value=FORMAT_VALUE))
                session.add(Setting(key=SCHEME_KEY, value=(scheme or default_scheme()).to_json()))
        except BaseException as error:
            project.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            translated = storage_error(error, path) if isinstance(error, DBAPIError) else None
            if translated is not None:
                raise translated from error
            raise
        return project

    @classmethod
    def _create_on_server(cls, server: ServerLocation, *, scheme: Scheme | None, busy_timeout_ms: int) -> Project:
        """A project in an existing database on a server (its administrator made the database): the schema
        unless `annotator server init` made it already, then the scheme. A database already holding a project
        is refused."""
        project = cls(server, busy_timeout_ms=busy_timeout_ms)
        try:
            revision = migrate.current_revision(project.engine)
            if revision is not None and revision not in migrate.KNOWN:
                raise migrate.newer_version(server, revision)
            migrate.upgrade(project.engine)
            with project.transaction() as session:
                if session.get(Setting, FORMAT_KEY) is not None:
                    raise ProjectError(f"{server}: already exists (the database holds a project)")
                session.add(Setting(key=FORMAT_KEY, value=FORMAT_VALUE))
                session.add(Setting(key=SCHEME_KEY, value=(scheme or default_scheme()).to_json()))
        except DBAPIError as error:
            project.close()
            raise (storage_error(error, server) or ProjectError(f"{server}: cannot be created: {error.orig}")) from None
        except BaseException:
            project.close()
            raise
        return project

    @classmethod
    def _open_on_server(cls, server: ServerLocation, *, busy_timeout_ms: int) -> Project:
        """Open a project on a server. Its schema is never upgraded here: a shared database is upgraded by its
        owner with `annotator server init`, which also extends the roles' grants and policies to new tables (a
        newer window opening it first would leave them half set up). No backups are taken: a server is backed
        up by its own tools (pg_dump), and no file-level checks apply."""
        project = cls(server, busy_timeout_ms=busy_timeout_ms)
        try:
            revision = migrate.current_revision(project.engine)
            if revision is None:
                raise ProjectError(f"{server}: the database holds no annotator project (`annotator new {server}` makes one)")
            if revision not in migrate.KNOWN:
                raise migrate.newer_version(server, revision)
            if revision != migrate.HEAD:
                raise ProjectError(
                    f"{server}: the project was made by an older version (revision {revision}); its owner upgrades it with "
                    f"`annotator server init {server}`; nothing was changed"
                )
            if project.setting(FORMAT_KEY) != FORMAT_VALUE:
                raise ProjectError(f"{server}: the database holds no annotator project (`annotator new {server}` makes one)")
            project.scheme
        except DBAPIError as error:
            project.close()
            raise (storage_error(error, server) or ProjectError(f"{server}: cannot be opened: {error.orig}")) from None
        except BaseException:
            project.close()
            raise
        return project

    @classmethod
    def exists(cls, path: Path | ServerLocation | str) -> bool:
        """Whether a project is there: a file, or a database holding one (a server that cannot be reached raises)."""
        if not is_server(path):
            return Path(path).exists()
        project = cls(location(path))
        try:
            return migrate.current_revision(project.engine) is not None and project.setting(FORMAT_KEY) == FORMAT_VALUE
        except DBAPIError as error:
            raise (storage_error(error, project.path) or ProjectError(f"{project.path}: cannot be opened: {error.orig}")) from None
        finally:
            project.close()

    @classmethod
    def open(cls, path: Path | ServerLocation | str, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, read_only: bool = False) -> Project:
        """Open an existing project, upgrading an older file to the current schema.

        A file that cannot be written (by permissions, or because SQLite says so) opens read-only, and so does
        any file when `read_only` is given; a read-only file is never upgraded.
        """
        if is_server(path):
            return cls._open_on_server(location(path), busy_timeout_ms=busy_timeout_ms)
        path = Path(path)
        if not path.is_file():
            raise ProjectError(f"{path}: no such project file")
        _check_sqlite_header(path)
        if not read_only and _writable(path):
            try:
                return cls._opened(path, busy_timeout_ms=busy_timeout_ms, read_only=False)
            except ProjectReadOnly:
                pass  # the permissions say yes and SQLite says no: a read-only mount, a -shm file that is not ours
        if _nobody_writes(path):
            return cls._opened(path, busy_timeout_ms=busy_timeout_ms, immutable=True)
        try:
            return cls._opened(path, busy_timeout_ms=busy_timeout_ms, read_only=True)
        except ProjectReadOnly:
            # mode=ro fails only where no -shm file can be made beside the database; then no WAL writer can
            # be at work on it either, and reading it as immutable is safe.
            return cls._opened(path, busy_timeout_ms=busy_timeout_ms, immutable=True)

    @classmethod
    def _opened(cls, path: Path, *, busy_timeout_ms: int, read_only: bool = False, immutable: bool = False) -> Project:
        project = cls(path, busy_timeout_ms=busy_timeout_ms, read_only=read_only, immutable=immutable)
        try:
            revision = migrate.current_revision(project.engine)
            if revision is None:
                raise ProjectError(f"{path}: an SQLite file, but not an annotator project")
            if revision not in migrate.KNOWN:
                raise migrate.newer_version(path, revision)
            with project.engine.execution_options(**{READ_ONLY: True}).connect() as connection:
                foreign = health.foreign_objects(connection.connection.driver_connection)
            if foreign:
                raise ProjectError(f"{path}: not as annotator made it: {'; '.join(foreign)}; nothing was changed")
            if project.read_only and revision != migrate.HEAD:
                raise ProjectError(
                    f"{path}: the project file is read-only and was made by an older version; "
                    "it must be upgraded before it can be opened read-only"
                )
            if not project.read_only:
                if revision != migrate.HEAD:
                    backup.back_up(path, "before-migration")
                else:
                    try:
                        backup.back_up_if_old(path)
                    except StorageError as error:  # no daily backup is no reason not to work: the window says so
                        project.backup_problem = str(error)
                migrate.upgrade(project.engine)
            if project.setting(FORMAT_KEY) != FORMAT_VALUE:
                raise ProjectError(f"{path}: an SQLite file, but not an annotator project")
            project.scheme  # a damaged stored scheme is refused here, by name, not later in a repaint
        except DBAPIError as error:
            project.close()
            translated = storage_error(error, path)
            if isinstance(translated, ProjectReadOnly):
                raise translated from error
            raise ProjectError(f"{path}: cannot be opened: {error.orig}") from None
        except BaseException:
            project.close()
            raise
        return project

    @classmethod
    def open_or_create(
        cls, path: Path | ServerLocation | str, *, scheme: Scheme | None = None, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, read_only: bool = False
    ) -> Project:
        if cls.exists(path):
            return cls.open(path, busy_timeout_ms=busy_timeout_ms, read_only=read_only)
        return cls.create(path, scheme=scheme, busy_timeout_ms=busy_timeout_ms)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def check_writable(self) -> None:
        """Raise ProjectReadOnly for a read-only project (before a long job starts)."""
        if self.read_only:
            raise failures.read_only(self.path)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises.

        The write lock is taken before the block runs, so a busy project raises ProjectBusy (after the busy
        timeout) with nothing done; read-only, disk-full and I/O failures become ProjectReadOnly and DiskFull.
        """
        self.check_writable()
        try:
            with self._sessions() as session, session.begin():
                session.connection()  # BEGIN IMMEDIATE here, not at the block's first statement
                yield session
                if self.is_server:
                    announce(session, self.writer)  # other windows hear of it once this commits
        except DBAPIError as error:
            translated = storage_error(error, self.path)
            if translated is None:
                raise
            raise translated from error

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only: it does not wait for a writer, and a writer does not wait for it."""
        try:
            with self._readers() as session:
                yield session
        except DBAPIError as error:
            translated = storage_error(error, self.path)
            if translated is None:
                raise
            raise translated from error

    @property
    def scheme(self) -> Scheme:
        if self._scheme is None:
            with self.reading() as session:
                return self.scheme_in(session)
        return self._scheme

    def scheme_in(self, session: Session) -> Scheme:
        """The scheme, read through the given session if it is not loaded yet (so a running transaction never waits on itself)."""
        if self._scheme is None:
            raw = session.scalar(select(Setting.value).where(Setting.key == SCHEME_KEY))
            if raw is None:
                raise ProjectError(f"{self.path}: the project stores no tag scheme")
            self._scheme = stored_scheme(raw, self.path)
        return self._scheme

    def setting(self, key: str) -> str | None:
        with self.reading() as session:
            return session.scalar(select(Setting.value).where(Setting.key == key))

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as session:
            session.merge(Setting(key=key, value=value))

    def annotator_id(self, session: Session, name: str) -> int:
        """The id of the named annotator, created on first use."""
        annotator_id = session.scalar(select(Annotator.id).where(Annotator.name == name))
        if annotator_id is None:
            annotator = Annotator(name=name)
            session.add(annotator)
            session.flush()
            annotator_id = annotator.id
        return annotator_id


def stored_scheme(raw: str, path: Path) -> Scheme:
    """The scheme a project stores, or a ProjectError naming the setting when it is damaged."""
    origin = f"{path}: the stored tag scheme (setting {SCHEME_KEY!r})"
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as error:
        raise ProjectError(f"{origin} is not JSON ({str(error)[:80]}); nothing was changed") from None
    try:
        return parse_scheme(data, origin=origin, trusted=True)
    except SchemeError as error:
        raise ProjectError(f"{error}; nothing was changed") from None
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
        pass  # trusted parsing met a shape it does not expect: let the full check name the place
    try:
        parse_scheme(data, origin=origin)
    except SchemeError as error:
        raise ProjectError(f"{error}; nothing was changed") from None
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as error:
        raise ProjectError(f"{origin} is damaged ({type(error).__name__}: {error}); nothing was changed") from None
    raise ProjectError(f"{origin} is damaged; nothing was changed")


def _check_sqlite_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as error:
        raise ProjectError(f"{path}: cannot be read: {error.strerror}") from None
    if header and header != b"SQLite format 3\x00":
        raise ProjectError(f"{path}: not a project file (not an SQLite database)")
    if not header:
        raise ProjectError(f"{path}: empty file, not a project")


def _writable(path: Path) -> bool:
    """The file and its folder (where SQLite keeps the -wal and -shm files) can be written by this user."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _nobody_writes(path: Path) -> bool:
    """No write permission for anyone and no uncheckpointed WAL: reading it as immutable misses nothing and
    leaves no -wal or -shm files (owned by this user) beside someone else's project."""
    wal = Path(f"{path}-wal")
    try:
        return not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) and (not wal.exists() or wal.stat().st_size == 0)
    except OSError:
        return False

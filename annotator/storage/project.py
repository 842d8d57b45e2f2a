"""The Project facade: one SQLite file holding documents, annotations, the tag scheme and settings."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.errors import ProjectError
from annotator.core.scheme import Scheme, default_scheme, parse_scheme
from annotator.storage import guards, migrate, search_index  # noqa: F401 - keeps the search index in step
from annotator.storage.engine import READ_ONLY, make_engine
from annotator.storage.models import Annotator, Setting

FORMAT_KEY = "format"
FORMAT_VALUE = "annotator-project"
SCHEME_KEY = "scheme"


class Project:
    """An open project file. Every write goes through `transaction()` and is committed at its end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = make_engine(path)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._readers = sessionmaker(self.engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)
        self._scheme: Scheme | None = None
        guards.install(self._sessions, self.scheme_in)

    @classmethod
    def create(cls, path: Path, *, scheme: Scheme | None = None) -> Project:
        path = Path(path)
        if path.exists():
            raise ProjectError(f"{path}: already exists")
        path.parent.mkdir(parents=True, exist_ok=True)
        project = cls(path)
        try:
            migrate.upgrade(project.engine)
            with project.transaction() as session:
                session.add(Setting(key=FORMAT_KEY, value=FORMAT_VALUE))
                session.add(Setting(key=SCHEME_KEY, value=(scheme or default_scheme()).to_json()))
        except Exception:
            project.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            raise
        return project

    @classmethod
    def open(cls, path: Path) -> Project:
        """Open an existing project, upgrading an older file to the current schema."""
        path = Path(path)
        if not path.is_file():
            raise ProjectError(f"{path}: no such project file")
        _check_sqlite_header(path)
        project = cls(path)
        try:
            if migrate.current_revision(project.engine) is None:
                raise ProjectError(f"{path}: an SQLite file, but not an annotator project")
            migrate.upgrade(project.engine)
            if project.setting(FORMAT_KEY) != FORMAT_VALUE:
                raise ProjectError(f"{path}: an SQLite file, but not an annotator project")
        except (DatabaseError, OperationalError) as error:
            project.close()
            raise ProjectError(f"{path}: cannot be opened: {error.orig}") from None
        except Exception:
            project.close()
            raise
        return project

    @classmethod
    def open_or_create(cls, path: Path, *, scheme: Scheme | None = None) -> Project:
        return cls.open(path) if Path(path).exists() else cls.create(path, scheme=scheme)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only: it does not wait for a writer, and a writer does not wait for it."""
        with self._readers() as session:
            yield session

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
            self._scheme = parse_scheme(json.loads(raw), origin=f"{self.path} (stored scheme)", trusted=True)
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

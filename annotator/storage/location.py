"""Where a project lives: a file (a Path, SQLite) or a database on a PostgreSQL server (a SQLAlchemy URL such as
`postgresql+psycopg://user@host/dbname`). Everything that accepts a project path accepts such a URL too."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL, make_url

SERVER_SCHEMES = ("postgresql+psycopg://", "postgresql://", "postgres://")


def is_server(location: object) -> bool:
    return isinstance(location, ServerLocation) or (isinstance(location, str) and location.startswith(SERVER_SCHEMES))


class ServerLocation:
    """A database on a server, standing where a project file's Path stands elsewhere: it prints without its
    password, has a `name` (the database's), and `resolve()` is itself."""

    def __init__(self, url: str | URL) -> None:
        parsed = make_url(url)
        if parsed.drivername in ("postgresql", "postgres"):
            parsed = parsed.set(drivername="postgresql+psycopg")
        if parsed.drivername != "postgresql+psycopg":
            raise ValueError(f"{parsed.render_as_string(hide_password=True)}: only postgresql+psycopg:// servers are supported")
        if not parsed.database:
            raise ValueError(f"{parsed.render_as_string(hide_password=True)}: the URL names no database")
        self.url = parsed

    @property
    def name(self) -> str:
        return str(self.url.database)

    def resolve(self) -> ServerLocation:
        return self

    @property
    def stem(self) -> str:
        return self.name

    def with_name(self, name: str) -> Path:
        """A file named after the database, in the current folder (where an export is offered to go)."""
        return Path(name)

    def __str__(self) -> str:
        return self.url.render_as_string(hide_password=True)

    def __repr__(self) -> str:
        return f"ServerLocation({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ServerLocation) and str(other.url.set(password=None)) == str(self.url.set(password=None))

    def __hash__(self) -> int:
        return hash(str(self))

    def __fspath__(self) -> str:  # never a file: a clear failure for code that would open it as one
        raise TypeError(f"{self} is a database on a server, not a file")


def location(value: str | Path | ServerLocation) -> Path | ServerLocation:
    """A project location from what a user typed: a server URL, else a path. (An argparse `type=`.)"""
    if isinstance(value, ServerLocation | Path):
        return value
    if is_server(value):
        return ServerLocation(value)
    return Path(value)

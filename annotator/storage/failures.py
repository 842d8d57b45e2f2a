"""What the database said, in words for the user: busy, read-only, disk full — each naming the project file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from annotator.core.errors import DiskFull, ProjectBusy, ProjectReadOnly, StorageError

BUSY_NAMES = ("SQLITE_BUSY", "SQLITE_LOCKED")
BUSY_WORDS = ("database is locked", "database is busy", "database table is locked")
READ_ONLY_WORDS = ("readonly database", "read-only database", "read only database")
FULL_WORDS = ("database or disk is full",)
IO_WORDS = ("disk i/o error",)


def busy(path: Path) -> ProjectBusy:
    return ProjectBusy(f"{path}: the project is busy: another program is writing to it; nothing was changed")


def read_only(path: Path) -> ProjectReadOnly:
    return ProjectReadOnly(f"{path}: the project file is read-only; nothing was changed")


def storage_error(error: BaseException, path: Path) -> StorageError | None:
    """The StorageError this driver error stands for, or None when it is not about the file or the disk
    (an integrity error, a programming error: those keep their own type)."""
    original = error.orig if isinstance(error, DBAPIError) else error
    if type(original).__module__.startswith("psycopg"):
        return _server_error(original, path)
    if not isinstance(original, sqlite3.OperationalError | sqlite3.DatabaseError) or isinstance(
        original, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError
    ):
        return None
    name = getattr(original, "sqlite_errorname", "") or ""
    words = str(original).lower()
    if name.startswith(BUSY_NAMES) or any(w in words for w in BUSY_WORDS):
        return busy(path)
    if name.startswith("SQLITE_READONLY") or any(w in words for w in READ_ONLY_WORDS):
        return read_only(path)
    if name == "SQLITE_FULL" or any(w in words for w in FULL_WORDS):
        return DiskFull(f"{path}: the disk is full; nothing was changed")
    if name.startswith("SQLITE_IOERR") or any(w in words for w in IO_WORDS):
        return DiskFull(f"{path}: the disk could not be written (disk I/O error); nothing was changed")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in words:
        return StorageError(f"{path}: the project file is damaged ({original}); nothing was changed")
    if name == "SQLITE_INTERRUPT" or words == "interrupted":
        return StorageError(
            f"{path}: a query ran too long and was stopped (is the file damaged? `annotator check` says); nothing was changed"
        )
    if name.startswith("SQLITE_CANTOPEN") or "unable to open database file" in words:
        return StorageError(f"{path}: the project file cannot be opened (was it moved or deleted?); nothing was changed")
    return None


# PostgreSQL's SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html) and what they mean here.
_SERVER_BUSY = ("40001", "40P01", "55P03")  # serialization failure, deadlock, lock not available (lock_timeout)


def _server_error(original: BaseException, where: object) -> StorageError | None:
    """The same for the PostgreSQL driver: a conflict with another writer is busy (tried again by the callers
    that try again on SQLite), a server that cannot be reached or a full disk say so."""
    state = getattr(original, "sqlstate", None) or ""
    first_line = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    if state in _SERVER_BUSY:
        return ProjectBusy(f"{where}: the project is busy: someone else changed the same rows at the same moment; nothing was changed")
    if state == "42501":  # insufficient privilege: a row-level security policy or a missing grant (server_roles.py)
        return StorageError(f"{where}: the database refuses this to your role ({first_line}); nothing was changed")
    if state == "25006":  # read-only transaction
        return ProjectReadOnly(f"{where}: the project is read-only here; nothing was changed")
    if state in ("53100", "53200"):  # disk full, out of memory
        return DiskFull(f"{where}: the server is out of space ({first_line}); nothing was changed")
    if state == "57014":  # query canceled (statement_timeout)
        return StorageError(f"{where}: a query ran too long and was stopped; nothing was changed")
    if state.startswith("28") or state == "3D000" or (not state and "FATAL:" in str(original)):  # bad password or role, no such database
        return StorageError(f"{where}: the server refused the connection ({_reason(original)}); nothing was changed")
    if state.startswith("08") or (not state and type(original).__name__ == "OperationalError"):
        return StorageError(f"{where}: the server cannot be reached ({first_line}); nothing was changed")
    return None


def _reason(original: BaseException) -> str:
    """What the server said, without libpq's preamble: `FATAL:  database "x" does not exist`."""
    words = " ".join(str(original).split())
    return words.split("FATAL:", 1)[1].strip() if "FATAL:" in words else words

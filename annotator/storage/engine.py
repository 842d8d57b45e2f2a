"""The engines. SQLite: per-connection pragmas, write transactions that take the lock up front, read-only files.
PostgreSQL: writers SERIALIZABLE (what SQLite's one writer gives), readers a REPEATABLE READ read-only snapshot
(what a WAL reader sees), the busy and statement limits as lock_timeout and statement_timeout."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event

from annotator.storage.health import DEFAULT_STATEMENT_LIMIT_S, StatementClock
from annotator.storage.location import ServerLocation, is_server

READ_ONLY = "annotator_read_only"
# The command line waits this long for another writer; the window passes a short one and retries itself.
DEFAULT_BUSY_TIMEOUT_MS = 10_000


def make_engine(
    path: Path | ServerLocation | str,
    *,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    read_only: bool = False,
    immutable: bool = False,
    statement_limit_s: float = DEFAULT_STATEMENT_LIMIT_S,
) -> Engine:
    """An engine on the project file. `read_only` opens it with `mode=ro` (WAL readers still need the -shm
    file beside it); `immutable` for a file nobody writes and whose folder cannot hold a -shm. A statement
    running longer than `statement_limit_s` is interrupted (a damaged or foreign file must not hang us).
    A server URL (or ServerLocation) makes a PostgreSQL engine instead (`read_only` and `immutable` do not apply)."""
    if is_server(path):
        return make_server_engine(path, busy_timeout_ms=busy_timeout_ms, statement_limit_s=statement_limit_s)
    timeout = max(0, busy_timeout_ms) / 1000
    if read_only or immutable:
        uri = f"file:{quote(str(Path(path).resolve()))}?" + ("immutable=1" if immutable else "mode=ro")
        engine = create_engine(
            f"sqlite:///{path}", creator=lambda: sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
        )
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": timeout})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not (read_only or immutable):  # both write the file header
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={max(0, int(busy_timeout_ms))}")
        cursor.close()
        clock = StatementClock(statement_limit_s)
        clock.install(dbapi_connection)
        clocks[id(dbapi_connection)] = clock

    clocks: dict[int, StatementClock] = {}

    @event.listens_for(engine, "before_cursor_execute")
    def _on_statement(connection: Any, *_args: Any) -> None:
        clock = clocks.get(id(connection.connection.driver_connection))
        if clock is not None:
            clock.start()

    @event.listens_for(engine, "close")
    def _on_close(dbapi_connection: Any, _record: Any) -> None:
        clocks.pop(id(dbapi_connection), None)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A deferred BEGIN that later writes fails at once with "database is locked", so writers take
        # the lock up front; readers (engine.execution_options(read_only=True)) never wait for a writer in WAL.
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def is_server_engine(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def make_server_engine(
    location: ServerLocation | str, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, statement_limit_s: float = DEFAULT_STATEMENT_LIMIT_S
) -> Engine:
    """An engine on a PostgreSQL database. Writers run SERIALIZABLE, so a transaction that read what another
    changed meanwhile fails (as ProjectBusy, storage/failures.py) rather than overwrite it; `reader_options()`
    gives the readers' snapshot. Waiting for a lock and running a statement are bounded like on SQLite."""
    server = location if isinstance(location, ServerLocation) else ServerLocation(location)
    options = f"-c lock_timeout={max(1, int(busy_timeout_ms))} -c statement_timeout={max(1, int(statement_limit_s * 1000))}"
    return create_engine(
        server.url,
        isolation_level="SERIALIZABLE",
        pool_pre_ping=True,
        connect_args={"options": options, "application_name": "annotator", "connect_timeout": 10},
    )


def reader_options(engine: Engine) -> dict[str, Any]:
    """Execution options for a session that only reads: on SQLite a plain BEGIN; on PostgreSQL a read-only
    REPEATABLE READ snapshot, which never waits for a writer nor fails a writer."""
    if is_server_engine(engine):
        return {READ_ONLY: True, "isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
    return {READ_ONLY: True}

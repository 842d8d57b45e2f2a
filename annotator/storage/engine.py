"""The SQLite engine: per-connection pragmas, write transactions that take the lock up front, read-only files."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event

from annotator.storage.health import DEFAULT_STATEMENT_LIMIT_S, StatementClock

READ_ONLY = "annotator_read_only"
# The command line waits this long for another writer; the window passes a short one and retries itself.
DEFAULT_BUSY_TIMEOUT_MS = 10_000


def make_engine(
    path: Path,
    *,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    read_only: bool = False,
    immutable: bool = False,
    statement_limit_s: float = DEFAULT_STATEMENT_LIMIT_S,
) -> Engine:
    """An engine on the project file. `read_only` opens it with `mode=ro` (WAL readers still need the -shm
    file beside it); `immutable` for a file nobody writes and whose folder cannot hold a -shm. A statement
    running longer than `statement_limit_s` is interrupted (a damaged or foreign file must not hang us)."""
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

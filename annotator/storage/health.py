"""What a project file must look like before anything reads it at length: its tables are the tables annotator
made (not views a foreign tool put in their place), it holds no views or triggers of others, and no statement
runs without bound."""

from __future__ import annotations

import time
from typing import Any

from annotator.storage.models import Base

# Tables this version makes; the full-text index is a virtual table (its shadow tables are SQLite's).
OUR_TABLES = frozenset(Base.metadata.tables) | {"alembic_version", "document_search"}
FTS_SHADOWS = ("document_search_",)
# A statement that has kept SQLite busy this many seconds is stopped.
DEFAULT_STATEMENT_LIMIT_S = 30.0
_STEP = 20_000  # SQLite virtual machine instructions between two looks at the clock
_PAUSE_S = 0.01  # a longer gap between two looks is time spent outside SQLite (the caller reading rows): not counted


def foreign_objects(connection: Any) -> list[str]:
    """What in the file's schema is not what annotator made, each named: `spans is a view`, `trigger t on spans`.
    `connection` is a DB-API (sqlite3) connection."""
    rows = connection.execute("SELECT type, name, tbl_name FROM sqlite_master").fetchall()
    problems = []
    for kind, name, table in rows:
        if kind in ("table", "index"):  # another table, or an index, changes nothing annotator reads or writes
            continue
        if name in OUR_TABLES:
            problems.append(f"{name} is a {kind}, not the table annotator made")
        else:
            problems.append(f"{kind} {name}" + (f" on {table}" if kind == "trigger" else "") + ", which annotator did not make")
    return problems


class StatementClock:
    """A progress handler that interrupts a statement once SQLite has worked on it for longer than the limit.
    `start()` is called before each statement. Only time inside SQLite counts, so a long export that streams
    its rows is not stopped for the time its caller spends writing them out."""

    def __init__(self, limit_s: float) -> None:
        self.limit_s = limit_s
        self.used = 0.0
        self.last: float | None = None

    def start(self) -> None:
        self.used, self.last = 0.0, None

    def __call__(self) -> int:
        now = time.monotonic()
        if self.last is not None and now - self.last < _PAUSE_S:
            self.used += now - self.last
        self.last = now
        return 1 if self.used > self.limit_s else 0

    def install(self, dbapi_connection: Any) -> None:
        dbapi_connection.set_progress_handler(self, _STEP)

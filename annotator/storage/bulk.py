"""The one bulk-write path (import, merge, the demo): a statement per table and batch, the relation rules
checked on every row as the ORM checks them on flush, the search index kept in step; and long jobs written
as many short transactions, so that an interactive write gets the lock in between."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from annotator.core.errors import ProjectBusy
from annotator.core.scheme import Scheme
from annotator.storage import guards, search_index
from annotator.storage.models import Document, DocumentState, Relation, Span

if TYPE_CHECKING:
    from annotator.storage.project import Project

T = TypeVar("T")
BATCH = guards.BATCH


def lookup(session: Session, column: Any, key: Any, values: Iterable[Any]) -> dict[Any, int]:
    """{value: key} for the rows whose `column` is one of `values` (e.g. Span.uid -> Span.id)."""
    wanted = list(dict.fromkeys(v for v in values if v is not None))
    found: dict[Any, int] = {}
    connection = session.connection()
    if connection.dialect.name == "sqlite":  # the same query, without rendering 500 bound parameters each time
        table, name, key_name = column.expression.table.name, column.expression.name, key.expression.name
        if key.expression.table.name != table:
            raise AssertionError("lookup within one table")
        for first in range(0, len(wanted), BATCH):
            part = wanted[first : first + BATCH]
            rows = connection.exec_driver_sql(_lookup_sql(connection.dialect, table, name, key_name, len(part)), tuple(part))
            found.update((row[0], row[1]) for row in rows)
        return found
    for first in range(0, len(wanted), BATCH):
        found.update((row[0], row[1]) for row in session.execute(select(column, key).where(column.in_(wanted[first : first + BATCH]))))
    return found


@cache
def _lookup_sql(dialect: Any, table: str, column: str, key: str, count: int) -> str:
    quote = dialect.identifier_preparer.quote
    return f"SELECT {quote(column)}, {quote(key)} FROM {quote(table)} WHERE {quote(column)} IN ({', '.join('?' * count)})"


def insert_documents(session: Session, rows: list[dict[str, Any]], *, indexed: dict[str, str] | None = None) -> list[int]:
    """Insert documents (the columns of storage.models.Document) and index their texts; their ids, in order.

    `indexed` maps texts to `index_text(text)` computed before the transaction (the folding is the slow part);
    a text missing from it is folded here."""
    ids = _insert(session, Document, rows)
    indexed = indexed or {}
    search_index.index_documents(session, ((i, indexed.get(row["text"]) or search_index.index_text(row["text"])) for i, row in zip(ids, rows)))
    return ids


def index_texts(texts: Iterable[str]) -> dict[str, str]:
    """The index form of each text, for `insert_documents(indexed=...)`: call it before the transaction."""
    return {text: search_index.index_text(text) for text in texts}


def insert_spans(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    return _insert(session, Span, rows)


def insert_relations(session: Session, scheme: Scheme, rows: list[dict[str, Any]]) -> list[int]:
    """Insert relations after checking each against the scheme and its two spans (SchemeError otherwise)."""
    if not rows:
        return []
    connection = session.connection()
    read = None
    if connection.dialect.name == "sqlite":  # the ends read through the driver, as lookup() reads
        def read(ids: list[int]) -> Any:
            marks = ", ".join("?" * len(ids))
            return connection.exec_driver_sql(f"SELECT id, document_id, label FROM spans WHERE id IN ({marks})", tuple(ids))
    guards.check_relation_rows(session, scheme, rows, read=read)
    return _insert(session, Relation, rows)


def insert_states(session: Session, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(DocumentState), rows)


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    if not rows:
        return []
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return list(session.scalars(insert(model).returning(model.id, sort_by_parameter_order=True), rows))
    # SQLite cannot return ids in the rows' order from one multi-row INSERT, so RETURNING with
    # sort_by_parameter_order costs a statement per row (a third of an import). Inside the write
    # transaction the ids are ours to give: the next ones after the largest, as SQLite would.
    first = (session.scalar(select(func.max(model.id))) or 0) + 1
    ids = list(range(first, first + len(rows)))
    names = tuple(rows[0])
    table = model.__table__
    if set(names) != {column.key for column in table.columns} - {"id"}:  # defaults to fill in: the ORM does it
        session.execute(insert(model), [{**row, "id": number} for row, number in zip(rows, ids)])
        return ids
    # Every column given: the driver's executemany, each column's values converted once by its type's own bind
    # processor (what the ORM would do row by row, a third of the write), through SQLAlchemy so that its
    # errors and events stay.
    statement, order = _positional_insert(connection.dialect, table, names)
    columns = [_bound(connection.dialect, table.c[name], [row[name] for row in rows]) for name in order if name != "id"]
    connection.exec_driver_sql(statement, list(zip(ids, *columns)))
    return ids


@cache
def _positional_insert(dialect: Any, table: Any, names: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    compiled = insert(table).compile(dialect=dialect, column_keys=["id", *names])
    order = tuple(compiled.positiontup or ())
    if order[:1] != ("id",) or set(order) != {"id", *names}:
        raise AssertionError(f"unexpected insert for {table.name}: {compiled.string}")
    return compiled.string, order


def _bound(dialect: Any, column: Any, values: list[Any]) -> list[Any]:
    """The values as the driver takes them; empty objects and lists (most attributes) and repeated times once."""
    process = column.type.dialect_impl(dialect).bind_processor(dialect)  # the dialect's own type (SQLite's DATETIME)
    if process is None:
        return values
    once: dict[Any, Any] = {}
    out = []
    for value in values:
        kind = type(value)
        key = kind if kind in (dict, list) and not value else (kind, value) if kind is datetime else None
        if key is None:
            out.append(process(value))
        elif key in once:
            out.append(once[key])
        else:
            out.append(once.setdefault(key, process(value)))
    return out


class ChunkedWriter:
    """Runs each chunk of a long write in its own short transaction.

    Between chunks it leaves the lock free for at least `pause_ratio` times as long as the last chunk held it
    (time spent reading the next chunk counts), so that a window's write, polling with a short busy timeout,
    finds it free. A chunk that finds the project busy is tried again for up to `retry_for` seconds; its
    transaction takes the lock before the chunk runs, so a retry starts from the same state.
    """

    def __init__(self, project: Project, *, retry_for: float = 10.0, pause_ratio: float = 0.25) -> None:
        self.project = project
        self.retry_for = retry_for
        self.pause_ratio = pause_ratio
        self.committed = 0
        self.longest_hold = 0.0
        self._held = 0.0
        self._released = 0.0

    def write(self, work: Callable[[Session], T]) -> T:
        rest = self.pause_ratio * self._held - (time.monotonic() - self._released)
        if rest > 0:
            time.sleep(rest)
        deadline = time.monotonic() + self.retry_for
        while True:
            try:
                with self.project.transaction() as session:
                    began = time.monotonic()
                    result = work(session)
                break
            except ProjectBusy:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.02)
        self._released = time.monotonic()
        self._held = self._released - began
        self.longest_hold = max(self.longest_hold, self._held)
        self.committed += 1
        return result

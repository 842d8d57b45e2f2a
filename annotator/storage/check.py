"""`annotator check`: everything a project file must hold true, each problem on one line; and the repairs that
are safe (the search index rebuilt, dangling rows dropped, after a backup). Works on the file with plain
sqlite3, so that a file Project.open refuses can still be examined. A project on a PostgreSQL server gets the same
checks through psycopg, less what the server itself guarantees (page integrity, foreign keys) and what only a
file can suffer (foreign views and triggers are the server administrator's)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError, ProjectError
from annotator.core.scheme import Scheme
from annotator.storage import backup, health, migrate
from annotator.storage.guards import End, check_relation_ends
from annotator.storage.location import ServerLocation, is_server, location
from annotator.storage.project import SCHEME_KEY, stored_scheme
from annotator.storage.search_index import TOKENIZER as SEARCH_TOKENIZER
from annotator.storage.search_index import index_text, server_form

LIMIT_S = 120.0  # the whole check of a damaged file stops after this much SQLite work per statement


@dataclass(frozen=True, slots=True)
class BadSpan:
    id: int
    uid: str
    layer: str
    label: str
    start: int
    end: int
    reason: str

    def line(self) -> str:
        return f"span {self.uid} ({self.label}, {self.layer}, {self.start}-{self.end}): {self.reason}"


@dataclass
class CheckReport:
    path: Path
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    repaired: list[str] = field(default_factory=list)

    def summary(self) -> str:
        what = ", ".join(f"{number} {name}" for name, number in self.counts.items())
        verdict = "no problems" if not self.problems else f"{len(self.problems)} problem(s)"
        return f"{self.path}: {verdict}" + (f" ({what})" if what else "")


def span_problem(text: str, start: int, end: int, stored: str | None) -> str | None:
    """Why a span does not fit its document's text, or None."""
    if start < 0 or end <= start:
        return f"its offsets {start}-{end} are not a range"
    if end > len(text):
        return f"it ends at {end}, past the end of its text ({len(text)} characters)"
    if stored is not None and text[start:end] != stored:
        return f"its text {stored[:30]!r} is not the document's {text[start:end][:30]!r} at {start}-{end}"
    return None


def bad_spans_in(connection: sqlite3.Connection, document_id: int) -> list[BadSpan]:
    row = connection.execute("SELECT text FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        return []
    text = row[0]
    query = (
        "SELECT s.id, s.uid, coalesce(a.name, '?'), s.label, s.start, s.\"end\", s.text FROM spans s "
        "LEFT JOIN annotators a ON a.id = s.annotator_id WHERE s.document_id = ? ORDER BY s.start, s.id"
    )
    found = []
    for span_id, uid, layer, label, start, end, stored in connection.execute(query, (document_id,)):
        reason = span_problem(text, start, end, stored)
        if reason:
            found.append(BadSpan(span_id, uid, layer, label, start, end, reason))
    return found


def check(path: Path | ServerLocation | str) -> CheckReport:
    """Every check, read-only."""
    if is_server(path):
        return _check_server(location(path))  # type: ignore[arg-type]
    path = Path(path)
    report = CheckReport(path)
    connection = _connect(path, read_only=True)
    try:
        _run_checks(connection, report)
    except sqlite3.Error as error:
        report.problems.append(f"the check itself stopped: {error}")
    finally:
        connection.close()
    return report


def repair(path: Path) -> CheckReport:
    """Back the file up, then fix what is safe to fix: rebuild the search index and drop the rows whose
    document, span or annotator is gone; then check again. Everything else is only reported."""
    if is_server(path):
        return _repair_server(location(path))  # type: ignore[arg-type]
    path = Path(path)
    before = check(path)
    if any(problem.startswith(("made by a newer version", "not as annotator made it")) for problem in before.problems):
        raise ProjectError(f"{path}: not repaired: {before.problems[0]}; nothing was changed")
    saved = backup.back_up(path, "before-repair")
    done: list[str] = [f"backed up to {saved.path}"]
    connection = _connect(path, read_only=False)
    try:
        connection.execute("BEGIN IMMEDIATE")
        dropped: dict[str, int] = {}
        for _ in range(10):  # a dropped span can leave relations dangling in turn
            rows = connection.execute("PRAGMA foreign_key_check").fetchall()
            if not rows:
                break
            for table, rowid, _parent, _fk in rows:
                connection.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
                dropped[table] = dropped.get(table, 0) + 1
        done.extend(f"dropped {number} dangling row(s) of {table}" for table, number in sorted(dropped.items()))
        connection.execute("INSERT INTO document_search (document_search) VALUES ('delete-all')")
        documents = connection.execute("SELECT id, text FROM documents").fetchall()
        connection.executemany("INSERT INTO document_search (rowid, folded) VALUES (?, ?)", [(i, index_text(t)) for i, t in documents])
        done.append(f"rebuilt the search index ({len(documents)} document(s))")
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise ProjectError(f"{path}: not repaired ({error}); the backup is {saved.path}") from None
    finally:
        connection.close()
    after = check(path)
    after.repaired = done
    return after


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if not path.is_file():
        raise ProjectError(f"{path}: no such project file")
    uri = f"file:{path.resolve()}" + ("?mode=ro" if read_only else "")
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=10, isolation_level=None)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        raise ProjectError(f"{path}: not a project file ({error})") from None
    clock = health.StatementClock(LIMIT_S)
    clock.install(connection)
    connection.set_trace_callback(lambda _statement: clock.start())
    return connection


def _run_checks(connection: sqlite3.Connection, report: CheckReport, *, server: bool = False) -> None:
    problems = report.problems
    if not server:  # a server keeps its pages and its foreign keys itself
        verdicts = [row[0] for row in connection.execute("PRAGMA integrity_check(20)")]
        if verdicts != ["ok"]:
            problems.extend(f"integrity: {verdict}" for verdict in verdicts)
        for table, rowid, parent, _fk in connection.execute("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid}: refers to a missing row of {parent}")
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except _errors(server):
        problems.append("not an annotator project (no schema revision)")
        return
    revision = revision[0] if revision else None
    if revision not in migrate.KNOWN:
        problems.append(f"made by a newer version of annotator (revision {revision})")
        return
    if revision != migrate.HEAD:
        problems.append(f"schema revision {revision}, older than {migrate.HEAD}: opening it upgrades it")
        return
    foreign = [] if server else health.foreign_objects(connection)
    if foreign:
        problems.append(f"not as annotator made it: {'; '.join(foreign)}")
        return
    scheme = _scheme(connection, report)
    texts = dict(connection.execute("SELECT id, text FROM documents"))
    report.counts["documents"] = len(texts)
    spans = connection.execute(
        "SELECT s.id, s.uid, s.document_id, s.label, s.start, s.\"end\", s.text, s.attributes FROM spans s ORDER BY s.document_id, s.start"
    ).fetchall()
    report.counts["spans"] = len(spans)
    ends: dict[int, End] = {}
    for span_id, uid, document_id, label, start, end, stored, attributes in spans:
        ends[span_id] = End(span_id, document_id, label)
        if document_id in texts:
            reason = span_problem(texts[document_id], start, end, stored)
            if reason:
                problems.append(f"span {uid} (document {document_id}): {reason}")
        if scheme is not None:
            try:
                scheme.check_span(label, _json(attributes))
            except (AnnotatorError, ValueError) as error:
                problems.append(f"span {uid}: {error}")
    relations = connection.execute("SELECT uid, label, from_span_id, to_span_id, attributes FROM relations").fetchall()
    report.counts["relations"] = len(relations)
    for uid, label, source, target, attributes in relations:
        if scheme is None:
            break
        try:
            check_relation_ends(scheme, label, _json(attributes), ends.get(source), ends.get(target))
        except (AnnotatorError, ValueError) as error:
            problems.append(f"relation {uid}: {error}")
    if server:
        indexed = dict(connection.execute("SELECT id, folded FROM document_search"))
        expected = {i: server_form(index_text(text)) for i, text in texts.items()}
    else:
        indexed, expected = _indexed_word_counts(connection, texts)
    missing = sorted(set(texts) - set(indexed))
    extra = sorted(set(indexed) - set(texts))
    stale = sorted(i for i in texts if i in indexed and indexed[i] != expected[i])
    for what, ids in (("not in the search index", missing), ("in the search index but not in the project", extra),
                      ("indexed under an older text", stale)):
        if ids:
            shown = ", ".join(map(str, ids[:10])) + (" …" if len(ids) > 10 else "")
            problems.append(f"search index: {len(ids)} document(s) {what} (ids {shown}); --repair rebuilds it")


def _indexed_word_counts(connection: sqlite3.Connection, texts: dict[int, str]) -> tuple[dict[int, bytes], dict[int, bytes]]:
    """What SQLite's search index holds for each document, and what it should: it keeps no copy of the words it
    indexed, so each document's count of them (FTS5's own record) is compared with that of the same words
    indexed afresh in a temporary table."""
    indexed = dict(connection.execute("SELECT id, sz FROM document_search_docsize"))
    connection.execute(f"CREATE VIRTUAL TABLE temp.expected_search USING fts5(folded, content='', {SEARCH_TOKENIZER})")
    try:
        connection.executemany("INSERT INTO temp.expected_search (rowid, folded) VALUES (?, ?)", [(i, index_text(t)) for i, t in texts.items()])
        expected = dict(connection.execute("SELECT id, sz FROM temp.expected_search_docsize"))
    finally:
        connection.execute("DROP TABLE temp.expected_search")
    return indexed, expected


def _scheme(connection: sqlite3.Connection, report: CheckReport) -> Scheme | None:
    row = connection.execute("SELECT value FROM settings WHERE key = ?", (SCHEME_KEY,)).fetchone()
    if row is None:
        report.problems.append("the project stores no tag scheme")
        return None
    try:
        scheme = stored_scheme(row[0], report.path)
        from annotator.core.scheme import parse_scheme

        parse_scheme(scheme.source, origin="the stored tag scheme")  # in full, not only as trusted
        return scheme
    except AnnotatorError as error:
        report.problems.append(str(error).removeprefix(f"{report.path}: ").removesuffix("; nothing was changed"))
        return None


def _json(value: object) -> dict:
    """Attributes as stored: JSON text in SQLite, already decoded by psycopg."""
    if isinstance(value, dict):
        return value
    return json.loads(value) if value else {}


def _errors(server: bool) -> type[Exception]:
    """The driver's error class (psycopg is imported only for a server)."""
    if not server:
        return sqlite3.Error
    import psycopg

    return psycopg.Error


class _ServerConnection:
    """A psycopg connection that takes the sqlite3 module's `?` placeholders, for `_run_checks`."""

    def __init__(self, raw: object) -> None:
        self.raw = raw

    def execute(self, query: str, parameters: tuple = ()) -> object:
        return self.raw.execute(query.replace("?", "%s"), parameters)  # type: ignore[attr-defined]


def _server_connect(where: ServerLocation, *, read_only: bool) -> object:
    import psycopg

    conninfo = where.url.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        connection = psycopg.connect(conninfo, connect_timeout=10, options=f"-c statement_timeout={int(LIMIT_S * 1000)}")
    except psycopg.Error as error:
        from annotator.storage.failures import storage_error

        raise (storage_error(error, where) or ProjectError(f"{where}: cannot be opened ({error})")) from None
    connection.read_only = read_only
    return connection


def _check_server(where: ServerLocation) -> CheckReport:
    report = CheckReport(where)  # type: ignore[arg-type]
    connection = _server_connect(where, read_only=True)
    try:
        with connection.transaction():  # type: ignore[attr-defined]
            _run_checks(_ServerConnection(connection), report, server=True)  # type: ignore[arg-type]
    except _errors(True) as error:
        report.problems.append(f"the check itself stopped: {' '.join(str(error).split())}")
    finally:
        connection.close()  # type: ignore[attr-defined]
    return report


def _repair_server(where: ServerLocation) -> CheckReport:
    """On a server only the search index can need repair (its foreign keys hold): rebuilt in one transaction.
    No backup is taken first: a server is backed up by its own tools."""
    before = _check_server(where)
    if any(problem.startswith(("made by a newer version", "not an annotator project")) for problem in before.problems):
        raise ProjectError(f"{where}: not repaired: {before.problems[0]}; nothing was changed")
    connection = _server_connect(where, read_only=False)
    try:
        with connection.transaction():  # type: ignore[attr-defined]
            connection.execute("LOCK TABLE documents IN SHARE MODE")  # type: ignore[attr-defined]
            connection.execute("DELETE FROM document_search")  # type: ignore[attr-defined]
            documents = connection.execute("SELECT id, text FROM documents").fetchall()  # type: ignore[attr-defined]
            with connection.cursor() as cursor:  # type: ignore[attr-defined]
                cursor.executemany(
                    "INSERT INTO document_search (id, folded) VALUES (%s, %s)", [(i, server_form(index_text(t))) for i, t in documents]
                )
    except _errors(True) as error:
        raise ProjectError(f"{where}: not repaired ({' '.join(str(error).split())}); nothing was changed") from None
    finally:
        connection.close()  # type: ignore[attr-defined]
    after = _check_server(where)
    after.repaired = [
        "no backup taken: a project on a server is backed up by the server's own tools (pg_dump)",
        f"rebuilt the search index ({len(documents)} document(s))",
    ]
    return after

"""Long writes (merge, import) commit in short chunks: a window's write gets the lock in between, a chunk that
fails stops the job with a report of what was committed, and running the job again finishes it."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from annotator.core.errors import DiskFull, ProjectBusy
from annotator.core.model import DocumentId
from annotator.services.io.importing import import_paths
from annotator.services.team.merging import merge_paths
from annotator.storage.models import Annotator, Document, Relation, Span, utcnow
from annotator.storage.project import Project
from benchmarks.corpus import generate
from tests.conftest import add_document

ROOT = Path(__file__).resolve().parents[2]
TEXT = "قال مسؤول أمريكي كبير إن الرسالة وصلت."


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,000 articles, 24,000 spans, 4,000 relations by three annotators."""
    return generate(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", documents=2_000, spans=24_000, relations=4_000)


@pytest.fixture(scope="module")
def colleague(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A colleague's project file holding the corpus."""
    path = tmp_path_factory.mktemp("colleague") / "colleague.db"
    with Project.create(path) as project:
        report = import_paths(project, [corpus], annotator="bench")
        assert report.errors == [] and len(report.imported) == 2_000
    return path


def rows(path: Path) -> dict[str, set[tuple]]:
    """What a project holds, without ids (which depend on the order of writes)."""
    with sqlite3.connect(path) as raw:
        return {
            "documents": set(raw.execute("SELECT uid, sha256, title, text FROM documents")),
            "spans": set(raw.execute('SELECT s.uid, d.uid, a.name, s.label, s.start, s."end", s.attributes FROM spans s '
                                     "JOIN documents d ON d.id = s.document_id JOIN annotators a ON a.id = s.annotator_id")),
            "relations": set(raw.execute("SELECT r.uid, r.label, f.uid, t.uid FROM relations r JOIN spans f ON f.id = r.from_span_id "
                                         "JOIN spans t ON t.id = r.to_span_id")),
            # The index keeps no copy of its words: each document's count of them, as FTS5 records it.
            "search": set(raw.execute("SELECT d.uid, z.sz FROM document_search_docsize z JOIN documents d ON d.id = z.id")),
        }


BACKGROUND = """
import json, sys, time
from pathlib import Path
from annotator.storage.project import Project
from annotator.storage import bulk
holds = []
write = bulk.ChunkedWriter.write
def timed(self, work):
    result = write(self, work)
    holds.append(self.longest_hold)
    return result
bulk.ChunkedWriter.write = timed
kind, target, source = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
with Project.open(target) as project:
    began = time.time()
    if kind == "merge":
        from annotator.services.team.merging import merge_paths
        report = merge_paths(project, [source])
        done = report.spans
    else:
        from annotator.services.io.importing import import_paths
        report = import_paths(project, [source], annotator="bench")
        done = len(report.imported)
    ended = time.time()
print(json.dumps({"began": began, "ended": ended, "errors": [str(e) for e in report.errors], "done": done,
                  "chunks": len(holds), "longest_hold": max(holds or [0])}))
"""


@pytest.mark.parametrize("kind", ["merge", "import"])
def test_a_window_writes_with_short_waits_while_a_long_job_runs(kind: str, colleague: Path, corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "team.db"
    with Project.create(target) as project:
        doc = add_document(project, TEXT, uid="mine")
        with project.transaction() as session:
            me = project.annotator_id(session, "window")
    job = subprocess.Popen(
        [sys.executable, "-c", BACKGROUND, kind, str(target), str(colleague if kind == "merge" else corpus)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    waits: list[tuple[float, float]] = []  # (when the write began, how long until it was committed)
    with Project.open(target, busy_timeout_ms=150) as window:
        while job.poll() is None:
            began = time.time()
            while True:  # the window's way: a short busy timeout, then try again
                try:
                    with window.transaction() as session:
                        now = utcnow()
                        session.add(Span(uid=f"w{len(waits)}", document_id=doc, annotator_id=me, label="CUE", start=0, end=3,
                                         text="قال", attributes={}, note="", derived_from=[], created_at=now, updated_at=now))
                    break
                except ProjectBusy:
                    continue
            waits.append((began, time.time() - began))
            time.sleep(0.02)
    out, err = job.communicate()
    assert job.returncode == 0, err
    result = json.loads(out.strip().splitlines()[-1])
    assert result["errors"] == []
    assert result["done"] == (24_000 if kind == "merge" else 2_000)
    during = [wait for began, wait in waits if result["began"] <= began <= result["ended"]]
    longest = max(during)
    print(f"\n{kind}: {result['chunks']} chunks in {result['ended'] - result['began']:.1f} s, longest lock {result['longest_hold'] * 1000:.0f} ms; "
          f"{len(during)} window writes meanwhile, longest wait {longest * 1000:.0f} ms, median {sorted(during)[len(during) // 2] * 1000:.0f} ms")
    assert len(during) >= 10  # the writes really ran alongside the job
    assert longest < 2.0  # one 10-second transaction would make them wait its whole length
    with Project.open(target) as project, project.reading() as session:
        assert session.scalar(select(func.count(Span.id)).where(Span.annotator_id == me)) == len(waits)


def test_a_merge_stopped_by_a_full_disk_says_what_it_merged_and_running_it_again_finishes(colleague: Path, tmp_path: Path) -> None:
    reference = tmp_path / "reference.db"
    with Project.create(reference) as project:
        assert merge_paths(project, [colleague]).errors == []
    target = tmp_path / "team.db"
    calls = []
    with Project.create(target) as project:

        def fill_the_disk(done: int, total: int) -> bool:
            calls.append((done, total))
            if len(calls) == 4:  # after the annotators and two chunks of documents: the disk is full from now on
                event.listen(project.engine, "connect", _small_disk)
                project.engine.dispose()
            return True

        report = merge_paths(project, [colleague], progress=fill_the_disk)
        event.remove(project.engine, "connect", _small_disk)
        project.engine.dispose()
        [error] = report.errors
        assert isinstance(error, DiskFull)
        assert str(error).startswith(f"{colleague}: merged 3 of ")
        assert "then stopped: the disk is full; run the merge again to finish: what is already merged is skipped" in str(error)
        assert 0 < report.documents < 2_000 and report.spans == 0
        with project.reading() as session:
            assert session.scalar(select(func.count(Document.id))) == report.documents
        assert len(report.changes.documents_added) == report.documents
        again = merge_paths(project, [colleague])
        assert again.errors == [] and again.documents == 2_000 - report.documents and again.spans == 24_000
    assert rows(target) == rows(reference)


def _small_disk(dbapi_connection: Any, _record: Any) -> None:
    pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
    dbapi_connection.execute(f"PRAGMA max_page_count={pages}")


def test_a_cancelled_merge_keeps_what_it_committed_and_says_so(colleague: Path, tmp_path: Path) -> None:
    target = tmp_path / "team.db"
    seen: list[tuple[int, int]] = []
    with Project.create(target) as project:
        report = merge_paths(project, [colleague], progress=lambda done, total: seen.append((done, total)) or len(seen) < 5)
        assert report.cancelled and report.errors == []
        [note] = report.notes
        assert note.startswith(f"{colleague}: merge cancelled after 4 of ") and "run the merge again to finish" in note
        assert all(total == 1000 for _done, total in seen) and [d for d, _t in seen] == sorted(d for d, _t in seen)
        finished = merge_paths(project, [colleague])
        assert finished.errors == [] and finished.spans == 24_000 and report.documents + finished.documents == 2_000


def test_a_merge_reports_its_changes(tmp_path: Path) -> None:
    source = tmp_path / "lina.db"
    with Project.create(source) as project:
        doc = add_document(project, TEXT, uid="d")
        with project.transaction() as session:
            lina = project.annotator_id(session, "lina")
            now = utcnow()
            session.add_all([
                Span(uid="s1", document_id=doc, annotator_id=lina, label="CLAIM", start=26, end=38, text=TEXT[26:38], attributes={}),
                Span(uid="s2", document_id=doc, annotator_id=lina, label="SOURCE", start=4, end=21, text=TEXT[4:21], attributes={}),
            ])
            session.flush()
            ids = dict(session.execute(select(Span.uid, Span.id)).all())
            session.add(Relation(uid="r", label="ATTRIBUTION", from_span_id=ids["s1"], to_span_id=ids["s2"], annotator_id=lina,
                                 attributes={}, created_at=now, updated_at=now))
    with Project.create(tmp_path / "team.db") as target:
        report = merge_paths(target, [source])
        with target.reading() as session:
            [added] = session.scalars(select(Document.id)).all()
            assert session.scalar(select(Annotator.name).where(Annotator.name == "lina")) == "lina"
        assert report.changes.documents_added == frozenset({DocumentId(added)})
        assert report.changes.layers == frozenset({"lina"}) and report.changes.identities
        again = merge_paths(target, [source])
        assert not again.changes and (again.documents, again.spans, again.relations) == (0, 0, 0)


def test_an_import_stopped_by_a_full_disk_says_what_it_imported_and_importing_again_finishes(corpus: Path, tmp_path: Path) -> None:
    reference = tmp_path / "reference.db"
    with Project.create(reference) as project:
        assert import_paths(project, [corpus], annotator="bench").errors == []
    target = tmp_path / "p.db"
    calls = []
    with Project.create(target) as project:

        def fill_the_disk(done: int, total: int) -> bool:
            if total:  # (0, 0) while the file is checked
                calls.append(done)
            if len(calls) == 3:
                event.listen(project.engine, "connect", _small_disk)
                project.engine.dispose()
            return True

        report = import_paths(project, [corpus], annotator="bench", progress=fill_the_disk)
        event.remove(project.engine, "connect", _small_disk)
        project.engine.dispose()
        [error] = report.errors
        assert isinstance(error, DiskFull)
        assert str(error).startswith(f"{corpus}: imported 3 of ") and f"({len(report.imported)} of 2000 documents)" in str(error)
        assert "then stopped: the disk is full; run the import again to finish: what is already imported is skipped" in str(error)
        with project.reading() as session:
            assert session.scalar(select(func.count(Document.id))) == len(report.imported) > 0
        again = import_paths(project, [corpus], annotator="bench")
        assert again.errors == [] and len(again.skipped) == len(report.imported)
    assert rows(target) == rows(reference)


def test_a_cancelled_import_keeps_what_it_committed_and_an_import_reports_its_changes(corpus: Path, tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.db") as project:
        steps: list[tuple[int, int]] = []
        report = import_paths(project, [corpus], annotator="bench", progress=lambda d, t: steps.append((d, t)) or d < 100)
        assert report.cancelled and report.errors == [] and 100 <= len(report.imported) < 2_000
        assert "import cancelled after" in report.notes[0] and "import the file again to finish" in report.notes[0]
        assert steps[0] == (0, 0) and all(t == 2_000 for _d, t in steps if t)
        with project.reading() as session:
            ids = set(session.scalars(select(Document.id)))
        assert report.changes.documents_added == ids
        assert report.changes.layers == frozenset({"lina", "omar", "huda"}) and report.changes.identities


def test_a_busy_project_is_retried_then_reported_without_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.storage import bulk

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "p.db"
    Project.create(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(bulk.ChunkedWriter, "__init__", _quick_retries(bulk.ChunkedWriter.__init__))
    try:
        with Project.open(path, busy_timeout_ms=50) as project:
            began = time.perf_counter()
            report = import_paths(project, [tmp_path / "a.txt"], annotator="t")
            assert time.perf_counter() - began < 2
    finally:
        other.execute("ROLLBACK")
        other.close()
    [error] = report.errors
    assert isinstance(error, ProjectBusy) and str(error).startswith(f"{path}: the project is busy")
    assert report.imported == []


def _quick_retries(init: Any) -> Any:
    def patched(self: Any, project: Project, **options: Any) -> None:
        init(self, project, **{**options, "retry_for": 0.3})

    return patched

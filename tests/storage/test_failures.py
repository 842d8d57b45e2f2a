"""The database's refusals reach the user as clear errors naming the file: busy, read-only, disk full."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from annotator.core.errors import DiskFull, ProjectBusy, ProjectError, ProjectReadOnly
from annotator.services.documents.progress import document_text, list_documents
from annotator.storage import migrate
from annotator.storage.engine import make_engine
from annotator.storage.models import Document, Setting
from annotator.storage.project import Project
from tests.conftest import add_document

ROOT = Path(__file__).resolve().parents[2]
TEXT = "قال مسؤول أمريكي كبير إن الرسالة وصلت."


def count_documents(path: Path) -> int:
    with sqlite3.connect(path) as raw:
        return raw.execute("SELECT count(*) FROM documents").fetchone()[0]


def test_the_busy_timeout_is_a_parameter_of_every_way_in(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Project.create(path, busy_timeout_ms=250) as created:
        with created.reading() as session:
            assert session.connection().exec_driver_sql("PRAGMA busy_timeout").scalar() == 250
    for opened in (Project.open(path, busy_timeout_ms=150), Project.open_or_create(path, busy_timeout_ms=150), Project(path, busy_timeout_ms=150)):
        with opened, opened.reading() as session:
            assert session.connection().exec_driver_sql("PRAGMA busy_timeout").scalar() == 150
        assert opened.read_only is False
    with Project.open(path) as default:
        with default.reading() as session:
            assert session.connection().exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000


def test_a_write_while_another_program_holds_the_lock_is_busy_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Project.create(path) as setup:
        add_document(setup, TEXT)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Project.open(path, busy_timeout_ms=100) as project:
            began = time.perf_counter()
            with pytest.raises(ProjectBusy) as raised, project.transaction() as session:
                session.add(Document(uid="new", sha256="n" * 64, title="t", text="نص", meta={}))
            waited = time.perf_counter() - began
            assert waited < 0.6, waited
            assert str(raised.value) == f"{path}: the project is busy: another program is writing to it; nothing was changed"
            assert len(list_documents(project, annotator="a")) == 1  # reading still works
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert count_documents(path) == 1


def test_the_lock_is_taken_before_the_block_runs(tmp_path: Path) -> None:
    """A busy project fails at the start of the transaction, so a caller may retry it as it stands."""
    path = tmp_path / "p.db"
    Project.create(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    ran = []
    try:
        with Project.open(path, busy_timeout_ms=50) as project:
            with pytest.raises(ProjectBusy), project.transaction():
                ran.append(True)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert ran == []


@pytest.mark.sqlite_only("SQLite max_page_count stands for a full disk")
def test_a_full_disk_is_disk_full_and_changes_nothing(project: Project) -> None:
    add_document(project, TEXT)

    @event.listens_for(project.engine, "connect")
    def _small_disk(dbapi_connection: Any, _record: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    project.engine.dispose()  # pooled connections were made before the hook
    with pytest.raises(DiskFull, match=f"^{project.path}: the disk is full; nothing was changed$"), project.transaction() as session:
        session.add(Document(uid="big", sha256="b" * 64, title="t", text="كلمة " * 200_000, meta={}))
    event.remove(project.engine, "connect", _small_disk)
    project.engine.dispose()
    assert count_documents(project.path) == 1


def test_integrity_errors_keep_their_type(project: Project) -> None:
    from sqlalchemy.exc import IntegrityError

    add_document(project, TEXT, uid="same")
    with pytest.raises(IntegrityError), project.transaction() as session:
        session.add(Document(uid="same", sha256="x" * 64, title="t", text="نص", meta={}))


# Read-only project files. Tests run as root, and root may write any file: the read-only path is forced with
# read_only=True or by making os.access say no; one test runs as a real unprivileged user where there is one.


def read_only_message(path: Path) -> str:
    return f"{path}: the project file is read-only; nothing was changed"


def test_a_project_opened_read_only_reads_and_refuses_every_write(project_path: Path) -> None:
    with Project.create(project_path) as project:
        doc = add_document(project, TEXT)
    before = project_path.read_bytes()
    with Project.open(project_path, read_only=True) as project:
        assert project.read_only is True
        assert document_text(project, doc) == TEXT
        assert [label.name for label in project.scheme.span_labels]
        with pytest.raises(ProjectReadOnly, match=f"^{project_path}: the project file is read-only; nothing was changed$"):
            with project.transaction() as session:
                session.add(Setting(key="x", value="y"))
        with pytest.raises(ProjectReadOnly):
            project.set_setting("x", "y")
    assert project_path.read_bytes() == before


def test_a_file_without_write_permission_opens_read_only(project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Project.create(project_path) as project:
        add_document(project, TEXT)
    project_path.chmod(0o444)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode & os.W_OK else real_access(p, mode, **kw))
    with Project.open(project_path) as project:
        assert project.read_only
        assert len(list_documents(project, annotator="a")) == 1
        with pytest.raises(ProjectReadOnly):
            with project.transaction():
                pass
    assert sorted(p.name for p in project_path.parent.iterdir()) == ["project.db"]  # no -wal or -shm left behind


def test_a_read_only_folder_also_opens_read_only(project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Project.create(project_path).close()
    real_access = os.access
    folder = project_path.parent
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == folder and mode & os.W_OK else real_access(p, mode, **kw))
    with Project.open(project_path) as project:
        assert project.read_only


def test_sqlite_saying_read_only_is_enough(project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The permissions say yes, SQLite says no (a read-only mount): the project opens read-only."""
    Project.create(project_path).close()
    real = Project._opened.__func__  # type: ignore[attr-defined]

    def refuse_writers(cls: type[Project], path: Path, **options: Any) -> Project:
        if not options.get("read_only") and not options.get("immutable"):
            raise ProjectReadOnly(read_only_message(path))
        return real(cls, path, **options)

    monkeypatch.setattr(Project, "_opened", classmethod(refuse_writers))
    with Project.open(project_path) as project:
        assert project.read_only


def test_an_old_read_only_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "old.db"
    engine = make_engine(path)
    config = migrate.alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_baseline")
    engine.dispose()
    before = path.read_bytes()
    with pytest.raises(ProjectError) as raised:
        Project.open(path, read_only=True)
    assert str(raised.value) == (
        f"{path}: the project file is read-only and was made by an older version; it must be upgraded before it can be opened read-only"
    )
    assert path.read_bytes() == before


def test_the_command_line_says_read_only_and_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from annotator.cli import main

    from annotator.services.team.identity import Role, identify

    project_path = tmp_path / "p.db"
    with Project.create(project_path) as project:
        add_document(project, TEXT)
        identify(project, "rev", Role.REVIEWER)
    other = tmp_path / "other.db"
    with Project.create(other) as colleague:
        add_document(colleague, "نص آخر.")
    (tmp_path / "a.txt").write_text("نص ثالث.", encoding="utf-8")
    project_path.chmod(0o444)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == project_path and mode & os.W_OK else real_access(p, mode, **kw))
    before = project_path.read_bytes()
    for argv in (["import", str(project_path), str(tmp_path / "a.txt")], ["merge", str(project_path), str(other)],
                 ["assign", str(project_path), "--reviewer", "rev", "--to", "lina", "all"]):
        assert main(argv) == 1, argv
        captured = capsys.readouterr()
        assert captured.err.strip().splitlines() == [f"annotator: {read_only_message(project_path)}"], argv
    assert main(["export", str(project_path), "--out", str(tmp_path / "out.jsonl")]) == 0  # reading still works
    assert project_path.read_bytes() == before


def _unprivileged_python() -> list[str] | None:
    """A command that runs this venv's packages as the user `nobody`, where that is possible."""
    if os.geteuid() != 0:
        return None
    import pwd

    try:
        pwd.getpwnam("nobody")
    except KeyError:
        return None
    site = next((p for p in sys.path if p.endswith("site-packages") and ".venv" in p), None)
    for python in ("/usr/bin/python3", sys.executable):
        version = f"{sys.version_info.major}.{sys.version_info.minor}"
        probe = subprocess.run(["su", "-s", "/bin/sh", "nobody", "-c", f"{python} -c 'import sys; print(sys.version)'"],
                               capture_output=True, text=True)
        if probe.returncode == 0 and probe.stdout.startswith(version) and site:
            return ["su", "-s", "/bin/sh", "nobody", "-c", f"PYTHONPATH={ROOT}:{site} {python} -m annotator"]
    return None


@pytest.mark.skipif(_unprivileged_python() is None, reason="needs root, the user nobody and a Python that nobody may run")
@pytest.mark.parametrize("folder_writable", [True, False], ids=["folder-writable", "folder-read-only"])
def test_a_real_read_only_file_as_an_unprivileged_user(folder_writable: bool) -> None:
    import shlex
    import tempfile

    command = _unprivileged_python()
    assert command is not None
    folder = Path(tempfile.mkdtemp(prefix="annotator-ro-"))
    try:
        folder.chmod(0o755)
        project_path = folder / "p.db"
        with Project.create(project_path) as project:
            add_document(project, TEXT)
        (folder / "a.txt").write_text("نص آخر تمامًا.", encoding="utf-8")
        (folder / "a.txt").chmod(0o644)
        project_path.chmod(0o644)  # owned by root: nobody may read it, not write it
        if folder_writable:
            folder.chmod(0o777)
        before = project_path.read_bytes()

        def run(*argv: str) -> subprocess.CompletedProcess[str]:
            *prefix, script = command
            return subprocess.run([*prefix, script + " " + " ".join(shlex.quote(a) for a in argv)], capture_output=True, text=True, cwd="/")

        imported = run("import", str(project_path), str(folder / "a.txt"))
        assert imported.returncode == 1, imported.stderr
        assert imported.stderr.strip() == f"annotator: {read_only_message(project_path)}"
        out = Path(tempfile.mkdtemp(prefix="annotator-out-"))
        out.chmod(0o777)
        exported = run("export", str(project_path), "--out", str(out / "out.jsonl"))
        assert exported.returncode == 0, exported.stderr
        assert "exported 1 document(s)" in exported.stdout
        assert project_path.read_bytes() == before
        with Project.open(project_path) as project:  # the owner can still write it afterwards
            add_document(project, "نص ثالث.")
            assert len(list_documents(project, annotator="a")) == 2
    finally:
        subprocess.run(["rm", "-rf", str(folder)], check=False)
        if "out" in locals():
            subprocess.run(["rm", "-rf", str(out)], check=False)


def test_creating_in_a_read_only_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == tmp_path and mode & os.W_OK else real_access(p, mode, **kw))
    with pytest.raises(ProjectReadOnly, match="the folder is read-only"):
        Project.create(tmp_path / "new.db")
    assert not (tmp_path / "new.db").exists()


def test_counting_rows_through_the_project_still_works_read_only(project_path: Path) -> None:
    with Project.create(project_path) as project:
        add_document(project, TEXT)
    with Project.open(project_path, read_only=True) as project, project.reading() as session:
        assert session.scalar(select(func.count(Document.id))) == 1

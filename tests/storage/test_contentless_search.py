"""SQLite's search index keeps no copy of what it indexes: it still finds, forgets, checks and repairs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.model import DocumentId
from annotator.services.documents.search import search_corpus
from annotator.storage import migrate
from annotator.storage.check import check, repair
from annotator.storage.engine import make_engine
from annotator.storage.models import Document
from annotator.storage.project import Project
from annotator.storage.search_index import index_text
from tests.conftest import add_document

LETTER = "قال مسؤول أمريكي كبير إن الرئيس بعث برسالة إلى طهران الأسبوع الماضي."
DENIAL = "نفت البعثة الإيرانية لدى الأمم المتحدة أن تكون قد تلقت أي رسالة من واشنطن."


def test_the_index_holds_no_copy_of_the_texts_and_still_finds_them(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.db") as project:
        first, second = add_document(project, LETTER), add_document(project, DENIAL)
        assert {r.document_id for r in search_corpus(project, "رسالة")} == {first, second}
    with sqlite3.connect(tmp_path / "p.db") as raw:
        tables = {name for (name,) in raw.execute("SELECT name FROM sqlite_master")}
        assert "document_search_content" not in tables
        assert raw.execute("SELECT folded FROM document_search").fetchall() == [(None,), (None,)]


def test_a_deleted_document_leaves_the_index_and_the_others_stay_found(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.db") as project:
        first, second = add_document(project, LETTER), add_document(project, DENIAL)
        with project.transaction() as session:
            session.delete(session.get(Document, first))
        assert [r.document_id for r in search_corpus(project, "رسالة")] == [second]
        assert search_corpus(project, "طهران") == []
        assert [r.document_id for r in search_corpus(project, "واشنطن")] == [second]
    with sqlite3.connect(tmp_path / "p.db") as raw:
        raw.execute("INSERT INTO document_search (document_search) VALUES ('integrity-check')")  # raises when the index is damaged
    assert check(tmp_path / "p.db").problems == []


def test_check_finds_a_document_indexed_under_other_words_and_repair_mends_it(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.db") as project:
        first = DocumentId(add_document(project, LETTER))
        add_document(project, DENIAL)
    with sqlite3.connect(tmp_path / "p.db") as raw:
        raw.execute("INSERT INTO document_search (document_search, rowid, folded) VALUES ('delete', ?, ?)", (first, index_text(LETTER)))
        raw.execute("INSERT INTO document_search (rowid, folded) VALUES (?, ?)", (first, index_text("نص آخر")))
    [problem] = check(tmp_path / "p.db").problems
    assert problem == f"search index: 1 document(s) indexed under an older text (ids {first}); --repair rebuilds it"
    repair(tmp_path / "p.db")
    assert check(tmp_path / "p.db").problems == []
    with Project.open(tmp_path / "p.db") as project:
        assert [r.document_id for r in search_corpus(project, "طهران")] == [first]
        assert search_corpus(project, "آخر") == []


def test_a_file_whose_index_kept_the_texts_is_rebuilt_without_them_on_opening(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "p.db"
    with Project.create(path) as project:
        first = add_document(project, LETTER)
    engine = make_engine(path)
    with engine.connect() as connection:
        config = migrate.alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0006_list_indexes")
        connection.commit()
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT count(*) FROM document_search_content").fetchone() == (1,)
    engine.dispose()
    with Project.open(path) as project:
        assert migrate.current_revision(project.engine) == migrate.HEAD
        assert [r.document_id for r in search_corpus(project, "طهران")] == [first]
    with sqlite3.connect(path) as raw:
        assert "document_search_content" not in {name for (name,) in raw.execute("SELECT name FROM sqlite_master")}
    assert check(path).problems == []

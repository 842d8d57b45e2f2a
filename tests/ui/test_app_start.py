"""Start-up: the demo project, the last document worked on, focus in the article."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.app import make_application, parse_args
from annotator.services.io.demo import ensure_demo_project
from annotator.services.documents.progress import list_documents
from annotator.ui.main_window import MainWindow


def test_demo_project_is_created_once_with_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    with ensure_demo_project(path) as project:
        titles = [info.title for info in list_documents(project, annotator="x")]
    assert len(titles) == 3
    assert any("تنفي" in title for title in titles)
    with ensure_demo_project(path) as again:
        assert len(list_documents(again, annotator="x")) == 3


def test_reopening_shows_the_document_last_worked_on(tmp_path: Path, qtbot: QtBot) -> None:
    make_application()
    path = tmp_path / "demo.db"
    with ensure_demo_project(path) as project:
        first = MainWindow(project, annotator="nour")
        qtbot.addWidget(first)
        first.step_document(2)
        shown = first.article_view.toPlainText()
    with ensure_demo_project(path) as project:
        second = MainWindow(project, annotator="nour")
        qtbot.addWidget(second)
        second.show()
        assert second.article_view.toPlainText() == shown
        assert "Document 3 of 3" in second.status_label.text()
        qtbot.waitUntil(second.article_view.hasFocus)


def test_command_line_arguments() -> None:
    args = parse_args(["my.db", "--annotator", "huda"])
    assert (str(args.project), args.annotator) == ("my.db", "huda")
    assert parse_args([]).project is None


def test_the_demo_layer_shows_the_letter_its_attribution_and_the_contradiction(tmp_path: Path) -> None:
    from annotator.services.annotation.relations import RelationService
    from annotator.services.annotation.tagging import TaggingService

    with ensure_demo_project(tmp_path / "demo.db") as project:
        infos = list_documents(project, annotator="demo")
        letter = infos[0]
        spans = TaggingService(project, annotator="demo").spans(letter.id)
        assert {s.label for s in spans} == {"CLAIM", "SOURCE", "CUE"}
        views = RelationService(project, annotator="demo").for_document(letter.id)
        labels = sorted((v.relation.label, v.target.document_title) for v in views)
        assert ("CONTRADICTION", infos[2].title) in labels
        assert sum(1 for label, _ in labels if label == "ATTRIBUTION") == 2
        assert TaggingService(project, annotator="someone").spans(letter.id) == []

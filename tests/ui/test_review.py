"""The reviewer's side of the window: adjudication with the keyboard into a gold export, and the agreement heatmap."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QListWidget, QTableWidget
from pytestqt.qtbot import QtBot

from annotator.app import make_application, parse_args
from annotator.core.model import DocumentId, DocumentStatus
from annotator.services.io.datasets import export_dataset
from annotator.services.team.identity import Role, identify
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.project import Project
from annotator.ui.main_window import MainWindow
from tests.conftest import add_document
from tests.ui.conftest import active_window, without_isolates

TEXT = "قال مسؤول كبير إن الرئيس بعث رسالة إلى طهران أمس، ونفت البعثة ذلك."


def export_gold(project: Project, out: Path) -> None:
    export_dataset(project, out, format="jsonl", layer="gold")


def gold_rows(project: Project) -> tuple[list[tuple], list[tuple]]:
    """Every gold span and link as stored, with its id."""
    from sqlalchemy import select

    from annotator.storage.models import Annotator, Relation, Span

    with project.reading() as session:
        spans = session.execute(
            select(Span.id, Span.uid, Span.label, Span.start, Span.end, Span.derived_from)
            .join(Annotator, Annotator.id == Span.annotator_id).where(Annotator.name == "gold").order_by(Span.id)
        ).all()
        relations = session.execute(
            select(Relation.id, Relation.uid, Relation.label, Relation.from_span_id, Relation.to_span_id)
            .join(Annotator, Annotator.id == Relation.annotator_id).where(Annotator.name == "gold").order_by(Relation.id)
        ).all()
    return [tuple(row) for row in spans], [tuple(row) for row in relations]


def tag(project: Project, name: str, doc: DocumentId, phrase: str, label: str) -> None:
    start = TEXT.index(phrase)
    TaggingService(project, annotator=name).create_span(document_id=doc, start=start, end=start + len(phrase), label=label).span


def reviewer_window(qtbot: QtBot, project: Project) -> MainWindow:
    make_application()
    doc = DocumentId(add_document(project, TEXT))
    for name in ("lina", "omar"):
        tag(project, name, doc, "مسؤول كبير", "SOURCE")
    tag(project, "lina", doc, "الرئيس بعث رسالة إلى طهران", "CLAIM")
    tag(project, "omar", doc, "بعث رسالة إلى طهران أمس", "CLAIM")
    tag(project, "omar", doc, "البعثة", "SOURCE")
    identify(project, "rana", Role.REVIEWER)
    return active_window(qtbot, project, "rana")


def test_a_document_adjudicated_with_the_keyboard_gives_a_gold_export(qtbot: QtBot, project: Project, tmp_path: Path) -> None:
    window = reviewer_window(qtbot, project)
    qtbot.keyClick(window.article_view, Qt.Key.Key_F7)
    view = window.views.adjudication
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    groups = view.findChild(QListWidget, "adjudicationGroups")
    assert groups.count() == 3
    qtbot.keyClick(view.group_list, Qt.Key.Key_F9)  # accept all that agree: the SOURCE
    qtbot.keyClick(view.group_list, Qt.Key.Key_F8)  # next disagreement: the two CLAIMs
    assert view.current().kind.value == "conflict"
    qtbot.keyClick(view.group_list, Qt.Key.Key_2)  # omar's version
    qtbot.keyClick(view.group_list, Qt.Key.Key_F8)  # next: omar's lone SOURCE
    qtbot.keyClick(view.group_list, Qt.Key.Key_Delete)  # reject it
    assert [g.settled for g in view.groups] == [True, True, True]
    qtbot.keyClick(view.group_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [g.settled for g in view.groups] == [True, True, False]
    qtbot.keyClick(view.group_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [g.settled for g in view.groups] == [True, True, True]
    qtbot.keyClick(view.group_list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.adjudication.status(DocumentId(1)) == DocumentStatus.DONE
    assert "adjudication done" in view.status.text()
    assert window.controller.undo_stack.count() == 4  # one shared history: accept all, accept, reject, done
    out = tmp_path / "gold.jsonl"
    export_gold(project, out)
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(s["text"], s["derived_from"]) for s in record["spans"]] == [
        ("مسؤول كبير", ["lina", "omar"]),
        ("بعث رسالة إلى طهران أمس", ["omar"]),
    ]


def test_annotators_cannot_open_adjudication(qtbot: QtBot, project: Project) -> None:
    make_application()
    add_document(project, TEXT)
    window = MainWindow(project, annotator="lina")
    qtbot.addWidget(window)
    assert not window.findChild(QAction, "openAdjudication").isEnabled()


def test_the_agreement_heatmap(qtbot: QtBot, project: Project) -> None:
    window = reviewer_window(qtbot, project)
    qtbot.keyClick(window.article_view, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    table = window.views.agreement.findChild(QTableWidget, "agreementTable")
    assert without_isolates(table.verticalHeaderItem(1).text()) == "κ lina × omar"
    assert table.horizontalHeaderItem(0).text() == "all labels"
    source_column = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())].index("Source")
    # 13 tokens; SOURCE: both on 2, only omar on 1, neither on 10: po = 12/13, pe = (2*3 + 11*10)/169, kappa = 40/53.
    assert table.item(1, source_column).text() == f"{40 / 53:.2f}" == "0.75"
    assert table.item(1, source_column).background().color().green() > table.item(1, source_column).background().color().blue()


def test_the_role_can_be_set_on_the_command_line() -> None:
    assert parse_args(["p.db", "--annotator", "rana", "--role", "reviewer"]).role == "reviewer"


def test_agreeing_links_are_accepted_with_their_spans(qtbot: QtBot, project: Project, tmp_path: Path) -> None:
    from annotator.services.annotation.relations import RelationService

    make_application()
    doc = DocumentId(add_document(project, TEXT))
    for name in ("lina", "omar"):
        tag(project, name, doc, "مسؤول كبير", "SOURCE")
        tag(project, name, doc, "الرئيس بعث رسالة إلى طهران", "CLAIM")
        tagger = TaggingService(project, annotator=name)
        source, claim = tagger.spans(doc)
        RelationService(project, annotator=name, tagging=tagger).create(label="ATTRIBUTION", from_span=claim.id, to_span=source.id).relation
    identify(project, "rana", Role.REVIEWER)
    window = MainWindow(project, annotator="rana")
    qtbot.addWidget(window)
    window.views.open_adjudication()
    view = window.views.adjudication
    assert [type(g).__name__ for g in view.groups] == ["Group", "Group", "LinkGroup"]
    view.accept_all()
    assert all(g.settled for g in view.groups)
    out = tmp_path / "gold.jsonl"
    export_gold(project, out)
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["label"] for r in record["relations"]] == ["ATTRIBUTION"]
    assert all(r["annotator"] == "gold" for r in record["relations"])
    before = gold_rows(project)
    window.controller.undo()
    assert not any(g.settled for g in view.groups)
    assert gold_rows(project) == ([], [])
    window.controller.redo()
    assert gold_rows(project) == before  # the same spans and link, with the same ids
    assert all(g.settled for g in view.groups)


def adjudication_view(qtbot: QtBot, project: Project):  # noqa: ANN201
    window = reviewer_window(qtbot, project)
    window.views.open_adjudication()
    return window, window.views.adjudication


def test_accept_then_undo_and_redo_through_the_controller(qtbot: QtBot, project: Project) -> None:
    window, view = adjudication_view(qtbot, project)
    view.group_list.setCurrentRow(1)  # the two CLAIMs
    view.accept(1)  # omar's
    [(span_id, uid, label, start, end, derived)] = gold_rows(project)[0]
    assert (label, TEXT[start:end], derived) == ("CLAIM", "بعث رسالة إلى طهران أمس", ["omar"])
    assert view.groups[1].settled and span_id in view.gold
    window.controller.undo()
    assert gold_rows(project) == ([], [])
    assert not view.groups[1].settled and not view.gold
    window.controller.redo()
    assert gold_rows(project)[0] == [(span_id, uid, label, start, end, derived)]
    assert view.groups[1].settled and span_id in view.gold


def test_a_gold_span_from_the_selection_and_its_undo(qtbot: QtBot, project: Project) -> None:
    window, view = adjudication_view(qtbot, project)
    start = TEXT.index("طهران")
    view.article.select_range(start, start + len("طهران"))
    view.tag_selection("SOURCE")
    [(span_id, _uid, label, *_rest)] = gold_rows(project)[0]
    assert label == "SOURCE" and span_id in view.gold
    assert window.controller.undo_stack.undoText().startswith("Gold")
    window.controller.undo()
    assert gold_rows(project) == ([], []) and not view.gold


def test_links_are_rejected_and_the_rejection_undone(qtbot: QtBot, project: Project) -> None:
    from annotator.services.annotation.relations import RelationService

    make_application()
    doc = DocumentId(add_document(project, TEXT))
    tag(project, "lina", doc, "مسؤول كبير", "SOURCE")
    tag(project, "lina", doc, "الرئيس بعث رسالة إلى طهران", "CLAIM")
    tagger = TaggingService(project, annotator="lina")
    source, claim = tagger.spans(doc)
    RelationService(project, annotator="lina", tagging=tagger).create(label="ATTRIBUTION", from_span=claim.id, to_span=source.id)
    identify(project, "rana", Role.REVIEWER)
    window = MainWindow(project, annotator="rana")
    qtbot.addWidget(window)
    window.views.open_adjudication()
    view = window.views.adjudication
    view.group_list.setCurrentRow(2)
    view.accept(0)  # its spans are not gold yet: refused, and nothing kept for undo
    assert "accept both of this link's spans" in view.notice.text()
    assert window.controller.undo_stack.count() == 0
    view.reject_current()
    assert view.groups[2].rejected
    window.controller.undo()
    assert not view.groups[2].rejected


def test_a_busy_project_accepts_once_it_is_free(qtbot: QtBot, project_path: Path) -> None:
    import sqlite3

    with Project.create(project_path):
        pass
    project = Project.open(project_path, busy_timeout_ms=50)
    try:
        window, view = adjudication_view(qtbot, project)
        messages: list[tuple[str, int]] = []
        window.controller.message.connect(lambda text, level: messages.append((text, level)))
        other = sqlite3.connect(project_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            view.group_list.setCurrentRow(1)
            view.accept(1)
            assert any("busy" in text for text, _level in messages)
            assert "busy" in view.notice.text()
            assert gold_rows(project) == ([], [])
        finally:
            other.execute("ROLLBACK")
            other.close()
        qtbot.waitUntil(lambda: bool(gold_rows(project)[0]), timeout=5000)
        [(_id, _uid, label, start, end, _derived)] = gold_rows(project)[0]
        assert (label, TEXT[start:end]) == ("CLAIM", "بعث رسالة إلى طهران أمس")
        qtbot.waitUntil(lambda: view.groups[1].settled, timeout=2000)
        assert window.controller.undo_stack.count() == 1
    finally:
        project.close()


def test_an_annotator_in_blind_mode_is_refused_the_agreement_figures_in_the_window(qtbot: QtBot, project: Project) -> None:
    make_application()
    identify(project, "rana", Role.REVIEWER)
    add_document(project, TEXT)
    window = MainWindow(project, annotator="lina")
    qtbot.addWidget(window)
    window.views.open_agreement()
    assert window.views.agreement is None
    said = " ".join(label.text() for label in window.findChildren(QLabel))
    assert "only a reviewer may read the agreement figures" in said

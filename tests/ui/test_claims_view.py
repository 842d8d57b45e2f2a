"""The claims table: every claim of the layer shown, sortable and filterable; Enter opens the article at the claim;
the source view lists what one source is said to have claimed, by date."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.model import DocumentId, NewDocument
from annotator.services.annotation.relations import RelationService
from annotator.services.annotation.tagging import TaggingService
from annotator.services.io.importing import add_documents
from annotator.storage.project import Project
from tests.ui.conftest import active_window

LETTER = "قال مسؤول أمريكي كبير إن الرئيس بعث برسالة إلى طهران."
DENIAL = "ونفت البعثة الإيرانية أن تكون قد تلقّت أي رسالة."
AGAIN = "وقال مسؤول أمريكي كبير إن الرسالة وصلت."


def tagged(project: Project) -> dict[str, int]:
    add_documents(project, [NewDocument(uid="letter", title="الرسالة", text=LETTER, source="وكالة أ", published="2025-03-11"),
                            NewDocument(uid="denial", title="النفي", text=DENIAL, source="وكالة ب", published="2025-03-12"),
                            NewDocument(uid="again", title="مرة أخرى", text=AGAIN, source="وكالة أ", published="2025-03-10")],
                  annotator="lina")
    tagging = TaggingService(project, annotator="lina")
    relations = RelationService(project, annotator="lina", tagging=tagging)

    def span(document: int, text: str, part: str, label: str) -> int:
        start = text.index(part)
        return int(tagging.create_span(document_id=DocumentId(document), start=start, end=start + len(part), label=label).span.id)

    ids = {
        "letter": span(1, LETTER, "الرئيس بعث برسالة إلى طهران", "CLAIM"),
        "official": span(1, LETTER, "مسؤول أمريكي كبير", "SOURCE"),
        "denial": span(2, DENIAL, "أن تكون قد تلقّت أي رسالة", "CLAIM"),
        "again": span(3, AGAIN, "الرسالة وصلت", "CLAIM"),
        "official2": span(3, AGAIN, "مسؤول أمريكي كبير", "SOURCE"),
    }
    relations.create(label="ATTRIBUTION", from_span=ids["letter"], to_span=ids["official"])
    relations.create(label="ATTRIBUTION", from_span=ids["again"], to_span=ids["official2"])
    relations.create(label="CONTRADICTION", from_span=ids["letter"], to_span=ids["denial"])
    return ids


def test_the_claims_table_filters_sorts_and_opens_the_article_at_the_claim(qtbot: QtBot, project: Project) -> None:
    ids = tagged(project)
    window = active_window(qtbot, project, "lina")
    qtbot.keyClick(window.article_view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    view = window.views.claims
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 3)
    texts = {view.model.rows[i].text: view.model.rows[i] for i in range(3)}
    assert texts["الرئيس بعث برسالة إلى طهران"].source == "مسؤول أمريكي كبير"
    assert texts["الرئيس بعث برسالة إلى طهران"].contradicting == 1 and texts["أن تكون قد تلقت أي رسالة".replace("تلقت", "تلقّت")].contradicting == 1
    view.filter.setText("تلقت")  # without the shadda the claim has: folded like the search
    assert view.proxy.rowCount() == 1
    view.filter.setText("")
    view.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # by date
    dates = [view.proxy.index(row, 3).data() for row in range(3)]
    assert dates == ["2025-03-10", "2025-03-11", "2025-03-12"]
    denial_row = next(row for row in range(3) if view.proxy.index(row, 0).data().startswith("أن تكون"))
    view.table.setCurrentIndex(view.proxy.index(denial_row, 0))
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.controller.document.id == 2
    assert window.selection.span is not None and int(window.selection.span.id) == ids["denial"]
    official_row = next(row for row in range(3) if view.proxy.index(row, 4).data() == "مسؤول أمريكي كبير")
    view.table.setCurrentIndex(view.proxy.index(official_row, 0))
    view.show_source()
    source_view = view.source_view
    assert source_view is not None and source_view.proxy.rowCount() == 2
    assert [source_view.proxy.index(row, 3).data() for row in range(2)] == ["2025-03-10", "2025-03-11"]
    contradicted = source_view.proxy.index(1, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert contradicted is not None and source_view.proxy.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None

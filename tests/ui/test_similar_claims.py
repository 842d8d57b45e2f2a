"""Claims like the selected one, across articles, best first: in a side list (Enter links them as offered) and
first in the link picker."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from annotator.core.model import DocumentId, NewDocument
from annotator.services.annotation.tagging import TaggingService
from annotator.services.io.importing import add_documents
from annotator.storage.models import Relation
from annotator.storage.project import Project
from tests.ui.conftest import active_window, without_isolates

LETTER = "قال الرئيس إنه بعث برسالة إلى القيادة الإيرانية يدعوها إلى المحادثات."
OTHER = "وقالت الوزارة إن الاجتماع المقبل سيعقد في جنيف الشهر المقبل."
DENIAL = "ونفت البعثة أن تكون القيادة الإيرانية قد تلقت أي رسالة من الرئيس."


def test_the_most_similar_claim_is_offered_first_and_enter_links_it(qtbot: QtBot, project: Project) -> None:
    add_documents(project, [NewDocument(uid="l", title="الرسالة", text=LETTER), NewDocument(uid="o", title="جنيف", text=OTHER),
                            NewDocument(uid="d", title="النفي", text=DENIAL)], annotator="lina")
    tagging = TaggingService(project, annotator="lina")

    def claim(document: int, text: str, part: str, polarity: str = "affirm") -> int:
        start = text.index(part)
        return int(tagging.create_span(document_id=DocumentId(document), start=start, end=start + len(part), label="CLAIM",
                                       attributes={"polarity": polarity}).span.id)

    letter = claim(1, LETTER, "بعث برسالة إلى القيادة الإيرانية")
    claim(2, OTHER, "الاجتماع المقبل سيعقد في جنيف")
    denial = claim(3, DENIAL, "أن تكون القيادة الإيرانية قد تلقت أي رسالة من الرئيس", "deny")  # the guidelines: a denial's polarity
    window = active_window(qtbot, project, "lina")
    window.controller.ensure_open(DocumentId(1))
    window.select_span(letter)
    side = window.similar_claims
    qtbot.waitUntil(side.isVisible)
    assert [int(c.span_id) for c in side.found][:1] == [denial]
    assert side.found[0].relation == "contradiction"
    assert without_isolates(side.list.item(0).text()).startswith("Contradiction · ")
    qtbot.keyClick(window.article_view, Qt.Key.Key_6)  # SUPPORT's picker: the similar claim first
    picker = window.linker.picker
    assert picker is not None and picker.list.item(0).data(Qt.ItemDataRole.UserRole) == denial
    window.linker.cancel()
    side.list.setCurrentRow(0)
    side.list.setFocus()
    qtbot.keyClick(side.list, Qt.Key.Key_Return)
    with project.reading() as session:
        links = session.execute(select(Relation.label, Relation.from_span_id, Relation.to_span_id)).all()
    assert [(row.label, row.from_span_id, row.to_span_id) for row in links] == [("CONTRADICTION", letter, denial)]

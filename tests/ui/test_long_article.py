"""A long article is laid out a screen at a time (Qt's lazy layout); nothing that reaches far into it may wait
for the rest, and its 2,000-span list is made only as far as it is shown."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from annotator.core.arabic import tokens
from annotator.core.model import DocumentId
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.project import Project
from tests.conftest import add_document
from tests.ui import probe
from tests.ui.conftest import active_window

PARAGRAPH = "قال مسؤول أمريكي كبير إن الرئيس بعث برسالة إلى طهران الأسبوع الماضي، وفقًا لأشخاص مطلعين على هذه المراسلات. "


def long_article() -> str:
    return "\n".join(PARAGRAPH * 4 for _ in range(120))  # about 50,000 characters in 120 paragraphs


def test_a_span_at_the_end_of_a_just_opened_long_article_is_shown_when_picked(qtbot: QtBot, project: Project) -> None:
    text = long_article()
    document_id = DocumentId(add_document(project, text, title="طويل"))
    tagger = TaggingService(project, annotator="salma")
    last = text.rindex("طهران")
    tagger.create_span(document_id=document_id, start=last, end=last + len("طهران"), label="SOURCE")
    first = text.index("طهران")
    tagger.create_span(document_id=document_id, start=first, end=first + len("طهران"), label="SOURCE")
    window = active_window(qtbot, project, "salma")
    view = window.article_view
    assert view.text == text
    spans = {span.start: span for span in tagger.spans(document_id)}

    assert probe.click_span_in_list(window, int(spans[last].id))
    assert view.textCursor().position() == last  # no astral characters: UTF-16 and code points agree
    assert view.viewport().rect().contains(view.cursorRect().center())
    assert view.verticalScrollBar().value() > 0.9 * view.verticalScrollBar().maximum()

    # Laid out to the end, the scroll range is the whole article's: the last line can be reached.
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() + view.viewport().height() >= view.document().size().height() - 1)
    assert probe.click_span_in_list(window, int(spans[first].id))
    assert view.viewport().rect().contains(view.cursorRect().center())


def test_the_span_list_shows_every_span_of_a_long_article_in_reading_order(qtbot: QtBot, project: Project) -> None:
    text = long_article()
    document_id = DocumentId(add_document(project, text, title="طويل"))
    tagger = TaggingService(project, annotator="salma")
    words = tokens(text)[::25][:300]
    for word in words:
        tagger.create_span(document_id=document_id, start=word.start, end=word.end, label="CUE")
    window = active_window(qtbot, project, "salma")
    shown = probe.shown_span_ids(window)
    stored = [span.id for span in tagger.spans(document_id)]
    assert shown == stored and len(shown) == len(words)
    assert probe.click_span_in_list(window, int(stored[-1]))
    assert window.tag_panel.selected_span_id() == stored[-1]

"""In the Arabic interface the scheme shows its Arabic names; the stored labels stay as they are."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QComboBox, QFormLayout
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from annotator.app import make_application
from annotator.storage.models import Span
from annotator.storage.project import Project
from annotator.ui.main_window import MainWindow
from tests.conftest import add_document
from tests.ui.conftest import FIRST, span_captions


@pytest.fixture
def arabic() -> Iterator[None]:
    make_application(language="ar")
    try:
        yield
    finally:
        make_application(language="en")


def test_the_arabic_window_names_labels_attributes_and_values_in_arabic(arabic: None, qtbot: QtBot, project: Project) -> None:
    add_document(project, FIRST, title="الرسالة")
    window = MainWindow(project, annotator="lina")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert [action.text() for action in window.label_actions] == ["ادعاء", "مصدر", "عبارة إسناد"]
    start = FIRST.index("الرئيس")
    window.article_view.select_range(start, start + len("الرئيس بعث برسالة"))
    window.tag_selection("CLAIM")
    with project.reading() as session:
        assert session.scalars(select(Span.label)).all() == ["CLAIM"]
    assert span_captions(window)[0].startswith("ادعاء · ")
    editor = window.tag_panel.attribute_editor
    polarity = editor.findChild(QComboBox, "attribute:polarity")
    assert [polarity.itemText(i) for i in range(polarity.count())] == ["—", "إثبات", "نفي"]
    assert polarity.itemData(2) == "deny"
    form = editor.findChild(QFormLayout)
    captions = [form.labelForField(field).text() for field in (polarity,)]
    assert captions == ["القطبية"]
    assert "قضية يقدّمها المقال" in window.label_actions[0].toolTip()

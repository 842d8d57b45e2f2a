"""Python code point offsets and Qt document positions (UTF-16 units) agree for any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from annotator.core.offsets import Utf16Map
from annotator.core.textio import canonical_text

# Text as the project stores it: no surrogates, no NUL, no CR (canonicalized at import).
stored_text = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00\r"), max_size=80
).map(canonical_text)


def qt_text(document: QTextDocument, start: int, end: int) -> str:
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


@settings(max_examples=300, deadline=None)
@given(stored_text, st.data())
def test_a_range_in_code_points_selects_the_same_text_in_qt(qapp: object, text: str, data: st.DataObject) -> None:
    document = QTextDocument()
    document.setPlainText(text)
    assert document.toRawText().replace("\u2029", "\n") == text
    mapping = Utf16Map(text)
    assert document.characterCount() - 1 == mapping.length_u16
    start, end = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=2)))
    assert qt_text(document, mapping.to_utf16(start), mapping.to_utf16(end)) == text[start:end]


@settings(max_examples=200, deadline=None)
@given(stored_text, st.data())
def test_a_qt_position_maps_back_to_the_code_point_before_it(qapp: object, text: str, data: st.DataObject) -> None:
    mapping = Utf16Map(text)
    position = data.draw(st.integers(0, mapping.length_u16))
    cp = mapping.to_code_point(position)
    assert len(text[:cp].encode("utf-16-le")) // 2 in (position, position - 1)

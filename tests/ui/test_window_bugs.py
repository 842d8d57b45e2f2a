"""One test per known window bug, each asserting the behaviour the issue asks for.

(1) done, then tag: the document list row keeps the status the database has;
(2) tag, Ctrl+PgDown, Ctrl+Z: the window goes back to the document the undone span belonged to, and says so;
(3) Tab in the article selects the next span and leaves the keyboard in the article;
(4) a span's text is shown as text (tooltip, attribute heading), never as markup;
(5) a database locked by someone else: no freeze, the window says it is busy, the span is not lost;
(6) a read-only project file: a visible notice, and tagging explains itself and writes nothing.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.storage.project import Project
from tests.ui import probe
from tests.ui.test_window_state_machine import ANNOTATOR, BREAKING, DENIAL, LETTER, make_project

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier
FIRST = LETTER
ARTICLES = {"01-letter.txt": LETTER, "02-denial.txt": DENIAL, "03-breaking.txt": BREAKING}  # opens on the letter
MARKUP = "<b>bold</b> <img src=x>"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    opened = probe.open_project(make_project(tmp_path / "project.db", ARTICLES))
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, qapp: object, project: Project) -> Iterator[object]:
    main = probe.open_window(qtbot, project, ANNOTATOR)
    yield main
    probe.close_window(main)


def press(qtbot: QtBot, window: object, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    """A key on the focused widget; an exception inside a Qt handler fails the test here."""
    with qtbot.captureExceptions() as errors:
        QTest.keyClick(probe.key_target(window), key, modifiers)
        probe.settle_windows(window)
    assert not errors, f"{key!r} raised inside the window: {errors[0][1]!r}"


def tag_words(qtbot: QtBot, window: object, project: Project, phrase: str, key: Qt.Key, text: str = FIRST) -> dict:
    """Drag over a phrase of the article, press the label's key; the new span as the database has it."""
    start = text.index(phrase)
    before = {span["id"] for span in probe.db_spans(project, ANNOTATOR, probe.current_document_id(window))}
    probe.select_text(window, start, start + len(phrase))
    press(qtbot, window, key)
    spans = probe.db_spans(project, ANNOTATOR, probe.current_document_id(window))
    added = [span for span in spans if span["id"] not in before]
    assert len(added) == 1, f"pressing the key stored {len(added)} spans"
    return added[0]


def test_1_done_then_tag_the_row_keeps_the_stored_status(qtbot: QtBot, window: object, project: Project) -> None:
    document = probe.current_document_id(window)
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert probe.db_status(project.path, ANNOTATOR, document) == "done"
    assert probe.row_status(window, document) == "done"

    tag_words(qtbot, window, project, "مسؤول أمريكي كبير", Qt.Key.Key_2)

    stored = probe.db_status(project.path, ANNOTATOR, document)
    assert stored == "done", "tagging a finished document changed its stored status"
    assert probe.row_status(window, document) == stored, (
        f"the document list row says {probe.row_status(window, document)!r}, the database says {stored!r}"
    )
    assert probe.shown_counts(window)["done"] == probe.db_done_count(project.path, ANNOTATOR) == 1


def test_2_undo_after_changing_document_goes_back_to_the_undone_span(qtbot: QtBot, window: object, project: Project) -> None:
    first = probe.current_document_id(window)
    span = tag_words(qtbot, window, project, "مسؤول أمريكي كبير", Qt.Key.Key_2)
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)
    assert probe.current_document_id(window) != first

    with probe.watching_messages(window) as watch:
        press(qtbot, window, Qt.Key.Key_Z, CTRL)

    assert span["id"] not in [s["id"] for s in probe.db_spans(project.path, ANNOTATOR, first)], "undo did not delete the span"
    assert probe.current_document_id(window) == first, "the window did not follow the undo to the span's document"
    assert probe.shown_text(window) == probe.db_text(project.path, first)
    assert span["id"] not in probe.shown_span_ids(window)
    assert span["id"] not in probe.highlighted_span_ids(window)
    assert probe.shown_span_ids(window) == [s["id"] for s in probe.db_spans(project.path, ANNOTATOR, first)]
    said = " ".join(watch.messages + [probe.status_message(window)])
    assert "Source" in said and span["text"].split()[0] in said, (
        f"the status bar should name what was undone (SOURCE «{span['text']}»); it said {watch.messages!r}"
    )


def test_3_tab_in_the_article_selects_the_next_span(qtbot: QtBot, window: object, project: Project) -> None:
    later = tag_words(qtbot, window, project, "بعث برسالة", Qt.Key.Key_1)
    earlier = tag_words(qtbot, window, project, "مسؤول أمريكي كبير", Qt.Key.Key_2)
    assert probe.selected_span_id(window) == earlier["id"]
    assert probe.focus_in_article(window)

    press(qtbot, window, Qt.Key.Key_Tab)
    assert probe.focus_in_article(window), f"Tab moved the keyboard to {probe.focused_name(window)}"
    assert probe.selected_span_id(window) == later["id"], "Tab did not select the next span"

    press(qtbot, window, Qt.Key.Key_Backtab, SHIFT)
    assert probe.focus_in_article(window), f"Shift+Tab moved the keyboard to {probe.focused_name(window)}"
    assert probe.selected_span_id(window) == earlier["id"], "Shift+Tab did not select the previous span"


def test_4_span_text_is_shown_as_plain_text(qtbot: QtBot, qapp: object, tmp_path: Path) -> None:
    text = f"قال المتحدث {MARKUP} إن الاجتماع انتهى.\n"
    project = probe.open_project(make_project(tmp_path / "markup.db", {"markup.txt": text}))
    window = probe.open_window(qtbot, project, ANNOTATOR)
    try:
        start = text.index(MARKUP)
        probe.select_text(window, start, start + len(MARKUP))
        press(qtbot, window, Qt.Key.Key_1, ALT)
        spans = probe.db_spans(project.path, ANNOTATOR, probe.current_document_id(window))
        assert [s["text"] for s in spans] == [MARKUP]

        tooltip = probe.span_tooltips(window)[spans[0]["id"]]
        assert MARKUP in probe.rendered(tooltip), (
            f"the span list tooltip {tooltip!r} is rendered as rich text: {probe.rendered(tooltip)!r}"
        )
        heading = probe.attribute_heading(window)
        shown = probe.rendered(heading.text(), heading.textFormat())
        assert MARKUP in shown, (
            f"the attribute heading {heading.text()!r} (format {heading.textFormat()!r}) is rendered as {shown!r}"
        )
    finally:
        probe.close_window(window)
        project.close()


class Lock:
    """Another program holds the project's write lock (BEGIN IMMEDIATE) for `seconds`, in its own thread."""

    def __init__(self, path: Path, seconds: float) -> None:
        self.path, self.seconds = path, seconds
        self.held = threading.Event()
        self.released_at: float | None = None
        self.thread = threading.Thread(target=self._hold, daemon=True)

    def _hold(self) -> None:
        connection = sqlite3.connect(self.path, isolation_level=None, timeout=5)
        try:
            connection.execute("BEGIN IMMEDIATE")
            self.held.set()
            time.sleep(self.seconds)
            connection.execute("ROLLBACK")
            self.released_at = time.monotonic()
        finally:
            connection.close()

    def __enter__(self) -> Lock:
        self.thread.start()
        assert self.held.wait(5), "could not take the write lock"
        return self

    def __exit__(self, *_exc: object) -> None:
        self.thread.join(10)


def test_5_a_locked_database_neither_freezes_the_window_nor_loses_the_span(
    qtbot: QtBot, window: object, project: Project
) -> None:
    document = probe.current_document_id(window)
    phrase = "مسؤول أمريكي كبير"
    start = FIRST.index(phrase)
    probe.select_text(window, start, start + len(phrase))
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(20)
    heartbeat.timeout.connect(lambda: beats.append(time.monotonic()))

    with probe.watching_messages(window) as watch, Lock(project.path, seconds=1.0) as lock:
        heartbeat.start()
        pressed_at = time.monotonic()
        press(qtbot, window, Qt.Key.Key_1)
        key_took = time.monotonic() - pressed_at
        qtbot.waitUntil(lambda: lock.released_at is not None, timeout=5000)
        qtbot.waitUntil(lambda: len(probe.db_spans(project.path, ANNOTATOR, document)) == 1, timeout=15000)
        qtbot.waitUntil(lambda: len(probe.shown_span_ids(window)) == 1, timeout=5000)
        heartbeat.stop()

    busy = [pressed_at, *[b for b in beats if b <= (lock.released_at or 0)], lock.released_at]
    longest_freeze = max(b - a for a, b in zip(busy, busy[1:]))
    assert key_took < 0.5, f"pressing 1 blocked the window for {key_took:.2f} s while the database was locked"
    assert longest_freeze < 0.5, f"the window did not repaint for {longest_freeze:.2f} s while the database was locked"
    spans = probe.db_spans(project.path, ANNOTATOR, document)
    assert [s["text"] for s in spans] == [phrase]
    assert probe.shown_span_ids(window) == [spans[0]["id"]]
    said_while_busy = [text for at, text in watch.timeline if pressed_at <= at <= (lock.released_at or 0)]
    assert said_while_busy, f"the window said nothing while the database was locked (said: {watch.timeline!r})"


def test_6_a_read_only_project_says_so_and_tagging_writes_nothing(qtbot: QtBot, qapp: object, tmp_path: Path) -> None:
    path = make_project(tmp_path / "archived.db", ARTICLES)
    dump = probe.db_dump(path)
    project = probe.open_project_read_only(path)
    try:
        with qtbot.captureExceptions() as errors:
            window = probe.open_window(qtbot, project, ANNOTATOR)
        assert not errors, f"opening a read-only project raised {errors[0][1]!r}"
        try:
            assert probe.read_only_notice(window), "the window does not say that the project is read-only"
            phrase = "مسؤول أمريكي كبير"
            start = FIRST.index(phrase)
            with probe.watching_messages(window) as watch:
                probe.select_text(window, start, start + len(phrase))
                press(qtbot, window, Qt.Key.Key_1)
                qtbot.wait(100)
            assert probe.db_dump(path) == dump, "pressing 1 wrote to a read-only project"
            assert probe.shown_span_ids(window) == []
            assert watch.said(), "pressing 1 on a read-only project said nothing"
        finally:
            probe.close_window(window)
    finally:
        project.close()

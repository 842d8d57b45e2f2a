"""Every look into the window's insides and every read of the project file that the window tests need.

The window is being rebuilt: when a widget moves or an attribute is renamed, only this module changes.
Reads of the database go through a fresh read-only sqlite3 connection, never through the window's caches.
"""

from __future__ import annotations

import inspect
import os
import re
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from annotator.storage.project import Project

# ---------------------------------------------------------------------------------------------------------
# Building and closing a window


def open_window(qtbot: Any, project: Project, annotator: str) -> Any:
    """A shown, active main window on the project, as `annotator PROJECT --annotator NAME` would open it."""
    from annotator.app import make_application
    from annotator.ui.main_window import MainWindow

    make_application()
    window = MainWindow(project, annotator=annotator)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.raise_()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    return window


def close_window(window: Any) -> None:
    views = getattr(window, "views", None)
    extras = [getattr(window, name, None) for name in ("export_dialog", "replacement")]
    if views is not None:
        extras += [views.adjudication, views.agreement, views.claims, views.network]
    for extra in extras:
        if isinstance(extra, QWidget):
            extra.close()
    picker = getattr(getattr(window, "linker", None), "picker", None)
    if picker is not None:
        picker.reject()
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def open_project(path: Path) -> Project:
    """The project as `annotator PROJECT` opens it for the window (with the window's short busy timeout)."""
    import annotator.app as app

    opener = getattr(app, "open_for_window", None)
    return opener(Path(path)) if opener is not None else Project.open(Path(path))


def open_project_read_only(path: Path) -> Project:
    """The project file made read-only (mode 0444), then opened read-only.

    Tests run as root here, for whom mode bits do not stop writing, so `read_only=True` is passed when
    Project.open takes it."""
    import annotator.app as app

    path = Path(path)
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    parameters = inspect.signature(Project.open).parameters
    options: dict[str, Any] = {}
    if "read_only" in parameters:
        options["read_only"] = True
    if "busy_timeout_ms" in parameters and hasattr(app, "WINDOW_BUSY_TIMEOUT_MS"):
        options["busy_timeout_ms"] = app.WINDOW_BUSY_TIMEOUT_MS
    return Project.open(path, **options)


# ---------------------------------------------------------------------------------------------------------
# Where keys go, and the gestures that are clicks


def article(window: Any) -> QWidget:
    return window.article_view


def key_target(window: Any) -> QWidget:
    """The widget a person's key press reaches: the focused one (the window if nothing has focus)."""
    return QApplication.focusWidget() or window


def settle_windows(window: Any) -> None:
    """What a window manager does that the offscreen platform does not: a picker that opens gets the
    keyboard, and the main window gets it back when the picker closes."""
    wanted = picker(window) or window
    if QApplication.activeWindow() is not wanted:
        wanted.activateWindow()
        QApplication.processEvents()


def focus_in_article(window: Any) -> bool:
    return QApplication.focusWidget() is article(window)


def focused_name(window: Any) -> str:
    widget = QApplication.focusWidget()
    if widget is None:
        return "nothing"
    return f"{type(widget).__name__}({widget.objectName()!r})"


def place_caret(window: Any, position: int) -> None:
    """What a click in the article does: focus it and put the caret at a code point offset, no selection."""
    view = article(window)
    view.setFocus(Qt.FocusReason.MouseFocusReason)
    view.select_range(position, position)
    QApplication.processEvents()


def select_text(window: Any, start: int, end: int) -> None:
    """What a mouse drag over the article does: focus it and select code points start..end."""
    view = article(window)
    view.setFocus(Qt.FocusReason.MouseFocusReason)
    view.select_range(start, end)
    QApplication.processEvents()


def caret(window: Any) -> int:
    return article(window).cursor_position()


def selection(window: Any) -> tuple[int, int]:
    return article(window).selection()


def shown_text(window: Any) -> str:
    """The article's text in code points, as stored (paragraph separators back to newlines)."""
    return article(window).text


def click_span_in_list(window: Any, span_id: int) -> bool:
    """Click the span's row in the span list; False when it is not listed."""
    span_list = window.tag_panel.span_list
    model = span_list.model()
    for row in range(model.rowCount()):
        item = model.index(row, 0)
        if int(item.data(Qt.ItemDataRole.UserRole)) == int(span_id):
            span_list.scrollTo(item)
            point: QPoint = span_list.visualRect(item).center()
            QTest.mouseClick(span_list.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
            QApplication.processEvents()
            return True
    return False


def picker(window: Any) -> QWidget | None:
    """The target picker of a link being made, if it is open."""
    found = getattr(window.linker, "picker", None)
    return found if found is not None and found.isVisible() else None


def picker_search(window: Any) -> QWidget | None:
    found = picker(window)
    return None if found is None else found.search


def can_undo(window: Any) -> bool:
    return window.undo_stack.canUndo()


def can_redo(window: Any) -> bool:
    return window.undo_stack.canRedo()


def undo_text(window: Any) -> str:
    return window.undo_stack.undoText()


# ---------------------------------------------------------------------------------------------------------
# What the window shows


def current_document_id(window: Any) -> int | None:
    document = window.controller.document
    return None if document is None else int(document.id)


def shown_span_ids(window: Any) -> list[int]:
    """Span ids in the span list, top to bottom."""
    model = window.tag_panel.span_list.model()
    return [int(model.index(row, 0).data(Qt.ItemDataRole.UserRole)) for row in range(model.rowCount())]


def span_tooltips(window: Any) -> dict[int, str]:
    model = window.tag_panel.span_list.model()
    return {
        int(model.index(row, 0).data(Qt.ItemDataRole.UserRole)): model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
        for row in range(model.rowCount())
    }


def highlighted_span_ids(window: Any) -> set[int]:
    """Spans the highlighter paints in the article (its span index; cue suggestions left out)."""
    painted = article(window).highlighter._spans
    return {int(span_id) for span_id, entry in painted.items() if not getattr(entry, "suggestion", False)}


def shown_links(window: Any) -> list[int]:
    """Relation ids in the link list, top to bottom."""
    relation_list = window.tag_panel.relation_list
    return [int(relation_list.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(relation_list.count())]


def selected_span_id(window: Any) -> int | None:
    """The span selected in the window (the one Delete, 4/5/6 and the attribute editor act on)."""
    selection = getattr(window, "selection", None)
    span = selection.span if selection is not None and hasattr(selection, "span") else getattr(window, "selected", None)
    return None if span is None else int(span.id)


def attribute_heading(window: Any) -> QLabel:
    """The label above the attribute fields that names the selected span or link."""
    return window.tag_panel.attribute_editor._heading


def editing(window: Any) -> tuple[str, int] | None:
    """What the attribute editor shows: ("span", id), ("relation", id) or None."""
    item = window.tag_panel.attribute_editor.item
    return None if item is None else (item.kind, int(item.id))


def loaded_document_ids(window: Any) -> list[int]:
    """Documents in the rows the document list has loaded, top to bottom."""
    model = window.document_list.documents()
    return [int(model.index(row).data(Qt.ItemDataRole.UserRole).id) for row in range(model.rowCount())]


def row_status(window: Any, document_id: int) -> str | None:
    """This annotator's status as the document list row shows it: new, in_progress or done (None: not loaded)."""
    model = window.document_list.documents()
    for row in range(model.rowCount()):
        info = model.index(row).data(Qt.ItemDataRole.UserRole)
        if int(info.id) == int(document_id):
            return str(info.status)
    return None


def status_text(window: Any) -> str:
    """The permanent text in the status bar (identity, document n of m, done count, span count)."""
    return window.status_label.text()


def shown_counts(window: Any) -> dict[str, int | None]:
    """The numbers in the status text: spans in this document, documents done, documents in all."""
    text = status_text(window)
    spans = re.search(r"Spans: (\d+)", text)
    done = re.search(r"(\d+) of (\d+) done", text)
    return {
        "spans": int(spans.group(1)) if spans else None,
        "done": int(done.group(1)) if done else None,
        "total": int(done.group(2)) if done else None,
    }


def status_message(window: Any) -> str:
    """The passing message in the status bar."""
    return window.statusBar().currentMessage()


def read_only_notice(window: Any) -> str:
    """Any visible text in the window that says the project is read-only ('' when none does)."""
    pattern = re.compile(r"read[- ]?only|للقراءة فقط", re.IGNORECASE)
    texts = [window.windowTitle(), status_message(window)]
    texts += [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    return next((text for text in texts if pattern.search(text or "")), "")


def rendered(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a label or a tooltip actually shows for `text`: rich text is interpreted as Qt would."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    if text_format == Qt.TextFormat.MarkdownText:
        document = QTextDocument()
        document.setMarkdown(text)
        return document.toPlainText()
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


class MessageWatch:
    """Records what the window tells the user (status bar messages, message boxes) and closes message boxes."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.messages: list[str] = []
        self.boxes: list[str] = []
        self.timeline: list[tuple[float, str]] = []  # (time.monotonic(), what was said)
        self._timer = QTimer()
        self._timer.setInterval(25)
        self._timer.timeout.connect(self._close_boxes)
        window.statusBar().messageChanged.connect(self._on_message)

    def _on_message(self, text: str) -> None:
        if text:
            self.messages.append(text)
            self.timeline.append((time.monotonic(), text))

    def _close_boxes(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                said = f"{widget.windowTitle()}: {widget.text()} {widget.informativeText()}".strip()
                self.boxes.append(said)
                self.timeline.append((time.monotonic(), said))
                widget.close()

    def start(self) -> MessageWatch:
        self._timer.start()
        return self

    def stop(self) -> None:
        self._timer.stop()
        try:
            self.window.statusBar().messageChanged.disconnect(self._on_message)
        except (RuntimeError, TypeError):
            pass

    def said(self) -> list[str]:
        return [*self.messages, *self.boxes]


@contextmanager
def watching_messages(window: Any) -> Iterator[MessageWatch]:
    watch = MessageWatch(window).start()
    try:
        yield watch
    finally:
        watch.stop()


# ---------------------------------------------------------------------------------------------------------
# What the project file holds (plain SQL on a fresh read-only connection)


def _path(project: Project | Path | str) -> Path:
    return Path(project.path) if isinstance(project, Project) else Path(project)


@contextmanager
def _db(project: Project | Path | str) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(f"file:{_path(project)}?mode=ro", uri=True, timeout=5)) as connection:
        yield connection


def db_document_ids(project: Project | Path | str) -> list[int]:
    with _db(project) as db:
        return [row[0] for row in db.execute("SELECT id FROM documents ORDER BY id")]


def db_text(project: Project | Path | str, document_id: int) -> str:
    with _db(project) as db:
        return db.execute("SELECT text FROM documents WHERE id = ?", (document_id,)).fetchone()[0]


def db_spans(project: Project | Path | str, annotator: str, document_id: int) -> list[dict[str, Any]]:
    """The annotator's spans in the document, in reading order (start, longer first, id)."""
    with _db(project) as db:
        rows = db.execute(
            'SELECT s.id, s.label, s.start, s."end", s.text FROM spans s JOIN annotators a ON a.id = s.annotator_id '
            'WHERE s.document_id = ? AND a.name = ? ORDER BY s.start, s."end" DESC, s.id',
            (document_id, annotator),
        ).fetchall()
    return [{"id": r[0], "label": r[1], "start": r[2], "end": r[3], "text": r[4]} for r in rows]


def db_all_spans(project: Project | Path | str) -> list[dict[str, Any]]:
    """Every span with its document's text, for the offsets check."""
    with _db(project) as db:
        rows = db.execute(
            'SELECT s.id, s.document_id, s.start, s."end", s.text, d.text FROM spans s JOIN documents d ON d.id = s.document_id'
        ).fetchall()
    return [{"id": r[0], "document_id": r[1], "start": r[2], "end": r[3], "text": r[4], "document_text": r[5]} for r in rows]


def db_relations(project: Project | Path | str, annotator: str, document_id: int) -> list[dict[str, Any]]:
    """The annotator's relations with at least one end in the document, by id."""
    with _db(project) as db:
        rows = db.execute(
            "SELECT r.id, r.label, r.from_span_id, r.to_span_id FROM relations r "
            "JOIN annotators a ON a.id = r.annotator_id "
            "JOIN spans f ON f.id = r.from_span_id JOIN spans t ON t.id = r.to_span_id "
            "WHERE a.name = ? AND (f.document_id = ? OR t.document_id = ?) ORDER BY r.id",
            (annotator, document_id, document_id),
        ).fetchall()
    return [{"id": r[0], "label": r[1], "from": r[2], "to": r[3]} for r in rows]


def db_status(project: Project | Path | str, annotator: str, document_id: int) -> str:
    with _db(project) as db:
        row = db.execute(
            "SELECT st.status FROM document_states st JOIN annotators a ON a.id = st.annotator_id "
            "WHERE st.document_id = ? AND a.name = ?",
            (document_id, annotator),
        ).fetchone()
    return row[0] if row else "new"


def db_done_count(project: Project | Path | str, annotator: str) -> int:
    with _db(project) as db:
        return db.execute(
            "SELECT count(*) FROM document_states st JOIN annotators a ON a.id = st.annotator_id "
            "WHERE a.name = ? AND st.status = 'done'",
            (annotator,),
        ).fetchone()[0]


def db_dump(project: Project | Path | str) -> dict[str, list[tuple[Any, ...]]]:
    """Spans, relations and document states, without timestamps: equal dumps mean equal annotations."""
    with _db(project) as db:
        return {
            "spans": db.execute(
                'SELECT id, uid, document_id, annotator_id, label, start, "end", text, attributes, note FROM spans ORDER BY id'
            ).fetchall(),
            "relations": db.execute(
                "SELECT id, uid, label, from_span_id, to_span_id, annotator_id, attributes, note FROM relations ORDER BY id"
            ).fetchall(),
            "states": db.execute(
                "SELECT document_id, annotator_id, status FROM document_states ORDER BY document_id, annotator_id"
            ).fetchall(),
        }


def documents_of_change(before: dict[str, list[tuple[Any, ...]]], after: dict[str, list[tuple[Any, ...]]]) -> set[int]:
    """The documents whose spans or relations differ between two `db_dump`s."""
    document_of = {row[0]: row[2] for row in (*before["spans"], *after["spans"])}
    changed: set[int] = set()
    for table, span_columns in (("spans", ()), ("relations", (3, 4))):
        old = {row[0]: row for row in before[table]}
        new = {row[0]: row for row in after[table]}
        for key in old.keys() | new.keys():
            if old.get(key) == new.get(key):
                continue
            for row in (old.get(key), new.get(key)):
                if row is None:
                    continue
                if table == "spans":
                    changed.add(row[2])
                changed.update(document_of[row[c]] for c in span_columns if row[c] in document_of)
    return changed


def copy_project(source: Path, target: Path) -> None:
    """A copy of a project file through SQLite's backup API (the -wal file may hold live data)."""
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)

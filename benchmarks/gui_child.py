"""Measured in a fresh process: start to an interactive window, opening a long article, keypress to span."""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.corpus import peak_rss_mb  # noqa: E402


def start(project_path: Path) -> dict:
    from annotator.app import make_application, show_started
    from annotator.storage.project import Project
    from annotator.ui.main_window import MainWindow

    app = make_application()
    window = MainWindow(Project.open(project_path), annotator="bench")
    show_started(window)
    app.processEvents()
    window.article_view.viewport().repaint()
    return {"start_s": time.perf_counter() - STARTED, "rss_mb": peak_rss_mb()}


def editing(project_path: Path) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from annotator.app import make_application, show_started
    from annotator.core.arabic import tokens
    from annotator.core.model import DocumentId
    from annotator.services.documents.progress import document_text
    from annotator.services.annotation.tagging import TaggingService
    from annotator.storage.project import Project
    from annotator.ui.main_window import MainWindow

    app = make_application()
    project = Project.open(project_path)
    window = MainWindow(project, annotator="bench")
    show_started(window)
    app.processEvents()
    opened = []
    for _ in range(8):  # document 1: 50,000 characters with 2,000 spans
        window.controller.ensure_open(DocumentId(2))
        app.processEvents()
        began = time.perf_counter()
        window.controller.ensure_open(DocumentId(1))
        window.article_view.viewport().repaint()
        opened.append(time.perf_counter() - began)
    window.controller.ensure_open(DocumentId(2))  # document 2: 5,000 characters with 200 spans
    app.processEvents()
    words = tokens(document_text(project, DocumentId(2)))
    taken = {(s.start, s.end) for s in TaggingService(project, annotator="bench").spans(DocumentId(2))}
    free = [w for w in words if (w.start, w.end) not in taken][:150]
    pressed = []
    for word in free:
        window.article_view.select_range(word.start, word.end)
        began = time.perf_counter()
        QTest.keyClick(window.article_view, Qt.Key.Key_3)
        window.article_view.viewport().repaint()
        pressed.append(time.perf_counter() - began)
    return {"open": opened[1:], "keypress": pressed}


def corpus(project_path: Path, documents: int) -> dict:
    """On a large corpus: start to the window, then opening random articles and filtering or sorting the
    document list (each through the window, as a click would, and painted)."""
    import random

    from annotator.core.model import DocumentId

    started = start(project_path)
    from PySide6.QtWidgets import QApplication

    from annotator.ui.main_window import MainWindow

    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    rng = random.Random(11)
    opened = []
    for _ in range(9):
        began = time.perf_counter()
        window.controller.ensure_open(DocumentId(rng.randint(1, documents)))
        window.article_view.viewport().repaint()
        opened.append(time.perf_counter() - began)
    listed = []
    bar = window.document_filter
    for combo, index in ((bar.order, 1), (bar.order, 2), (bar.order, 0), (bar.label, 1), (bar.label, 2), (bar.label, 0),
                         (bar.status, 1), (bar.status, 0)):
        began = time.perf_counter()
        combo.setCurrentIndex(index)
        app.processEvents()
        window.document_list.viewport().repaint()
        listed.append(time.perf_counter() - began)
    return {"start_s": started["start_s"], "start_rss_mb": started["rss_mb"], "open": opened[1:], "list": listed, "rss_mb": peak_rss_mb()}


if __name__ == "__main__":
    kind, path = sys.argv[1], Path(sys.argv[2])
    print(json.dumps(start(path) if kind == "start" else corpus(path, int(sys.argv[3])) if kind == "corpus" else editing(path)))
    sys.stdout.flush()
    os._exit(0)

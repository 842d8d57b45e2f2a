"""Starts the window: right-to-left layout, shipped fonts, translations, the project to open."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, QLibraryInfo, QSettings, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from annotator import paths
from annotator.core.errors import AnnotatorError
from annotator.services.io.demo import DEMO_ANNOTATOR, ensure_demo_project
from annotator.services.team.identity import (
    Role,
    default_annotator,
    identify,
    remember_identity,
    remembered_identity,
)
from annotator.storage.location import location
from annotator.storage.project import Project
from annotator.ui.display import LANGUAGE_PROPERTY
from annotator.ui.texts import isolate

UI_FONT_FAMILIES = ["Noto Sans", "Noto Naskh Arabic", "DejaVu Sans"]
LANGUAGES = ("ar", "en")
LANGUAGE_KEY = "interface/language"
# The window never blocks on another writer longer than this: the controller retries instead, and says so.
WINDOW_BUSY_TIMEOUT_MS = 150
# A project file this large may take seconds to open (its daily backup copies it): a notice shows meanwhile.
LARGE_PROJECT_BYTES = 200 * 1024 * 1024


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="annotator", description="Tag claims, sources and cues in Arabic news.")
    parser.add_argument("project", nargs="?", type=location, help="project file or postgresql+psycopg:// URL (default: the demo project)")
    parser.add_argument("--annotator", default=None, help="who you are (default: the last identity used in this project, else your user name)")
    parser.add_argument("--role", choices=[role.value for role in Role], help="set your role in this project")
    parser.add_argument("--lang", choices=LANGUAGES, help="interface language, remembered (default: Arabic)")
    return parser.parse_args(argv)


def interface_language(requested: str | None) -> str:
    """The language asked for (and remembered from now on), else the remembered one, else Arabic."""
    settings = QSettings("annotator", "annotator")
    if requested in LANGUAGES:
        settings.setValue(LANGUAGE_KEY, requested)
        return requested
    remembered = settings.value(LANGUAGE_KEY, "ar")
    return remembered if remembered in LANGUAGES else "ar"


def make_application(argv: list[str] | None = None, *, language: str = "en") -> QApplication:
    """The application object; the interface is Arabic and right to left, or English and left to right.
    (The article view always lays out its text right to left, whatever the interface.)"""
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("annotator")
    app.setProperty(LANGUAGE_PROPERTY, language)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight)
    for font_file in sorted(paths.FONTS.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font_file))
    font = QFont()
    font.setFamilies(UI_FONT_FAMILIES)
    font.setPointSize(10)
    app.setFont(font)
    for installed in app.findChildren(QTranslator):
        app.removeTranslator(installed)
    if language != "en":
        translator = QTranslator(app)
        if translator.load(f"annotator_{language}", str(paths.TRANSLATIONS)):
            app.installTranslator(translator)
        else:
            print(f"annotator: no {language} translation in {paths.TRANSLATIONS} (run make); the interface stays English", file=sys.stderr)
        qt_own = QTranslator(app)  # Qt's own buttons and dialogs (OK, Cancel, file dialogs), shipped with PySide6
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
    return app


def open_for_window(path: Path | None) -> Project:
    """The project the window works on, with a short busy timeout: a window must never freeze on a lock."""
    if path is None:
        ensure_demo_project().close()
        path = paths.demo_project_path()
    if Project.exists(path):
        return Project.open(path, busy_timeout_ms=WINDOW_BUSY_TIMEOUT_MS)
    return Project.create(path, busy_timeout_ms=WINDOW_BUSY_TIMEOUT_MS)


def opening_notice(path: object) -> QWidget | None:
    """Opening a large project file can take a while (its daily backup, an upgrade of its schema): a small window
    says so meanwhile, rather than nothing at all."""
    if not isinstance(path, Path) or not path.is_file() or path.stat().st_size < LARGE_PROJECT_BYTES:
        return None
    notice = QLabel(QCoreApplication.translate("app", "Opening %1…").replace("%1", isolate(path.name)))
    notice.setObjectName("openingNotice")
    notice.setWindowFlags(Qt.WindowType.SplashScreen)
    notice.setMargin(24)
    notice.show()
    # Painted only once the window system shows the window; the backup that follows blocks every later paint.
    shown = QElapsedTimer()
    shown.start()
    handle = notice.windowHandle()
    while handle is not None and not handle.isExposed() and shown.elapsed() < 500:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    notice.repaint()
    QApplication.processEvents()
    return notice


def show_started(window: QWidget) -> None:
    """Show the window once start-up is done. What start-up made (Qt's wrappers, the modules, the scheme) lives as
    long as the window: moved out of the collector's way, a full collection while an article opens no longer
    walks it (60 ms at 2,000 spans)."""
    window.show()
    QTimer.singleShot(0, gc.freeze)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    app = make_application([sys.argv[0]], language=interface_language(args.lang))
    from annotator.ui.main_window import MainWindow

    notice = opening_notice(args.project)
    try:
        project = open_for_window(args.project)
        # On the demo project a first start tags as the demo annotator, so its layer is there to see.
        # On a shared server each person is their database login; the project-wide remembered identity is a file's.
        login = project.path.url.username if project.is_server else None
        remembered = None if project.is_server else remembered_identity(project)
        name = args.annotator or login or remembered or (DEMO_ANNOTATOR if args.project is None else default_annotator())
        identity = identify(project, name, Role(args.role) if args.role else None)
        if not project.read_only and not project.is_server:
            remember_identity(project, identity)
    except AnnotatorError as error:
        print(f"annotator: {error}", file=sys.stderr)
        QMessageBox.critical(None, QCoreApplication.translate("app", "Cannot open the project"), str(error))
        return 1
    finally:
        if notice is not None:
            notice.close()
    window = MainWindow(project, annotator=identity.name, welcome=args.project is None)
    show_started(window)
    try:
        return app.exec()
    finally:
        project.close()

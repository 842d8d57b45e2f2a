"""Screenshots for the user guide (docs/guide.ar.md, docs/guide.en.md), and of the main views at common screen sizes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py     (or: make docs)
    .venv/bin/python docs/make_screenshots.py --screens                     (or: make screens)

The guide's pictures are taken at 1366×768 into docs/images/<lang>/; --screens takes the main window, the
adjudication view, the agreement view and the export dialog at 1280×800 and 1920×1080 into docs/screens/<lang>/.

Builds the demo project in a temporary folder and, in one subprocess per interface language (Qt allows one
QApplication per process), opens the window at 1366×768 and saves PNGs into docs/images/<lang>/. Settings live
under a temporary XDG_CONFIG_HOME, so nothing remembered on this machine (text size, welcome seen, identity)
changes the pictures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
LANGUAGES = ("ar", "en")
GUIDE_SIZE = (1366, 768)
SCREEN_SIZES = ((1280, 800), (1920, 1080))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGUAGES, help="(internal) take the pictures for one language")
    parser.add_argument("--project", type=Path, help="(internal) the demo project to open")
    parser.add_argument("--size", default="", help="(internal) the screen size, WIDTHxHEIGHT")
    parser.add_argument("--screens", action="store_true", help="the main views at 1280×800 and 1920×1080 (docs/screens/)")
    args = parser.parse_args()
    if args.lang:
        width, height = (int(part) for part in args.size.split("x"))
        if args.screens:
            return shoot_views(args.lang, args.project, width, height)
        return shoot(args.lang, args.project, width, height)
    runs = [(size, True) for size in SCREEN_SIZES] if args.screens else [(GUIDE_SIZE, False)]
    for (width, height), screens in runs:
        code = take(width, height, screens)
        if code:
            return code
    return 0


def take(width: int, height: int, screens: bool) -> int:
    with tempfile.TemporaryDirectory(prefix="annotator-docs-") as tmp:
        tmp_path = Path(tmp)
        env = dict(os.environ)
        env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
        env["XDG_DATA_HOME"] = str(tmp_path / "data")
        env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
        # An offscreen screen of the pictures' size, so the window and dialogs are laid out as on such a screen.
        screen = {
            "screens": [{"name": "docs", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]
        }
        config = tmp_path / "offscreen.json"
        config.write_text(json.dumps(screen), encoding="utf-8")
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        env["LANG"] = env["LC_ALL"] = "C.UTF-8"
        for lang in LANGUAGES:
            project = tmp_path / lang / "demo.annotator.db"  # a fresh demo per language: the same starting point
            project.parent.mkdir()
            build_demo(project, env)
            # Run in the temporary folder with a relative project path: the export dialog's default path is then
            # the same on every run (a random folder name would shift the text in its path field).
            command = [sys.executable, str(Path(__file__).resolve()), "--lang", lang, "--project", str(project.relative_to(tmp_path)),
                       "--size", f"{width}x{height}", *(["--screens"] if screens else [])]
            result = subprocess.run(command, env=env, cwd=tmp_path)
            if result.returncode:
                print(f"make_screenshots: the {lang} pictures failed", file=sys.stderr)
                return result.returncode
    return 0


def build_demo(project: Path, env: dict[str, str]) -> None:
    code = "import sys; from pathlib import Path; from annotator.services.io.demo import ensure_demo_project; ensure_demo_project(Path(sys.argv[1])).close()"
    subprocess.run([sys.executable, "-c", code, str(project)], env=env, cwd=ROOT, check=True)


class Camera:
    """One language's application, settled before each picture."""

    def __init__(self, lang: str, out: Path, size: tuple[int, int]) -> None:
        from PySide6.QtTest import QTest

        from annotator.app import make_application

        self.app = make_application(language=lang)
        self.app.setCursorFlashTime(0)  # a caret that does not blink: the same pictures on every run
        self.wait = QTest.qWait
        self.out = out
        self.size = size
        out.mkdir(parents=True, exist_ok=True)

    def settle(self) -> None:
        for _ in range(5):
            self.app.processEvents()
            self.wait(20)

    def save(self, widget: object, name: str) -> None:
        self.settle()
        path = self.out / f"{name}.png"
        if not widget.grab().save(str(path)):  # type: ignore[attr-defined]
            raise SystemExit(f"make_screenshots: could not write {path}")
        print(f"  {path.relative_to(ROOT)}")

    def open_window(self, project: object, annotator: str) -> object:
        from annotator.ui.main_window import MainWindow

        window = MainWindow(project, annotator=annotator)  # type: ignore[arg-type]
        window.resize(*self.size)
        window.show()
        window.activateWindow()
        self.settle()
        return window


def shoot_views(lang: str, project_path: Path, width: int, height: int) -> int:
    """The main window, the adjudication view, the agreement view and the export dialog, as a reviewer sees them."""
    from annotator.storage.project import Project

    camera = Camera(lang, DOCS / "screens" / lang, (width, height))
    project = Project.open(project_path)
    try:
        prefix = f"{width}x{height}"
        annotator = camera.open_window(project, "demo")
        annotator.select_span(next(span.id for span in annotator.controller.ordered_spans() if span.label == "CLAIM"), reveal=True)
        annotator.guidelines.toggle()
        camera.save(annotator, f"{prefix}-main")
        annotator.close()
        reviewer = camera.open_window(project, "rana")
        reviewer.views.open_adjudication()
        camera.save(reviewer.views.adjudication, f"{prefix}-adjudication")
        reviewer.views.adjudication.close()
        reviewer.views.open_agreement()
        camera.save(reviewer.views.agreement, f"{prefix}-agreement")
        reviewer.views.agreement.close()
        reviewer.export_dataset()
        reviewer.export_dialog.format.setFocus()
        camera.save(reviewer.export_dialog, f"{prefix}-export")
        reviewer.export_dialog.close()
        reviewer.close()
        camera.settle()
    finally:
        project.close()
    return 0


def shoot(lang: str, project_path: Path, width: int, height: int) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    from annotator.storage.project import Project
    from annotator.ui.main_window import MainWindow

    camera = Camera(lang, DOCS / "images" / lang, (width, height))
    settle, save = camera.settle, camera.save

    def open_window(annotator: str) -> MainWindow:
        return camera.open_window(project, annotator)  # type: ignore[return-value]

    def letter_claim(window: MainWindow) -> int:
        for span in window.controller.ordered_spans():
            if span.label == "CLAIM" and "رسالة مكتوبة" in span.text:
                return span.id
        raise SystemExit("make_screenshots: the letter's claim is not in the first article")

    project = Project.open(project_path)
    try:
        window = open_window("demo")
        save(window, "01-main-window")

        # F8 goes to the first cue suggestion (a WidgetShortcut: the article must have the focus).
        window.activateWindow()
        window.article_view.setFocus()
        settle()
        QTest.keyClick(window.article_view, Qt.Key.Key_F8)
        save(window, "04-cue-suggestion")

        window.select_span(letter_claim(window), reveal=True)
        window.article_view.setFocus()
        save(window, "02-claim-selected")

        QTest.keyClick(window.article_view, Qt.Key.Key_5)
        settle()
        picker = window.linker.picker
        if picker is None:
            raise SystemExit("make_screenshots: key 5 opened no link picker")
        save(picker, "03-link-picker")
        window.linker.cancel()
        settle()

        window.close()

        reviewer = open_window("rana")
        # Ctrl+L shows the next layer the reviewer may read: go on to the demo annotator's (read-only for rana).
        for _ in range(len(reviewer.layers.group.actions())):
            if reviewer.controller.layer == "demo":
                break
            QTest.keySequence(reviewer, QKeySequence("Ctrl+L"))
            settle()
        save(reviewer, "05-reviewer-layer")
        reviewer.views.open_adjudication()
        save(reviewer.views.adjudication, "06-adjudication")
        reviewer.views.adjudication.close()

        reviewer.views.open_agreement()
        save(reviewer.views.agreement, "07-agreement")
        reviewer.views.agreement.close()

        reviewer.export_dataset()
        reviewer.export_dialog.format.setFocus()  # not the path field, whose caret blinks
        save(reviewer.export_dialog, "08-export")
        reviewer.export_dialog.close()
        reviewer.close()
        settle()
    finally:
        project.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

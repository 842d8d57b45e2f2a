"""Screenshots for the user guide (docs/guide.ar.md, docs/guide.en.md).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py     (or: make docs)

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
WIDTH, HEIGHT = 1366, 768


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGUAGES, help="(internal) take the pictures for one language")
    parser.add_argument("--project", type=Path, help="(internal) the demo project to open")
    args = parser.parse_args()
    if args.lang:
        return shoot(args.lang, args.project)

    with tempfile.TemporaryDirectory(prefix="annotator-docs-") as tmp:
        tmp_path = Path(tmp)
        env = dict(os.environ)
        env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
        env["XDG_DATA_HOME"] = str(tmp_path / "data")
        env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
        # An offscreen screen of the pictures' size, so the window and dialogs are laid out as on such a screen.
        screen = {
            "screens": [{"name": "docs", "x": 0, "y": 0, "width": WIDTH, "height": HEIGHT, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]
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
            command = [sys.executable, str(Path(__file__).resolve()), "--lang", lang, "--project", str(project.relative_to(tmp_path))]
            result = subprocess.run(command, env=env, cwd=tmp_path)
            if result.returncode:
                print(f"make_screenshots: the {lang} pictures failed", file=sys.stderr)
                return result.returncode
    return 0


def build_demo(project: Path, env: dict[str, str]) -> None:
    code = "import sys; from pathlib import Path; from annotator.services.io.demo import ensure_demo_project; ensure_demo_project(Path(sys.argv[1])).close()"
    subprocess.run([sys.executable, "-c", code, str(project)], env=env, cwd=ROOT, check=True)


def shoot(lang: str, project_path: Path) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    from annotator.app import make_application
    from annotator.storage.project import Project

    app = make_application(language=lang)
    app.setCursorFlashTime(0)  # a caret that does not blink: the same pictures on every run
    from annotator.ui.main_window import MainWindow

    out = DOCS / "images" / lang
    out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
            QTest.qWait(20)

    def save(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"make_screenshots: could not write {path}")
        print(f"  {path.relative_to(ROOT)}")

    def open_window(annotator: str) -> MainWindow:
        window = MainWindow(project, annotator=annotator)
        window.resize(WIDTH, HEIGHT)
        window.show()
        window.activateWindow()
        settle()
        return window

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
        for _ in range(len(reviewer.layer_group.actions())):
            if reviewer.controller.layer == "demo":
                break
            QTest.keySequence(reviewer, QKeySequence("Ctrl+L"))
            settle()
        save(reviewer, "05-reviewer-layer")
        reviewer.open_adjudication()
        save(reviewer.adjudication_view, "06-adjudication")
        reviewer.adjudication_view.close()

        reviewer.open_agreement()
        save(reviewer.agreement_view, "07-agreement")
        reviewer.agreement_view.close()

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

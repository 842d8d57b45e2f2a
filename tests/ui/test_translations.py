"""The interface is translatable and the Arabic translation is complete (Qt's own lupdate is the judge)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "annotator" / "ui"
TS = ROOT / "resources" / "translations" / "annotator_ar.ts"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")

TEXT_METHODS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "showMessage", "setLabelText", "addItem",
    "addMenu", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setStatusTip", "setWhatsThis", "setTitle",
    "warning", "information", "critical", "question", "show_message", "setCancelButtonText",
}
TEXT_CLASSES = {"QLabel", "QAction", "QPushButton", "QGroupBox", "QCheckBox", "QToolButton", "QProgressDialog", "QRadioButton", "Row"}


def _wordy(node: ast.AST) -> bool:
    """A literal a person would read: it has letters (a symbol such as "—" or "•" needs no translation)."""
    if isinstance(node, ast.JoinedStr):
        return any(_wordy(part) for part in node.values if isinstance(part, ast.Constant))
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and any(
        unicodedata.category(ch).startswith("L") for ch in node.value
    )


def untranslated(source: str, filename: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in TEXT_METHODS and name not in TEXT_CLASSES:
            continue
        if name == "Row":
            arguments = node.args[1:2]  # a Row's first field is its object name
        elif name == "addItem":
            arguments = node.args[:1]  # the second is the item's data
        else:
            arguments = node.args
        for argument in arguments:
            if _wordy(argument):
                found.append(f"{filename}:{argument.lineno}: {ast.unparse(argument)[:60]} is shown untranslated")
    return found


def test_every_user_visible_string_in_the_interface_goes_through_tr() -> None:
    problems = [p for path in sorted(UI.glob("*.py")) for p in untranslated(path.read_text(encoding="utf-8"), path.name)]
    problems += untranslated((ROOT / "annotator" / "app.py").read_text(encoding="utf-8"), "app.py")
    assert problems == []


def test_the_checker_catches_a_bare_string() -> None:
    bad = "label = QLabel('Spans')\nwindow.statusBar().showMessage(f'{n} spans')\nRow('x', 'Quit', ())\nQLabel('—')\n"
    assert len(untranslated(bad, "bad.py")) == 3


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not installed beside this Python")
def test_lupdate_finds_no_unfinished_or_obsolete_arabic_entry(tmp_path: Path) -> None:
    copy = tmp_path / "annotator_ar.ts"
    shutil.copy(TS, copy)
    sources = [str(path) for path in sorted(UI.glob("*.py"))] + [str(ROOT / "annotator" / "app.py")]
    result = subprocess.run([str(LUPDATE), *sources, "-target-language", "ar", "-ts", str(copy)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    text = copy.read_text(encoding="utf-8")
    unfinished = text.count('type="unfinished"')
    obsolete = text.count('type="vanished"') + text.count('type="obsolete"')
    assert (unfinished, obsolete) == (0, 0), f"{unfinished} unfinished, {obsolete} obsolete: run `make translations` and translate"


def test_the_arabic_interface_is_arabic_and_right_to_left_with_qts_own_buttons() -> None:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from annotator.app import make_application

    app = make_application(language="ar")
    try:
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert QCoreApplication.translate("MainWindow", "&File") != "&File"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() not in ("Cancel", "&Cancel")
    finally:
        make_application(language="en")
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"

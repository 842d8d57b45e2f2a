"""File ▸ Export and File ▸ Import with preview, as a user drives them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.app import make_application
from annotator.core.model import DocumentId
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.project import Project
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.import_dialog import ImportPreview
from tests.conftest import add_document
from tests.ui.conftest import without_isolates

TEXT = "قال 😀 مسؤول كبير إن الرسالة وصلت."


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    return shown


def filled(project: Project) -> None:
    doc = DocumentId(add_document(project, TEXT, uid="d1"))
    TaggingService(project, annotator="lina").create_span(document_id=doc, start=6, end=17, label="SOURCE")


def test_export_dialog_writes_the_chosen_format_and_layer(qtbot: QtBot, project: Project, tmp_path: Path, messages: list[str]) -> None:
    make_application()
    filled(project)
    dialog = ExportDialog(project)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentText("labelstudio")
    assert dialog.path.text().endswith(".json")
    dialog.layer.setCurrentIndex(dialog.layer.findData("annotator:lina"))
    dialog.path.setText(str(tmp_path / "tasks.json"))
    dialog.run()
    [task] = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    assert task["annotations"][0]["completed_by"] == {"email": "lina@annotator.invalid"}
    [message] = messages
    assert without_isolates(message).startswith(f"Exported 1 document(s), 1 span(s), 0 relation(s) to {tmp_path / 'tasks.json'}.")
    assert "lina → lina@annotator.invalid" in message


def test_a_cancelled_export_from_the_dialog_leaves_no_file(qtbot: QtBot, project: Project, tmp_path: Path, messages: list[str]) -> None:
    make_application()
    filled(project)
    dialog = ExportDialog(project)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentText("parquet")
    dialog.path.setText(str(tmp_path / "dataset"))
    dialog.cancel_requested = True
    dialog.run()
    assert messages == ["Export cancelled; nothing was written."]
    assert list(tmp_path.iterdir()) == [p for p in tmp_path.iterdir() if p.name.startswith("project.db")]


def test_import_preview_names_formats_counts_and_problems(qtbot: QtBot, project: Project, tmp_path: Path) -> None:
    make_application()
    good = tmp_path / "doccano.jsonl"
    good.write_text(json.dumps({"id": 7, "text": TEXT, "entities": [{"id": 1, "label": "SOURCE", "start_offset": 6, "end_offset": 17}],
                                "relations": []}, ensure_ascii=False), encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    preview = ImportPreview(project, [good, bad])
    qtbot.addWidget(preview)
    rows = [[preview.table.item(r, c).text() for c in range(6)] for r in range(2)]
    assert rows[0] == ["doccano.jsonl", "doccano", "1", "1", "0", ""]
    assert rows[1][0] == "bad.txt" and "NUL byte" in rows[1][5]

"""File ▸ Export: format, layer and document filter; a progress bar with cancel; nothing half-written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.services.io.checked import export_as
from annotator.services.io.datasets import EXPORT_FORMATS, FOLDER_FORMATS, export_dataset
from annotator.services.io.exporting import ExportCancelled
from annotator.services.team.identity import GOLD, Identity, identities
from annotator.storage.project import Project
from annotator.ui.texts import isolate

SUFFIXES = {"jsonl": ".jsonl", "conll": ".conll", "conll2003": ".conll", "labelstudio": ".json", "doccano": ".jsonl",
            "checkthat": ".tsv", "arastance": ".jsonl", "parc": ".tsv"}


class ExportDialog(QDialog):
    def __init__(self, project: Project, parent: QWidget | None = None, *, acting: Identity | None = None) -> None:
        super().__init__(parent)
        # Who exports: given, else the window's identity; the export is refused what that identity may not read.
        self.acting: Identity | None = acting or getattr(parent, "identity", None)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.project = project
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        self.format.addItems(list(EXPORT_FORMATS))
        self.layer = QComboBox()
        self.layer.setObjectName("exportLayer")
        self.layer.addItem(self.tr("all layers"), "all")
        self.layer.addItem(self.tr("gold"), GOLD)
        for identity in identities(project):
            self.layer.addItem(identity.name, f"annotator:{identity.name}")
        self.documents = QComboBox()
        self.documents.setObjectName("exportDocuments")
        self.documents.addItem(self.tr("all documents"), None)
        self.documents.addItem(self.tr("documents marked done"), "done")
        self.documents.addItem(self.tr("documents in progress"), "in_progress")
        self.path = QLineEdit(str(project.path.with_name(project.path.stem + "-export.jsonl")))
        self.path.setObjectName("exportPath")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose)
        where = QHBoxLayout()
        where.addWidget(self.path, stretch=1)
        where.addWidget(browse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Layer"), self.layer)
        form.addRow(self.tr("Documents"), self.documents)
        form.addRow(self.tr("Save to"), where)
        form.addRow(buttons)
        self.format.currentTextChanged.connect(self._suffix)
        self.path.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 48))  # a whole path, not its last letters
        self.path.setCursorPosition(len(self.path.text()))  # the file's name and extension in view, where a long folder would hide them
        self.cancel_requested = False
        self.message = ""

    def _suffix(self, fmt: str) -> None:
        current = Path(self.path.text())
        stem = current.with_suffix("") if current.suffix else current
        self.path.setText(str(stem) + SUFFIXES.get(fmt, ""))

    def _choose(self) -> None:
        fmt = self.format.currentText()
        if fmt in FOLDER_FORMATS:
            chosen = QFileDialog.getSaveFileName(self, self.tr("New folder for the export"), self.path.text())[0]
        else:
            chosen = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text())[0]
        if chosen:
            self.path.setText(chosen)

    def run(self) -> None:
        fmt, out = self.format.currentText(), Path(self.path.text())
        progress = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, 100, self)
        progress.setObjectName("exportProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def step(done: int, total: int) -> bool:
            progress.setMaximum(max(total, 1))
            progress.setValue(done)
            QCoreApplication.processEvents()
            return not (self.cancel_requested or progress.wasCanceled())

        try:
            options = {"format": fmt, "layer": self.layer.currentData(), "status": self.documents.currentData(), "progress": step}
            if self.acting is not None:
                report = export_as(self.project, self.acting, out, **options)
            else:
                report = export_dataset(self.project, out, **options)
        except ExportCancelled:
            self.message = self.tr("Export cancelled; nothing was written.")
            QMessageBox.information(self, self.tr("Export"), self.message)
            return
        except (AnnotatorError, OSError) as error:
            self.message = str(error)
            QMessageBox.warning(self, self.tr("Export"), self.message)
            return
        finally:
            progress.close()
        lines = [
            self.tr("Exported %1 document(s), %2 span(s), %3 relation(s) to %4.")
            .replace("%1", isolate(str(report.documents))).replace("%2", isolate(str(report.spans)))
            .replace("%3", isolate(str(report.relations))).replace("%4", isolate(str(out)))
        ]
        lines += report.notes
        self.message = "\n".join(lines)
        QMessageBox.information(self, self.tr("Export"), self.message)
        self.accept()

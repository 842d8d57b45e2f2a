"""File ▸ Import: choose files, import them with a progress bar, report what was skipped and why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.services.io.datasets import detect_format, read_dataset
from annotator.services.io.importing import ImportReport, import_paths
from annotator.storage.project import Project


def choose_files(parent: QWidget, project: Project) -> list[Path]:
    """Ask for files and show what they hold; the paths to import (none when the user stopped)."""
    names, _filter = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("ImportDialog", "Import articles or annotated data"),
        str(Path.home()),
        QCoreApplication.translate("ImportDialog", 
            "Articles and datasets (*.txt *.jsonl *.json *.ann *.conll *.bio);;Plain text (*.txt);;JSON Lines: native or doccano (*.jsonl);;"
            "Label Studio (*.json);;brat (*.ann);;CoNLL / BIO (*.conll *.bio);;All files (*)"
        ),
    )
    if not names:
        return []
    paths = [Path(name) for name in names]  # a brat .ann chosen alone imports that article alone (its .txt beside it)
    preview = ImportPreview(project, list(dict.fromkeys(paths)), parent)
    if preview.exec() != QDialog.DialogCode.Accepted:
        return []
    return preview.paths


class ImportPreview(QDialog):
    """What each chosen file holds, or why it cannot be imported, before anything is written."""

    def __init__(self, project: Project, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(self.tr("Import: preview"))
        self.paths = paths
        self.table = QTableWidget(len(paths), 6)
        self.table.setObjectName("importPreviewTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Format"), self.tr("Documents"), self.tr("Spans"), self.tr("Relations"), self.tr("Problem")]
        )
        for row, path in enumerate(paths):
            cells = [path.name, "", "", "", "", ""]
            try:
                fmt = detect_format(path)
                documents = read_dataset(path, project.scheme, fmt)
                cells[1:5] = [fmt, str(len(documents)), str(sum(len(d.spans) for d in documents)),
                              str(sum(len(d.relations) for d in documents))]
            except AnnotatorError as error:
                cells[5] = f"\u2066{error}\u2069"  # an isolate keeps a left-to-right message readable in the RTL table
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Files with a problem are skipped; the others are imported each in one piece.")))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(820, 320)


def import_with_progress(parent: QWidget, project: Project, paths: list[Path], *, annotator: str) -> bool:
    """Import with a progress dialog and show the report; True when anything new arrived."""
    try:
        report = import_reporting_progress(parent, project, paths, annotator=annotator)
    except AnnotatorError as error:
        QMessageBox.warning(parent, QCoreApplication.translate("ImportDialog", "Import"), f"\u2066{error}\u2069")
        return False
    show_report(parent, report)
    return bool(report.changes)


def import_reporting_progress(parent: QWidget, project: Project, paths: list[Path], *, annotator: str) -> ImportReport:
    """Import with a progress dialog (a busy bar while the files are checked, then documents written).
    A project that cannot be written at all raises; the report says everything else."""
    progress = QProgressDialog(QCoreApplication.translate("ImportDialog", "Importing…"), QCoreApplication.translate("ImportDialog", "Cancel"), 0, 0, parent)
    progress.setObjectName("importProgress")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def step(done: int, total: int) -> bool:
        progress.setMaximum(total)  # 0 while the files are checked: a busy bar
        progress.setValue(done)
        QCoreApplication.processEvents()
        return not progress.wasCanceled()

    try:
        return import_paths(project, paths, annotator=annotator, progress=step)
    finally:
        progress.close()


def show_report(parent: QWidget, report: ImportReport) -> None:
    lines = [
        QCoreApplication.translate("ImportDialog", "Imported %1 document(s); %2 already in the project.")
        .replace("%1", str(len(report.imported)))
        .replace("%2", str(len(report.skipped)))
    ]
    lines.extend(f"\u2066{note}\u2069" for note in report.notes)
    if report.errors:
        lines.append(QCoreApplication.translate("ImportDialog", "These files were not imported, or not all of them (each error says what was):"))
        lines.extend(f"• \u2066{error}\u2069" for error in report.errors)
        QMessageBox.warning(parent, QCoreApplication.translate("ImportDialog", "Import"), "\n".join(lines))
    else:
        QMessageBox.information(parent, QCoreApplication.translate("ImportDialog", "Import"), "\n".join(lines))

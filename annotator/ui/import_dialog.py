"""File ▸ Import: choose files, import them with a progress bar, report what was skipped and why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from annotator.services.importing import import_paths
from annotator.storage.project import Project


def run_import(parent: QWidget, project: Project, *, annotator: str) -> bool:
    """Ask for files and import them; True when anything new arrived."""
    names, _filter = QFileDialog.getOpenFileNames(
        parent,
        parent.tr("Import articles"),
        str(Path.home()),
        parent.tr("Articles (*.txt *.jsonl);;Plain text (*.txt);;JSON Lines (*.jsonl);;All files (*)"),
    )
    if not names:
        return False
    return import_with_progress(parent, project, [Path(name) for name in names], annotator=annotator)


def import_with_progress(parent: QWidget, project: Project, paths: list[Path], *, annotator: str) -> bool:
    progress = QProgressDialog(parent.tr("Importing…"), parent.tr("Cancel"), 0, len(paths), parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def step(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        QCoreApplication.processEvents()
        return not progress.wasCanceled()

    report = import_paths(project, paths, annotator=annotator, progress=step)
    progress.close()
    lines = [
        parent.tr("Imported %1 document(s); %2 already in the project.")
        .replace("%1", str(len(report.imported)))
        .replace("%2", str(len(report.skipped)))
    ]
    if report.errors:
        lines.append(parent.tr("These files were not imported, and nothing of them was changed:"))
        lines.extend(f"• {error}" for error in report.errors)
        QMessageBox.warning(parent, parent.tr("Import"), "\n".join(lines))
    else:
        QMessageBox.information(parent, parent.tr("Import"), "\n".join(lines))
    return bool(report.imported)

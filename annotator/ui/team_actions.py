"""Team work in the window: switch identity, merge colleagues' files, assign documents, blind mode."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
)

from annotator.core.errors import AnnotatorError
from annotator.services.team.identity import Role, assign, blind_mode, identify, identities, remember_identity, set_blind_mode

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class IdentityDialog(QDialog):
    """Pick or create who you are in this project: a name and a role."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("identityDialog")
        self.setWindowTitle(self.tr("Who is working?"))
        self.name = QComboBox()
        self.name.setObjectName("identityName")
        self.name.setEditable(True)
        self.name.addItems([identity.name for identity in identities(window.project)])
        self.name.setCurrentText(window.identity.name)
        self.role = QComboBox()
        self.role.setObjectName("identityRole")
        self.role.addItem(self.tr("annotator"), Role.ANNOTATOR.value)
        self.role.addItem(self.tr("reviewer"), Role.REVIEWER.value)
        self.role.setCurrentIndex(self.role.findData(window.identity.role.value))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(buttons)


class TeamActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def switch_identity(self) -> None:
        dialog = IdentityDialog(self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.apply_identity(dialog.name.currentText(), Role(dialog.role.currentData()))

    def apply_identity(self, name: str, role: Role) -> None:
        try:
            identity = identify(self.window.project, name, role)
        except AnnotatorError as error:
            QMessageBox.warning(self.window, self.tr("Identity"), str(error))
            return
        remember_identity(self.window.project, identity)
        self.window.reopen_as(identity.name)

    def merge(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self.window, self.tr("Merge project files"), str(Path.home()), self.tr("Projects (*.db);;All files (*)")
        )
        if names:
            self.merge_files([Path(name) for name in names])

    def merge_files(self, paths: list[Path]) -> None:
        from annotator.services.team.merging import merge_paths

        report = merge_paths(self.window.project, paths)
        text = self.tr("Merged %1 new document(s), %2 span(s), %3 relation(s).").replace("%1", str(report.documents)).replace(
            "%2", str(report.spans)
        ).replace("%3", str(report.relations))
        if report.errors:
            text += "\n" + self.tr("Not merged, and nothing of them changed:") + "\n" + "\n".join(f"• {e}" for e in report.errors)
            QMessageBox.warning(self.window, self.tr("Merge"), text)
        else:
            QMessageBox.information(self.window, self.tr("Merge"), text)
        self.window.reload_documents()

    def assign_current(self) -> None:
        document = self.window.controller.document
        if document is None:
            return
        dialog = IdentityDialog(self.window)
        dialog.setWindowTitle(self.tr("Assign this document to…"))
        dialog.role.setEnabled(False)
        dialog.name.setCurrentText("")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.assign_to(dialog.name.currentText(), [document.id])

    def assign_to(self, name: str, document_ids: list) -> None:
        try:
            added = assign(self.window.project, self.window.identity, annotator=name, documents=document_ids)
        except AnnotatorError as error:
            QMessageBox.warning(self.window, self.tr("Assign"), str(error))
            return
        self.window.statusBar().showMessage(self.tr("Assigned %1 document(s) to %2.").replace("%1", str(added)).replace("%2", name), 5000)

    def set_blind(self, on: bool) -> None:
        try:
            set_blind_mode(self.window.project, self.window.identity, on)
        except AnnotatorError as error:
            QMessageBox.warning(self.window, self.tr("Blind mode"), str(error))

    def blind(self) -> bool:
        return blind_mode(self.window.project)

"""The windows opened over the project from the main window: adjudication, the agreement figures, the claims
table and the claim network, kept so that a colleague's commit can bring them up to date."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId, SpanId
from annotator.ui.controller import Controller, Level


class OpenedViews(QObject):
    def __init__(self, controller: Controller, window: QWidget, *, open_at: Callable[[DocumentId, SpanId | None], None],
                 report: Callable[[str, Level], None]) -> None:
        super().__init__(window)
        self.controller = controller
        self.window = window
        self._open_at = open_at
        self._report = report
        self.adjudication: Any = None
        self.agreement: Any = None
        self.claims: Any = None
        self.network: Any = None

    def open_adjudication(self) -> None:
        from annotator.ui.adjudication_view import AdjudicationView

        document = self.controller.document
        if document is None:
            return
        try:
            view = AdjudicationView(self.controller, document_id=document.id, parent=self.window)
        except AnnotatorError as error:
            QMessageBox.warning(self.window, self.tr("Adjudication"), str(error))
            return
        view.show()
        self.adjudication = view

    def open_claims(self) -> None:
        """The table opens at once; the claims are read on a worker thread and fill it when they arrive."""
        from annotator.ui.claims_view import ClaimsView

        view = ClaimsView([], self.controller.project.scheme, parent=self.window,
                          open_claim=lambda claim: self._open_at(DocumentId(claim.document_id), claim.span_id))
        view.show()
        view.table.setFocus()
        self.claims = view
        view.load(self._claims_reader())

    def _claims_reader(self) -> Callable[[], list[Any]]:
        """Reads the claims of the layer shown now, on whatever thread calls it (it touches no widget)."""
        from annotator.services.corpus.tables import claim_rows

        project, identity, layer = self.controller.project, self.controller.identity, self.controller.layer
        return lambda: claim_rows(project, identity, layers=[layer])

    def open_claim_network(self) -> None:
        from annotator.ui.claim_network import ClaimNetworkView

        try:
            view = ClaimNetworkView(self.controller, self.window)
        except AnnotatorError as error:
            self._report(str(error), Level.ERROR)
            return
        view.show()
        self.network = view

    def open_agreement(self) -> None:
        from annotator.services.team.agreement import compute_agreement  # numpy and krippendorff: loaded when asked for
        from annotator.services.team.identity import check_agreement
        from annotator.ui.agreement_view import AgreementView

        project = self.controller.project
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            check_agreement(project, self.controller.identity)  # in blind mode the figures are a reviewer's, as on the command line
            report = compute_agreement(project)
        except AnnotatorError as error:
            self._report(str(error), Level.ERROR)
            return
        finally:
            QApplication.restoreOverrideCursor()
        view = AgreementView(report, parent=self.window, scheme=project.scheme)
        view.show()
        self.agreement = view

    def refresh(self) -> None:
        """Someone else committed: an open adjudication and claims table are read again."""
        if self.adjudication is not None and self.adjudication.isVisible():
            self.adjudication.reload()
        if self.claims is not None and self.claims.isVisible():
            self.claims.load(self._claims_reader())

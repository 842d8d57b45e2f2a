"""The reviewer's undoable actions on the gold layer: each runs one adjudication call (one transaction) and returns its Changes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.changes import Changes
from annotator.core.model import DocumentId, DocumentStatus
from annotator.services.annotation.adjudication import Adjudication, Group, LinkGroup, Version
from annotator.ui.commands import Command
from annotator.ui.display import label_title
from annotator.ui.texts import isolate, short


class _OnGold(Command):
    """An action of the reviewer on the gold layer of one document."""

    def __init__(self, adjudication: Adjudication, text: str, document_id: DocumentId) -> None:
        super().__init__(text, document_id)
        self.adjudication = adjudication
        self.document = document_id


class _IntoGold(_OnGold):
    """Writes gold rows the first time; undo takes them back, redo puts the very same rows back (same ids)."""

    def __init__(self, adjudication: Adjudication, text: str, document_id: DocumentId) -> None:
        super().__init__(adjudication, text, document_id)
        self.added: Changes | None = None
        self._removed: Changes | None = None

    def create(self) -> Changes:
        raise NotImplementedError

    def do(self) -> Changes:
        self.added = self.create() if self._removed is None else self.adjudication.restore(self._removed)
        return self.added

    def revert(self) -> Changes:
        assert self.added is not None
        self._removed = self.adjudication.withdraw(self.added)
        return self._removed


class AcceptVersion(_IntoGold):
    def __init__(self, adjudication: Adjudication, *, document_id: DocumentId, version: Version) -> None:
        text = QCoreApplication.translate("adjudication", "Accept %1 «%2» into gold").replace("%1", isolate(label_title(adjudication.project.scheme, version.label))).replace("%2", short(version.text))
        super().__init__(adjudication, text, document_id)
        self.version = version

    def create(self) -> Changes:
        return self.adjudication.accept(self.document, self.version)


class AcceptAllAgreeing(_IntoGold):
    def __init__(self, adjudication: Adjudication, *, document_id: DocumentId) -> None:
        super().__init__(adjudication, QCoreApplication.translate("adjudication", "Accept all that agree"), document_id)

    def create(self) -> Changes:
        return self.adjudication.accept_all_agreeing(self.document)


class AcceptLink(_IntoGold):
    def __init__(self, adjudication: Adjudication, *, document_id: DocumentId, link: LinkGroup) -> None:
        text = QCoreApplication.translate("adjudication", "Accept link %1 «%2»").replace("%1", isolate(label_title(adjudication.project.scheme, link.label))).replace("%2", short(link.source_text))
        super().__init__(adjudication, text, document_id)
        self.link = link

    def create(self) -> Changes:
        return self.adjudication.accept_link(self.document, self.link)


class RejectGroup(_OnGold):
    """Reject a group: its gold spans (and their links) go and the group is marked; undo puts both back at once."""

    def __init__(self, adjudication: Adjudication, *, document_id: DocumentId, group: Group) -> None:
        super().__init__(adjudication, QCoreApplication.translate("adjudication", "Reject «%1»").replace("%1", short(group.versions[0].text)), document_id)
        self.group = group
        self._removed: Changes | None = None

    def do(self) -> Changes:
        self._removed = self.adjudication.reject(self.document, self.group)
        return self._removed

    def revert(self) -> Changes:
        assert self._removed is not None
        return self.adjudication.unreject(self.document, self.group, self._removed)


class RejectLink(_OnGold):
    def __init__(self, adjudication: Adjudication, *, document_id: DocumentId, link: LinkGroup) -> None:
        text = QCoreApplication.translate("adjudication", "Reject link %1 «%2»").replace("%1", isolate(label_title(adjudication.project.scheme, link.label))).replace("%2", short(link.source_text))
        super().__init__(adjudication, text, document_id)
        self.link = link

    def do(self) -> Changes:
        return self.adjudication.reject_link(self.document, self.link)

    def revert(self) -> Changes:
        return self.adjudication.reject_link(self.document, self.link, rejected=False)


class SetAdjudicationStatus(_OnGold):
    """The gold layer's status on the document (checked: only a reviewer writes it); undo restores the one before."""

    def __init__(self, adjudication: Adjudication, *, document_id: DocumentId, status: DocumentStatus) -> None:
        text = QCoreApplication.translate("adjudication", "Mark adjudication done") if status == DocumentStatus.DONE else QCoreApplication.translate("adjudication", "Mark adjudication not done")
        super().__init__(adjudication, text, document_id)
        self.status = status
        self.previous: DocumentStatus | None = None

    def do(self) -> Changes:
        if self.previous is None:
            self.previous = self.adjudication.status(self.document)
        return self.adjudication.set_status(self.document, self.status)

    def revert(self) -> Changes:
        assert self.previous is not None
        return self.adjudication.set_status(self.document, self.previous)

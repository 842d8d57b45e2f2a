"""Claims like the selected one, anywhere in the corpus, best first, each with the link it is offered as (same
claim, support or contradiction). Enter makes that link; double-click (or Alt+Enter) goes to the claim."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId, SpanId, SpanRecord
from annotator.services.corpus.claims import ClaimLinks, SimilarClaim, similar_claims
from annotator.ui.commands import Link, OneOff
from annotator.ui.controller import Controller, Level
from annotator.ui.display import label_title
from annotator.ui.texts import isolate, plain_tooltip, short

SHOWN = 6


class SimilarClaims(QGroupBox):
    def __init__(self, controller: Controller, open_at: Callable[[DocumentId, SpanId], None], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Similar claims in the corpus"), parent)
        self.setObjectName("similarClaims")
        self.controller = controller
        self.open_at = open_at
        scheme = controller.project.scheme
        self.claim_label = scheme.span_role("claim")
        self.relation_of = {"support": scheme.relation_role("support"), "contradiction": scheme.relation_role("contradiction")}
        self.list = QListWidget()
        self.list.setObjectName("similarClaimsList")
        self.list.setWordWrap(True)
        self.list.itemDoubleClicked.connect(lambda _item: self.go())
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        self.found: list[SimilarClaim] = []
        self.origin: SpanRecord | None = None
        for text, keys, slot in ((self.tr("Link as offered"), ("Return", "Enter"), self.link),
                                 (self.tr("Go to the claim"), ("Alt+Return",), self.go)):
            action = QAction(text, self.list)
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.list.addAction(action)
        self.show_claim(None)

    def show_claim(self, span: SpanRecord | None) -> None:
        self.origin = span if span is not None and span.label == self.claim_label else None
        self.setVisible(self.origin is not None)
        self.list.clear()
        if self.origin is None:
            return
        try:
            self.found = similar_claims(self.controller.project, self.origin.text, layers=[self.controller.layer],
                                        exclude=self.origin.id, limit=SHOWN)
        except AnnotatorError as error:
            self.controller.message.emit(str(error), Level.WARNING)
            self.found = []
        words = {"same": self.tr("same claim"), "support": self.tr("support"), "contradiction": self.tr("contradiction")}
        for claim in self.found:
            offered = words.get(claim.relation, claim.relation)
            relation = self.relation_of.get(claim.relation)
            if relation:
                offered = label_title(self.controller.project.scheme, relation)
            item = QListWidgetItem(f"{isolate(offered)} · {isolate(short(claim.text, 60))} — {isolate(short(claim.document_title, 30))}")
            item.setToolTip(plain_tooltip(f"{claim.text}\n{claim.document_title}\n{claim.score:.2f}"))
            self.list.addItem(item)
        if not self.found:
            self.list.addItem(self.tr("No similar claim in the corpus."))

    def current(self) -> SimilarClaim | None:
        row = self.list.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None

    def go(self) -> None:
        claim = self.current()
        if claim is not None:
            self.open_at(claim.document_id, claim.span_id)

    def link(self) -> None:
        claim, origin = self.current(), self.origin
        if claim is None or origin is None:
            return
        relation = self.relation_of.get(claim.relation)
        if relation:
            self.controller.perform(Link(self.controller.relation_service, label=relation, from_span=origin, to_span=claim.span_id))
            return
        links = ClaimLinks(self.controller.project, self.controller.identity)
        self.controller.perform(OneOff(self.tr("Same claim"), lambda: links.link(origin.id, claim.span_id), origin.document_id))

"""Which layer the window shows: one checkable action per layer this identity may read, Ctrl+L for the next."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

from annotator.core.errors import AnnotatorError
from annotator.services.team.identity import GOLD, readable_layers
from annotator.ui.controller import Controller, Level
from annotator.ui.texts import isolate


class LayerActions(QObject):
    def __init__(self, controller: Controller, window: QWidget, *, shown: Callable[[], None], report: Callable[[str, Level], None]) -> None:
        super().__init__(window)
        self.controller = controller
        self._shown = shown
        self._report = report
        self.group = QActionGroup(window)

    def actions(self) -> list[QAction]:
        identity = self.controller.identity
        actions = []
        for layer in readable_layers(self.controller.project, identity):
            caption = self.tr("Gold layer") if layer == GOLD else self.tr("Layer of %1").replace("%1", isolate(layer))
            if layer == identity.name:
                caption = self.tr("My layer (%1)").replace("%1", isolate(layer))
            action = QAction(caption, self.group)
            action.setObjectName(f"layer:{layer}")
            action.setCheckable(True)
            action.setChecked(layer == self.controller.layer)
            action.triggered.connect(lambda _checked=False, name=layer: self.show(name))
            actions.append(action)
        cycle = QAction(self.tr("Show the &next layer"), self.group.parent())
        cycle.setObjectName("nextLayer")
        cycle.setShortcut(QKeySequence("Ctrl+L"))
        cycle.triggered.connect(self.show_next)
        return [*actions, cycle]

    def show(self, layer: str) -> None:
        try:
            self.controller.show_layer(layer)
        except AnnotatorError as error:
            self._report(str(error), Level.ERROR)
        self._shown()

    def show_next(self) -> None:
        layers = [action.objectName().removeprefix("layer:") for action in self.group.actions()]
        if len(layers) > 1:
            self.show(layers[(layers.index(self.controller.layer) + 1) % len(layers)])
        else:
            self._report(self.tr("Only your own layer can be shown (blind mode)."), Level.INFO)

    def mark(self) -> None:
        """Check the action of the layer shown."""
        for action in self.group.actions():
            action.setChecked(action.objectName() == f"layer:{self.controller.layer}")

"""The claim network's picture: the wheel zooms, a drag pans, a click selects and opens, arrows step through nodes."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView

from annotator.ui.network_scene import NetworkScene

MAX_FIT_ZOOM = 4.0


class Navigator(Protocol):
    """What the picture asks of the window around it."""

    scene: NetworkScene

    def select(self, key: str | None) -> None: ...

    def open_selected(self) -> None: ...

    def step(self, delta: int) -> None: ...


class NetworkView(QGraphicsView):
    """The picture: the wheel zooms, a drag pans, a click selects (and opens a claim), arrows step through nodes."""

    def __init__(self, scene: NetworkScene, owner: Navigator) -> None:
        super().__init__(scene)
        self.owner = owner
        self.setObjectName("claimNetworkPicture")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(QColor("#ffffff"))
        self._pressed: QPointF | None = None
        self.fitted = True
        self._relabel = QTimer(self, singleShot=True, interval=120)
        self._relabel.timeout.connect(scene.refresh_labels)

    def key_at(self, point: QPointF) -> str | None:
        scene = self.scene()
        assert isinstance(scene, NetworkScene)
        return scene.key_at(self.itemAt(point.toPoint()))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        self._pressed = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, None
        if event.button() != Qt.MouseButton.LeftButton or pressed is None:
            return
        if (event.position() - pressed).manhattanLength() > 4:
            return  # a drag pans
        key = self.key_at(event.position())
        if key is not None:
            self.owner.select(key)
            self.owner.open_selected()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        self.owner.scene.hover(self.key_at(event.position()))

    def leaveEvent(self, event: Any) -> None:  # noqa: N802
        self.owner.scene.hover(None)
        super().leaveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        self.zoom(1.2 if event.angleDelta().y() > 0 else 1 / 1.2)

    def zoom(self, factor: float) -> None:
        self.fitted = False  # the reader's zoom stays when the window is resized
        self.scale(factor, factor)
        self._zoomed()

    def fit(self) -> None:
        """The whole network in view, but never magnified past four times its size (two claims stay near each other)."""
        self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > MAX_FIT_ZOOM:
            self.resetTransform()
            self.scale(MAX_FIT_ZOOM, MAX_FIT_ZOOM)
            self.centerOn(self.scene().sceneRect().center())
        self.fitted = True
        self._zoomed(at_once=True)

    def _zoomed(self, *, at_once: bool = False) -> None:
        """Labels are placed again for the new scale: at once after a fit, once the wheel rests after a zoom
        (placing a hundred takes a while)."""
        scene = self.scene()
        assert isinstance(scene, NetworkScene)
        if abs(scene.zoom - self.transform().m11()) > 1e-3:
            scene.zoom = self.transform().m11()
            if at_once:
                self._relabel.stop()
                scene.refresh_labels()
            else:
                self._relabel.start()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.fitted:
            self.fit()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.owner.open_selected()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.owner.step(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.owner.step(-1)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom(0.8)
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

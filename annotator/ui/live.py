"""A window on a server project learns of a colleague's commit within moments, without polling: the listener's
socket wakes a QSocketNotifier; bursts of commits are gathered into one refresh."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from annotator.storage.live import ChangeListener
from annotator.storage.project import Project

GATHER_MS = 300  # commits that arrive together are shown together


class LiveUpdates(QObject):
    def __init__(self, project: Project, refresh: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listener = ChangeListener(project.engine)
        self.refresh = refresh
        self.heard = 0
        self._gather = QTimer(self, singleShot=True, interval=GATHER_MS)
        self._gather.timeout.connect(self.refresh)
        self.notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._readable)

    def _readable(self) -> None:
        heard = self.listener.pending()
        if heard:
            self.heard += len(heard)
            self._gather.start()

    def close(self) -> None:
        self.notifier.setEnabled(False)
        self.listener.close()

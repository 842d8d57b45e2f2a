"""The project's guidelines beside the article: Markdown rendered as safe text (no HTML, no images, no fetching),
edited by a reviewer, stored in the project."""

from __future__ import annotations

from PySide6.QtCore import QTimer, QUrl, Qt
from PySide6.QtGui import QCloseEvent, QDesktopServices, QTextDocument
from PySide6.QtWidgets import QApplication, QDockWidget, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget

from annotator.core.changes import Changes
from annotator.services.team.guidelines import GUIDELINES_KEY, guidelines, set_guidelines
from annotator.ui.commands import OneOff
from annotator.ui.controller import Controller
from annotator.ui.display import language

SAFE_LINK_SCHEMES = ("http", "https")


class SafeBrowser(QTextBrowser):
    """Shows Markdown without raw HTML and loads nothing: an image or a remote resource stays a blank."""

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 (Qt's name)
        return None


class GuidelinesPane(QDockWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Guidelines"), parent)
        self.setObjectName("guidelinesPane")
        self.controller = controller
        self._focus_before: QWidget | None = None  # where the keyboard goes back to when the pane closes
        self.browser = SafeBrowser()
        self.browser.setObjectName("guidelinesText")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(_open_if_web)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("guidelinesEditor")
        self.origin = QLabel()
        self.origin.setObjectName("guidelinesOrigin")
        self.origin.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setObjectName("guidelinesEdit")
        self.edit_button.setVisible(controller.identity.is_reviewer)
        self.edit_button.clicked.connect(self.start_editing)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("guidelinesSave")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.stop_editing)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.browser)
        self.pages.addWidget(self.editor)
        buttons = QHBoxLayout()
        buttons.addWidget(self.origin, stretch=1)
        for button in (self.edit_button, self.save_button, self.cancel_button):
            buttons.addWidget(button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages, stretch=1)
        layout.addLayout(buttons)
        self.setWidget(body)
        controller.changed.connect(self._on_changed)
        self.stop_editing()

    def show_guidelines(self) -> None:
        shown = guidelines(self.controller.project, language())
        self.browser.document().setMarkdown(shown.markdown, QTextDocument.MarkdownFeature.MarkdownNoHTML)
        self.origin.setText(self.tr("The project's guidelines") if shown.from_project else self.tr("Default guidelines (a reviewer can replace them)"))

    def start_editing(self) -> None:
        shown = guidelines(self.controller.project, language())
        self.editing_from = shown.markdown if shown.from_project else ""  # what a colleague's save would change
        self.editor.setPlainText(shown.markdown)
        self.pages.setCurrentWidget(self.editor)
        self.edit_button.hide()
        self.save_button.show()
        self.cancel_button.show()
        self.editor.setFocus()

    def stop_editing(self) -> None:
        editing = self.pages.currentWidget() is self.editor
        self.pages.setCurrentWidget(self.browser)
        self.edit_button.setVisible(self.controller.identity.is_reviewer)
        self.save_button.hide()
        self.cancel_button.hide()
        self.show_guidelines()
        if editing and self.isVisible():
            self.browser.setFocus()  # not whatever widget is next in the window (the search field)

    def save(self) -> None:
        text = self.editor.toPlainText()
        project, identity = self.controller.project, self.controller.identity
        began = getattr(self, "editing_from", None)
        self.controller.perform(OneOff(self.tr("Guidelines"), lambda: set_guidelines(project, identity, text, expected=began)),
                                then=lambda _changes: self.stop_editing())

    def toggle(self) -> None:
        if self.isVisible():
            self.close()
            return
        self._focus_before = QApplication.focusWidget()
        self.show()
        self.show_guidelines()
        self.browser.setFocus()
        QTimer.singleShot(0, self.keep_window_on_screen)  # once the window has made room for the pane

    def keep_window_on_screen(self) -> None:
        """Room for the pane is taken from the window's other panes, never by growing the window off the screen
        (a small or scaled screen: 1280×800 at QT_SCALE_FACTOR=2); where the window cannot hold it, it floats."""
        window = self.parentWidget()
        screen = window.screen() if window is not None else None
        if window is None or screen is None or not self.isVisible() or self.isFloating():
            return
        area = screen.availableGeometry()
        frame = window.frameGeometry()
        if frame.left() >= area.left() and frame.right() <= area.right():
            return
        border = frame.width() - window.width()
        room = area.width() - border
        if window.minimumSizeHint().width() > room:
            self.setFloating(True)
            width = min(max(self.minimumSizeHint().width(), area.width() // 2), area.width())
            self.setGeometry(area.left(), area.top() + 40, width, max(self.minimumSizeHint().height(), area.height() - 80))
            window.resize(min(window.width(), room), window.height())
        else:
            window.resize(room if window.width() > room else window.width(), window.height())
        window.move(max(area.left(), min(window.frameGeometry().left(), area.right() + 1 - window.frameGeometry().width())), window.frameGeometry().top())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """F1 again, or the pane's close button: the keyboard goes back where it was (the article, usually),
        not to the next widget in the window."""
        had_focus = self.isAncestorOf(QApplication.focusWidget()) if QApplication.focusWidget() else False
        super().closeEvent(event)
        back, self._focus_before = self._focus_before, None
        if had_focus and back is not None and not self.isAncestorOf(back):
            try:
                if back.isVisible():
                    back.setFocus()
            except RuntimeError:  # the widget is gone (another article view, a closed dialog)
                pass

    def _on_changed(self, changes: Changes) -> None:
        if GUIDELINES_KEY in changes.settings and self.pages.currentWidget() is self.browser:
            self.show_guidelines()


def _open_if_web(url: QUrl) -> None:
    """A link opens in the web browser only when the user clicks it, and only for web addresses."""
    if url.scheme() in SAFE_LINK_SCHEMES:
        QDesktopServices.openUrl(url)

"""The window's menus: every action has a keyboard shortcut."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from annotator.ui.icons import icon

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


def _action(
    window: MainWindow,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | list[str],
    slot: Callable[[], object],
    icon_name: str = "",
) -> QAction:
    action = QAction(text, window)
    if icon_name:
        action.setIcon(icon(icon_name))
    shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
    action.setShortcuts([QKeySequence(s) for s in shortcuts if s])
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()

    file_menu = bar.addMenu(window.tr("&File"))
    file_menu.addAction(_action(window, window.tr("&Import…"), "Ctrl+I", window.import_files, "fa5s.file-import"))
    export = _action(window, window.tr("&Export…"), "Ctrl+E", window.export_dataset, "fa5s.file-export")
    export.setObjectName("exportDataset")
    file_menu.addAction(export)
    merge = _action(window, window.tr("&Merge project files…"), "Ctrl+M", window.team.merge, "fa5s.object-group")
    merge.setObjectName("mergeProjects")
    file_menu.addAction(merge)
    identity = _action(window, window.tr("Switch &identity…"), "Ctrl+Shift+I", window.team.switch_identity, "fa5s.user")
    identity.setObjectName("switchIdentity")
    file_menu.addAction(identity)
    file_menu.addSeparator()
    file_menu.addAction(_action(window, window.tr("&Quit"), QKeySequence.StandardKey.Quit, window.close))

    edit_menu = bar.addMenu(window.tr("&Edit"))
    undo = window.undo_stack.createUndoAction(window, window.tr("&Undo"))
    undo.setShortcuts([QKeySequence("Ctrl+Z")])
    undo.setIcon(icon("fa5s.undo"))
    redo = window.undo_stack.createRedoAction(window, window.tr("&Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    redo.setIcon(icon("fa5s.redo"))
    window.addAction(undo)
    window.addAction(redo)
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    delete = _action(window, window.tr("&Delete span or link"), QKeySequence.StandardKey.Delete, window.delete_selected, "fa5s.trash")
    delete.setObjectName("deleteSpan")
    edit_menu.addAction(delete)

    tag_menu = bar.addMenu(window.tr("&Tag"))
    for action in window.label_actions:
        tag_menu.addAction(action)
    tag_menu.addSeparator()
    for action in window.suggestion_actions.actions():
        tag_menu.addAction(action)
    tag_menu.addAction(window.suggestion_actions.show_action)
    tag_menu.addSeparator()
    snap = QAction(window.tr("&Snap selection to whole words"), window)
    snap.setCheckable(True)
    snap.setChecked(window.snap_to_words)
    snap.setShortcut(QKeySequence("Ctrl+W"))
    snap.toggled.connect(lambda on: setattr(window, "snap_to_words", on))
    window.addAction(snap)
    tag_menu.addAction(snap)

    link_menu = bar.addMenu(window.tr("&Link"))
    for action in window.link_actions:
        link_menu.addAction(action)
    link_menu.addSeparator()
    follow = _action(window, window.tr("&Follow link"), "Alt+Right", window.linker.follow, "fa5s.external-link-alt")
    follow.setObjectName("followLink")
    link_menu.addAction(follow)
    back = _action(window, window.tr("&Back"), "Alt+Left", window.linker.back, "fa5s.undo-alt")
    back.setObjectName("goBack")
    link_menu.addAction(back)

    review_menu = bar.addMenu(window.tr("&Review"))
    adjudicate = _action(window, window.tr("&Adjudicate this document…"), "F7", window.open_adjudication, "fa5s.balance-scale")
    adjudicate.setObjectName("openAdjudication")
    adjudicate.setEnabled(window.identity.is_reviewer)
    review_menu.addAction(adjudicate)
    agreement = _action(window, window.tr("A&greement…"), "Shift+F7", window.open_agreement, "fa5s.chart-bar")
    agreement.setObjectName("openAgreement")
    review_menu.addAction(agreement)
    review_menu.addSeparator()
    assign = _action(window, window.tr("A&ssign this document to…"), "", window.team.assign_current, "fa5s.user-plus")
    assign.setObjectName("assignDocument")
    assign.setEnabled(window.identity.is_reviewer)
    review_menu.addAction(assign)
    blind = QAction(window.tr("&Blind mode: annotators see only their own layer"), window)
    blind.setObjectName("blindMode")
    blind.setCheckable(True)
    blind.setChecked(window.team.blind())
    blind.setEnabled(window.identity.is_reviewer)
    blind.toggled.connect(window.team.set_blind)
    review_menu.addAction(blind)

    go_menu = bar.addMenu(window.tr("&Go"))
    for action in window.search.actions():
        go_menu.addAction(action)
    go_menu.addSeparator()
    go_menu.addAction(_action(window, window.tr("&Next document"), "Ctrl+PgDown", lambda: window.step_document(1), "fa5s.arrow-down"))
    go_menu.addAction(_action(window, window.tr("&Previous document"), "Ctrl+PgUp", lambda: window.step_document(-1), "fa5s.arrow-up"))
    go_menu.addSeparator()
    go_menu.addAction(_action(window, window.tr("Next &span\tTab"), "", lambda: window.step_span(1)))
    go_menu.addAction(_action(window, window.tr("Previous s&pan\tShift+Tab"), "", lambda: window.step_span(-1)))
    go_menu.addSeparator()
    done = _action(window, window.tr("&Mark document done / not done"), ["Ctrl+Return", "Ctrl+Enter"], window.toggle_done, "fa5s.check")
    done.setObjectName("toggleDone")
    go_menu.addAction(done)
    go_menu.addAction(_action(window, window.tr("Next &pane"), "F6", window.cycle_focus))

"""Menus built from a table of actions: each row names its text, keys, icon and what it runs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from annotator.ui.icons import icon

Keys = tuple[QKeySequence.StandardKey | str, ...]


@dataclass(frozen=True, slots=True)
class Row:
    """One menu entry. `toggled` makes it checkable, starting at `checked`."""

    name: str
    text: str
    keys: Keys = ()
    run: Callable[[], object] | None = None
    icon: str = ""
    enabled: bool = True
    toggled: Callable[[bool], object] | None = None
    checked: bool = False


SEPARATOR = None
Entry = Row | QAction | None


def build_menus(window: QMainWindow, table: Sequence[tuple[str, Sequence[Entry]]]) -> dict[str, QAction]:
    """Adds the menus to the window's menu bar; every action is also the window's, so its keys work anywhere."""
    made: dict[str, QAction] = {}
    bar = window.menuBar()
    for title, entries in table:
        menu = bar.addMenu(title)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            action = entry if isinstance(entry, QAction) else _action(window, entry)
            if action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut and action not in window.actions():
                window.addAction(action)
            menu.addAction(action)
            if action.objectName():
                made[action.objectName()] = action
    return made


def _action(window: QMainWindow, row: Row) -> QAction:
    action = QAction(row.text, window)
    action.setObjectName(row.name)
    if row.icon:
        action.setIcon(icon(row.icon))
    action.setShortcuts([QKeySequence(key) for key in row.keys if key])
    action.setEnabled(row.enabled)
    if row.toggled is not None:
        action.setCheckable(True)
        action.setChecked(row.checked)
        action.toggled.connect(row.toggled)
    elif row.run is not None:
        run = row.run
        action.triggered.connect(lambda _checked=False: run())
    return action

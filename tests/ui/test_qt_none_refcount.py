"""PySide6 6.12.0 on Python < 3.12 leaks a reference to None on every void Qt call and later aborts."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_do_not_leak_references_to_none() -> None:
    target = QObject()
    target.setObjectName("warm-up")
    before = sys.getrefcount(None)
    for index in range(1000):
        target.setObjectName(f"object-{index}")
    assert abs(sys.getrefcount(None) - before) < 50, f"None refcount moved by {sys.getrefcount(None) - before}"

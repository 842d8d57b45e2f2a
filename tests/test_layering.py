"""The import-linter contracts in pyproject.toml hold: no Qt below the UI, layers core < storage < services < cli/ui, services and UI helpers without cycles."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contract_holds() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout


def test_core_modules_load_without_qt() -> None:
    code = (
        "import sys, annotator.cli, annotator.services.annotation.tagging, annotator.services.io.exporting; "
        "assert not any(m.startswith(('PySide6', 'qtawesome')) for m in sys.modules), 'Qt was imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

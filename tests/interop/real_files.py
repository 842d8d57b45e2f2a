"""Real files from other tools, read from ../shared/interop/ beside the repository (never copied into it)."""

from __future__ import annotations

from pathlib import Path

import pytest

INTEROP = Path(__file__).resolve().parents[2].parent / "shared" / "interop"


def interop(relative: str) -> Path:
    """A file of the shared interop folder; the test is skipped, with the reason shown, when it is not there."""
    path = INTEROP / relative
    if not path.exists():
        pytest.skip(f"{path} is absent: the real files from other tools live in ../shared/interop/ beside the repository")
    return path

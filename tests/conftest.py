"""Shared fixtures; GUI tests run headless."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings the window remembers (language, text size) go to a throwaway folder, never the user's.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="annotator-test-config-")
# Backups of test projects go to a throwaway folder too, never the user's data folder.
os.environ["ANNOTATOR_BACKUP_DIR"] = tempfile.mkdtemp(prefix="annotator-test-backups-")

from annotator.storage.project import Project  # noqa: E402


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "project.db"


@pytest.fixture
def project(project_path: Path) -> Iterator[Project]:
    with Project.create(project_path) as opened:
        yield opened


def add_document(project: Project, text: str, *, title: str = "مقال", uid: str | None = None) -> int:
    """Put one document straight into the project (tests that are not about import)."""
    import hashlib

    from sqlalchemy import select

    from annotator.storage.models import Document

    digest = hashlib.sha256(text.encode()).hexdigest()
    with project.transaction() as session:
        existing = session.scalar(select(Document.id).where(Document.sha256 == digest))
        if existing is not None:
            return existing
        document = Document(
            uid=uid or digest[:12],
            sha256=digest,
            title=title,
            text=text,
            meta={},
        )
        session.add(document)
        session.flush()
        return document.id

"""The demo project: short news-style articles, written for this program, that show what it is for."""

from __future__ import annotations

from pathlib import Path

from annotator import paths
from annotator.core.errors import ProjectError
from annotator.services.importing import import_paths
from annotator.storage.project import Project

DEMO_ANNOTATOR = "demo"


def ensure_demo_project(path: Path | None = None) -> Project:
    """Open the demo project, creating it from resources/demo on first use."""
    path = path or paths.demo_project_path()
    if path.exists():
        return Project.open(path)
    project = Project.create(path)
    report = import_paths(project, sorted(paths.DEMO_CORPUS.glob("*.txt")), annotator=DEMO_ANNOTATOR)
    if report.errors:
        project.close()
        raise ProjectError(f"the demo corpus could not be imported: {report.errors[0]}")
    return project

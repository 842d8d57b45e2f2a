"""Where the shipped resources, schemas and the user's data live."""

from __future__ import annotations

from pathlib import Path

import platformdirs

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
SCHEMAS = ROOT / "schemas"
DEFAULT_SCHEME = RESOURCES / "schemes" / "default.json"
DEMO_CORPUS = RESOURCES / "demo"
FONTS = RESOURCES / "fonts"
TRANSLATIONS = RESOURCES / "translations"
GUIDELINES = RESOURCES / "guidelines"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("annotator", appauthor=False))


def demo_project_path() -> Path:
    return user_data_dir() / "demo.annotator.db"

"""The project's guidelines: a Markdown document stored in the project, written by a reviewer; until one is,
the default scheme's guidelines in the interface language."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from annotator import paths
from annotator.core.changes import Changes
from annotator.core.errors import EditConflict, InputError
from annotator.services.team.identity import AccessError, Identity
from annotator.storage.models import Setting
from annotator.storage.project import Project

GUIDELINES_KEY = "guidelines"
# A guidelines document is a few pages; a paste of megabytes is a mistake and would slow every reader.
MAX_GUIDELINES = 200_000


@dataclass(frozen=True, slots=True)
class Guidelines:
    markdown: str
    from_project: bool  # False: the shipped default, shown until a reviewer writes the project's own


def default_guidelines(language: str) -> str:
    path = paths.GUIDELINES / f"{language}.md"
    if not path.exists():
        path = paths.GUIDELINES / "en.md"
    return path.read_text(encoding="utf-8")


def guidelines(project: Project, language: str) -> Guidelines:
    stored = project.setting(GUIDELINES_KEY)
    if stored:
        return Guidelines(stored, from_project=True)
    return Guidelines(default_guidelines(language), from_project=False)


def set_guidelines(project: Project, acting: Identity, markdown: str, *, expected: str | None = None) -> Changes:
    """A reviewer's guidelines for the project; empty text goes back to the shipped default. With `expected` (the
    project's guidelines when the edit began, "" for none), guidelines another reviewer saved meanwhile are kept
    and EditConflict says so."""
    if not acting.is_reviewer:
        raise AccessError("only a reviewer may change the project's guidelines")
    if len(markdown) > MAX_GUIDELINES:
        raise InputError(f"the guidelines are {len(markdown):,} characters long; at most {MAX_GUIDELINES:,} are kept")
    if "\x00" in markdown:
        raise InputError("the guidelines contain a NUL character; not text")
    with project.transaction() as session:
        stored = session.scalar(select(Setting.value).where(Setting.key == GUIDELINES_KEY))
        if expected is not None and (stored or "") != expected:
            raise EditConflict("the guidelines were changed by someone else while you edited them; yours were not saved "
                               "(copy your text, close the editor to read theirs, then edit again)")
        session.merge(Setting(key=GUIDELINES_KEY, value=markdown.strip()))
    return Changes(settings=frozenset({GUIDELINES_KEY}))

"""Plain-text articles: one article a file, its first line the title, decoded and canonicalized."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import NewDocument
from annotator.core.textio import decode_article

TITLE_LIMIT = 120


def read_text_file(path: Path) -> NewDocument:
    """The article in one file; InputError names the file and the reason."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot be read: {error.strerror}", path=str(path)) from None
    return read_text_article(data, path=str(path), stem=path.stem)


def read_text_article(data: bytes, *, path: str, stem: str) -> NewDocument:
    text = decode_article(data, path=path)
    first_line = next((line.strip() for line in text.split("\n") if line.strip()), stem)
    title = first_line if len(first_line) <= TITLE_LIMIT else first_line[: TITLE_LIMIT - 1] + "…"
    return NewDocument(uid=stem, title=title, text=text, metadata={"file": Path(path).name})

"""Errors that carry a message fit for the user: which file, which line, why."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base of every error the user is meant to read."""


class InputError(AnnotatorError):
    """Bad input: names the file and, where there is one, the line."""

    def __init__(self, reason: str, *, path: str | None = None, line: int | None = None) -> None:
        self.reason = reason
        self.path = path
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {self.reason}" if where else self.reason

    def located(self, *, path: str | None = None, line: int | None = None) -> InputError:
        return InputError(self.reason, path=path or self.path, line=line if line is not None else self.line)


class SchemeError(AnnotatorError):
    """A tag scheme that does not validate, or an annotation the scheme does not allow."""


class ProjectError(AnnotatorError):
    """A project file that cannot be opened or used."""


class StorageError(AnnotatorError):
    """The database refused a write or a read; nothing of that action was changed."""


class ProjectBusy(StorageError):
    """Another program or window holds the project's write lock: the action can be tried again."""


class ProjectReadOnly(StorageError):
    """The project file (or its folder) cannot be written."""


class DiskFull(StorageError):
    """The disk holding the project is full."""


class EditConflict(AnnotatorError):
    """Someone changed what this edit started from: the later writer is told, with the current value, and nothing
    of theirs is written. `current` is what was read (a Changes the window redraws from)."""

    def __init__(self, message: str, current: object = None) -> None:
        super().__init__(message)
        self.current = current

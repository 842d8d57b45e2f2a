"""Backups of project files through SQLite's online backup API (never a copy of the .db alone: its -wal may
hold committed data), kept under the user data folder, one folder per project, oldest dropped past a size cap.
A project on a PostgreSQL server has none of these: its server is backed up by its own tools (pg_dump), and
each function here says so instead of touching a file."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from annotator import paths
from annotator.core.errors import ProjectError, StorageError
from annotator.storage.location import is_server

DIR_ENV = "ANNOTATOR_BACKUP_DIR"  # tests and careful users point backups elsewhere
CAP_ENV = "ANNOTATOR_BACKUP_CAP_MB"
DEFAULT_CAP_BYTES = 500 * 1024 * 1024  # per project
DAILY = timedelta(days=1)
_NAME = re.compile(r"^(\d{8}T\d{6}\d{6})-([a-z-]+)\.db$")


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    made: datetime
    reason: str
    size: int

    def line(self) -> str:
        return f"{self.path.name}\t{self.made:%Y-%m-%d %H:%M:%S}\t{self.reason}\t{self.size / 1024:.0f} KB"


def backup_root() -> Path:
    return Path(os.environ.get(DIR_ENV) or paths.user_data_dir() / "backups")


def not_on_a_server(project_path: object) -> None:
    """Refuse a server project by name: the backups here are copies of files."""
    if is_server(project_path):
        raise StorageError(
            f"{project_path}: a project on a database server is backed up by the server's own tools "
            "(pg_dump, or the hosting's backups), not by annotator; nothing was changed"
        )


def folder_for(project_path: Path) -> Path:
    """One folder per project file: its name and a digest of where it lives."""
    not_on_a_server(project_path)
    resolved = Path(project_path).resolve()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:10]
    return backup_root() / f"{resolved.stem}-{digest}"


def backups(project_path: Path) -> list[Backup]:
    """The backups of a project, newest first."""
    folder = folder_for(project_path)
    found = []
    for item in folder.glob("*.db") if folder.is_dir() else ():
        match = _NAME.match(item.name)
        if match:
            found.append(Backup(item, datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%f"), match.group(2), item.stat().st_size))
    return sorted(found, key=lambda backup: backup.made, reverse=True)


def back_up(project_path: Path, reason: str, *, cap_bytes: int | None = None) -> Backup:
    """A consistent copy of the project (what its -wal holds included) taken with the backup API, then the
    oldest backups dropped while the folder holds more than the cap (the newest is always kept)."""
    not_on_a_server(project_path)
    folder = folder_for(project_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(f"{folder}: cannot hold backups: {error.strerror}; nothing was changed") from None
    made = datetime.now()
    target = folder / f"{made:%Y%m%dT%H%M%S%f}-{reason}.db"
    partial = target.with_suffix(".part")
    try:
        _copy(Path(project_path), partial)
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise StorageError(f"{project_path}: could not be backed up to {folder} ({error}); nothing was changed") from None
    _rotate(project_path, cap_bytes if cap_bytes is not None else _cap())
    return Backup(target, made, reason, target.stat().st_size)


def back_up_if_old(project_path: Path, *, age: timedelta = DAILY) -> Backup | None:
    """The daily backup: taken when the newest is older than `age` (or there is none)."""
    newest = backups(project_path)
    if newest and datetime.now() - newest[0].made < age:
        return None
    return back_up(project_path, "daily")


def restore(project_path: Path, backup: Path) -> Backup:
    """Bring a backup back into the project file (through SQLite, so a -wal beside the project is dealt with);
    the current file is backed up first. Returns that backup of the current state."""
    not_on_a_server(project_path)
    backup = Path(backup)
    if not backup.is_file():
        candidates = [item.path for item in backups(project_path) if item.path.name == backup.name]
        if not candidates:
            raise ProjectError(f"{backup}: no such backup of {project_path} (`annotator backups {project_path}` lists them)")
        backup = candidates[0]
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        verdict = source.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise ProjectError(f"{backup}: the backup itself is damaged ({verdict}); nothing was changed")
        before = back_up(project_path, "before-restore")
        target = sqlite3.connect(project_path, timeout=10)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.Error as error:
        raise StorageError(f"{project_path}: could not be restored from {backup} ({error})") from None
    finally:
        source.close()
    return before


def _copy(source_path: Path, target_path: Path) -> None:
    target_path.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=10)
    target = sqlite3.connect(target_path)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
    finally:
        target.close()
        source.close()


def _cap() -> int:
    try:
        return int(float(os.environ[CAP_ENV]) * 1024 * 1024)
    except (KeyError, ValueError):
        return DEFAULT_CAP_BYTES


def _rotate(project_path: Path, cap_bytes: int) -> None:
    total = 0
    for number, backup in enumerate(backups(project_path)):
        total += backup.size
        if number > 0 and total > cap_bytes:
            backup.path.unlink(missing_ok=True)

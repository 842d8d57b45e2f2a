"""annotator push FILE URL and annotator pull URL FILE: a laptop project to and from a shared server, by the same
uid-based merge as `annotator merge` (run twice, the second adds nothing; roles stay the target's)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.services.team.identity import acting_identity, default_annotator, found_project, remember_identity
from annotator.services.team.merging import MergeReport, merge_paths
from annotator.storage.location import is_server, location
from annotator.storage.project import Project

EXIT_BAD_INPUT = 1


def add_commands(commands: Any, acting: argparse.ArgumentParser) -> None:
    push = commands.add_parser("push", parents=[acting], help="bring a project file's work into a project on a server")
    push.add_argument("file", type=location)
    push.add_argument("url", type=location)
    pull = commands.add_parser("pull", parents=[acting], help="bring a server project's work into a project file (created if missing)")
    pull.add_argument("url", type=location)
    pull.add_argument("file", type=location)
    pull.add_argument("--documents", nargs="+", metavar="ID", help="only these documents (ids as exports give them) and their annotations")


def cmd_push(args: argparse.Namespace) -> int:
    if not is_server(args.url):
        print(f"annotator: {args.url}: push goes to a postgresql+psycopg:// URL; between two files use annotator merge", file=sys.stderr)
        return EXIT_BAD_INPUT
    return _merge(args.url, args.file, args.acting)


def cmd_pull(args: argparse.Namespace) -> int:
    if not is_server(args.url):
        print(f"annotator: {args.url}: pull comes from a postgresql+psycopg:// URL; between two files use annotator merge", file=sys.stderr)
        return EXIT_BAD_INPUT
    created = not Project.exists(args.file)
    if created:
        with Project.open(args.url) as server:
            scheme = server.scheme
        with Project.create(args.file, scheme=scheme) as copy:  # whoever makes the copy is its first reviewer
            remember_identity(copy, found_project(copy, args.acting or default_annotator()))
    status = _merge(args.file, args.url, args.acting, set(args.documents) if args.documents else None)
    if status and created:  # a copy that received nothing goes again
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.file}{suffix}").unlink(missing_ok=True)
    return status


def _merge(target_location: Any, source: Any, acting: str | None, documents: set[str] | None = None) -> int:
    with Project.open(target_location) as target:
        return said(merge_paths(target, [source], acting=acting_identity(target, acting), documents=documents))


def said(report: MergeReport) -> int:
    """A merge's outcome on the terminal (merge, push, pull): errors, notes, then what came in; the exit status."""
    return outcome(report.errors, report.notes,
                   f"merged {report.documents} new document(s), {report.spans} span(s), {report.relations} relation(s)")


def outcome(errors: list, notes: list[str], summary: str) -> int:
    """A long write's outcome on the terminal (import, merge, push, pull): errors, notes, what it did; the exit status."""
    for error in errors:
        print(f"annotator: {error}", file=sys.stderr)
    for note in notes:
        print(f"note: {note}")
    print(summary)
    return EXIT_BAD_INPUT if errors else 0


HANDLERS = {"push": cmd_push, "pull": cmd_pull}

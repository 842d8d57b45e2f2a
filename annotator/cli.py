"""The command line: new, import, export, merge, assign, role, agreement. Never imports Qt; every error is one line;
every command acts as someone (--as) and refuses what that identity may not do."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from annotator import cli_corpus, cli_server, cli_sync
from annotator.core.errors import AnnotatorError
from annotator.core.scheme import load_scheme
from annotator.services.io.checked import export_as, import_as
from annotator.services.io.datasets import EXPORT_FORMATS, IMPORT_FORMATS
from annotator.services.documents.progress import list_documents
from annotator.services.team.identity import (
    Identity,
    Role,
    acting_identity,
    assign,
    check_agreement,
    default_annotator,
    found_project,
    grant_role,
    remember_identity,
)
from annotator.services.team.merging import merge_paths
from annotator.storage.location import location  # a project path, or a postgresql+psycopg:// URL
from annotator.storage.project import Project

EXIT_BAD_INPUT = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="annotator", description="Tag claims, sources and cues in Arabic news.")
    commands = parser.add_subparsers(dest="command", required=True)
    # Who acts, on every command: refused what that identity may not do.
    acting = argparse.ArgumentParser(add_help=False)
    acting.add_argument("--as", dest="acting", metavar="NAME", help="who acts (default: the identity remembered for the project, else your user name)")

    new = commands.add_parser("new", parents=[acting], help="create a project")
    new.add_argument("project", type=location)
    new.add_argument("--scheme", type=Path, help="tag scheme JSON (default: the built-in scheme)")
    new.add_argument("--scheme-from", type=Path, metavar="PATH", help="build the scheme from the labels of a dataset file or brat folder")
    new.add_argument("--format", choices=IMPORT_FORMATS, help="the format of --scheme-from (default: detected)")

    imp = commands.add_parser("import", parents=[acting], help="import .txt files, folders of them, or .jsonl")
    imp.add_argument("project", type=location)
    imp.add_argument("paths", type=Path, nargs="+")
    imp.add_argument("--annotator", help="whose layer pre-annotated spans without an annotator join")
    imp.add_argument("--format", choices=IMPORT_FORMATS, help="default: detected from the content")
    imp.add_argument("--map", action="append", default=[], metavar="OLD=NEW|FILE",
                     help="read the file's label OLD as the scheme's NEW (repeatable), or a file of OLD=NEW lines or a JSON object")

    merge = commands.add_parser("merge", parents=[acting], help="bring other project files into TARGET (created if missing)")
    merge.add_argument("target", type=location)
    merge.add_argument("sources", type=location, nargs="+")

    agree = commands.add_parser("agreement", parents=[acting], help="agreement figures between annotators")
    agree.add_argument("project", type=location)
    agree.add_argument("--json", action="store_true", help="print the figures as JSON")
    agree.add_argument("--annotators", help="comma-separated names (default: everyone but gold)")

    assign = commands.add_parser("assign", parents=[acting], help="a reviewer gives documents to an annotator")
    assign.add_argument("project", type=location)
    assign.add_argument("--reviewer", help="the reviewer doing it (the same as --as)")
    assign.add_argument("--to", required=True, help="the annotator who gets the documents")
    assign.add_argument("documents", nargs="+", help="document ids (as in exports), or 'all'")

    exp = commands.add_parser("export", parents=[acting], help="export the project")
    exp.add_argument("project", type=location)
    exp.add_argument("--format", choices=EXPORT_FORMATS, default="jsonl")
    exp.add_argument("--out", type=Path, required=True, help="a file, or a folder for csv, brat and parquet")
    exp.add_argument("--layer", default="all", help="gold, all (default) or annotator:NAME")
    exp.add_argument("--documents", help="status=done (or new, in_progress): only documents with that status")

    role = commands.add_parser("role", parents=[acting], help="a reviewer of the project makes someone a reviewer or an annotator")
    role.add_argument("project", type=location)
    role.add_argument("name")
    role.add_argument("role", choices=[item.value for item in Role])

    chk = commands.add_parser("check", parents=[acting], help="check a project file; --repair fixes what is safe to fix")
    chk.add_argument("project", type=location)
    chk.add_argument("--repair", action="store_true", help="back up, rebuild the search index, drop dangling rows")

    listed = commands.add_parser("backups", parents=[acting], help="list a project's backups")
    listed.add_argument("project", type=location)

    back = commands.add_parser("restore", parents=[acting], help="bring a backup back (the current file is backed up first)")
    back.add_argument("project", type=location)
    back.add_argument("backup", type=Path, help="a backup file, or its name as `annotator backups` lists it")
    cli_corpus.add_commands(commands, acting)  # sources, claims, suggest
    cli_server.add_commands(commands)  # server init, server add-user
    cli_sync.add_commands(commands, acting)  # push, pull
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        return {"new": cmd_new, "import": cmd_import, "export": cmd_export, "merge": cmd_merge, "agreement": cmd_agreement, "assign": cmd_assign,
                "role": cmd_role, "check": cmd_check, "backups": cmd_backups, "restore": cmd_restore, **cli_corpus.HANDLERS, **cli_server.HANDLERS,
                **cli_sync.HANDLERS}[args.command](
            args
        )
    except AnnotatorError as error:
        print(f"annotator: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:  # an output folder that cannot be written, a file that vanished
        where = f"{error.filename}: " if error.filename else ""
        print(f"annotator: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT


def cmd_new(args: argparse.Namespace) -> int:
    if args.scheme and args.scheme_from:
        raise AnnotatorError("give --scheme or --scheme-from, not both")
    scheme = load_scheme(args.scheme) if args.scheme else None
    if args.scheme_from:
        from annotator.services.io.scheme_from import scheme_from

        scheme = scheme_from(args.scheme_from, fmt=args.format)
    with Project.create(args.project, scheme=scheme) as project:
        _found(project, args)
        labels = ", ".join(label.name for label in project.scheme.span_labels)
    print(f"created {args.project} ({labels})")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from annotator.services.io.label_map import parse_mapping

    mapping = parse_mapping(args.map) or None
    created = not Project.exists(args.project)
    project = Project.open_or_create(args.project)
    try:
        acting = _found(project, args) if created else acting_identity(project, args.acting)
        report = import_as(project, acting, args.paths, annotator=args.annotator, fmt=args.format, mapping=mapping)
    except AnnotatorError:
        project.close()
        if created:
            _remove_project(args.project)
        raise
    finally:
        project.close()
    if created and not report.imported and report.errors:
        _remove_project(args.project)
    return cli_sync.outcome(report.errors, report.notes,
                            f"imported {len(report.imported)} document(s), skipped {len(report.skipped)} already present")


def _remove_project(path: Path) -> None:
    """A project this import created and then wrote nothing into goes again."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def cmd_merge(args: argparse.Namespace) -> int:
    created = not Project.exists(args.target)
    if created:
        with Project.open(args.sources[0]) as first:
            scheme = first.scheme
        with Project.create(args.target, scheme=scheme) as target:
            _found(target, args)
    with Project.open(args.target) as target:
        report = merge_paths(target, args.sources, acting=acting_identity(target, args.acting))
    return cli_sync.said(report)


def cmd_agreement(args: argparse.Namespace) -> int:
    from annotator.services.team.agreement import compute_agreement, format_agreement  # numpy: only when asked for

    wanted = [name.strip() for name in args.annotators.split(",")] if args.annotators else None
    with Project.open(args.project) as project:
        check_agreement(project, acting_identity(project, args.acting))
        report = compute_agreement(project, annotators=wanted)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_agreement(report))
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        reviewer = acting_identity(project, args.acting or args.reviewer)
        known = {info.uid: info.id for info in list_documents(project, annotator=args.to)}
        wanted = list(known) if args.documents == ["all"] else args.documents
        missing = [uid for uid in wanted if uid not in known]
        if missing:
            raise AnnotatorError(f"{args.project}: no document with id {missing[0]!r}")
        added = assign(project, reviewer, annotator=args.to, documents=[known[uid] for uid in wanted]).count
    print(f"assigned {added} document(s) to {args.to}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    status = None
    if args.documents:
        key, _, value = args.documents.partition("=")
        if key != "status" or not value:
            raise AnnotatorError(f"--documents {args.documents!r}: use status=done, status=in_progress or status=new")
        status = value
    with Project.open(args.project) as project:
        report = export_as(project, acting_identity(project, args.acting), args.out, format=args.format, layer=args.layer, status=status)
    for note in report.notes:
        print(f"note: {note}")
    print(f"exported {report.documents} document(s), {report.spans} span(s), {report.relations} relation(s) to {args.out} ({args.format})")
    return 0


def cmd_role(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        changed = grant_role(project, acting_identity(project, args.acting), name=args.name, role=Role(args.role))
    print(f"{args.name} is {'now ' if changed.identities else 'already '}{_a(args.role)} in {args.project}")
    return 0


def _found(project: Project, args: argparse.Namespace) -> Identity:
    """The identity that made a new project: its first reviewer, remembered as the one who acts there."""
    identity = found_project(project, args.acting or default_annotator())
    remember_identity(project, identity)
    return identity


def _a(role: str) -> str:
    return f"an {role}" if role[:1] in "aeiou" else f"a {role}"


def cmd_check(args: argparse.Namespace) -> int:
    from annotator.services.check import check_project, repair_project

    report = repair_project(args.project) if args.repair else check_project(args.project)
    for done in report.repaired:
        print(f"repaired: {done}")
    print(report.summary())
    for problem in report.problems:
        print(f"annotator: {args.project}: {problem}", file=sys.stderr)
    return EXIT_BAD_INPUT if report.problems else 0


def cmd_backups(args: argparse.Namespace) -> int:
    from annotator.storage.backup import backups, folder_for

    found = backups(args.project)
    for item in found:
        print(item.line())
    print(f"{len(found)} backup(s) in {folder_for(args.project)}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from annotator.storage.backup import restore

    try:
        project = Project.open(args.project)
    except AnnotatorError:
        project = None  # a file that does not open is what restoring is for: no one to ask
    if project is not None:
        with project:
            acting = acting_identity(project, args.acting)
            if not acting.is_reviewer:
                raise AnnotatorError(f"{acting.name} is an annotator: only a reviewer may restore {args.project} from a backup")
    before = restore(args.project, args.backup)
    print(f"restored {args.project} from {args.backup}; what it held before is in {before.path}")
    return 0

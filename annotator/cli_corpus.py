"""The corpus on the command line: `annotator sources`, `annotator claims` and `annotator suggest`. Registered by
annotator/cli.py; never imports Qt; acts as someone (--as) and reads only the layers that identity may read."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from typing import Any

from typing import TYPE_CHECKING

from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId, SpanId
from annotator.storage.location import location  # a project path, or a postgresql+psycopg:// URL
from annotator.storage.project import Project

if TYPE_CHECKING:
    from annotator.services.corpus.registry import SourceRegistry

# The services behind these commands (suggestions, the registry, the claims table) are imported when a command
# runs: every other command, `annotator import` among them, starts without them (0.3 s of imports).


def add_commands(commands: Any, acting: argparse.ArgumentParser) -> None:
    """Add the corpus subcommands to the parser (their handlers are HANDLERS)."""
    sources = commands.add_parser("sources", parents=[acting], help="canonical sources with their spans, and suggested groups of the rest")
    sources.add_argument("project", type=location)
    sources.add_argument("--json", action="store_true", help="print JSON (default: one line a source)")
    sources.add_argument("--csv", action="store_true", help="print sources.csv: name, type, confirmed, aliases, spans")
    sources.add_argument("--merge", nargs="+", metavar="ID", help="(reviewer) fold the other sources into the first; ids as --csv prints them")
    sources.add_argument("--split", metavar="ID", help="(reviewer) move the source's spans spelled --spelling into a new source --name")
    sources.add_argument("--spelling", action="append", default=[], help="with --split: a spelling whose spans move (repeatable)")
    sources.add_argument("--name", help="with --split: the new source's name")

    claims = commands.add_parser("claims", parents=[acting], help="every claim with its article, source, cue, cluster and links")
    claims.add_argument("project", type=location)
    claims.add_argument("--format", choices=("csv", "json"), default="csv")

    suggest = commands.add_parser("suggest", parents=[acting], help="cue and source suggestions, as the window offers them")
    suggest.add_argument("project", type=location)
    suggest.add_argument("--document", help="one document id (as in exports); default: every document")
    suggest.add_argument("--json", action="store_true", help="print JSON (default: one line a suggestion)")


def cmd_sources(args: argparse.Namespace) -> int:
    from annotator.services.corpus.registry import SourceRegistry
    from annotator.services.corpus.tables import sources_report
    from annotator.services.team.identity import acting_identity

    if args.merge or args.split:
        with Project.open(args.project) as project:
            print(_edit_registry(project, SourceRegistry(project, acting_identity(project, args.acting)), args))
        return 0
    with Project.open(args.project) as project:
        report = sources_report(project, acting_identity(project, args.acting))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["id", "name", "type", "confirmed", "aliases", "spans"])
        for source in report:
            spans = "; ".join(f"{s['document']}:{s['start']}-{s['end']}{'' if s['confirmed'] else '?'}" for s in source["spans"])
            writer.writerow([source["id"] or "", source["name"], source["type"], str(source["confirmed"]).lower(),
                             " | ".join(source["aliases"]), spans])
        return 0
    for source in report:
        state = "" if source["confirmed"] else " (suggested)"
        print(f"{source['name']}\t{source['type']}{state}\t{len(source['spans'])} span(s)")
        for span in source["spans"]:
            print(f"  {span['document']}:{span['start']}-{span['end']}\t{span['text']}{'' if span['confirmed'] else '  ?'}")
    return 0


def _edit_registry(project: Project, registry: SourceRegistry, args: argparse.Namespace) -> str:
    from sqlalchemy import select

    from annotator.services.corpus.names import name_key
    from annotator.storage.models import SourceLink, Span

    entries = {entry.uid: entry for entry in registry.entries()}

    def entry(uid: str) -> Any:
        if uid not in entries:
            raise AnnotatorError(f"{args.project}: no canonical source {uid!r} (annotator sources --csv lists their ids)")
        return entries[uid]

    if args.merge:
        keep, *others = [entry(uid) for uid in args.merge]
        if not others:
            raise AnnotatorError("--merge needs the source to keep and at least one other")
        registry.merge(keep.id, [other.id for other in others])
        return f"merged {len(others)} source(s) into {keep.name}"
    if not args.name or not args.spelling:
        raise AnnotatorError("--split needs --name for the new source and at least one --spelling whose spans move")
    source = entry(args.split)
    wanted = {name_key(spelling) for spelling in args.spelling}
    with project.reading() as session:
        linked = session.execute(
            select(SourceLink.span_id, Span.text).join(Span, Span.id == SourceLink.span_id).where(SourceLink.source_id == source.id)
        ).all()
    moving = [SpanId(row.span_id) for row in linked if name_key(row.text) in wanted]
    if not moving:
        raise AnnotatorError(f"no span of {source.name} is spelled {' or '.join(args.spelling)}: nothing was split")
    registry.split(source.id, moving, name=args.name)
    return f"moved {len(moving)} span(s) of {source.name} to a new source {' '.join(args.name.split())}"


def cmd_claims(args: argparse.Namespace) -> int:
    from annotator.services.corpus.tables import CLAIM_COLUMNS, claim_rows
    from annotator.services.team.identity import acting_identity

    with Project.open(args.project) as project:
        rows = [row.to_json() for row in claim_rows(project, acting_identity(project, args.acting))]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    writer = csv.DictWriter(sys.stdout, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    from annotator.services.documents.progress import list_documents
    from annotator.services.team.identity import acting_identity

    with Project.open(args.project) as project:
        acting = acting_identity(project, args.acting)
        documents = list_documents(project, annotator=acting.name)
        if args.document is not None:
            documents = [info for info in documents if info.uid == args.document]
            if not documents:
                raise AnnotatorError(f"{args.project}: no document with id {args.document!r}")
        found = suggestions(project, acting.name, [(DocumentId(info.id), info.uid) for info in documents])
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        for item in found:
            print(f"{item['document']}:{item['start']}-{item['end']}\t{item['label']}\t{item['text']}")
    return 0


def suggestions(project: Project, annotator: str, documents: list[tuple[DocumentId, str]]) -> list[dict[str, Any]]:
    """What the suggestion service offers in each document (what the acting identity has tagged or dismissed is
    left out, as in the window); a SOURCE suggestion carries the canonical source the registry suggests for it."""
    from annotator.services.annotation.suggestions import SuggestionService
    from annotator.services.annotation.tagging import TaggingService
    from annotator.services.corpus.registry import SourceRegistry
    from annotator.services.documents.progress import document_text

    tagging = TaggingService(project, annotator=annotator)
    service = SuggestionService(project, tagging=tagging)
    cue_label = project.scheme.span_role("cue") or "CUE"
    source_label = project.scheme.span_role("source") or "SOURCE"
    registry = SourceRegistry(project, tagging.acting)
    matcher = registry.matcher()
    found: list[dict[str, Any]] = []
    for document_id, uid in documents:
        text = document_text(project, document_id)
        for item in service.all_for_document(document_id, text, tagging.spans(document_id)):
            label = getattr(item, "label", None) or cue_label
            entry: dict[str, Any] = {"document": uid, "label": label, "start": item.start, "end": item.end, "text": text[item.start:item.end]}
            for name in ("speech_act", "kind", "phrase"):
                if getattr(item, name, None):
                    entry[name] = getattr(item, name)
            if label == source_label:
                best = registry.suggest(entry["text"], limit=1, matcher=matcher)
                if best:
                    entry["canonical"] = {"name": best[0].name, "type": best[0].type, "score": best[0].score, "confirmed": False}
            found.append(entry)
    return found


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"sources": cmd_sources, "claims": cmd_claims, "suggest": cmd_suggest}

"""A project from the five seed articles and their hand tagging (tests/data/seed_claims.json), and how the source
registry does on it.

    .venv/bin/python docs/seed_project.py OUT.annotator.db [--seeds DIR] [--json]

Imports the articles (annotator.services.io.importing.add_documents), tags their CLAIM, SOURCE and CUE spans
(TaggingService) and links them (RelationService: ATTRIBUTION in an article, SUPPORT and CONTRADICTION across
articles too; ClaimLinks: the same claim retold), all as one reviewer. Then links every SOURCE span to a canonical source through the registry as a
user would, in reading order (article by article): when the registry's top suggestion is the source the span was
judged to name (its "canonical" in the file), it is confirmed; when that source is in the registry but not first,
the user picks it (a miss); when it is not in the registry yet, the user adds it under its canonical name (and the
registry's suggestion, if it made one, was wrong). Prints what the registry grouped by itself and what it missed.

The seed articles are read where they are (../shared/corpus/seeds); they are never copied into the project tree.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from annotator.core.errors import AnnotatorError  # noqa: E402
from annotator.core.model import DocumentId, NewDocument, SpanId  # noqa: E402
from annotator.services.annotation.relations import RelationService  # noqa: E402
from annotator.services.annotation.tagging import TaggingService  # noqa: E402
from annotator.services.corpus.claims import ClaimLinks  # noqa: E402
from annotator.services.corpus.registry import SourceRegistry  # noqa: E402
from annotator.services.io.importing import add_documents  # noqa: E402
from annotator.services.team.identity import found_project  # noqa: E402
from annotator.storage.models import Document  # noqa: E402
from annotator.storage.project import Project  # noqa: E402

SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
CLAIMS = ROOT / "tests" / "data" / "seed_claims.json"
REVIEWER = "rana"


@dataclass
class Linked:
    """One SOURCE span as the registry saw it when the user came to it."""

    document: str
    start: int
    end: int
    text: str
    canonical: str  # the key of the source the span was judged to name
    outcome: str  # "new" (its source was not in the registry yet), "grouped" (top suggestion right), "missed"
    suggested: list[str] = field(default_factory=list)  # canonical keys suggested, best first
    rank: int | None = None  # where the right source was among the suggestions (1 = top), for a miss
    repeat: bool = False  # the same words (up to white space) were linked to the same source before


@dataclass
class SeedProject:
    spans: dict[str, list[SpanId]]  # by file name, the span ids in the file's order
    documents: dict[str, DocumentId]
    sources: dict[str, int]  # canonical key -> registry id
    linked: list[Linked]

    def summary(self) -> dict:
        later = [item for item in self.linked if item.outcome != "new"]
        return {
            "source_spans": len(self.linked),
            "spellings": len({(item.canonical, item.text) for item in self.linked}),
            "canonical_sources": len(self.sources),
            "canonical_sources_with_several_spellings": sorted(
                key for key in self.sources if len({item.text for item in self.linked if item.canonical == key}) > 1
            ),
            "later_spans": len(later),
            "grouped_top1": sum(item.outcome == "grouped" for item in later),
            "missed": sum(item.outcome == "missed" for item in later),
            "later_new_spellings": sum(not item.repeat for item in later),
            "new_spellings_grouped_top1": sum(item.outcome == "grouped" and not item.repeat for item in later),
            "wrong_suggestion_for_a_new_source": sum(item.outcome == "new" and bool(item.suggested) for item in self.linked),
        }


def read_seeds(seeds: Path, claims: dict) -> dict[str, str]:
    """Each seed file's text, checked against the digest the tagging was made on."""
    texts = {}
    for name, tagged in claims["documents"].items():
        path = seeds / name
        if not path.is_file():
            raise AnnotatorError(f"{path}: seed article missing")
        text = path.read_bytes().decode("utf-8")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != tagged["sha256"]:
            raise AnnotatorError(f"{path}: its text is not the one tagged in {CLAIMS.name} (SHA-256 differs)")
        texts[name] = text
    return texts


def build(path: Path | str, *, seeds: Path = SEEDS, claims_file: Path = CLAIMS, reviewer: str = REVIEWER) -> tuple[Project, SeedProject]:
    """A new project at `path` with the seeds tagged and their sources linked; the caller closes the project."""
    claims = json.loads(claims_file.read_text(encoding="utf-8"))
    texts = read_seeds(seeds, claims)
    project = Project.create(path)
    try:
        seeded = _fill(project, claims, texts, reviewer)
    except BaseException:
        project.close()
        raise
    return project, seeded


def _fill(project: Project, claims: dict, texts: dict[str, str], reviewer: str) -> SeedProject:
    acting = found_project(project, reviewer)
    tagged = claims["documents"]
    add_documents(project, [
        NewDocument(uid=Path(name).stem, title=tagged[name]["title"], text=texts[name], source=tagged[name]["outlet"],
                    published=tagged[name]["published"])
        for name in tagged
    ], annotator=reviewer)
    with project.reading() as session:
        ids = {uid: DocumentId(id_) for id_, uid in session.execute(select(Document.id, Document.uid))}
    documents = {name: ids[Path(name).stem] for name in tagged}
    tagging = TaggingService(project, annotator=reviewer)
    relations = RelationService(project, annotator=reviewer, tagging=tagging)
    spans: dict[str, list[SpanId]] = {}
    for name, document in tagged.items():
        made = []
        for span in document["spans"]:
            record = tagging.create_span(document_id=documents[name], start=span["start"], end=span["end"], label=span["label"],
                                         attributes=span["attributes"] or None).spans[0].span
            if record.text != span["text"]:
                raise AnnotatorError(f"{name}:{span['start']}: the stored text reads {record.text!r}, not {span['text']!r}")
            made.append(record.id)
        spans[name] = made
        for relation in document["relations"]:
            relations.create(label=relation["label"], from_span=made[relation["from"]], to_span=made[relation["to"]],
                             attributes=relation["attributes"] or None)
    for relation in claims["cross_document"]:
        (first, i), (second, j) = relation["from"], relation["to"]
        relations.create(label=relation["label"], from_span=spans[first][i], to_span=spans[second][j],
                         attributes=relation["attributes"] or None)
    same = ClaimLinks(project, acting)
    for group in claims.get("same_claim", []):
        (first, i), *others = group["claims"]
        for other, j in others:
            same.link(spans[first][i], spans[other][j], confirmed=True)
    sources, linked = _link_sources(project, acting, claims, spans)
    return SeedProject(spans, documents, sources, linked)


def _link_sources(project: Project, acting, claims: dict, spans: dict[str, list[SpanId]]) -> tuple[dict[str, int], list[Linked]]:
    registry = SourceRegistry(project, acting)
    canonical = claims["canonical_sources"]
    sources: dict[str, int] = {}
    linked: list[Linked] = []
    for name, document in claims["documents"].items():
        for index, span in enumerate(document["spans"]):
            if span["label"] != "SOURCE":
                continue
            key = span["canonical"]
            suggestions = registry.suggest(span["text"], limit=3)
            keys = [next((k for k, v in sources.items() if v == s.source_id), "?") for s in suggestions]
            item = Linked(name, span["start"], span["end"], span["text"], key, "new", keys)
            item.repeat = any(seen.canonical == key and seen.text.split() == span["text"].split() for seen in linked)
            if key not in sources:
                sources[key] = next(iter(registry.add(canonical[key]["name"], canonical[key]["type"]).sources))
            elif keys and keys[0] == key:
                item.outcome = "grouped"
            else:
                item.outcome = "missed"
                item.rank = keys.index(key) + 1 if key in keys else None
            registry.link(spans[name][index], sources[key], confirmed=True)  # top one confirmed, or the right one picked
            linked.append(item)
    return sources, linked


def report_text(seeded: SeedProject) -> str:
    summary = seeded.summary()
    lines = [
        f"{summary['source_spans']} SOURCE spans, {summary['spellings']} spellings (distinct texts per source), "
        f"{summary['canonical_sources']} canonical sources",
        f"later spans of a source already in the registry: {summary['later_spans']}; top suggestion right: "
        f"{summary['grouped_top1']}; missed: {summary['missed']} (spellings not seen before: {summary['later_new_spellings']}, "
        f"top suggestion right: {summary['new_spellings_grouped_top1']})",
        f"first spans of a new source given a (wrong) suggestion: {summary['wrong_suggestion_for_a_new_source']}",
        "",
    ]
    for item in seeded.linked:
        mark = {"new": "+", "grouped": "=", "missed": "x"}[item.outcome]
        said = ", ".join(item.suggested) or "—"
        rank = f" (right one at {item.rank})" if item.rank else (" (right one not suggested)" if item.outcome == "missed" else "")
        again = " (same words again)" if item.repeat else ""
        lines.append(f"{mark} {item.document[:3]} {item.canonical:18} «{item.text}»  suggested: {said}{rank}{again}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the project file to make (must not exist)")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help=f"the seed articles' folder (default {SEEDS})")
    parser.add_argument("--json", action="store_true", help="print the figures and every span's outcome as JSON")
    args = parser.parse_args()
    if args.out.exists():
        print(f"seed_project: {args.out} exists: give a new file", file=sys.stderr)
        return 2
    try:
        project, seeded = build(args.out, seeds=args.seeds)
    except AnnotatorError as error:
        print(f"seed_project: {error}", file=sys.stderr)
        return 1
    project.close()
    if args.json:
        print(json.dumps({"summary": seeded.summary(), "spans": [asdict(item) for item in seeded.linked]}, ensure_ascii=False, indent=1))
    else:
        print(report_text(seeded))
    return 0


if __name__ == "__main__":
    sys.exit(main())

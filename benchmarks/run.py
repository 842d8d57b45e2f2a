"""`make bench`: every target of the scale issue on a seeded synthetic corpus, as one table.

Each row shows its median (and p95 where it is sampled: short operations at least 7 times), its target and
✓ or ✗ against it; where there is a natural floor, measured in the same run, the ratio to it. The counts the
project actually holds after the import are printed first, and the run stops if they are not the ones asked
for. The figures are also written as JSON under benchmarks/results/, so that runs can be compared.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.corpus import CROSS_SHARE, WORDS, article, generate

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
SHORT_SAMPLES = 7


@dataclass
class Row:
    name: str
    unit: str  # "s", "ms" or "MB"
    median: float
    p95: float | None
    limit: float | None  # the target, as an upper bound in `unit`
    target: str
    floor_ratio: float | None = None
    floor_limit: float | None = None  # a second target: at most this many times the floor
    samples: int = 1
    cpu: float | None = None  # median CPU seconds of the process: on a shared machine, steadier than the clock

    @property
    def met(self) -> bool | None:
        if self.limit is None and self.floor_limit is None:
            return None
        ok = self.limit is None or self.median <= self.limit
        return ok and (self.floor_limit is None or self.floor_ratio is None or self.floor_ratio <= self.floor_limit)


def timed(function, repeat: int = 1) -> list[float]:  # noqa: ANN001
    results = []
    for _ in range(repeat):
        began = time.perf_counter()
        function()
        results.append(time.perf_counter() - began)
    return results


def timed_cpu(function, repeat: int = 1) -> tuple[list[float], list[float]]:  # noqa: ANN001
    """Wall-clock and CPU seconds of each run."""
    walls, cpus = [], []
    for _ in range(repeat):
        began, used = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - used)
    return walls, cpus


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def child(*args: str) -> dict:
    out = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def import_floor(corpus: Path, folder: Path) -> float:
    texts = [(json.loads(line)["text"],) for line in corpus.open(encoding="utf-8")]
    (folder / "floor.db").unlink(missing_ok=True)
    with sqlite3.connect(folder / "floor.db") as raw:
        raw.execute("CREATE TABLE t (text TEXT)")
        began = time.perf_counter()
        raw.executemany("INSERT INTO t VALUES (?)", texts)
        raw.commit()
        return time.perf_counter() - began


def export_floor(project_path: Path, out: Path) -> float:
    """The same file's content with bare sqlite3 and json: every span with its fields, every relation."""
    began = time.perf_counter()
    with sqlite3.connect(project_path) as raw, out.open("w", encoding="utf-8") as stream:
        names = dict(raw.execute("SELECT id, name FROM annotators"))
        spans: dict[int, list] = {}
        query = 'SELECT document_id, uid, label, start, "end", text, attributes, annotator_id, note FROM spans ORDER BY document_id, start, "end", id'
        for doc, uid, label, start, end, text, attributes, who, note in raw.execute(query):
            spans.setdefault(doc, []).append({"id": uid, "label": label, "start": start, "end": end, "text": text,
                                              "attributes": json.loads(attributes or "{}"), "annotator": names[who], "note": note or ""})
        relations: dict[int, list] = {}
        query = ("SELECT s.document_id, r.uid, r.label, r.attributes, r.annotator_id, r.note, s.uid, t.uid FROM relations r "
                 "JOIN spans s ON s.id = r.from_span_id JOIN spans t ON t.id = r.to_span_id")
        for doc, uid, label, attributes, who, note, source, target in raw.execute(query):
            relations.setdefault(doc, []).append({"id": uid, "label": label, "from": source, "to": target,
                                                  "attributes": json.loads(attributes or "{}"), "annotator": names[who], "note": note or ""})
        for document_id, uid, title, text in raw.execute("SELECT id, uid, title, text FROM documents ORDER BY id"):
            stream.write(json.dumps({"id": uid, "title": title, "text": text, "spans": spans.get(document_id, []),
                                     "relations": relations.get(document_id, [])}, ensure_ascii=False) + "\n")
    return time.perf_counter() - began


def project_counts(project_path: Path) -> dict[str, int]:
    """What the project holds, read back with bare sqlite3."""
    with sqlite3.connect(project_path) as raw:
        one = lambda sql: raw.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "spans": one("SELECT count(*) FROM spans"),
            "relations": one("SELECT count(*) FROM relations"),
            "cross_document_relations": one("SELECT count(*) FROM relations r JOIN spans s ON s.id = r.from_span_id "
                                            "JOIN spans t ON t.id = r.to_span_id WHERE s.document_id != t.document_id"),
            "annotators_with_every_label": one("SELECT count(*) FROM (SELECT annotator_id FROM spans GROUP BY annotator_id "
                                               "HAVING count(DISTINCT label) = 3)"),
            "spans_with_attributes": one("SELECT count(*) FROM spans WHERE attributes IS NOT NULL AND attributes NOT IN ('{}', 'null')"),
        }


def requested_counts(documents: int, spans: int, relations: int) -> dict[str, int]:
    return {"documents": documents, "spans": spans, "relations": relations,
            "cross_document_relations": relations // CROSS_SHARE, "annotators_with_every_label": 3, "spans_with_attributes": spans}


def editing_project(path: Path) -> None:
    from annotator.core.model import DocumentId, NewDocument
    from annotator.services.annotation.tagging import TaggingService
    from annotator.services.io.importing import add_documents
    from annotator.storage.project import Project
    from benchmarks.corpus import words_of

    rng = random.Random(7)
    with Project.create(path) as project:
        long_text, short_text = article(rng, 50_000)[:50_000], article(rng, 5_000)[:5_000]
        add_documents(project, [NewDocument(uid="long", title="طويل", text=long_text), NewDocument(uid="short", title="قصير", text=short_text)],
                      annotator="bench")
        tagger = TaggingService(project, annotator="bench")
        for document_id, text, count in ((DocumentId(1), long_text, 2_000), (DocumentId(2), short_text, 200)):
            words = words_of(text)
            for index in range(0, len(words), max(1, len(words) // count))[:count]:
                start, end = words[index]
                tagger.create_span(document_id=document_id, start=start, end=end, label="CLAIM", attributes={})


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def table(rows: list[Row]) -> list[str]:
    def cell(value: float | None, unit: str) -> str:
        if value is None:
            return ""
        return f"{value:.0f} MB" if unit == "MB" else f"{value:.2f} {unit}" if value < 10 else f"{value:.1f} {unit}"

    header = ("operation", "median", "p95", "n", "target", "", "vs floor", "cpu")
    lines = [(r.name, cell(r.median, r.unit), cell(r.p95, r.unit), str(r.samples), r.target,
              {True: "✓", False: "✗", None: ""}[r.met], f"{r.floor_ratio:.1f}× floor" if r.floor_ratio else "",
              f"{r.cpu:.2f} s" if r.cpu is not None else "") for r in rows]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
    return ["  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip() for line in [header, *lines]]


def measure(args: argparse.Namespace, folder: Path) -> tuple[list[Row], dict[str, int]]:
    from annotator.services.documents.search import search_corpus
    from annotator.services.io.datasets import export_dataset
    from annotator.services.team.agreement import compute_agreement
    from annotator.storage.project import Project

    rows: list[Row] = []

    def row(name: str, values: list[float], limit: float | None, target: str, unit: str = "ms", *,
            floor: float | None = None, floor_limit: float | None = None, cpu: list[float] | None = None) -> None:
        scale = 1000 if unit == "ms" else 1
        median = statistics.median(values)
        rows.append(Row(name, unit, median * scale, p95(values) * scale if len(values) > 1 else None, limit, target,
                        median / floor if floor else None, floor_limit, len(values), statistics.median(cpu) if cpu else None))

    corpus = generate(folder / "corpus.jsonl", documents=args.documents, spans=args.spans, relations=args.relations)
    print(f"corpus: {args.documents} articles, {args.spans} spans, {args.relations} relations asked for, "
          f"{corpus.stat().st_size / 1e6:.0f} MB of JSONL", file=sys.stderr)
    project_path = folder / "bench.db"
    imports = []
    for number in range(args.imports):
        path = folder / f"import-{number}.db" if number else project_path
        imports.append(child("-m", "benchmarks.import_child", str(path), str(corpus)))
    floor = statistics.median(import_floor(corpus, folder) for _ in range(3))
    row("import the corpus (JSONL)", [i["seconds"] for i in imports], 5, "≤ 5 s", "s", floor=floor, cpu=[i["cpu_s"] for i in imports])
    rows.append(Row("  peak memory of the import", "MB", statistics.median(i["rss_mb"] for i in imports), None, 200, "≤ 200 MB",
                    samples=len(imports)))
    counts = project_counts(project_path)
    print("imported: " + ", ".join(f"{value} {key.replace('_', ' ')}" for key, value in counts.items()), file=sys.stderr)
    wanted = requested_counts(args.documents, args.spans, args.relations)
    if counts != wanted:
        raise SystemExit(f"the project holds {counts}, not the corpus asked for: {wanted}")
    with Project.open(project_path) as project:
        floors, walls, cpus = [], [], []
        for _ in range(3):  # in turn, so that the floor and the export meet the same load
            floors.append(export_floor(project_path, folder / "floor.jsonl"))
            wall, cpu = timed_cpu(lambda: export_dataset(project, folder / "out.jsonl", format="jsonl"))
            walls += wall
            cpus += cpu
        floor = statistics.median(floors)
        row("JSONL export of the corpus", walls, 3, "≤ 3 s, ≤ 2× floor", "s", floor=floor, floor_limit=2, cpu=cpus)
        rng = random.Random(3)
        queries = [rng.choice(WORDS) + (" " + rng.choice(WORDS) if i % 2 else "") for i in range(20)]
        row("corpus search (normalized)", [timed(lambda q=q: search_corpus(project, q))[0] for q in queries], 50, "≤ 50 ms")
        walls, cpus = timed_cpu(lambda: compute_agreement(project), 3)
        row("agreement, whole corpus", walls, 5, "≤ 5 s", "s", cpu=cpus)
    from benchmarks.corpus_rows import corpus_rows

    corpus_rows(project_path, folder, row)  # registry and claim-similarity suggestions (issue 13), on a copy
    started = [child("-m", "benchmarks.gui_child", "start", str(project_path)) for _ in range(3)]
    row("start to interactive window", [s["start_s"] for s in started], 1.5, "≤ 1.5 s", "s")
    rows.append(Row("  memory at start", "MB", statistics.median(s["rss_mb"] for s in started), None, 300, "≤ 300 MB", samples=3))
    editing_project(folder / "editing.db")
    editing = child("-m", "benchmarks.gui_child", "editing", str(folder / "editing.db"))
    row("open 50,000 chars, 2,000 spans", editing["open"], 50, "≤ 50 ms")
    row("keypress → span, 5,000 chars, 200 spans", editing["keypress"], 16, "≤ 16 ms")
    return rows, counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--spans", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=20_000)
    parser.add_argument("--imports", type=int, default=3, help="how many times the corpus is imported (fresh projects)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder for the JSON results (a file per run)")
    args = parser.parse_args(argv)

    load_before = load()
    with tempfile.TemporaryDirectory() as folder_name:
        rows, counts = measure(args, Path(folder_name))
    for line in table(rows):
        print(line)
    print(f"load average {load_before} before, {load()} after; {os.cpu_count()} cores")
    write_results(args.results, f"bench-{args.documents}", {
        "load_before": load_before, "load_after": load(), "corpus": vars(args) | {"results": str(args.results)},
        "imported": counts, "rows": [asdict(r) | {"met": r.met} for r in rows],
    })
    return 0


def write_results(folder: Path, name: str, figures: dict) -> Path:
    """A run's figures as JSON under `folder`, named by the run and its time, with the commit and the machine."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{name}-{stamp}.json"
    out.write_text(json.dumps({"when": stamp, "commit": commit, "machine": platform.platform(), "cores": os.cpu_count(), **figures},
                              ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"written to {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return out


if __name__ == "__main__":
    sys.exit(main())

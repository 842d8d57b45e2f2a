"""`make bench`: every target of the scale issue on a seeded synthetic corpus, as one table.

Each figure is a median (with p95 where it is repeated); where there is a natural floor, measured in
the same run, the ratio to it is shown. Nothing here asserts: the table reports.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import WORDS, article, generate

ROOT = Path(__file__).resolve().parent.parent


def timed(function, repeat: int = 1) -> list[float]:  # noqa: ANN001
    results = []
    for _ in range(repeat):
        began = time.perf_counter()
        function()
        results.append(time.perf_counter() - began)
    return results


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def child(*args: str) -> dict:
    out = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def import_floor(corpus: Path, folder: Path) -> float:
    texts = [(json.loads(line)["text"],) for line in corpus.open(encoding="utf-8")]
    with sqlite3.connect(folder / "floor.db") as raw:
        raw.execute("CREATE TABLE t (text TEXT)")
        began = time.perf_counter()
        raw.executemany("INSERT INTO t VALUES (?)", texts)
        raw.commit()
        return time.perf_counter() - began


def export_floor(project_path: Path, out: Path) -> float:
    began = time.perf_counter()
    with sqlite3.connect(project_path) as raw, out.open("w", encoding="utf-8") as stream:
        spans: dict[int, list] = {}
        for row in raw.execute('SELECT document_id, uid, label, start, "end", text, attributes FROM spans'):
            spans.setdefault(row[0], []).append(row[1:])
        for document_id, uid, text in raw.execute("SELECT id, uid, text FROM documents"):
            stream.write(json.dumps({"id": uid, "text": text, "spans": spans.get(document_id, [])}, ensure_ascii=False) + "\n")
    return time.perf_counter() - began


def editing_project(path: Path) -> None:
    from annotator.core.model import DocumentId
    from annotator.services.io.importing import add_documents
    from annotator.core.model import NewDocument
    from annotator.services.annotation.tagging import TaggingService
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--spans", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=20_000)
    args = parser.parse_args(argv)

    from annotator.services.team.agreement import compute_agreement
    from annotator.services.io.datasets import export_dataset
    from annotator.services.documents.search import search_corpus
    from annotator.storage.project import Project

    rows: list[tuple[str, str, str, str, str]] = []

    def row(name: str, values: list[float], target: str, unit: str = "ms", floor: float | None = None) -> None:
        scale = 1000 if unit == "ms" else 1
        median = statistics.median(values) * scale
        ratio = f"{statistics.median(values) / floor:.1f}× floor" if floor else ""
        rows.append((name, f"{median:.1f} {unit}", f"{p95(values) * scale:.1f} {unit}" if len(values) > 1 else "", target, ratio))

    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        corpus = generate(folder / "corpus.jsonl", documents=args.documents, spans=args.spans, relations=args.relations)
        print(f"corpus: {args.documents} articles, {args.spans} spans, {args.relations} relations, "
              f"{corpus.stat().st_size / 1e6:.0f} MB of JSONL", file=sys.stderr)
        project_path = folder / "bench.db"
        imported = child("-m", "benchmarks.import_child", str(project_path), str(corpus))
        row("import the corpus (JSONL)", [imported["seconds"]], "≤ 15 s", "s", import_floor(corpus, folder))
        rows.append(("  peak memory of the import", f"{imported['rss_mb']:.0f} MB", "", "≤ 400 MB", ""))
        with Project.open(project_path) as project:
            floor = export_floor(project_path, folder / "floor.jsonl")
            row("JSONL export of the corpus", timed(lambda: export_dataset(project, folder / "out.jsonl", format="jsonl"), 3), "≤ 3 s, ≤ 2× floor", "s", floor)
            rng = random.Random(3)
            queries = [rng.choice(WORDS) + (" " + rng.choice(WORDS) if i % 2 else "") for i in range(20)]
            row("corpus search (normalized)", [timed(lambda q=q: search_corpus(project, q))[0] for q in queries], "≤ 50 ms")
            row("agreement, whole corpus", timed(lambda: compute_agreement(project)), "≤ 5 s", "s")
        started = [child("-m", "benchmarks.gui_child", "start", str(project_path)) for _ in range(3)]
        row("start to interactive window", [s["start_s"] for s in started], "≤ 1.5 s", "s")
        rows.append(("  memory at start", f"{statistics.median(s['rss_mb'] for s in started):.0f} MB", "", "≤ 300 MB", ""))
        editing_project(folder / "editing.db")
        editing = child("-m", "benchmarks.gui_child", "editing", str(folder / "editing.db"))
        row("open 50,000 chars, 2,000 spans", editing["open"], "≤ 50 ms")
        row("keypress → span, 5,000 chars, 200 spans", editing["keypress"], "≤ 16 ms")

    widths = [max(len(r[i]) for r in [("operation", "median", "p95", "target", "vs floor"), *rows]) for i in range(5)]
    for line in [("operation", "median", "p95", "target", "vs floor"), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())

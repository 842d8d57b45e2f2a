"""The same corpus on SQLite and on PostgreSQL, side by side (make bench-engines): import, JSON Lines export, corpus
search and agreement, each timed through the services on both engines. PostgreSQL is a throwaway local server
(tests/pgserver.py, loopback only), started and removed by this script.

    python -m benchmarks.engines [--documents 10000 --spans 100000 --relations 20000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import WORDS, generate
from benchmarks.run import timed


def measure(location: str | Path, corpus: Path, folder: Path) -> dict[str, float]:
    from annotator.services.documents.search import search_corpus
    from annotator.services.io.datasets import export_dataset
    from annotator.services.io.importing import import_paths
    from annotator.services.team.agreement import compute_agreement
    from annotator.storage.project import Project

    figures: dict[str, float] = {}
    with Project.create(location) as project:
        began = time.perf_counter()
        report = import_paths(project, [corpus], annotator="bench")
        figures["import (s)"] = time.perf_counter() - began
        if report.errors:
            raise SystemExit(f"bench-engines: {report.errors[0]}")
        figures["JSON Lines export (s)"] = statistics.median(timed(lambda: export_dataset(project, folder / "out.jsonl", format="jsonl"), 3))
        rng = random.Random(3)
        queries = [rng.choice(WORDS) + (" " + rng.choice(WORDS) if number % 2 else "") for number in range(20)]
        figures["corpus search, median (ms)"] = statistics.median(timed(lambda q=q: search_corpus(project, q))[0] for q in queries) * 1000
        figures["agreement (s)"] = statistics.median(timed(lambda: compute_agreement(project), 3))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.engines")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--spans", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=20_000)
    args = parser.parse_args()
    from tests import pgserver

    with tempfile.TemporaryDirectory(prefix="annotator-engines-") as name:
        folder = Path(name)
        corpus = generate(folder / "corpus.jsonl", documents=args.documents, spans=args.spans, relations=args.relations)
        load_before = os.getloadavg()[0]
        sqlite = measure(folder / "bench.db", corpus, folder)
        server = pgserver.start_server()
        try:
            postgresql = measure(server.url(server.take_database()), corpus, folder)
        finally:
            server.stop()
    print(f"{args.documents} articles, {args.spans} spans, {args.relations} relations; load {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after; {os.cpu_count()} cores")
    print("| operation | SQLite | PostgreSQL | ratio |")
    print("| --- | --- | --- | --- |")
    for key, value in sqlite.items():
        print(f"| {key} | {value:.2f} | {postgresql[key]:.2f} | {postgresql[key] / value:.1f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""One operation on a project in a fresh process, so that its peak memory is its own: export, agreement, search."""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path

from benchmarks.corpus import WORDS, peak_rss_mb


def run(kind: str, project_path: Path, folder: Path) -> dict:
    from annotator.storage.project import Project

    with Project.open(project_path) as project:
        if kind == "export":
            from annotator.services.io.datasets import export_dataset

            began = time.perf_counter()
            export_dataset(project, folder / "scale-out.jsonl", format="jsonl")
            seconds = [time.perf_counter() - began]
            (folder / "scale-out.jsonl").unlink()
        elif kind == "agreement":
            from annotator.services.team.agreement import compute_agreement

            began = time.perf_counter()
            compute_agreement(project)
            seconds = [time.perf_counter() - began]
        else:
            from annotator.services.documents.search import search_corpus

            rng = random.Random(3)
            seconds = []
            for number in range(20):
                query = rng.choice(WORDS) + (" " + rng.choice(WORDS) if number % 2 else "")
                began = time.perf_counter()
                search_corpus(project, query)
                seconds.append(time.perf_counter() - began)
    return {"seconds": statistics.median(seconds), "samples": seconds, "rss_mb": peak_rss_mb()}


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))))

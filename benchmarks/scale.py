"""`make bench-scale`: the same operations at 1,000, 10,000 and 100,000 articles (10 spans and 2 relations per
article, 3 annotators), each in a fresh process so that its peak memory is its own; a table with ✓/✗ against
the 100,000-article targets, JSON, and a PNG of time and memory against corpus size on log–log axes."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import generate
from benchmarks.run import RESULTS, ROOT, child, load, p95, project_counts, requested_counts

# name: (target at 100,000 articles in seconds, memory target in MB or None)
TARGETS = {
    "import": (60.0, None),
    "export (JSONL)": (30.0, None),
    "agreement": (50.0, None),
    "corpus search (median)": (0.050, None),
    "start to window": (1.5, 300.0),
    "open an article (median)": (0.050, None),
    "list filter/sort (median)": (0.100, None),
}


def measure(documents: int, folder: Path) -> dict[str, dict]:
    corpus = generate(folder / f"corpus-{documents}.jsonl", documents=documents, spans=documents * 10, relations=documents * 2)
    project = folder / f"scale-{documents}.db"
    found: dict[str, dict] = {}
    imported = child("-m", "benchmarks.import_child", str(project), str(corpus))
    found["import"] = {"seconds": imported["seconds"], "rss_mb": imported["rss_mb"]}
    corpus.unlink()
    counts = project_counts(project)
    if counts != requested_counts(documents, documents * 10, documents * 2):
        raise SystemExit(f"{documents} articles: the project holds {counts}")
    print(f"{documents} articles imported: {counts}", file=sys.stderr)
    for name, kind in (("export (JSONL)", "export"), ("agreement", "agreement"), ("corpus search (median)", "search")):
        result = child("-m", "benchmarks.op_child", kind, str(project), str(folder))
        found[name] = {"seconds": result["seconds"], "rss_mb": result["rss_mb"], "p95": p95(result["samples"])}
    gui = child("-m", "benchmarks.gui_child", "corpus", str(project), str(documents))
    found["start to window"] = {"seconds": gui["start_s"], "rss_mb": gui["start_rss_mb"]}
    found["open an article (median)"] = {"seconds": statistics.median(gui["open"]), "p95": p95(gui["open"]), "rss_mb": gui["rss_mb"]}
    found["list filter/sort (median)"] = {"seconds": statistics.median(gui["list"]), "p95": p95(gui["list"]), "rss_mb": gui["rss_mb"]}
    project.unlink()
    return found


def plot(results: dict[int, dict[str, dict]], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(results)
    figure, (times, memory) = plt.subplots(1, 2, figsize=(12, 5))
    for name in TARGETS:
        times.plot(sizes, [results[n][name]["seconds"] for n in sizes], marker="o", label=name)
        memory.plot(sizes, [results[n][name]["rss_mb"] for n in sizes], marker="o", label=name)
    for axes, title, unit in ((times, "time", "seconds"), (memory, "peak memory of the process", "MB")):
        axes.set_xscale("log")
        axes.set_yscale("log")
        axes.set_xlabel("articles (10 spans, 2 relations each)")
        axes.set_ylabel(unit)
        axes.set_title(title)
        axes.grid(True, which="both", alpha=0.3)
    times.legend(fontsize=8)
    figure.suptitle(f"annotator: cost against corpus size ({os.cpu_count()} cores, load {load()})")
    figure.tight_layout()
    figure.savefig(out, dpi=110)


def table(results: dict[int, dict[str, dict]]) -> list[str]:
    sizes = sorted(results)
    largest = sizes[-1]
    header = ["operation", *(f"{n:,} articles" for n in sizes), f"target at {largest:,}", ""]
    lines = [header]
    for name, (limit, memory_limit) in TARGETS.items():
        cells = []
        for n in sizes:
            seconds, rss = results[n][name]["seconds"], results[n][name]["rss_mb"]
            cells.append((f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.1f} s") + f", {rss:.0f} MB")
        got = results[largest][name]
        met = got["seconds"] <= limit and (memory_limit is None or got["rss_mb"] <= memory_limit)
        target = (f"≤ {limit * 1000:.0f} ms" if limit < 1 else f"≤ {limit:g} s") + (f", ≤ {memory_limit:.0f} MB" if memory_limit else "")
        lines.append([name, *cells, target, "✓" if met else "✗"])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return ["  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip() for line in lines]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    load_before = load()
    results: dict[int, dict[str, dict]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            began = time.perf_counter()
            results[size] = measure(size, Path(folder))
            print(f"{size} articles measured in {time.perf_counter() - began:.0f} s (load {load()})", file=sys.stderr)
    for line in table(results):
        print(line)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    args.results.mkdir(parents=True, exist_ok=True)
    picture = args.results / f"scale-{stamp}.png"
    plot(results, picture)
    (args.results / f"scale-{stamp}.json").write_text(json.dumps(
        {"when": stamp, "cores": os.cpu_count(), "load_before": load_before, "load_after": load(),
         "results": {str(n): r for n, r in results.items()}}, indent=1), encoding="utf-8")
    print(f"load average {load_before} before, {load()} after; plot: {picture.relative_to(ROOT) if picture.is_relative_to(ROOT) else picture}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

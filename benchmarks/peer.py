"""`make bench-peer`: the same corpus through annotator and through Label Studio 1.23.2, in one run.

Label Studio comes from its pip package in a side virtual environment (.peer-venv/), runs on 127.0.0.1 on a
free port with a data folder of its own (SQLite, its default) in a temporary folder, and is driven through its
HTTP API with a legacy API token. Both sides get the same data: the bench corpus (benchmarks/corpus.py) without
its cross-document relations, which Label Studio cannot hold, plus one 50,000-character article with 2,000
regions. Annotator imports the native JSON Lines; Label Studio gets the same tasks as our Label Studio
export writes them, POSTed to its import API into a project with the labeling interface written beside it.
What each side holds afterwards is counted and printed, and the run stops if the counts differ.

Rows: import, export (to a complete file on disk), fetching the long article (ours: what the window reads to
open it, through the services; theirs: GET /api/tasks/ID with its annotations), disk after the import, and
peak memory (ours: the importing or exporting process; theirs: the server's process tree, sampled). Each row
gives both figures and how many times better annotator is, ✓/✗ against the issue's goals.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.corpus import ATTRIBUTES, LABELS, article, generate, words_of
from benchmarks.run import write_results
from benchmarks.peer_ls import VERSION, LabelStudio, PeakRSS, PeerError, ensure_installed, folder_bytes, tree_cpu, tree_rss

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
LONG_UID = "peer-long"
COUNTED = ("documents", "annotations", "regions", "relations", "attribute_values")


@dataclass
class Row:
    name: str
    unit: str  # "s", "ms" or "MB"
    ours: float
    theirs: float
    goal: float | None  # annotator at least this many times better (faster or smaller); None: no goal, shown only
    samples: str = ""

    @property
    def ratio(self) -> float:
        """How many times better annotator is: Label Studio's figure over ours."""
        return self.theirs / self.ours if self.ours > 0 else float("inf")

    @property
    def met(self) -> bool | None:
        return None if self.goal is None else self.ratio >= self.goal


def goal_text(row: Row) -> str:
    if row.goal is None:
        return ""
    return f"≥ {row.goal:g}× faster" if row.unit in ("s", "ms") else f"≤ 1/{row.goal:g}"


def cell(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.1f} MB" if value < 10 else f"{value:.0f} MB"
    return f"{value:.2f} {unit}" if value < 10 else f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"


def table(rows: list[Row]) -> list[str]:
    header = ("", "annotator", f"Label Studio {VERSION}", "ratio", "goal", "", "n")
    lines = [(r.name, cell(r.ours, r.unit), cell(r.theirs, r.unit), f"{r.ratio:.1f}×", goal_text(r),
              {True: "✓", False: "✗", None: ""}[r.met], r.samples) for r in rows]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
    return ["  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip() for line in [header, *lines]]


def long_record(chars: int = 50_000, regions: int = 2_000, annotator: str = "lina", seed: int = 15) -> dict:
    """One long article with `regions` spans of one annotator, spread over it, each with its label's attributes."""
    rng = random.Random(seed)
    text = article(rng, chars)[:chars]
    words = words_of(text)
    step = max(1, len(words) // regions)
    spans = []
    for number, index in enumerate(range(0, len(words), step)[:regions]):
        start, end = words[index]
        label = LABELS[number % len(LABELS)]
        spans.append({"id": f"long-{number}", "label": label, "start": start, "end": end, "text": text[start:end], "annotator": annotator,
                      "attributes": {name: rng.choice(values) for name, values in ATTRIBUTES[label].items()}})
    if len(spans) != regions:
        raise SystemExit(f"a {chars}-character article has room for {len(spans)} one-word regions, not {regions}")
    return {"id": LONG_UID, "title": "مقال طويل", "text": text, "spans": spans, "relations": []}


def peer_corpus(path: Path, *, documents: int, spans: int, relations: int, long_chars: int, long_regions: int) -> Path:
    """The bench corpus without cross-document relations (Label Studio holds none), then the long article."""
    raw = generate(path.with_suffix(".full.jsonl"), documents=documents, spans=spans, relations=relations)
    with raw.open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        for line in source:
            record = json.loads(line)
            record["relations"] = [r for r in record["relations"] if "to_document" not in r]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.write(json.dumps(long_record(long_chars, long_regions), ensure_ascii=False) + "\n")
    raw.unlink()
    return path


def our_counts(project_path: Path) -> dict[str, int]:
    """What the project holds, in Label Studio's terms: an annotation is one annotator's work on one document."""
    with sqlite3.connect(project_path) as raw:
        one = lambda sql: raw.execute(sql).fetchone()[0]  # noqa: E731
        values = sum(len(json.loads(a or "{}") or {}) for (a,) in raw.execute("SELECT attributes FROM spans"))
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "annotations": one("SELECT count(*) FROM (SELECT DISTINCT document_id, annotator_id FROM spans)"),
            "regions": one("SELECT count(*) FROM spans"),
            "relations": one("SELECT count(*) FROM relations"),
            "attribute_values": values,
        }


def labelstudio_counts(tasks: list[dict]) -> dict[str, int]:
    """What Label Studio tasks hold: a region is a `labels` result (its attributes are per-region results with
    the same id: `choices`, `textarea`), a relation a `relation` result."""
    found: Counter[str] = Counter(documents=len(tasks))
    for task in tasks:
        for annotation in task.get("annotations") or []:
            if annotation.get("was_cancelled"):
                continue
            found["annotations"] += 1
            kinds = Counter(result.get("type") for result in annotation.get("result") or [])
            found["regions"] += kinds["labels"]
            found["relations"] += kinds["relation"]
            found["attribute_values"] += kinds["choices"] + kinds["textarea"]
    return {key: found[key] for key in COUNTED}


def open_article(project, layer: str, document_id: int) -> tuple[str, list, list]:  # noqa: ANN001
    """What the window reads to open an article (annotator/ui/controller.py open_document), without Qt."""
    from annotator.services.annotation.relations import RelationService
    from annotator.services.annotation.tagging import TaggingService
    from annotator.services.documents import progress, query

    tagging = TaggingService(project, annotator=layer)
    relations = RelationService(project, annotator=layer, tagging=tagging)
    if query.info(project, layer, document_id) is None:
        raise SystemExit(f"no document {document_id} in the project")
    return progress.document_text(project, document_id), tagging.spans(document_id), relations.for_document(document_id)


def child(*args: str) -> dict:
    out = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"{' '.join(args)} failed: {out.stderr.strip().splitlines()[-1:] or out.returncode}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_cli(*args: str) -> None:
    out = subprocess.run([sys.executable, "-m", "annotator", *args], cwd=ROOT, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"annotator {' '.join(args)} failed: {(out.stderr.strip().splitlines() or [out.returncode])[-1]}")


def ours(args: argparse.Namespace, folder: Path, corpus: Path) -> dict:
    from annotator.services.io.datasets import export_dataset
    from annotator.storage.project import Project

    project_path = folder / "ours.db"
    imports = [child("-m", "benchmarks.import_child", str(folder / f"ours-{n}.db" if n else project_path), str(corpus))
               for n in range(args.imports)]
    disk = sum(p.stat().st_size for p in folder.glob("ours.db*"))
    command_line = []  # what a user waits for at the prompt: `annotator import`, process start included
    for number in range(args.imports):
        path = folder / f"cli-{number}.db"
        run_cli("new", str(path))
        began = time.perf_counter()
        run_cli("import", str(path), str(corpus), "--annotator", "bench")
        command_line.append(time.perf_counter() - began)
    exports = [child("-m", "benchmarks.peer_child", str(project_path), str(folder / "ours.jsonl")) for _ in range(args.exports)]
    if exports[0]["records"] != args.documents + 1:
        raise SystemExit(f"our export wrote {exports[0]['records']} records for {args.documents + 1} documents")
    with sqlite3.connect(project_path) as raw:
        long_id = raw.execute("SELECT id FROM documents WHERE uid = ?", (LONG_UID,)).fetchone()[0]
    with Project.open(project_path) as project:
        fetches = []
        for _ in range(args.fetches):
            began = time.perf_counter()
            text, spans, _relations = open_article(project, "lina", long_id)
            fetches.append(time.perf_counter() - began)
        if len(text) != args.long_chars or len(spans) != args.long_regions:
            raise SystemExit(f"the long article opened with {len(text)} characters and {len(spans)} spans")
        export_dataset(project, folder / "tasks.json", format="labelstudio")  # Label Studio's input, beside its labeling interface
    return {"counts": our_counts(project_path), "import_s": [i["seconds"] for i in imports], "import_cli_s": command_line, "import_cpu_s": [i["cpu_s"] for i in imports],
            "import_mb": [i["rss_mb"] for i in imports], "export_s": [e["seconds"] for e in exports],
            "export_cpu_s": [e["cpu_s"] for e in exports], "export_mb": [e["rss_mb"] for e in exports],
            "fetch_s": fetches, "disk_bytes": disk}


def ls_import(server: LabelStudio, config: str, body: bytes, title: str) -> tuple[int, dict, float, float, float]:
    """A fresh project with the labeling interface, the tasks POSTed into it: (project, answer, seconds, peak MB, server CPU s)."""
    project = server.call("POST", "/api/projects/", {"title": title, "label_config": config})["id"]
    with PeakRSS(server.pid) as memory:
        used = tree_cpu(server.pid)
        began = time.perf_counter()
        answer = server.call("POST", f"/api/projects/{project}/import", body)
        if "import" in answer and "task_count" not in answer:  # an edition that imports in the background: wait for it
            while server.call("GET", f"/api/projects/{project}/imports/{answer['import']}")["status"] not in ("completed", "failed"):
                time.sleep(0.2)
        seconds = time.perf_counter() - began
        cpu = tree_cpu(server.pid) - used
    return project, answer, seconds, memory.peak_mb, cpu


def theirs(args: argparse.Namespace, folder: Path, exe: Path) -> dict:
    tasks_file, config = folder / "tasks.json", (folder / "tasks.label_config.xml").read_text(encoding="utf-8")
    body = tasks_file.read_bytes()
    people = sorted({a["completed_by"]["email"] for t in json.loads(body) for a in t["annotations"]})
    data_dir = folder / "ls-data"
    with LabelStudio(exe, data_dir, timeout=args.server_timeout) as server:
        idle_mb = tree_rss(server.pid) / 2**20
        for email in people:  # Label Studio takes annotations only from its members
            server.call("POST", "/api/users/", {"email": email, "username": email.split("@")[0]})
        print(f"Label Studio {VERSION} up on {server.url} (pid {server.pid}, {idle_mb:.0f} MB idle); importing…", file=sys.stderr, flush=True)
        project, answer, seconds, peak, cpu = ls_import(server, config, body, "bench-peer")
        imports, import_mb, import_cpu = [seconds], [peak], [cpu]
        disk = {"data_dir_bytes": folder_bytes(data_dir), "db_bytes": sum(p.stat().st_size for p in data_dir.glob("label_studio.sqlite3*"))}
        exports, export_cpu, export_mb = [], [], []
        for number in range(args.exports):
            out = folder / f"ls-export-{number}.json"
            with PeakRSS(server.pid) as memory:
                used = tree_cpu(server.pid)
                began = time.perf_counter()
                server.call("GET", f"/api/projects/{project}/export?exportType=JSON&download_all_tasks=true", to=out)
                exports.append(time.perf_counter() - began)
                export_cpu.append(tree_cpu(server.pid) - used)
            export_mb.append(memory.peak_mb)
        exported = json.loads((folder / "ls-export-0.json").read_text(encoding="utf-8"))
        long_id = next(t["id"] for t in exported if t["data"].get("doc_id") == LONG_UID)
        fetches = []
        for _ in range(args.fetches):
            began = time.perf_counter()
            task = server.call("GET", f"/api/tasks/{long_id}")
            fetches.append(time.perf_counter() - began)
        for number in range(1, args.imports):  # more samples, each into a fresh project of a server that holds no other one
            server.call("DELETE", f"/api/projects/{project}/")
            project, _, seconds, peak, cpu = ls_import(server, config, body, f"bench-peer-{number}")
            imports.append(seconds)
            import_mb.append(peak)
            import_cpu.append(cpu)
    fetched = labelstudio_counts([task])["regions"]
    if fetched != args.long_regions or len(task["data"]["text"]) != args.long_chars:
        raise SystemExit(f"GET /api/tasks/{long_id} gave {len(task['data']['text'])} characters and {fetched} regions")
    return {"counts": labelstudio_counts(exported), "import_answer": {k: answer.get(k) for k in ("task_count", "annotation_count")},
            "import_s": imports, "import_cpu_s": import_cpu, "import_mb": import_mb, "export_s": exports, "export_cpu_s": export_cpu,
            "export_mb": export_mb, "fetch_s": fetches,
            "idle_mb": idle_mb, **disk}


def rows_of(us: dict, them: dict) -> list[Row]:
    median = statistics.median
    n = lambda a, b: f"{len(a)}/{len(b)}"  # noqa: E731
    return [
        Row("import (in process)", "s", median(us["import_s"]), median(them["import_s"]), 5, n(us["import_s"], them["import_s"])),
        Row("import (`annotator import`, process start)", "s", median(us["import_cli_s"]), median(them["import_s"]), 5,
            n(us["import_cli_s"], them["import_s"])),
        Row("import, CPU seconds (ours / its server)", "s", median(us["import_cpu_s"]), median(them["import_cpu_s"]), 5,
            n(us["import_cpu_s"], them["import_cpu_s"])),
        Row("export (JSONL / JSON)", "s", median(us["export_s"]), median(them["export_s"]), 5, n(us["export_s"], them["export_s"])),
        Row("export, CPU seconds (ours / its server)", "s", median(us["export_cpu_s"]), median(them["export_cpu_s"]), 5,
            n(us["export_cpu_s"], them["export_cpu_s"])),
        Row("fetch the 50,000-char, 2,000-region article", "ms", median(us["fetch_s"]) * 1000, median(them["fetch_s"]) * 1000, None,
            n(us["fetch_s"], them["fetch_s"])),
        Row("disk after import (vs its SQLite db)", "MB", us["disk_bytes"] / 1e6, them["db_bytes"] / 1e6, 2),
        Row("disk after import (vs its data folder)", "MB", us["disk_bytes"] / 1e6, them["data_dir_bytes"] / 1e6, 2),
        Row("peak memory, import (vs server tree)", "MB", median(us["import_mb"]), median(them["import_mb"]), 4, n(us["import_mb"], them["import_mb"])),
        Row("peak memory, export (vs server tree)", "MB", median(us["export_mb"]), median(them["export_mb"]), 4, n(us["export_mb"], them["export_mb"])),
    ]


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "load average " + " ".join(f"{v:.2f}" for v in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=2_000, help="articles in the corpus (10 regions and 2 relations each)")
    parser.add_argument("--long-chars", type=int, default=50_000)
    parser.add_argument("--long-regions", type=int, default=2_000)
    parser.add_argument("--imports", type=int, default=3, help="imports on each side, each into a fresh project")
    parser.add_argument("--exports", type=int, default=3)
    parser.add_argument("--fetches", type=int, default=9)
    parser.add_argument("--server-timeout", type=float, default=300, help="seconds Label Studio may take to come up")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    try:
        import psutil  # noqa: F401
    except ImportError:
        print("bench-peer needs psutil: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a terminated run unwinds and stops the server
    load_before = uptime()
    print(f"machine: {load_before}; {os.cpu_count()} cores", file=sys.stderr)
    try:
        exe = ensure_installed()
        with tempfile.TemporaryDirectory(prefix="bench-peer-") as name:
            folder = Path(name)
            corpus = peer_corpus(folder / "corpus.jsonl", documents=args.documents, spans=10 * args.documents, relations=2 * args.documents,
                                 long_chars=args.long_chars, long_regions=args.long_regions)
            print(f"corpus: {args.documents} articles + 1 of {args.long_chars:,} characters, {corpus.stat().st_size / 1e6:.1f} MB of JSONL",
                  file=sys.stderr, flush=True)
            us = ours(args, folder, corpus)
            them = theirs(args, folder, exe)
    except PeerError as error:
        print(f"bench-peer: {error}", file=sys.stderr)
        return 1
    except (OSError, ValueError, KeyError, StopIteration) as error:  # an answer of an unexpected shape, a full disk
        print(f"bench-peer: stopped by {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print("held after import: " + "; ".join(f"{k.replace('_', ' ')} {us['counts'][k]} / {them['counts'][k]}" for k in COUNTED)
          + f" (annotator / Label Studio; its import answered {them['import_answer']})")
    if us["counts"] != them["counts"]:
        print("the two sides do not hold the same data: no comparison", file=sys.stderr)
        return 1
    rows = rows_of(us, them)
    for line in table(rows):
        print(line)
    load_after = uptime()
    print(f"ratio: Label Studio's figure ÷ annotator's (× better). n: samples ours/theirs. "
          f"Label Studio idle {them['idle_mb']:.0f} MB.")
    print(f"machine before: {load_before}\nmachine after:  {load_after}; {os.cpu_count()} cores")
    write_results(args.results, f"peer-{args.documents}", {
        "label_studio_version": VERSION, "load_before": load_before, "load_after": load_after,
        "corpus": vars(args) | {"results": str(args.results)}, "held": {"annotator": us["counts"], "label_studio": them["counts"]},
        "rows": [asdict(r) | {"ratio": r.ratio, "met": r.met} for r in rows], "annotator": us, "label_studio": them,
    })
    return 0


if __name__ == "__main__":
    sys.exit(main())

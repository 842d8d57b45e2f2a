"""Our JSON Lines export for `make bench-peer`, in a fresh process so that its peak memory is its own: wall and
CPU seconds to a complete file on disk, and how many records the file holds."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from annotator.services.io.datasets import export_dataset
from annotator.storage.project import Project
from benchmarks.corpus import peak_rss_mb

if __name__ == "__main__":
    project_path, out = Path(sys.argv[1]), Path(sys.argv[2])
    with Project.open(project_path) as project:
        began, used = time.perf_counter(), time.process_time()
        export_dataset(project, out, format="jsonl")
        seconds, cpu = time.perf_counter() - began, time.process_time() - used
    with out.open(encoding="utf-8") as written:
        records = sum(1 for _ in written)
    out.unlink()
    print(json.dumps({"seconds": seconds, "cpu_s": cpu, "rss_mb": peak_rss_mb(), "records": records}))

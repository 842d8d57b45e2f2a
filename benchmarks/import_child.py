"""Import the corpus in a fresh process, so that its peak memory is the import's own."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from annotator.services.io.importing import import_paths
from annotator.storage.project import Project
from benchmarks.corpus import peak_rss_mb

if __name__ == "__main__":
    project_path, corpus = Path(sys.argv[1]), Path(sys.argv[2])
    with Project.create(project_path) as project:
        began, used = time.perf_counter(), time.process_time()
        report = import_paths(project, [corpus], annotator="bench")
        seconds, cpu = time.perf_counter() - began, time.process_time() - used
    if report.errors:
        raise SystemExit(str(report.errors[0]))
    print(json.dumps({"seconds": seconds, "cpu_s": cpu, "rss_mb": peak_rss_mb()}))

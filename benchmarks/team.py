"""Ten annotators tagging at once on one PostgreSQL project (make bench-team): separate processes on the loopback,
each tagging its own layer as fast as it can for a bounded number of spans, retrying when the project is busy as
the window does. Prints keypress → committed (p50, p95), spans kept against acknowledged, errors, retries.

    python -m benchmarks.team [--people 10] [--spans 100]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

TEXT = "قال مسؤول أمريكي كبير إن الرئيس بعث برسالة إلى إيران وفقا لأشخاص مطلعين على هذه المراسلات. " * 30


def child(url: str, name: str, spans: int) -> None:
    from annotator.core.errors import ProjectBusy
    from annotator.core.model import DocumentId
    from annotator.services.annotation.tagging import TaggingService
    from annotator.storage.project import Project

    with Project.open(url) as project:
        tagging = TaggingService(project, annotator=name)
        timings, retries, errors, made = [], 0, 0, []
        for number in range(spans):
            start = (number * 7) % (len(TEXT) - 20)
            began = time.perf_counter()
            while True:
                try:
                    made.append(tagging.create_span(document_id=DocumentId(1 + number % 3), start=start, end=start + 5,
                                                    label="CLAIM").span.uid)
                    break
                except ProjectBusy:
                    retries += 1
                    time.sleep(0.01)
                except Exception:  # noqa: BLE001 (counted: the benchmark's point is that there are none)
                    errors += 1
                    break
            timings.append(time.perf_counter() - began)
    print(json.dumps({"timings": timings, "retries": retries, "errors": errors, "made": made}))


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.team")
    parser.add_argument("--people", type=int, default=10)
    parser.add_argument("--spans", type=int, default=100)
    parser.add_argument("--child", nargs=3, metavar=("URL", "NAME", "SPANS"))
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return 0
    from sqlalchemy import func, select

    from annotator.core.model import NewDocument
    from annotator.services.io.importing import add_documents
    from annotator.services.team.identity import Role, identify
    from annotator.storage.models import Span
    from annotator.storage.project import Project
    from tests import pgserver

    server = pgserver.start_server()
    try:
        url = server.url(server.take_database())
        with Project.create(url) as project:
            identify(project, "rana", Role.REVIEWER)
            add_documents(project, [NewDocument(uid=f"d{i}", title=f"مقال {i}", text=f"{i} {TEXT}") for i in range(3)], annotator="rana")
        people = [f"annotator{n}" for n in range(args.people)]
        began = time.perf_counter()
        children = [subprocess.Popen([sys.executable, "-m", "benchmarks.team", "--child", url, name, str(args.spans)],
                                     stdout=subprocess.PIPE, text=True) for name in people]
        results = [json.loads(process.communicate(timeout=600)[0]) for process in children]
        wall = time.perf_counter() - began
        with Project.open(url) as project, project.reading() as session:
            kept = session.scalar(select(func.count(Span.id)))
        timings = sorted(t for result in results for t in result["timings"])
        acknowledged = sum(len(result["made"]) for result in results)
        p95 = timings[int(0.95 * len(timings)) - 1]
        print("| people | spans acknowledged | kept | lost | errors | busy retries | p50 | p95 | wall | load |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        print(f"| {args.people} | {acknowledged} | {kept} | {acknowledged - kept} | {sum(r['errors'] for r in results)} | "
              f"{sum(r['retries'] for r in results)} | {statistics.median(timings) * 1000:.1f} ms | {p95 * 1000:.1f} ms | "
              f"{wall:.1f} s | {os.getloadavg()[0]:.1f} |")
        lost = acknowledged - kept
        return 1 if lost or any(r["errors"] for r in results) else 0
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())

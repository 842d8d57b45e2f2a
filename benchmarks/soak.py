"""A bounded SIGKILL soak: a child tags and deletes through the services and acknowledges each action only after
the service call returned; the parent kills it at a random moment, then checks that every acknowledged action is
in the project and that SQLite's integrity check passes.

    python -m benchmarks.soak [--trials N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from annotator.core.model import DocumentId, NewDocument, SpanId
from annotator.services.annotation.tagging import TaggingService
from annotator.services.io.importing import add_documents
from annotator.storage.project import Project

TEXT = "قال مسؤول أمريكي كبير إن الرئيس بعث برسالة إلى إيران وفقا لأشخاص مطلعين على هذه المراسلات " * 40
WHO = "soak"


def child(path: Path, seed: int) -> None:
    """Tag and delete forever; one line on stdout per acknowledged action."""
    rng = random.Random(seed)
    project = Project.open(path)
    service = TaggingService(project, annotator=WHO)
    document_id = DocumentId(int(sys.argv[-1]))
    made: list[tuple[SpanId, str]] = []
    print("ready", flush=True)
    while True:
        if made and rng.random() < 0.2:
            span_id, uid = made.pop(rng.randrange(len(made)))
            print(f"deleting {uid}", flush=True)  # the kill may land after the commit and before the acknowledgement
            service.delete_span(span_id)
            print(f"deleted {uid}", flush=True)
            continue
        start = rng.randrange(len(TEXT) - 20)
        span = service.create_span(document_id=document_id, start=start, end=start + rng.randint(1, 20), label="CLAIM").span
        made.append((span.id, span.uid))
        print(f"created {span.uid}", flush=True)


@dataclass
class Trial:
    acknowledged: int
    lost: int
    integrity: str


def trial(folder: Path, number: int, rng: random.Random) -> Trial:
    path = folder / f"soak-{number}.db"
    project = Project.create(path)
    add_documents(project, [NewDocument(uid=None, title="soak", text=TEXT)], annotator=WHO)
    with project.reading() as session:
        document_id = session.execute(text("SELECT id FROM documents")).scalar_one()
    project.close()
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.soak", "--child", str(path), str(rng.randrange(1 << 30)), str(document_id)],
        stdout=subprocess.PIPE, text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()  # the random moment is counted from the child's first action, not its start-up
    if first.strip() != "ready":
        process.kill()
        raise SystemExit(f"soak: the child did not start ({first.strip() or 'no output'})")
    time.sleep(rng.uniform(0.3, 1.5))
    process.send_signal(signal.SIGKILL)
    lines = process.communicate()[0].splitlines()
    created = {line.split()[1] for line in lines if line.startswith("created ")}
    deleted = {line.split()[1] for line in lines if line.startswith("deleted ")}
    # A deletion under way when the kill came may or may not have been committed: either is right.
    in_flight = {line.split()[1] for line in lines[-1:] if line.startswith("deleting ")}
    connection = sqlite3.connect(path)
    try:
        present = {row[0] for row in connection.execute("SELECT uid FROM spans")}
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()
    lost = len((created - deleted - in_flight) - present) + len(deleted & present)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    acknowledged = sum(not line.startswith("deleting ") for line in lines)
    return Trial(acknowledged=acknowledged, lost=lost, integrity=integrity)


def soak(trials: int, seed: int) -> list[Trial]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="annotator-soak-") as folder:
        return [trial(Path(folder), number, rng) for number in range(trials)]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.soak")
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs=3, metavar=("PROJECT", "SEED", "DOCUMENT"))
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), int(args.child[1]))
        return 0
    started = time.perf_counter()
    results = soak(args.trials, args.seed)
    errors = sum(result.integrity != "ok" for result in results)
    lost = sum(result.lost for result in results)
    print("| trials | acknowledged actions | lost | integrity errors | time |")
    print("| --- | --- | --- | --- | --- |")
    print(f"| {len(results)} | {sum(r.acknowledged for r in results)} | {lost} | {errors} | {time.perf_counter() - started:.1f} s |")
    return 1 if lost or errors else 0


if __name__ == "__main__":
    sys.exit(main())

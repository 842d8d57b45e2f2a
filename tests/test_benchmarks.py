"""The benchmark corpus is what it says, and the runner works end to end on a tiny corpus (its figures are
reported by `make bench`, never asserted here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from annotator.services.io.importing import import_paths
from annotator.services.team.agreement import OVERALL, compute_agreement
from annotator.storage.project import Project
from benchmarks.corpus import ANNOTATORS, LABELS, generate
from benchmarks.run import project_counts, requested_counts

ROOT = Path(__file__).resolve().parent.parent


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_corpus_is_reproducible_and_valid(tmp_path: Path) -> None:
    first = generate(tmp_path / "a.jsonl", documents=20, spans=200, relations=40)
    second = generate(tmp_path / "b.jsonl", documents=20, spans=200, relations=40)
    assert first.read_bytes() == second.read_bytes()
    found = records(first)
    assert len(found) == 20 and sum(len(r["spans"]) for r in found) == 200 and sum(len(r["relations"]) for r in found) == 40
    for record in found:
        assert 2_000 <= len(record["text"].encode("utf-8")) <= 9_000
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"]
            assert span["attributes"]


def test_every_annotator_uses_every_label_and_annotators_overlap(tmp_path: Path) -> None:
    found = records(generate(tmp_path / "c.jsonl", documents=40, spans=400, relations=80))
    used = Counter((s["annotator"], s["label"]) for r in found for s in r["spans"])
    assert set(used) == {(a, label) for a in ANNOTATORS for label in LABELS}
    assert min(used.values()) >= 20  # none of them a token presence
    extents = Counter((r["id"], s["label"], s["start"], s["end"]) for r in found for s in r["spans"])
    assert sum(1 for n in extents.values() if n >= 2) >= 40  # the same span found by two or three
    relations = [x for r in found for x in r["relations"]]
    assert {x["label"] for x in relations} == {"ATTRIBUTION", "SUPPORT", "CONTRADICTION"}
    assert sum(1 for x in relations if "to_document" in x) == 80 // 5
    assert {x["annotator"] for x in relations} == set(ANNOTATORS)


def test_the_imported_project_holds_what_was_asked_for(tmp_path: Path) -> None:
    corpus = generate(tmp_path / "c.jsonl", documents=30, spans=300, relations=60)
    with Project.create(tmp_path / "p.db") as project:
        assert import_paths(project, [corpus], annotator="bench").errors == []
        report = compute_agreement(project)
    assert project_counts(tmp_path / "p.db") == requested_counts(30, 300, 60)
    # Annotators agree often but not always: token alpha in the range of real annotation rounds.
    assert 0.6 <= report.alpha[OVERALL] <= 0.9, report.alpha
    assert all(0 < row[OVERALL].f1 < 1 for row in report.exact.values())


def test_the_runner_prints_its_table_and_writes_json(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--documents", "30", "--spans", "300", "--relations", "60", "--imports", "1",
         "--results", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "imported: 30 documents, 300 spans, 60 relations, 12 cross document relations" in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["operation", "median", "p95", "n"]
    assert any(line.startswith("keypress → span") for line in lines)
    assert any(line.startswith("import the corpus") and "floor" in line for line in lines)
    assert all(("✓" in line) != ("✗" in line) for line in lines[1:10])
    written = json.loads(next(tmp_path.glob("bench-30-*.json")).read_text(encoding="utf-8"))
    assert written["imported"]["relations"] == 60
    rows = {row["name"]: row for row in written["rows"]}
    assert rows["corpus search (normalized)"]["samples"] >= 7 and rows["open 50,000 chars, 2,000 spans"]["samples"] >= 7
    assert rows["agreement, whole corpus"]["met"] in (True, False)


def test_the_scale_run_draws_its_plot(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib", reason="make bench-scale installs matplotlib (the bench extra)")
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.scale", "--sizes", "20", "60", "--results", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["operation", "20", "articles"] and len(lines) >= 8
    assert all(line.rstrip().endswith(("✓", "✗")) for line in lines[1:8])
    assert next(tmp_path.glob("scale-*.png")).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    written = json.loads(next(tmp_path.glob("scale-*.json")).read_text(encoding="utf-8"))
    assert set(written["results"]) == {"20", "60"} and written["results"]["60"]["agreement"]["seconds"] > 0


# make bench-peer: the parts that run without Label Studio (the server itself is `make bench-peer`'s, not the suite's).


def test_the_peer_table_gives_ratios_and_verdicts_against_the_goals() -> None:
    from benchmarks.peer import Row, table

    rows = [Row("import", "s", 1.0, 6.0, 5, "3/1"), Row("export", "s", 2.0, 8.0, 5), Row("peak memory", "MB", 100, 300, 4),
            Row("disk", "MB", 10, 20, 2), Row("fetch", "ms", 20, 10, None)]
    assert [round(r.ratio, 2) for r in rows] == [6.0, 4.0, 3.0, 2.0, 0.5]
    assert [r.met for r in rows] == [True, False, False, True, None]
    lines = table(rows)
    assert lines[0].split()[0] == "annotator" and "Label Studio" in lines[0]
    assert "6.0×" in lines[1] and "≥ 5× faster" in lines[1] and lines[1].rstrip().endswith("✓  3/1")
    assert lines[2].rstrip().endswith("✗") and "≤ 1/4" in lines[3] and lines[3].rstrip().endswith("✗")
    assert "✓" not in lines[5] and "✗" not in lines[5] and "0.5×" in lines[5]
    assert Row("x", "s", 0.0, 1.0, 5).met is True  # a zero of ours is infinitely better, not a crash


def test_label_studio_tasks_are_counted_as_regions_relations_and_attribute_values() -> None:
    from benchmarks.peer import labelstudio_counts

    region = lambda i, kind="labels": {"id": f"r{i}", "type": kind, "value": {"start": 0, "end": 1}}  # noqa: E731
    tasks = [
        {"data": {"text": "ab"}, "annotations": [
            {"result": [region(1), region(1, "choices"), region(1, "choices"), region(2), region(2, "textarea"),
                        {"type": "relation", "from_id": "r1", "to_id": "r2"}]},
            {"was_cancelled": True, "result": [region(3)]},  # a skipped task holds nothing
        ]},
        {"data": {"text": "c"}, "annotations": []},
    ]
    assert labelstudio_counts(tasks) == {"documents": 2, "annotations": 1, "regions": 2, "relations": 1, "attribute_values": 3}


def test_our_label_studio_export_of_the_peer_corpus_counts_what_the_project_holds(tmp_path: Path) -> None:
    from annotator.services.io.datasets import export_dataset
    from benchmarks.peer import LONG_UID, labelstudio_counts, our_counts, peer_corpus

    corpus = peer_corpus(tmp_path / "c.jsonl", documents=12, spans=120, relations=24, long_chars=3_000, long_regions=100)
    found = records(corpus)
    assert found[-1]["id"] == LONG_UID and len(found[-1]["text"]) == 3_000 and len(found[-1]["spans"]) == 100
    assert not any("to_document" in r for record in found for r in record["relations"])  # Label Studio holds none across tasks
    with Project.create(tmp_path / "p.db") as project:
        assert import_paths(project, [corpus], annotator="bench").errors == []
        export_dataset(project, tmp_path / "tasks.json", format="labelstudio")
    held = our_counts(tmp_path / "p.db")
    assert held["documents"] == 13 and held["regions"] == 220 and held["relations"] == 24 - 24 // 5
    assert held["attribute_values"] == sum(len(s["attributes"]) for record in found for s in record["spans"])
    assert labelstudio_counts(json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))) == held
    assert (tmp_path / "tasks.label_config.xml").read_text(encoding="utf-8").startswith("<View>")
    exported = subprocess.run([sys.executable, "-m", "benchmarks.peer_child", str(tmp_path / "p.db"), str(tmp_path / "out.jsonl")],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert exported.returncode == 0, exported.stderr[-2000:]
    figures = json.loads(exported.stdout)
    assert figures["records"] == 13 and figures["seconds"] > 0 and figures["rss_mb"] > 0 and not (tmp_path / "out.jsonl").exists()


def test_a_peer_server_that_never_answers_is_stopped_with_one_line(tmp_path: Path) -> None:
    from benchmarks.peer_ls import LabelStudio, PeerError

    fake = tmp_path / "label-studio"
    fake.write_text(f"#!/bin/sh\necho starting\necho $$ > {tmp_path / 'pid'}\nexec sleep 60\n")
    fake.chmod(0o755)
    with pytest.raises(PeerError, match=r"did not answer on http://127\.0\.0\.1:\d+ within 2 s.*starting"):
        with LabelStudio(fake, tmp_path / "data", timeout=2):
            pass
    pid = int((tmp_path / "pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # stopped, not left behind
    fake.write_text("#!/bin/sh\necho 'no such option' >&2\nexit 3\n")
    with pytest.raises(PeerError, match=r"stopped \(exit 3\) before it answered: no such option"):
        LabelStudio(fake, tmp_path / "data", timeout=10).__enter__()


def test_pip_without_a_network_is_one_clear_line(tmp_path: Path) -> None:
    from benchmarks.peer_ls import PeerError, ensure_installed

    (tmp_path / "bin").mkdir()
    pip = tmp_path / "bin" / "python"  # a side environment whose pip finds no index
    pip.write_text("#!/bin/sh\necho 'ERROR: Could not find a version that satisfies the requirement label-studio==1.23.2' >&2\nexit 1\n")
    pip.chmod(0o755)
    with pytest.raises(PeerError, match=r"pip could not install label-studio==1\.23\.2 .*no network.*Could not find a version"):
        ensure_installed(tmp_path)


def test_a_benchmark_s_backups_go_to_a_folder_of_their_own_removed_at_the_end(tmp_path) -> None:  # noqa: ANN001
    import os
    import subprocess
    import sys

    env = {key: value for key, value in os.environ.items() if key != "ANNOTATOR_BACKUP_DIR"}
    shown = subprocess.run(
        [sys.executable, "-c", "import benchmarks; from annotator.storage.backup import backup_root; print(backup_root())"],
        env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert "annotator-bench-backups-" in shown and not os.path.exists(shown)

"""brat: the real corpora from brat's repository import whole with their own scheme, folder trees recursively,
one named .ann alone; our export reads back the same, declares <OVERLAP> and counts offsets in code points.
brat's own verifier runs on our export when BRAT_SRC names a brat checkout (it needs Python < 3.11: BRAT_PYTHON)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from annotator.core.scheme import parse_scheme
from annotator.services.io.datasets import export_dataset
from annotator.services.io.importing import import_paths
from annotator.services.io.scheme_from import scheme_from
from annotator.storage.project import Project
from tests.interop.real_files import interop


def records(project: Project) -> list[dict]:
    out = project.path.parent / f"{project.path.stem}-check.jsonl"
    export_dataset(project, out, format="jsonl")
    found = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    out.unlink()
    return found


def annotations(project: Project) -> tuple[list[tuple], list[tuple]]:
    """Every span (text, label, extent, attributes, note) and relation (label, its ends' extents) by document text."""
    spans, relations = [], []
    for record in records(project):
        where = {s["id"]: (s["start"], s["end"], s["label"]) for s in record["spans"]}
        spans += [(record["text"][:30], s["label"], s["start"], s["end"], json.dumps(s["attributes"], sort_keys=True)) for s in record["spans"]]
        relations += [(record["text"][:30], r["label"], where[r["from"]], where[r["to"]]) for r in record["relations"]]
    return sorted(spans), sorted(relations)


@pytest.mark.parametrize(("folder", "documents", "spans", "relations"), [
    ("brat/news", 13, 119, 63),  # events become their trigger span plus a relation per argument; equivalences a chain of relations
    ("brat/TDT", 6, 1165, 1169),
    ("brat/CoNLL-ST_2002", 20, 816, 0),  # its documents sit in esp/ and ned/
])
def test_real_brat_corpora_import_whole_with_their_own_scheme(tmp_path: Path, folder: str, documents: int, spans: int, relations: int) -> None:
    path = interop(folder)
    with Project.create(tmp_path / "p.db", scheme=scheme_from(path)) as project:
        report = import_paths(project, [path], annotator="me")
        assert report.errors == []
        counts = report.files[str(path)]
        assert (counts.new_documents, counts.spans_added, counts.relations_added) == (documents, spans, relations)
        again = import_paths(project, [path], annotator="me")  # idempotent: everything is found already there
        counts = again.files[str(path)]
        assert (counts.new_documents, counts.matched_documents, counts.spans_added, counts.spans_present) == (0, documents, 0, spans)


def test_a_folder_tree_imports_recursively_with_the_subfolder_in_the_ids(tmp_path: Path) -> None:
    path = interop("brat/CoNLL-ST_2002")
    with Project.create(tmp_path / "p.db", scheme=scheme_from(path)) as project:
        assert import_paths(project, [path], annotator="me").errors == []
        ids = {record["id"] for record in records(project)}
    assert {i.split("/")[0] for i in ids} == {"esp", "ned"} and len(ids) == 20


def test_naming_one_ann_file_imports_only_that_document(tmp_path: Path) -> None:
    folder = interop("brat/news")
    one = folder / "060-relation_annotation.ann"
    with Project.create(tmp_path / "p.db", scheme=scheme_from(folder)) as project:
        report = import_paths(project, [one], annotator="me")
        assert report.errors == [] and report.files[str(one)].new_documents == 1
        [record] = records(project)
    assert record["id"] == "060-relation_annotation"
    assert record["text"] == (folder / "060-relation_annotation.txt").read_text(encoding="utf-8")


def test_the_brat_notes_say_what_was_kept_differently(tmp_path: Path) -> None:
    folder = interop("brat/news")
    with Project.create(tmp_path / "p.db", scheme=scheme_from(folder)) as project:
        report = import_paths(project, [folder], annotator="me")
    counts = report.files[str(folder)]  # the per-file report, by element kind
    assert counts.not_kept == {} and counts.kept_differently == {
        "event(s) kept as their trigger span with a relation per argument": 23, "attribute(s) of an event put on its trigger span": 6,
        "equivalence(s) kept as a chain of relations": 2}
    assert counts.summary().endswith("63 relation(s) added, 0 already present; nothing left out, 31 kept differently")
    said = " ".join(report.notes)
    assert ("100-attribute_annotation.ann: kept differently: 10 event(s) kept as their trigger span with a relation per argument "
            "(e.g. E1, E2, E3); 5 attribute(s) of an event put on its trigger span") in said
    assert "equivalence(s) kept as a chain of relations" in said


@pytest.mark.parametrize("folder", ["brat/news", "brat/TDT"])
def test_our_brat_export_reads_back_the_same(tmp_path: Path, folder: str) -> None:
    path = interop(folder)
    scheme = scheme_from(path)
    with Project.create(tmp_path / "a.db", scheme=scheme) as first:
        assert import_paths(first, [path], annotator="me").errors == []
        export_dataset(first, tmp_path / "out", format="brat")
        before = annotations(first)
    with Project.create(tmp_path / "b.db", scheme=scheme) as second:
        report = import_paths(second, [tmp_path / "out"], annotator="other")
        assert report.errors == []
        after = annotations(second)
    assert after == before
    if folder == "brat/news":  # the normalization went out as an N line and came back as the attribute
        assert any("Wikipedia:64488 (Carlos Salinas de Gortari)" in span[4] for span in after[0])
        assert any(line.startswith("N1\tReference ") for ann in (tmp_path / "out").glob("*.ann") for line in ann.read_text(encoding="utf-8").splitlines())


def test_annotation_conf_declares_overlap_and_each_attribute_once(tmp_path: Path) -> None:
    path = interop("brat/news")
    with Project.create(tmp_path / "p.db", scheme=scheme_from(path)) as project:
        import_paths(project, [path], annotator="me")
        export_dataset(project, tmp_path / "out", format="brat")
    conf = (tmp_path / "out" / "annotation.conf").read_text(encoding="utf-8").splitlines()
    assert "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>" in conf
    assert [line for line in conf if line.startswith("Confidence\t")] == ["Confidence\tArg:Transfer-money|Merge-org|Report, Value:High|Low|Neutral"]
    assert not any(line.startswith("normalization") for line in conf)  # brat keeps those as N lines, not attributes


TEXT = "😀👍🏽 قال مصدر 📨 مطلع إن الوزير سيستقيل.\nسطر ثان 𝕏 هنا."
SCHEME = parse_scheme({"name": "t", "span_labels": [{"name": n, "color": "#123456", "attributes": [{"name": "gloss", "type": "text"}]}
                                                    for n in ("CLAIM", "SOURCE", "CUE")], "relation_labels": []})


@pytest.fixture
def nested(tmp_path: Path) -> Path:
    """A brat export of nested spans (a CLAIM inside a CLAIM, across a line), astral characters before each."""
    def span(i: str, words: str, label: str, attributes: dict | None = None) -> dict:
        start = TEXT.index(words)
        return {"id": i, "label": label, "start": start, "end": start + len(words), "text": words, "annotator": "a", "attributes": attributes or {}}
    record = {"id": "e1", "text": TEXT, "relations": [], "spans": [
        span("s1", "مصدر 📨 مطلع", "SOURCE", {"gloss": "two words"}), span("s2", "قال", "CUE"),
        span("s3", "الوزير سيستقيل.\nسطر ثان 𝕏", "CLAIM"), span("s4", "الوزير", "CLAIM")]}
    (tmp_path / "in.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with Project.create(tmp_path / "n.db", scheme=SCHEME) as project:
        assert import_paths(project, [tmp_path / "in.jsonl"], annotator="a").errors == []
        report = export_dataset(project, tmp_path / "nested", format="brat")
    assert any("attribute value(s) brat cannot write" in note for note in report.notes)
    return tmp_path / "nested"


def test_brat_offsets_are_code_points_and_a_line_break_splits_fragments(nested: Path) -> None:
    text = (nested / "e1.txt").read_text(encoding="utf-8")
    lines = (nested / "e1.ann").read_text(encoding="utf-8").splitlines()
    bound = [line.split("\t") for line in lines if line.startswith("T")]
    for _key, extent, written in bound:
        pieces = [tuple(int(n) for n in part.split()[-2:]) for part in extent.split(";")]
        assert " ".join(text[a:b] for a, b in pieces) == written  # what brat's reader checks, on the same str
    assert ["SOURCE 8 19", "CLAIM 23 38;39 48"] == [e for _k, e, _w in bound if e.startswith(("SOURCE", "CLAIM 23 38"))]
    assert "#" in "".join(lines) and "gloss=two words" in "\n".join(lines)  # a value with a space travels as a note


def test_brats_own_verifier_accepts_our_export(nested: Path, tmp_path: Path) -> None:
    brat, python = os.environ.get("BRAT_SRC"), os.environ.get("BRAT_PYTHON", "python3")
    if not brat or not (Path(brat) / "server" / "src" / "verify_annotations.py").exists() or not shutil.which(python):
        pytest.skip("brat's verify_annotations.py runs only when BRAT_SRC names a brat checkout (with a config.py) and BRAT_PYTHON a Python < 3.11")
    anns = sorted(str(p) for p in nested.glob("*.ann"))
    run = subprocess.run([python, "verify_annotations.py", *anns], cwd=Path(brat) / "server" / "src", capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": brat}, timeout=120)
    assert run.returncode == 0 and run.stdout.strip() == "", run.stdout + run.stderr
    conf = nested / "annotation.conf"
    conf.write_text(conf.read_text(encoding="utf-8").replace("<OVERLAP>", "#<OVERLAP>"), encoding="utf-8")
    run = subprocess.run([python, "verify_annotations.py", *anns], cwd=Path(brat) / "server" / "src", capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": brat}, timeout=120)
    assert "CLAIM cannot contain CLAIM" in run.stdout  # the check is real: without <OVERLAP> brat refuses the nesting

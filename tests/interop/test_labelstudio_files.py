"""Label Studio: every shape of its exports imports, offsets in code points, relation direction honoured,
what cannot be kept is counted and named; the real files from its repositories import whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.scheme import parse_scheme
from annotator.services.io.datasets import detect_format, export_dataset
from annotator.services.io.importing import import_paths
from annotator.services.io.scheme_from import scheme_from
from annotator.storage.project import Project
from tests.interop.real_files import interop

TEXT = "😀👍🏽 Ada Lovelace met 📨 Charles Babbage in London."
SCHEME = parse_scheme({
    "name": "ner",
    "span_labels": [{"name": name, "color": "#123456"} for name in ("Person", "Location", "شخص")],
    "relation_labels": [{"name": "knows", "from": ["Person"], "to": ["Person"]}, {"name": "in", "from": ["Person"], "to": ["Location"]}],
})


def region(rid: str, words: str, label: str) -> dict:
    start = TEXT.index(words)
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": start + len(words), "text": words, "labels": [label]}}


def spans(project: Project) -> list[tuple]:
    out = project.path.parent / "check.jsonl"
    export_dataset(project, out, format="jsonl")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    out.unlink()
    return sorted((s["annotator"], s["label"], s["text"]) for r in records for s in r["spans"])


def relations(project: Project) -> list[tuple]:
    out = project.path.parent / "check.jsonl"
    export_dataset(project, out, format="jsonl")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    out.unlink()
    text = {s["id"]: s["text"] for r in records for s in r["spans"]}
    return sorted((r["label"], text[r["from"]], text[r["to"]]) for rec in records for r in rec["relations"])


@pytest.fixture
def ner(tmp_path: Path):
    with Project.create(tmp_path / "ner.db", scheme=SCHEME) as project:
        yield project


def test_the_default_export_shape_imports_with_directions_and_leaves_out_what_it_cannot_keep(ner: Project, tmp_path: Path) -> None:
    task = {
        "id": 7,
        "data": {"text": TEXT},
        "annotations": [{
            "id": 1, "completed_by": 1, "ground_truth": False,
            "result": [
                region("a", "Ada Lovelace", "Person"), region("b", "Charles Babbage", "Person"), region("c", "London", "Location"),
                {"type": "relation", "from_id": "c", "to_id": "b", "direction": "left", "labels": ["in"]},
                {"type": "relation", "from_id": "a", "to_id": "b", "direction": "bi", "labels": ["knows"]},
                {"type": "relation", "from_id": "a", "to_id": "c", "direction": "right", "labels": []},
                {"id": "x", "type": "choices", "from_name": "topic", "to_name": "text", "value": {"choices": ["history"]}},
            ],
        }, {"id": 2, "completed_by": {"id": 2, "email": "reviewer@example.org"}, "ground_truth": True, "result": [region("a", "Ada Lovelace", "Person")]}],
        "predictions": [3, 4],
    }
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    report = import_paths(ner, [path], annotator="me")
    assert report.errors == []
    assert spans(ner) == sorted([("labelstudio-user-1", "Person", "Ada Lovelace"), ("labelstudio-user-1", "Person", "Charles Babbage"),
                                 ("labelstudio-user-1", "Location", "London"), ("reviewer@example.org", "Person", "Ada Lovelace")])
    assert relations(ner) == sorted([("in", "Charles Babbage", "London"), ("knows", "Ada Lovelace", "Charles Babbage"),
                                     ("knows", "Charles Babbage", "Ada Lovelace")])
    said = " ".join(report.notes)
    assert "1 → labelstudio-user-1" in said and "reviewer@example.org (ground_truth) → reviewer@example.org" in said
    assert "1 relation(s) without a label" in said and "2 prediction(s) given only as ids" in said and "1 choices result(s)" in said
    counts = report.files[str(path)]  # the per-file report totals them by kind
    assert sum(counts.not_kept.values()) == 4 and counts.spans_added == 4 and counts.relations_added == 3
    assert "4 element(s) not kept" in counts.summary()


def test_json_min_and_old_completions_import(ner: Project, tmp_path: Path) -> None:
    start = TEXT.index("London")
    minimal = [{"id": 1, "text": TEXT, "label": [{"start": start, "end": start + 6, "text": "London", "labels": ["Location"]}],
                "annotator": "ann@example.org", "annotation_id": 5}]
    (tmp_path / "min.json").write_text(json.dumps(minimal), encoding="utf-8")
    old = {"id": 9, "data": {"text": TEXT + "!"}, "completions": [{"id": 1, "result": [region("p", "Ada Lovelace", "Person")]}]}
    (tmp_path / "old.json").write_text(json.dumps(old, indent=2), encoding="utf-8")
    assert detect_format(tmp_path / "old.json") == "labelstudio"
    report = import_paths(ner, [tmp_path / "min.json", tmp_path / "old.json"], annotator="me")
    assert report.errors == []
    assert spans(ner) == [("ann@example.org", "Location", "London"), ("me", "Person", "Ada Lovelace")]


def test_our_export_reads_back_with_the_emoji_before_every_span(ner: Project, tmp_path: Path) -> None:
    task = {"data": {"text": TEXT}, "annotations": [{"completed_by": {"email": "gold@annotator.invalid"}, "ground_truth": True,
                                                     "result": [region("a", "Ada Lovelace", "شخص")]}]}
    (tmp_path / "in.json").write_text(json.dumps([task]), encoding="utf-8")
    assert import_paths(ner, [tmp_path / "in.json"], annotator="me").errors == []
    assert spans(ner) == [("gold", "شخص", "Ada Lovelace")]
    export_dataset(ner, tmp_path / "out.json", format="labelstudio")
    [written] = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    [annotation] = written["annotations"]
    assert annotation["ground_truth"] is True and annotation["completed_by"] == {"email": "gold@annotator.invalid"}
    assert annotation["result"][0]["value"]["start"] == TEXT.index("Ada")


@pytest.mark.parametrize(
    ("relative", "spans_in"),
    [
        ("labelstudio/HumanSignal/label-studio-converter/test/fixtures/completions/348.json", 38),
        ("labelstudio/HumanSignal/label-studio-frontend/examples/named_entity/annotations/1.json", 1),
        ("labelstudio/HumanSignal/label-studio-frontend/examples/rich_text_plain/annotations/1.json", 1),
    ],
)
def test_real_label_studio_files_import_every_span(tmp_path: Path, relative: str, spans_in: int) -> None:
    path = interop(relative)
    with Project.create(tmp_path / "p.db", scheme=scheme_from(path)) as project:
        report = import_paths(project, [path], annotator="me")
        assert report.errors == [] and report.files[str(path)].spans_added == spans_in


def test_a_paragraphs_task_is_refused_in_one_line(tmp_path: Path) -> None:
    path = interop("labelstudio/HumanSignal/label-studio-frontend/examples/phrases/annotations/1.json")
    with Project.create(tmp_path / "p.db") as project:
        [error] = import_paths(project, [path], annotator="me").errors
        assert "only text tasks" in str(error) and "\n" not in str(error)


def test_the_labeling_interface_beside_the_export_names_every_result(tmp_path: Path) -> None:
    """Label Studio refuses results whose control or label its project's interface lacks: the export writes that interface."""
    from xml.etree import ElementTree

    from annotator.services.io.demo import ensure_demo_project

    with ensure_demo_project(tmp_path / "demo.db") as project:
        export_dataset(project, tmp_path / "ls.json", format="labelstudio")
    view = ElementTree.parse(tmp_path / "ls.label_config.xml").getroot()
    controls = {element.get("name"): element for element in view if element.get("name")}
    relations = {element.get("value") for element in view.iter("Relation")}
    results = [r for task in json.loads((tmp_path / "ls.json").read_text(encoding="utf-8")) for a in task["annotations"] for r in a["result"]]
    assert results
    for result in results:
        if result["type"] == "relation":
            assert set(result["labels"]) <= relations
            continue
        control = controls[result["from_name"]]
        assert control.get("toName") == "text"
        allowed = {child.get("value") for child in control}
        assert set(result["value"].get("labels", result["value"].get("choices", []))) <= allowed


def test_a_text_attribute_travels_as_a_text_area_and_back(tmp_path: Path) -> None:
    scheme = parse_scheme({"name": "t", "span_labels": [{"name": "Person", "color": "#123456", "attributes": [
        {"name": "gloss", "type": "text"}, {"name": "named", "type": "boolean"}]}], "relation_labels": []})
    start = TEXT.index("Ada Lovelace")
    record = {"id": "d", "text": TEXT, "relations": [], "spans": [{"id": "s", "label": "Person", "start": start, "end": start + 12,
              "text": "Ada Lovelace", "annotator": "a", "attributes": {"gloss": "a mathematician, 1815", "named": True}}]}
    (tmp_path / "in.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with Project.create(tmp_path / "a.db", scheme=scheme) as first:
        assert import_paths(first, [tmp_path / "in.jsonl"], annotator="a").errors == []
        export_dataset(first, tmp_path / "ls.json", format="labelstudio")
    results = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))[0]["annotations"][0]["result"]
    assert {r["type"] for r in results} == {"labels", "textarea", "choices"}
    assert '<TextArea name="gloss" toName="text" perRegion="true"/>' in (tmp_path / "ls.label_config.xml").read_text(encoding="utf-8")
    with Project.create(tmp_path / "b.db", scheme=scheme) as second:
        assert import_paths(second, [tmp_path / "ls.json"], annotator="me").errors == []
        export_dataset(second, tmp_path / "back.jsonl", format="jsonl")
    [back] = [json.loads(line) for line in (tmp_path / "back.jsonl").read_text(encoding="utf-8").splitlines()]
    assert back["spans"][0]["attributes"] == {"gloss": "a mathematician, 1815", "named": True}

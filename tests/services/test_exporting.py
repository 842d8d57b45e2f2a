"""JSONL export: valid against the schema, offsets exact for hard Unicode, and a lossless round trip."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import DocumentId
from annotator.core.offsets import is_grapheme_boundary
from annotator.services.io.datasets import export_dataset
from annotator.services.io.formats import jsonl
from annotator.services.io.formats.jsonl import record_validator
from annotator.services.io.importing import import_paths
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.models import Relation
from annotator.storage.project import Project
from tests.conftest import add_document

HARD = "وفقًا لأشخاص 😀 مطلعين ـــ على\u200cهذه\u200f المراسلات\u200e،\u00a0قال 👍🏽 𝐀 مسؤولٌ\nكبير."


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def tag_everything(project: Project, text: str) -> None:
    doc = DocumentId(add_document(project, text, title="صعب"))
    tagger = TaggingService(project, annotator="rana")
    claim = tagger.create_span(document_id=doc, start=0, end=len(text), label="CLAIM").span
    tagger.update_span(claim.id, attributes={"polarity": "deny", "check_worthy": "yes"}, note="ملاحظة")
    source = tagger.create_span(document_id=doc, start=text.index("لأشخاص"), end=text.index(" ـــ"), label="SOURCE").span
    TaggingService(project, annotator="adel").create_span(document_id=doc, start=text.index("😀"), end=text.index("😀") + 1, label="CUE").span
    with project.transaction() as session:
        session.add(Relation(uid="rel-1", label="ATTRIBUTION", from_span_id=claim.id, to_span_id=source.id,
                             annotator_id=project.annotator_id(session, "rana"), attributes={}))


def test_every_record_is_valid_and_every_offset_exact(project: Project, tmp_path: Path) -> None:
    tag_everything(project, HARD)
    out = tmp_path / "out.jsonl"
    assert export_dataset(project, out, format="jsonl").documents == 1
    [record] = read_records(out)
    record_validator().validate(record)
    assert record["text"] == HARD and record["direction"] == "rtl"
    assert len(record["spans"]) == 3
    for span in record["spans"]:
        assert record["text"][span["start"] : span["end"]] == span["text"]
    assert {s["annotator"] for s in record["spans"]} == {"rana", "adel"}
    assert record["relations"][0]["label"] == "ATTRIBUTION"
    assert {record["relations"][0]["from"], record["relations"][0]["to"]} <= {s["id"] for s in record["spans"]}


def test_export_then_import_into_a_fresh_project_reproduces_everything(project: Project, tmp_path: Path) -> None:
    tag_everything(project, HARD)
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    export_dataset(project, first, format="jsonl")
    with Project.create(tmp_path / "fresh.db") as fresh:
        assert import_paths(fresh, [first], annotator="nobody").errors == []
        export_dataset(fresh, second, format="jsonl")
    assert read_records(second) == read_records(first)


def test_a_failed_export_leaves_no_file(project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tag_everything(project, HARD)
    out = tmp_path / "out.jsonl"

    def broken(_record: object, **_kwargs: object) -> str:
        raise OSError("disk full")

    monkeypatch.setattr(jsonl.json, "dumps", broken)
    with pytest.raises(OSError):
        export_dataset(project, out, format="jsonl")
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".part"]


HARD_CHARS = st.sampled_from(list("بتثجحخدرسشصعفقكلمنهوي ً ُ ِ ّ ْ ـ \u200c \u200d \u200e \u200f \u00a0 \n 😀 👍🏽 𝐀 ، . « »"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(HARD_CHARS, min_size=3, max_size=50).map("".join), st.data())
def test_round_trip_holds_for_generated_hard_unicode(text: str, data: st.DataObject) -> None:
    boundaries = [i for i in range(len(text) + 1) if is_grapheme_boundary(text, i)]
    pairs = data.draw(st.lists(st.lists(st.sampled_from(boundaries), min_size=2, max_size=2, unique=True), max_size=4))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        with Project.create(root / "a.db") as project:
            doc = DocumentId(add_document(project, text))
            tagger = TaggingService(project, annotator="gen")
            for pair in pairs:
                start, end = sorted(pair)
                tagger.create_span(document_id=doc, start=start, end=end, label="CLAIM")
            export_dataset(project, root / "a.jsonl", format="jsonl")
        with Project.create(root / "b.db") as fresh:
            assert import_paths(fresh, [root / "a.jsonl"], annotator="x").errors == []
            export_dataset(fresh, root / "b.jsonl", format="jsonl")
        first, second = read_records(root / "a.jsonl"), read_records(root / "b.jsonl")
    assert first == second
    for record in first:
        record_validator().validate(record)
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"]


def test_export_by_layer_and_gold_provenance(project: Project, tmp_path: Path) -> None:
    from annotator.core.errors import AnnotatorError
    from annotator.services.team.identity import GOLD, Role, identify

    tag_everything(project, HARD)
    identify(project, "rev", Role.REVIEWER)
    doc = DocumentId(1)
    TaggingService(project, annotator="rev", layer=GOLD).create_span(
        document_id=doc, start=0, end=len(HARD), label="CLAIM", derived_from=("rana", "adel")
    ).span
    for layer, expected in (("gold", {"gold"}), ("annotator:adel", {"adel"}), ("all", {"rana", "adel", "gold"})):
        out = tmp_path / f"{layer.replace(':', '-')}.jsonl"
        export_dataset(project, out, format="jsonl", layer=layer)
        [record] = read_records(out)
        record_validator().validate(record)
        assert {s["annotator"] for s in record["spans"]} == expected
    [gold] = read_records(tmp_path / "gold.jsonl")[0]["spans"]
    assert gold["derived_from"] == ["rana", "adel"] and gold["text"] == HARD
    assert read_records(tmp_path / "gold.jsonl")[0]["relations"] == []
    with pytest.raises(AnnotatorError, match="no layer 'nobody'"):
        export_dataset(project, tmp_path / "x.jsonl", format="jsonl", layer="annotator:nobody")
    assert not (tmp_path / "x.jsonl").exists()

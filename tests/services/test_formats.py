"""Every dataset format: importers round-trip exactly; export-only formats are read back the way their consumers read them."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import DocumentId
from annotator.core.offsets import is_grapheme_boundary
from annotator.services.io.datasets import detect_format, export_dataset
from annotator.services.io.exporting import ExportCancelled
from annotator.services.io.importing import import_paths
from annotator.services.annotation.relations import RelationService
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.project import Project
from tests.conftest import add_document

LETTER = "قال 😀 مسؤولٌ أمريكي\u00a0كبير\u200f إن الرئيس بعث برسالة.\nونفت البعثة ــ تلقّي أي رسالة 👍🏽."
DENIAL = "أكّد المتحدث\u200c أن بلاده لم تتلقَّ أي رسالة 📨 من واشنطن."
FORMATS = {"jsonl": "out.jsonl", "labelstudio": "out.json", "doccano": "doccano.jsonl", "brat": "brat"}


def phrase(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def fill(project: Project) -> None:
    letter, denial = DocumentId(add_document(project, LETTER, uid="letter")), DocumentId(add_document(project, DENIAL, uid="denial"))
    for name in ("lina", "omar"):
        tagger = TaggingService(project, annotator=name)
        source = tagger.create_span(document_id=letter, **dict(zip(("start", "end"), phrase(LETTER, "مسؤولٌ أمريكي\u00a0كبير"))), label="SOURCE",
                                    attributes={"source_type": "unnamed_official"}).span
        claim = tagger.create_span(document_id=letter, **dict(zip(("start", "end"), phrase(LETTER, "الرئيس بعث برسالة"))), label="CLAIM",
                                   attributes={"polarity": "affirm", "check_worthy": "yes"}).span
        tagger.create_span(document_id=letter, **dict(zip(("start", "end"), phrase(LETTER, "قال"))), label="CUE", attributes={"speech_act": "assert"})
        denied = tagger.create_span(document_id=denial, **dict(zip(("start", "end"), phrase(DENIAL, "لم تتلقَّ أي رسالة 📨"))), label="CLAIM",
                                    attributes={"polarity": "deny"}).span
        links = RelationService(project, annotator=name, tagging=tagger)
        links.create(label="ATTRIBUTION", from_span=claim.id, to_span=source.id)
        if name == "lina":
            links.create(label="CONTRADICTION", from_span=claim.id, to_span=denied.id, attributes={"type": "negation"})


def content(project: Project, *, keep_relation_attributes: bool = True, keep_cross: bool = True) -> list:
    """What must survive a round trip, without ids (formats other than jsonl do not carry them)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "x.jsonl"
        export_dataset(project, out, format="jsonl")
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    result = []
    for record in records:
        spans = {s["id"]: (s["label"], s["start"], s["end"], s["text"], s["annotator"], tuple(sorted(s["attributes"].items()))) for s in record["spans"]}
        relations = sorted(
            (r["label"], spans.get(r["from"]), r["to"] if "to_document" in r else spans[r["to"]], r["annotator"],
             tuple(sorted(r["attributes"].items())) if keep_relation_attributes else ())
            for r in record["relations"] if keep_cross or "to_document" not in r
        )
        result.append((record["id"] if keep_cross else None, record["text"], sorted(spans.values()), relations))
    return sorted(result, key=lambda item: item[1])


@pytest.mark.parametrize("fmt", ["labelstudio", "doccano", "brat"])
def test_export_then_import_reproduces_spans_relations_and_attributes(project: Project, tmp_path: Path, fmt: str) -> None:
    fill(project)
    out = tmp_path / FORMATS[fmt]
    report = export_dataset(project, out, format=fmt)
    assert report.documents == 2 and report.spans == 8
    assert report.relations == 2 and "cross" in " ".join(report.notes)  # the contradiction crosses documents
    assert detect_format(out) == fmt
    with Project.create(tmp_path / "fresh.db") as fresh:
        imported = import_paths(fresh, [out], annotator="nobody")
        assert imported.errors == [] and len(imported.imported) == 2
        keep = fmt == "doccano"  # Label Studio and brat have no attributes on relations
        assert content(fresh, keep_relation_attributes=keep, keep_cross=False) == content(
            project, keep_relation_attributes=keep, keep_cross=False
        )


def test_labelstudio_offsets_are_code_points_and_users_are_emails(project: Project, tmp_path: Path) -> None:
    """Label Studio's frontend counts code points ("NER - Emoji - Text: should calculate offsets by code points"):
    a span after 😀 keeps its place; annotators are users by email, gold the ground truth."""
    fill(project)
    report = export_dataset(project, tmp_path / "ls.json", format="labelstudio")
    tasks = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))
    assert any("😀" in task["data"]["text"] for task in tasks)
    for task in tasks:
        for annotation in task["annotations"]:
            assert set(annotation["completed_by"]) == {"email"} and "@" in annotation["completed_by"]["email"]
            for result in annotation["result"]:
                if result["type"] == "labels":
                    value = result["value"]
                    assert task["data"]["text"][value["start"] : value["end"]] == value["text"]
    assert "lina → lina@annotator.invalid" in " ".join(report.notes)


def test_csv_opens_in_a_spreadsheet_and_every_offset_matches(project: Project, tmp_path: Path) -> None:
    fill(project)
    export_dataset(project, tmp_path / "csv", format="csv")
    assert (tmp_path / "csv" / "spans.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    texts = {"letter": LETTER, "denial": DENIAL}
    with (tmp_path / "csv" / "spans.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 8 and {"polarity", "source_type", "speech_act"} <= set(rows[0])
    for row in rows:
        assert texts[row["document_id"]][int(row["start"]) : int(row["end"])] == row["text"]
    with (tmp_path / "csv" / "relations.csv").open(encoding="utf-8-sig", newline="") as handle:
        relations = list(csv.DictReader(handle))
    assert sorted(r["label"] for r in relations) == ["ATTRIBUTION", "ATTRIBUTION", "CONTRADICTION"]
    assert [r["type"] for r in relations if r["label"] == "CONTRADICTION"] == ["negation"]


def test_conll_tokens_and_bio_tags_read_back_to_the_spans(project: Project, tmp_path: Path) -> None:
    fill(project)
    with pytest.raises(Exception, match="CoNLL holds one layer"):
        export_dataset(project, tmp_path / "all.conll", format="conll")
    export_dataset(project, tmp_path / "lina.conll", format="conll", layer="annotator:lina")
    texts = {"letter": LETTER, "denial": DENIAL}
    columns, document, found = ["token", "start", "end", "space", *(label.name for label in project.scheme.span_labels)], None, set()
    open_spans: dict[str, list[int]] = {}
    for line in (tmp_path / "lina.conll").read_text(encoding="utf-8").splitlines():
        assert not line.startswith("#") and (not line or len(line.split("\t")) == len(columns))
        if line.startswith("-DOCSTART-\t"):
            document = line.split("\t")[1]
        elif line:
            token, start, end, _space, *tags = line.split("\t")
            assert texts[document][int(start) : int(end)] == token
            for label, tag in zip(columns[4:], tags):
                if tag == f"B-{label}":
                    open_spans[label] = [int(start), int(end)]
                    found.add((document, label, int(start)))
                elif tag == f"I-{label}":
                    assert label in open_spans
    assert found == {("letter", "CUE", 0), ("letter", "SOURCE", LETTER.index("مسؤول")), ("letter", "CLAIM", LETTER.index("الرئيس")),
                     ("denial", "CLAIM", DENIAL.index("لم تتلقَّ"))}


def test_parquet_loads_in_pandas_and_datasets(project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    import datasets
    import pandas

    fill(project)
    export_dataset(project, tmp_path / "pq", format="parquet")
    frame = pandas.read_parquet(tmp_path / "pq" / "data.parquet")
    assert list(frame["id"]) == ["letter", "denial"]
    for _, row in frame.iterrows():
        for span in row["spans"]:
            assert row["text"][span["start"] : span["end"]] == span["text"]
    loaded = datasets.load_dataset("parquet", data_files=str(tmp_path / "pq" / "data.parquet"))["train"]
    assert loaded.num_rows == 2 and loaded[0]["spans"][0]["text"] == LETTER[loaded[0]["spans"][0]["start"] : loaded[0]["spans"][0]["end"]]
    card = (tmp_path / "pq" / "README.md").read_text(encoding="utf-8")
    assert "- spans: 8" in card and "| CLAIM | 4 |" in card and "Krippendorff" in card and '"span_labels"' in card


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "brat", "csv"])
def test_a_cancelled_export_leaves_nothing_behind(project: Project, tmp_path: Path, fmt: str) -> None:
    fill(project)
    out = tmp_path / "target" / FORMATS.get(fmt, fmt)
    out.parent.mkdir()
    with pytest.raises(ExportCancelled):
        export_dataset(project, out, format=fmt, progress=lambda done, _total: done < 1)
    assert list(out.parent.iterdir()) == []


def test_only_documents_with_a_status(project: Project, tmp_path: Path) -> None:
    from annotator.core.model import DocumentStatus
    from annotator.services.documents.progress import set_status

    fill(project)
    set_status(project, document_id=DocumentId(2), annotator="lina", status=DocumentStatus.DONE)
    report = export_dataset(project, tmp_path / "done.jsonl", format="jsonl", status="done")
    assert report.documents == 1
    assert json.loads((tmp_path / "done.jsonl").read_text(encoding="utf-8"))["id"] == "denial"


HARD = st.sampled_from(list("بتثجحخدرسشصعفقكلمنهوي ً ُ ّ ـ \u200c \u200f \u00a0 \n 😀 👍🏽 .") + ["مسؤول", "قال"])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(HARD, min_size=4, max_size=40).map("".join), st.data())
def test_round_trips_hold_for_generated_hard_unicode(text: str, data: st.DataObject) -> None:
    boundaries = [i for i in range(len(text) + 1) if is_grapheme_boundary(text, i)]
    edges = [(a, b) for a in boundaries for b in boundaries if a < b and not text[a].isspace() and not text[b - 1].isspace()]
    if not edges:
        return
    chosen = data.draw(st.lists(st.sampled_from(edges), min_size=1, max_size=3, unique=True))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        with Project.create(root / "a.db") as project:
            doc = DocumentId(add_document(project, text, uid="g"))
            tagger = TaggingService(project, annotator="gen")
            made = [tagger.create_span(document_id=doc, start=a, end=b, label=label, attributes={}).span
                    for (a, b), label in zip(chosen, ["CLAIM", "SOURCE", "CUE"])]
            if len(made) > 1:
                RelationService(project, annotator="gen", tagging=tagger).create(label="ATTRIBUTION", from_span=made[0].id, to_span=made[1].id)
            expected = content(project, keep_relation_attributes=False, keep_cross=False)
            for fmt, name in FORMATS.items():
                out = root / name
                export_dataset(project, out, format=fmt)
                with Project.create(root / f"{fmt}.db") as fresh:
                    assert import_paths(fresh, [out], annotator="x").errors == []
                    assert content(fresh, keep_relation_attributes=False, keep_cross=False) == expected, fmt


def test_labelstudio_predictions_and_doccano_label_lists_import(project: Project, tmp_path: Path) -> None:
    from annotator.services.annotation.tagging import TaggingService as Tagging

    text = "😀 قال مسؤول كبير"
    start = len("😀 قال ")  # Label Studio counts code points
    task = {"data": {"text": text, "doc_id": "t1"}, "annotations": [],
            "predictions": [{"model_version": "v1", "result": [
                {"id": "p1", "from_name": "label", "to_name": "text", "type": "labels",
                 "value": {"start": start, "end": start + 10, "text": "مسؤول كبير", "labels": ["SOURCE"]}}]}]}
    (tmp_path / "ls.json").write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "dc.jsonl").write_text(json.dumps({"id": 3, "text": "نفت البعثة", "label": [[0, 3, "CUE"]]}, ensure_ascii=False), encoding="utf-8")
    report = import_paths(project, [tmp_path / "ls.json", tmp_path / "dc.jsonl"], annotator="me")
    assert report.errors == []
    [predicted] = Tagging(project, annotator="prediction:v1").spans(DocumentId(1))
    assert (predicted.text, predicted.start) == ("مسؤول كبير", text.index("مسؤول"))
    assert [s.text for s in Tagging(project, annotator="me").spans(DocumentId(2))] == ["نفت"]

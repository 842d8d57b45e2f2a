"""`annotator sources`, `annotator claims` and `annotator suggest` on a small project made through the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.model import SpanId
from annotator.services.corpus.claims import ClaimLinks
from annotator.services.corpus.registry import SourceRegistry
from annotator.services.team.identity import known_identity
from annotator.storage.project import Project

D1 = "قال الرئيس الأمريكي باراك أوباما إن الرسالة وصلت إلى خامنئي."
D2 = "وأكد أوباما أن الرسالة وصلت إلى خامنئي، بحسب صحيفة وول ستريت جورنال."
D3 = "ونفت البعثة الإيرانية أن تكون أي رسالة قد وصلت، وفق وول استريت جورنال."


def _span(uid: str, label: str, text: str, part: str) -> dict:
    start = text.index(part)
    return {"id": uid, "label": label, "start": start, "end": start + len(part), "text": part, "annotator": "sami"}


@pytest.fixture
def made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    records = [
        {"id": "d1", "title": "أ", "source": "الجزيرة", "published": "2014-11-06", "text": D1,
         "spans": [_span("s1", "SOURCE", D1, "الرئيس الأمريكي باراك أوباما"), _span("c1", "CUE", D1, "قال"),
                   {**_span("k1", "CLAIM", D1, "الرسالة وصلت إلى خامنئي"), "attributes": {"polarity": "affirm", "certainty": "probable"}}],
         "relations": [{"id": "r1", "label": "ATTRIBUTION", "from": "k1", "to": "s1", "annotator": "sami"},
                       {"id": "r2", "label": "ATTRIBUTION", "from": "k1", "to": "c1", "annotator": "sami"}]},
        {"id": "d2", "title": "ب", "text": D2,
         "spans": [_span("s2", "SOURCE", D2, "أوباما"), _span("s3", "SOURCE", D2, "صحيفة وول ستريت جورنال"),
                   _span("k2", "CLAIM", D2, "الرسالة وصلت إلى خامنئي")],
         "relations": [{"id": "r3", "label": "ATTRIBUTION", "from": "k2", "to": "s2", "annotator": "sami"},
                       {"id": "r5", "label": "SUPPORT", "from": "k2", "to": "k1", "annotator": "sami", "to_document": "d1"}]},
        {"id": "d3", "title": "ج", "text": D3,
         "spans": [_span("s4", "SOURCE", D3, "وول استريت جورنال"), _span("k3", "CLAIM", D3, "أي رسالة قد وصلت")],
         "relations": [{"id": "r4", "label": "CONTRADICTION", "from": "k3", "to": "k1", "annotator": "sami", "to_document": "d1"}]},
    ]
    data = tmp_path / "in.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    path = tmp_path / "p.db"
    assert main(["import", str(path), str(data), "--as", "rana"]) == 0
    capsys.readouterr()
    return path


def _ids(project: Project, *uids: str) -> list[SpanId]:
    from sqlalchemy import select

    from annotator.storage.models import Span

    with project.reading() as session:
        found = dict(session.execute(select(Span.uid, Span.id)).all())
    return [SpanId(found[uid]) for uid in uids]


def test_sources_lists_the_registry_and_groups_the_unlinked_spans(made: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Project.open(made) as project:
        s1, s2 = _ids(project, "s1", "s2")
        registry = SourceRegistry(project, known_identity(project, "rana"))
        obama = next(iter(registry.add("باراك أوباما", "person").sources))
        registry.link(s1, obama)
    assert main(["sources", str(made), "--json", "--as", "rana"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [(s["name"], s["type"], s["confirmed"]) for s in report] == [
        ("باراك أوباما", "person", True), ("صحيفة وول ستريت جورنال", "outlet", False)]
    assert report[0]["spans"] == [
        {"document": "d1", "start": 4, "end": 32, "text": "الرئيس الأمريكي باراك أوباما", "annotator": "sami", "confirmed": True},
        {"document": "d2", "start": 5, "end": 11, "text": "أوباما", "annotator": "sami", "confirmed": False, "score": 95.0},
    ]
    assert [(s["document"], s["start"], s["end"], s["text"], s["confirmed"]) for s in report[1]["spans"]] == [
        ("d2", 45, 67, "صحيفة وول ستريت جورنال", False), ("d3", 52, 69, "وول استريت جورنال", False)]
    assert D3[52:69] == "وول استريت جورنال"
    assert main(["sources", str(made), "--as", "rana"]) == 0
    assert "صحيفة وول ستريت جورنال\toutlet (suggested)\t2 span(s)" in capsys.readouterr().out
    assert main(["sources", str(made), "--json", "--as", "huda"]) == 0  # blind mode: an annotator sees her own spans only
    assert [(s["name"], s["spans"]) for s in json.loads(capsys.readouterr().out)] == [("باراك أوباما", [])]
    assert main(["sources", str(made), "--csv", "--as", "rana"]) == 0
    table = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert table[0] == ["id", "name", "type", "confirmed", "aliases", "spans"]
    assert table[1][1:] == ["باراك أوباما", "person", "true", "باراك أوباما", "d1:4-32; d2:5-11?"]
    assert table[2] == ["", "صحيفة وول ستريت جورنال", "outlet", "false", "صحيفة وول ستريت جورنال | وول استريت جورنال", "d2:45-67?; d3:52-69?"]


def test_claims_as_csv_and_json_with_source_cue_cluster_and_counts(made: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Project.open(made) as project:
        k1, k2, s1 = _ids(project, "k1", "k2", "s1")
        registry = SourceRegistry(project, known_identity(project, "rana"))
        registry.link(s1, next(iter(registry.add("باراك أوباما", "person").sources)))
        ClaimLinks(project, known_identity(project, "sami")).link(k1, k2)
    assert main(["claims", str(made), "--format", "json", "--as", "rana"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert [(r["id"], r["document"], r["start"], r["end"]) for r in rows.values()] == [("k1", "d1", 36, 59), ("k2", "d2", 15, 38), ("k3", "d3", 30, 46)]
    k1_row = rows["k1"]
    assert (k1_row["text"], k1_row["outlet"], k1_row["date"], k1_row["source"], k1_row["source_canonical"], k1_row["cue"]) == (
        "الرسالة وصلت إلى خامنئي", "الجزيرة", "2014-11-06", "باراك أوباما", True, "قال")
    assert (k1_row["supporting"], k1_row["contradicting"], k1_row["polarity"], k1_row["certainty"]) == (1, 1, "affirm", "probable")
    assert (rows["k2"]["source"], rows["k2"]["source_canonical"], rows["k2"]["supporting"]) == ("أوباما", False, 1)
    assert rows["k1"]["cluster"] == rows["k2"]["cluster"] == "cluster-k1" and rows["k3"]["cluster"] is None
    assert main(["claims", str(made), "--format", "csv", "--as", "rana"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["id"], r["source"], r["cluster"], r["contradicting"]) for r in table] == [
        ("k1", "باراك أوباما", "cluster-k1", "1"), ("k2", "أوباما", "cluster-k1", "0"), ("k3", "", "", "1")]


def test_suggest_prints_what_the_suggestion_service_offers(made: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Project.open(made) as project:
        SourceRegistry(project, known_identity(project, "rana")).add("وول ستريت جورنال", "outlet")
    assert main(["suggest", str(made), "--document", "d3", "--json", "--as", "huda"]) == 0  # huda tagged nothing yet
    found = json.loads(capsys.readouterr().out)
    assert found, "the lexicon offers نفت and وفق in d3"
    for item in found:
        assert item["document"] == "d3" and item["label"] in ("CUE", "SOURCE")
        assert D3[item["start"]:item["end"]] == item["text"]
    assert ("CUE", "ونفت") in {(item["label"], item["text"]) for item in found}
    [outlet] = [item for item in found if item["label"] == "SOURCE" and item["text"] == "وول استريت جورنال"]
    assert (outlet["start"], outlet["end"]) == (52, 69)
    assert outlet["canonical"]["score"] > 90  # «وول استريت» for «وول ستريت»: a letter apart
    assert outlet["canonical"] | {"score": 0} == {"name": "وول ستريت جورنال", "type": "outlet", "score": 0, "confirmed": False}
    assert main(["suggest", str(made), "--document", "nope", "--json"]) == 1
    assert "no document with id 'nope'" in capsys.readouterr().err


def test_a_reviewer_merges_and_splits_sources_from_the_command_line(made: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Project.open(made) as project:
        s1, s2, s3, s4 = _ids(project, "s1", "s2", "s3", "s4")
        registry = SourceRegistry(project, known_identity(project, "rana"))
        obama = next(iter(registry.add("باراك أوباما", "person").sources))
        journal = next(iter(registry.add("وول ستريت جورنال", "outlet").sources))
        stray = next(iter(registry.add("أوباما", "person").sources))
        registry.link(s1, obama)
        registry.link(s2, stray)
        registry.link(s3, journal)
        registry.link(s4, journal)
        uid = {entry.id: entry.uid for entry in registry.entries()}
    assert main(["sources", str(made), "--merge", uid[obama], uid[stray], "--as", "huda"]) == 1  # a reviewer's work
    assert "reviewer" in capsys.readouterr().err
    assert main(["sources", str(made), "--merge", uid[obama], uid[stray], "--as", "rana"]) == 0
    assert "merged 1 source(s) into باراك أوباما" in capsys.readouterr().out
    assert main(["sources", str(made), "--split", uid[journal], "--spelling", "وول استريت جورنال", "--name", "وول استريت", "--as", "rana"]) == 0
    assert "moved 1 span(s)" in capsys.readouterr().out
    with Project.open(made) as project:
        registry = SourceRegistry(project, known_identity(project, "rana"))
        names = {entry.id: entry.name for entry in registry.entries()}
        assert registry.link_of(s2) == (obama, True)
        assert names[registry.link_of(s4)[0]] == "وول استريت" and registry.link_of(s3) == (journal, True)
    assert main(["sources", str(made), "--split", uid[journal], "--spelling", "الجزيرة", "--name", "x", "--as", "rana"]) == 1
    assert "nothing was split" in capsys.readouterr().err

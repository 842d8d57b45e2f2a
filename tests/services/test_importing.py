"""Import: every encoding we accept, every kind of bad input refused without changing anything."""

from __future__ import annotations

import codecs
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from annotator.services.documents.progress import document_text, list_documents
from annotator.services.io.importing import import_paths
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.project import Project

ARTICLE = "قال مسؤول أمريكي كبير إن الرسالة وصلت.\nونفت البعثة ذلك."


def dump(project: Project) -> list[tuple]:
    if project.is_server:
        from tests.conftest import dump_tables

        return dump_tables(project)
    with sqlite3.connect(project.path) as raw:
        tables = [row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return [(table, raw.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()) for table in tables]


def texts(project: Project) -> list[str]:
    return [document_text(project, info.id) for info in list_documents(project, annotator="t")]


@pytest.mark.parametrize(
    "encoded",
    [
        ARTICLE.encode("utf-8"),
        codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-16"),  # with BOM, native order
        codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("cp1256"),
        ARTICLE.replace("\n", "\r\n").encode("utf-8"),
        ARTICLE.replace("\n", "\r").encode("cp1256"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "cp1256", "crlf", "cr-cp1256"],
)
def test_text_files_arrive_as_the_same_canonical_text(project: Project, tmp_path: Path, encoded: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(encoded)
    report = import_paths(project, [path], annotator="t")
    assert report.errors == [] and len(report.imported) == 1
    assert texts(project) == [ARTICLE]
    assert list_documents(project, annotator="t")[0].title == "قال مسؤول أمريكي كبير إن الرسالة وصلت."


def test_the_same_text_twice_is_skipped(project: Project, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(ARTICLE.encode("cp1256"))
    report = import_paths(project, [tmp_path], annotator="t")
    assert len(report.imported) == 1 and len(report.skipped) == 1
    assert texts(project) == [ARTICLE]


def jsonl_line(**overrides: object) -> str:
    record = {
        "id": "d1",
        "title": "عنوان",
        "text": ARTICLE,
        "spans": [
            {"id": "s1", "label": "SOURCE", "start": 4, "end": 21, "text": "مسؤول أمريكي كبير", "annotator": "lina"},
            {"id": "s2", "label": "CLAIM", "start": 25, "end": 38, "text": "الرسالة وصلت."[:13]},
        ],
        "relations": [{"id": "r1", "label": "ATTRIBUTION", "from": "s2", "to": "s1"}],
    }
    record.update(overrides)
    return json.dumps(record, ensure_ascii=False)


BAD_INPUTS = {
    "empty": (b"", "empty"),
    "binary": (bytes(range(1, 40)) * 3, "control character"),
    "nul": ("قال\x00".encode(), "NUL byte"),
    "latin1": ("café crème".encode("latin-1"), "not UTF-8 and not Arabic"),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_text_files_are_refused_and_change_nothing(project: Project, tmp_path: Path, name: str) -> None:
    data, reason = BAD_INPUTS[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    before = dump(project)
    report = import_paths(project, [path], annotator="t")
    assert [error.path for error in report.errors] == [str(path)]
    assert reason in str(report.errors[0])
    assert dump(project) == before


def test_jsonl_brings_spans_relations_and_annotators(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(jsonl_line() + "\n", encoding="utf-8")
    report = import_paths(project, [path], annotator="importer")
    assert report.errors == []
    doc = list_documents(project, annotator="lina")[0].id
    lina = TaggingService(project, annotator="lina").spans(doc)
    importer = TaggingService(project, annotator="importer").spans(doc)
    assert [(s.uid, s.text) for s in lina] == [("s1", "مسؤول أمريكي كبير")]
    assert [(s.uid, s.text) for s in importer] == [("s2", "الرسالة وصلت.")]


def test_jsonl_with_crlf_text_keeps_spans_on_their_words(project: Project, tmp_path: Path) -> None:
    text = "سطر أول\r\nقال مسؤول"
    start = text.index("مسؤول")
    line = json.dumps(
        {"id": "c", "text": text, "relations": [],
         "spans": [{"id": "s", "label": "SOURCE", "start": start, "end": start + 5, "text": "مسؤول"}]},
        ensure_ascii=False,
    )
    path = tmp_path / "crlf.jsonl"
    path.write_text(line, encoding="utf-8")
    assert import_paths(project, [path], annotator="t").errors == []
    doc = list_documents(project, annotator="t")[0].id
    stored = document_text(project, doc)
    [span] = TaggingService(project, annotator="t").spans(doc)
    assert stored == "سطر أول\nقال مسؤول" and stored[span.start : span.end] == "مسؤول"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (jsonl_line() + "\n{not json}\n", ":2: malformed JSON"),
        (jsonl_line(spans=[{"id": "s", "label": "CLAIM", "start": 0, "end": 999, "text": "x"}], relations=[]), ":1: span 's': offsets 0..999 fall outside"),
        (jsonl_line(spans=[{"id": "s", "label": "CLAIM", "start": 0, "end": 3, "text": "قول"}], relations=[]), "does not match text[0:3]"),
        (jsonl_line(spans=[{"id": "s", "label": "EVENT", "start": 0, "end": 3, "text": "قال"}], relations=[]), "unknown span label 'EVENT'"),
        (jsonl_line(spans=[{"id": "s", "label": "CUE", "start": 0, "end": 3, "text": "قال", "attributes": {"speech_act": "sing"}}], relations=[]), "'sing' is not one of"),
        (jsonl_line(relations=[{"id": "r", "label": "ATTRIBUTION", "from": "s1", "to": "s1"}]), "ATTRIBUTION cannot join a SOURCE to a SOURCE"),
        (jsonl_line(relations=[{"id": "r", "label": "SUPPORT", "from": "s2", "to": "nowhere"}]), "'nowhere' is not a span"),
        (jsonl_line(text=None), ":1: text: None is not of type 'string'"),
        (jsonl_line() + "\n" + jsonl_line(), ":2: document id 'd1' appears twice"),
        (jsonl_line() + "\n" + jsonl_line(id="d2").replace('"عنوان"', '"\\uDA00x"'), ":2: malformed JSON: the text '\\uda00x' holds a lone surrogate"),
    ],
    ids=["malformed", "outside", "mismatch", "label", "attribute", "forbidden-relation", "dangling", "schema", "duplicate",
         "lone-surrogate"],
)
def test_bad_jsonl_is_named_with_its_line_and_changes_nothing(
    project: Project, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    before = dump(project)
    report = import_paths(project, [path], annotator="t")
    assert len(report.errors) == 1
    assert str(report.errors[0]).startswith(str(path))
    assert expected in str(report.errors[0])
    assert dump(project) == before


def test_reimport_never_touches_existing_annotations(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    import_paths(project, [path], annotator="t")
    doc = list_documents(project, annotator="t")[0].id
    TaggingService(project, annotator="t").create_span(document_id=doc, start=0, end=3, label="CUE")
    before = dump(project)
    report = import_paths(project, [path], annotator="t")
    assert report.skipped and dump(project) == before


def test_the_quick_record_check_never_passes_what_the_schema_refuses() -> None:
    """Start from a valid record, change or remove one field anywhere: the quick check may say no where the
    JSON Schema says yes (it then runs the schema), never the other way round."""
    import copy

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from annotator.services.io.formats.jsonl import _plainly_valid, record_validator

    good = {
        "id": "d", "title": "t", "text": "نص", "direction": "rtl", "metadata": {},
        "spans": [{"id": "s", "label": "CLAIM", "start": 0, "end": 2, "text": "نص", "attributes": {"a": "b"},
                   "annotator": "x", "note": "", "derived_from": ["y"]}],
        "relations": [{"id": "r", "label": "SUPPORT", "from": "s", "to": "s", "attributes": {}, "annotator": "x",
                       "from_document": "d", "to_document": "d", "note": ""}],
    }
    assert _plainly_valid(good) and record_validator().is_valid(good)
    scalars = st.one_of(st.none(), st.booleans(), st.integers(-2, 5), st.floats(allow_nan=False, max_value=5), st.text(max_size=3))
    values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=2), inner, max_size=2), max_leaves=4)
    places = [(None, key) for key in good] + [("spans", key) for key in good["spans"][0]] + [("relations", key) for key in good["relations"][0]]

    @settings(max_examples=500, deadline=None)
    @given(st.sampled_from(places), st.one_of(st.just("remove"), values))
    def agrees(place: tuple, value: object) -> None:
        candidate = copy.deepcopy(good)
        target = candidate if place[0] is None else candidate[place[0]][0]
        if value == "remove":
            target.pop(place[1])
        else:
            target[place[1]] = value
        if _plainly_valid(candidate):
            assert record_validator().is_valid(candidate), candidate

    agrees()


@pytest.mark.parametrize("keep", [True, False], ids=["kept-in-memory", "spooled"])
def test_a_file_written_in_many_chunks_arrives_whole(project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keep: bool) -> None:
    """One document per chunk: a relation to a span of a later record waits for it, whether the checked chunks
    are kept in memory or in a temporary file for the write."""
    from annotator.services.io import importing
    from annotator.storage.models import Relation

    monkeypatch.setattr(importing, "CHUNK_ROWS", 1)
    if not keep:
        monkeypatch.setattr(importing, "KEEP_CHARACTERS", 0)
    other = "نفت البعثة ذلك في بيان."
    lines = [
        jsonl_line(relations=[{"id": "r1", "label": "ATTRIBUTION", "from": "s2", "to": "s1"},
                              {"id": "r2", "label": "SUPPORT", "from": "s2", "to": "t1", "to_document": "d2", "from_document": "d1"}]),
        json.dumps({"id": "d2", "text": other, "spans": [{"id": "t1", "label": "CLAIM", "start": 4, "end": 10, "text": other[4:10]}],
                    "relations": []}, ensure_ascii=False),
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    steps: list[tuple[int, int]] = []
    report = import_paths(project, [path], annotator="t", progress=lambda done, total: steps.append((done, total)) or True)
    assert report.errors == [] and len(report.imported) == 2
    assert [step for step in steps if step[1]] == [(1, 2), (2, 2), (2, 2)]
    with project.reading() as session:
        assert sorted(session.scalars(select(Relation.uid))) == ["r1", "r2"]


def test_annotations_on_texts_already_present_are_added_once_layer_by_layer(project: Project, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert import_paths(project, [tmp_path / "a.txt"], annotator="t").errors == []
    path = tmp_path / "spans.jsonl"
    path.write_text(jsonl_line() + "\n", encoding="utf-8")
    report = import_paths(project, [path], annotator="t")
    counts = report.files[str(path)]
    assert report.errors == [] and (counts.new_documents, counts.matched_documents) == (0, 1)
    assert (counts.spans_added, counts.relations_added) == (2, 1)
    assert f"{path}: 0 new document(s), 1 already present; 2 span(s) added, 0 already present; 1 relation(s) added" in " ".join(report.notes)
    before = dump(project)
    again = import_paths(project, [path], annotator="t")
    counts = again.files[str(path)]
    assert (counts.spans_added, counts.spans_present, counts.relations_added, counts.relations_present) == (0, 2, 0, 1)
    assert dump(project) == before
    other = tmp_path / "other.jsonl"  # the same spans in another layer are that layer's own
    other.write_text(jsonl_line(id="elsewhere", spans=[{"id": "x", "label": "SOURCE", "start": 4, "end": 21, "text": "مسؤول أمريكي كبير", "annotator": "omar"}],
                                relations=[]) + "\n", encoding="utf-8")
    assert import_paths(project, [other], annotator="t").files[str(other)].spans_added == 1


def test_an_unknown_label_names_both_ways_out(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "people.jsonl"
    path.write_text(jsonl_line(spans=[{"id": "s1", "label": "Person", "start": 4, "end": 21, "text": "مسؤول أمريكي كبير"}], relations=[]) + "\n",
                    encoding="utf-8")
    [error] = import_paths(project, [path], annotator="t").errors
    assert "unknown span label 'Person'" in str(error) and "--map Person=LABEL" in str(error) and f"--scheme-from {path}" in str(error)
    report = import_paths(project, [path], annotator="t", mapping={"Person": "SOURCE"})
    assert report.errors == [] and report.files[str(path)].spans_added == 1


@pytest.mark.parametrize("rehearsed", ["beside-reading", "after-reading"])
@pytest.mark.parametrize("keep", [True, False], ids=["kept-in-memory", "spooled"])
def test_chunks_name_spans_of_earlier_chunks_and_a_text_found_again(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keep: bool, rehearsed: str
) -> None:
    """One document per chunk: a relation of a later record to a span of an earlier one finds it (the write, and the
    rehearsal of a large file, forget only the spans no later record names), and the same text again under another
    id brings its spans once."""
    from annotator.services.io import importing
    from annotator.storage.models import Relation, Span

    monkeypatch.setattr(importing, "CHUNK_ROWS", 1)
    if not keep:
        monkeypatch.setattr(importing, "KEEP_CHARACTERS", 0)
    if rehearsed == "after-reading":
        monkeypatch.setattr(importing, "REHEARSED_SPANS", 0)
    other = "نفت البعثة ذلك في بيان."
    lines = [
        jsonl_line(),
        json.dumps({"id": "d2", "text": other, "spans": [{"id": "t1", "label": "CLAIM", "start": 4, "end": 10, "text": other[4:10]}],
                    "relations": [{"id": "r2", "label": "SUPPORT", "from": "t1", "to": "s2", "to_document": "d1"}]}, ensure_ascii=False),
        jsonl_line(id="d3", relations=[]),
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_paths(project, [path], annotator="t")
    counts = report.files[str(path)]
    assert report.errors == [] and (counts.new_documents, counts.matched_documents) == (2, 1)
    assert (counts.spans_added, counts.spans_present, counts.relations_added) == (3, 2, 2)
    with project.reading() as session:
        ids = dict(session.execute(select(Span.uid, Span.id)).all())
        relations = dict((uid, (source, target)) for uid, source, target in session.execute(
            select(Relation.uid, Relation.from_span_id, Relation.to_span_id)))
    assert relations == {"r1": (ids["s2"], ids["s1"]), "r2": (ids["t1"], ids["s2"])}


@pytest.mark.parametrize("rehearsed", ["beside-reading", "after-reading"])
def test_a_clash_found_late_in_a_large_file_changes_nothing(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rehearsed: str
) -> None:
    """The third record's id is already in the project with another text: refused before anything is written,
    whether the rehearsal ran beside the reading or after it."""
    from annotator.services.io import importing

    monkeypatch.setattr(importing, "CHUNK_ROWS", 1)
    monkeypatch.setattr(importing, "KEEP_CHARACTERS", 0)
    if rehearsed == "after-reading":
        monkeypatch.setattr(importing, "REHEARSED_SPANS", 0)
    first = tmp_path / "first.jsonl"
    first.write_text(jsonl_line(id="d9", text="نص آخر تماما.", spans=[], relations=[]) + "\n", encoding="utf-8")
    assert import_paths(project, [first], annotator="t").errors == []
    before = dump(project)
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join([jsonl_line(), jsonl_line(id="d2", text="نص ثان.", spans=[], relations=[]),
                                jsonl_line(id="d9", text="نص ثالث.", spans=[], relations=[])]) + "\n", encoding="utf-8")
    [error] = import_paths(project, [path], annotator="t").errors
    assert str(error).startswith(str(path)) and "document id 'd9' is already in the project with a different text" in str(error)
    assert dump(project) == before

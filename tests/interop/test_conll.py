"""CoNLL both ways: the export is read by nltk's ConllCorpusReader and seqeval (strict IOB2), no sentence starts
with I-, offsets are code points, a one-layer project needs no --layer; BIO, IOB1 and BIOES files import,
the real doccano CoNLL file too, and a bad line is named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.errors import AnnotatorError
from annotator.core.scheme import parse_scheme
from annotator.services.io.datasets import detect_format, export_dataset
from annotator.services.io.importing import import_paths
from annotator.services.io.scheme_from import scheme_from
from annotator.storage.project import Project
from tests.interop.real_files import interop

TEXT = "😀👍🏽 قال مصدر 📨 مطلع إن الوزير سيستقيل.\nسطر ثان 𝕏 هنا. ثم جملة أخرى!"


def span(i: str, words: str, label: str, annotator: str = "a") -> dict:
    start = TEXT.index(words)
    return {"id": i, "label": label, "start": start, "end": start + len(words), "text": words, "annotator": annotator}


SPANS = [span("s1", "مصدر 📨 مطلع", "SOURCE"), span("s2", "قال", "CUE"),
         span("s3", "الوزير سيستقيل.\nسطر ثان 𝕏", "CLAIM"),  # across a sentence end and a line break
         span("s4", "سيستقيل", "CLAIM")]  # inside a span of its own label: one BIO column cannot hold it


@pytest.fixture
def project(tmp_path: Path):
    record = {"id": "doc one", "text": TEXT, "spans": SPANS, "relations": []}
    (tmp_path / "in.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with Project.create(tmp_path / "p.db") as opened:
        assert import_paths(opened, [tmp_path / "in.jsonl"], annotator="a").errors == []
        yield opened


def read_with_nltk(path: Path, columns: tuple[str, ...]) -> list[list[list[str]]]:
    nltk = pytest.importorskip("nltk", reason="nltk (test extras) reads the CoNLL export")
    from nltk.corpus.reader.conll import ConllCorpusReader

    nltk.data.path.append(str(path.parent))  # nltk 3.10 reads only below its data paths
    reader = ConllCorpusReader(str(path.parent), [path.name], columns)
    grids = list(reader._grids())  # its block reader: it raises on an inconsistent number of columns
    assert [len(s) for s in reader.sents()] == [len(g) for g in grids]
    return [[list(row) for row in grid] for grid in grids]


def strict_entities(sentences: list[list[str]]) -> int:
    seqeval = pytest.importorskip("seqeval", reason="seqeval (test extras) checks the BIO tags")
    from seqeval.metrics import f1_score
    from seqeval.metrics.sequence_labeling import get_entities
    from seqeval.scheme import IOB2

    assert f1_score(sentences, sentences, mode="strict", scheme=IOB2) == 1.0  # strict mode refuses ill-formed IOB2
    assert seqeval is not None
    return sum(len(get_entities(sentence)) for sentence in sentences)


def test_the_columns_layout_reads_in_nltk_and_seqeval(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "out.conll"
    report = export_dataset(project, out, format="conll")  # one layer: no --layer needed
    assert report.spans == 3 and any("1 span(s) inside or across another" in note for note in report.notes)
    grids = read_with_nltk(out, ("words", "ignore", "ignore", "ignore", "ignore", "ignore", "ignore"))
    assert grids[0] == []  # nltk drops the -DOCSTART- line, as for CoNLL-2003
    assert out.read_text(encoding="utf-8").startswith("-DOCSTART-\tdoc_one\t-1\t_\tO\tO\tO\n\n")
    body = grids[1:]
    for column in (4, 5, 6):
        tags = [[row[column] for row in grid] for grid in body]
        assert not any(sentence[0].startswith("I-") for sentence in tags)
        assert strict_entities(tags) == 1
    for row in (row for grid in body for row in grid):  # code point offsets into the stored text
        assert TEXT[int(row[1]) : int(row[2])] == row[0]
    assert not any(line.startswith("#") for line in out.read_text(encoding="utf-8").splitlines())


def test_the_conll2003_layout_reads_in_nltk_and_seqeval(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "out.conll"
    export_dataset(project, out, format="conll2003")
    grids = read_with_nltk(out, ("words", "pos", "chunk", "ne"))
    assert grids[0] == [] and out.read_text(encoding="utf-8").startswith("-DOCSTART- -X- O O\n\n")
    tags = [[row[3] for row in grid] for grid in grids[1:]]
    assert not any(sentence[0].startswith("I-") for sentence in tags)
    assert strict_entities(tags) == 3
    assert len(grids) == 3  # the claim holds the first two sentences together; the last is its own


def test_several_layers_need_layer_and_say_which(project: Project, tmp_path: Path) -> None:
    extra = {"id": "two", "text": "نص آخر هنا.", "spans": [{"id": "x", "label": "CLAIM", "start": 0, "end": 2, "text": "نص", "annotator": "b"}],
             "relations": []}
    (tmp_path / "more.jsonl").write_text(json.dumps(extra, ensure_ascii=False) + "\n", encoding="utf-8")
    assert import_paths(project, [tmp_path / "more.jsonl"], annotator="b").errors == []
    with pytest.raises(AnnotatorError, match=r"CoNLL holds one layer and the project has 2 \(a, b\): choose --layer"):
        export_dataset(project, tmp_path / "out.conll", format="conll")
    assert not (tmp_path / "out.conll").exists()
    export_dataset(project, tmp_path / "out.conll", format="conll", layer="annotator:b")


def test_our_export_imports_back_with_the_same_spans(project: Project, tmp_path: Path) -> None:
    export_dataset(project, tmp_path / "out.conll", format="conll")
    assert detect_format(tmp_path / "out.conll") == "conll"
    with Project.create(tmp_path / "back.db") as back:
        report = import_paths(back, [tmp_path / "out.conll"], annotator="c")
        assert report.errors == []
        export_dataset(back, tmp_path / "back.jsonl", format="jsonl")
    [record] = [json.loads(line) for line in (tmp_path / "back.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["id"] == "doc_one"
    assert sorted((s["label"], s["start"], s["end"]) for s in record["spans"]) == sorted(
        (s["label"], s["start"], s["end"]) for s in SPANS[:3])
    assert record["text"] == TEXT  # the white space column gives the text back exactly


def test_our_export_edited_elsewhere_finds_its_documents_again(project: Project, tmp_path: Path) -> None:
    """A researcher exports, tags with a model or by hand elsewhere, and brings the tags back onto the same documents."""
    export_dataset(project, tmp_path / "out.conll", format="conll")
    lines = (tmp_path / "out.conll").read_text(encoding="utf-8").split("\n")
    edited = [line.replace("\tO\tO\tO", "\tO\tO\tB-CUE") if line.startswith("ثم\t") else line for line in lines]
    (tmp_path / "edited.conll").write_text("\n".join(edited), encoding="utf-8")
    report = import_paths(project, [tmp_path / "edited.conll"], annotator="model")
    assert report.errors == []
    counts = report.files[str(tmp_path / "edited.conll")]
    assert (counts.new_documents, counts.matched_documents, counts.spans_added) == (0, 1, 4)  # a's three and the new cue
    bad = tmp_path / "changed.conll"  # its line break made a space: another text, so another document
    bad.write_text("\n".join(line.replace("\\n", "\\s") for line in lines), encoding="utf-8")
    report = import_paths(project, [bad], annotator="model")
    assert report.errors == [] and report.files[str(bad)].new_documents == 1


NER = parse_scheme({"name": "ner", "span_labels": [{"name": n, "color": "#123456"} for n in ("PER", "LOC", "ORG")], "relation_labels": []})


@pytest.mark.parametrize(("tags", "expected"), [
    (["B-PER", "I-PER", "O", "B-LOC", "B-LOC"], [("PER", "محمد بن"), ("LOC", "في"), ("LOC", "دبي")]),  # BIO
    (["I-PER", "I-PER", "O", "I-LOC", "B-LOC"], [("PER", "محمد بن"), ("LOC", "في"), ("LOC", "دبي")]),  # IOB1
    (["B-PER", "E-PER", "O", "S-LOC", "S-LOC"], [("PER", "محمد بن"), ("LOC", "في"), ("LOC", "دبي")]),  # BIOES
    (["B-PER", "L-PER", "O", "U-LOC", "U-LOC"], [("PER", "محمد بن"), ("LOC", "في"), ("LOC", "دبي")]),  # BILOU
])
def test_bio_iob1_bioes_files_import(tmp_path: Path, tags: list[str], expected: list[tuple[str, str]]) -> None:
    words = ["محمد", "بن", "سافر", "في", "دبي"]
    path = tmp_path / "ner.txt"  # one token a line, as Arabic NER corpora come: detected by its tags
    path.write_text("\n".join(f"{w} {t}" for w, t in zip(words, tags)) + "\n\nثم O\nعاد O\n", encoding="utf-8")
    assert detect_format(path) == "conll"
    with Project.create(tmp_path / "p.db", scheme=NER) as project:
        report = import_paths(project, [path], annotator="me")
        assert report.errors == [] and report.files[str(path)].new_documents == 2  # no -DOCSTART-: a document a sentence
        export_dataset(project, tmp_path / "o.jsonl", format="jsonl")
    records = [json.loads(line) for line in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()]
    assert records[0]["text"] == "محمد بن سافر في دبي"
    assert [(s["label"], s["text"]) for s in sorted(records[0]["spans"], key=lambda s: s["start"])] == expected


def test_a_corpus_without_blank_lines_is_cut_at_sentence_ends(tmp_path: Path) -> None:
    path = tmp_path / "anercorp.txt"  # as ANERcorp comes: a token and its tag a line, no blank lines, no -DOCSTART-
    path.write_text("قال O\nمحمد B-PERS\nعلي I-PERS\n. O\nفي O\nدبي B-LOC\n. O\nانتهى O\n", encoding="utf-8")
    scheme = parse_scheme({"name": "a", "span_labels": [{"name": "PERS", "color": "#123456"}, {"name": "LOC", "color": "#123456"}], "relation_labels": []})
    with Project.create(tmp_path / "p.db", scheme=scheme) as project:
        report = import_paths(project, [path], annotator="me")
        assert report.errors == [] and report.files[str(path)].new_documents == 3
        export_dataset(project, tmp_path / "o.jsonl", format="jsonl")
    records = [json.loads(line) for line in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in records] == ["قال محمد علي .", "في دبي .", "انتهى"]
    assert [s["text"] for r in records for s in r["spans"]] == ["محمد علي", "دبي"]


def test_the_real_doccano_conll_file_imports_with_its_labels(tmp_path: Path) -> None:
    path = interop("doccano/doccano/doccano/backend/data_import/tests/data/sequence_labeling/example.conll")
    with Project.create(tmp_path / "p.db", scheme=scheme_from(path)) as project:
        report = import_paths(project, [path], annotator="me")
        assert report.errors == []
        counts = report.files[str(path)]
        assert (counts.new_documents, counts.spans_added) == (2, 2)


@pytest.mark.parametrize(("content", "reason"), [
    ("محمد B-PER\nبن X-PER\n", ":2: 'X-PER' is not a tag"),
    ("محمد B-PER\nبن\n", ":2: a token line needs a tag column"),
    ("محمد _ B-PER\nبن I-PER\n", ":2: has 2 columns where the file's first token line has 3"),
    ("محمد B-NOPE\n", ":1: unknown span label 'NOPE'"),
    ("محمد\t0\t9\tB-PER\n", ":1: offsets 0..9 do not fit the token"),
])
def test_a_bad_conll_line_is_named_and_nothing_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, reason: str) -> None:
    with Project.create(tmp_path / "p.db", scheme=NER):
        pass
    path = tmp_path / "bad.conll"
    path.write_text(content, encoding="utf-8")
    before = (tmp_path / "p.db").read_bytes()
    assert main(["import", str(tmp_path / "p.db"), str(path)]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"annotator: {path}{reason}")
    assert (tmp_path / "p.db").read_bytes() == before

"""Every importer against broken input: mutations of real files (brat, Label Studio, doccano, CoNLL, and our own
JSON Lines) and hypothesis-made JSON records. Whatever the bytes, the answer is a one-line reason naming the file,
never a traceback, and a refused file leaves the project as it was. Seeds and sizes keep it well under a minute."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from annotator.core.errors import AnnotatorError
from annotator.services.io.datasets import export_dataset
from annotator.services.io.importing import import_paths
from annotator.services.io.scheme_from import scheme_from
from annotator.storage.models import Annotator, Document, Relation, Span
from annotator.storage.project import Project
from tests.interop.real_files import interop

MUTATIONS = 150  # per format
WEIRD = [b"1e400", b"-1", b"NaN", b'"\\ud800"', b"[" * 3000, b"null", b"{}", b"[]", b"true", b"9" * 30, b"\xff\xfe", b"\x00",
         b'""', b"0.5", b"\t", b"\n", b";", b" ", b":", b"\r", b"B-", b"I-X"]
SAMPLE = ("😀 قال مصدر مطلع إن الوزير سيستقيل.\nسطر ثان هنا.", [("CUE", "قال"), ("SOURCE", "مصدر مطلع"), ("CLAIM", "الوزير سيستقيل")])


def mutate(data: bytes, rng: random.Random) -> bytes:
    """A few random edits: bytes flipped, cut, inserted or repeated, numbers made huge or negative, weird tokens."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(out) + 1)
        edit = rng.randrange(6)
        if edit == 0 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif edit == 1:
            del out[at : at + rng.randint(1, 20)]
        elif edit == 2:
            out[at : at + rng.randint(0, 8)] = rng.choice(WEIRD)
        elif edit == 3:
            out = out[:at]
        elif edit == 4 and out:
            start = rng.randrange(len(out))
            out[at:at] = out[start : start + rng.randint(1, 200)]
        else:
            digits = [i for i, byte in enumerate(out) if 48 <= byte <= 57]
            if digits:
                i = rng.choice(digits)
                out[i : i + 1] = rng.choice([b"9999999", b"-3", b"1e400", b"0"])
    return bytes(out)


def state(project: Project) -> tuple[int, ...]:
    with project.reading() as session:
        return tuple(session.scalar(select(func.count()).select_from(table)) or 0 for table in (Document, Span, Relation, Annotator))


def check(project: Project, path: Path, fmt: str) -> str:
    """Import one file; assert the answer is either a success or one-line errors that left the project unchanged."""
    before = state(project)
    try:
        report = import_paths(project, [path], annotator="fuzz", fmt=fmt)
    except AnnotatorError as error:  # refused whole (before any file was looked at)
        report_errors = [error]
    else:
        report_errors = report.errors
    for error in report_errors:
        assert "\n" not in str(error) and str(error).strip(), repr(str(error))
    if report_errors:
        assert state(project) == before, f"{path} was refused and yet changed the project: {report_errors[0]}"
        return "refused"
    return "imported"


@pytest.fixture(scope="module")
def own_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Our own exports (JSON Lines, CoNLL) of a small project with astral characters and nested spans."""
    folder = tmp_path_factory.mktemp("own")
    text, tagged = SAMPLE
    spans = [{"id": f"s{i}", "label": label, "start": text.index(words), "end": text.index(words) + len(words), "text": words,
              "annotator": "a"} for i, (label, words) in enumerate(tagged)]
    record = {"id": "d1", "text": text, "spans": spans, "relations": [{"id": "r1", "label": "ATTRIBUTION", "from": "s2", "to": "s1", "annotator": "a"}]}
    (folder / "in.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with Project.create(folder / "own.db") as project:
        assert import_paths(project, [folder / "in.jsonl"], annotator="a").errors == []
        export_dataset(project, folder / "own.jsonl", format="jsonl")
        export_dataset(project, folder / "own.conll", format="conll")
    return {"jsonl": folder / "own.jsonl", "conll": folder / "own.conll"}


REAL = {
    "labelstudio": ["labelstudio/HumanSignal/label-studio-converter/test/fixtures/completions/348.json",
                    "labelstudio/HumanSignal/label-studio-frontend/examples/named_entity/annotations/1.json"],
    "doccano": ["doccano/doccano/doccano/backend/data_export/pipeline/examples/relation_extraction/example.jsonl",
                "doccano/doccano/doccano/backend/data_import/pipeline/examples/sequence_labeling/example.jsonl"],
    "conll": ["doccano/doccano/doccano/backend/data_import/tests/data/sequence_labeling/example.conll"],
    "brat": ["brat/news/100-attribute_annotation.ann", "brat/news/110-note_annotation.ann", "brat/TDT/wn071.ann"],
    "jsonl": [],
}


@pytest.mark.parametrize("fmt", sorted(REAL))
def test_mutated_real_files_get_a_one_line_reason_and_change_nothing(tmp_path: Path, own_files: dict[str, Path], fmt: str) -> None:
    seeds = [interop(relative) for relative in REAL[fmt]] + ([own_files[fmt]] if fmt in own_files else [])
    rng = random.Random(f"fuzz-{fmt}")
    outcomes = {"refused": 0, "imported": 0}
    projects = {}
    for seed in seeds:  # one project a seed file, with the scheme its labels need: mutations go past the labels
        projects[seed] = Project.create(tmp_path / f"{len(projects)}.db", scheme=scheme_from(seed.parent if fmt == "brat" else seed))
    try:
        for number in range(MUTATIONS):
            seed = rng.choice(seeds)
            folder = tmp_path / f"m{number}"
            folder.mkdir()
            target = folder / seed.name
            if fmt == "brat":
                ann, txt = seed.read_bytes(), seed.with_suffix(".txt").read_bytes()
                if rng.random() < 0.8:
                    ann = mutate(ann, rng)
                else:
                    txt = mutate(txt, rng)
                target.write_bytes(ann)
                target.with_suffix(".txt").write_bytes(txt)
            else:
                target.write_bytes(mutate(seed.read_bytes(), rng))
            outcomes[check(projects[seed], target, fmt)] += 1
            shutil.rmtree(folder)
    finally:
        for project in projects.values():
            project.close()
    assert outcomes["refused"] > MUTATIONS // 2  # the mutations do break files (a fuzz test that only imports proves nothing)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**20), max_value=10**20) | st.floats(allow_nan=False)
    | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8) | st.sampled_from(["CLAIM", "SOURCE", "B-CLAIM", "😀"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(
        ["id", "text", "data", "spans", "relations", "label", "labels", "start", "end", "start_offset", "end_offset", "entities",
         "annotations", "result", "value", "from", "to", "from_id", "to_id", "type", "annotator", "completed_by", "attributes"]), children, max_size=5),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], derandomize=True)
@given(record=st.dictionaries(st.sampled_from(["id", "text", "data", "spans", "relations", "entities", "label", "annotations",
                                               "predictions", "completions"]), JSON_VALUES, min_size=1, max_size=5),
       fmt=st.sampled_from(["jsonl", "labelstudio", "doccano"]), wrap=st.booleans())
def test_made_up_json_records_never_give_a_traceback(tmp_path: Path, record: dict, fmt: str, wrap: bool) -> None:
    path = tmp_path / "made.json"
    path.write_text(json.dumps([record] if wrap else record), encoding="utf-8")
    project_path = tmp_path / "h.db"
    with (Project.open(project_path) if project_path.exists() else Project.create(project_path)) as project:
        check(project, path, fmt)

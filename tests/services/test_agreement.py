"""Agreement figures against textbook values and against a hand computation on merged annotators' files."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.model import DocumentId
import numpy as np

from annotator.services.team.agreement import OVERALL, alpha_nominal, cohen_kappa, compute_agreement
from annotator.services.team.merging import merge_paths
from annotator.services.annotation.relations import RelationService
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.project import Project
from tests.conftest import add_document

# Ten words, so that token i is word i.
TEXT = "قال مسؤول كبير إن الرئيس بعث رسالة إلى طهران أمس"


def test_cohen_kappa_matches_the_textbook_example() -> None:
    # 50 proposals: both yes 20, A yes B no 5, A no B yes 10, both no 15: kappa = 0.4.
    first = ["yes"] * 25 + ["no"] * 25
    second = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(first, second) == pytest.approx(0.4)


def test_krippendorff_alpha_matches_the_published_nominal_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers, 12 units, nominal alpha = 0.743.
    table = {
        "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    }
    data = np.array([[np.nan if v is None else v for v in values] for values in table.values()], dtype=float)
    assert alpha_nominal(data) == pytest.approx(0.743, abs=0.001)


def annotator_file(folder: Path, name: str, claim_words: tuple[int, int], relation: bool) -> Path:
    words = TEXT.split(" ")
    starts = [TEXT.index(w) for w in words]
    path = folder / f"{name}.db"
    with Project.create(path) as project:
        doc = DocumentId(add_document(project, TEXT, uid="d"))
        tagger = TaggingService(project, annotator=name)
        first, last = claim_words
        claim = tagger.create_span(document_id=doc, start=starts[first], end=starts[last] + len(words[last]), label="CLAIM").span
        source = tagger.create_span(document_id=doc, start=starts[1], end=starts[2] + len(words[2]), label="SOURCE").span
        if relation:
            RelationService(project, annotator=name, tagging=tagger).create(label="ATTRIBUTION", from_span=claim.id, to_span=source.id).relation
    return path


def test_merged_files_give_the_hand_computed_figures(tmp_path: Path) -> None:
    files = [
        annotator_file(tmp_path, "lina", (3, 9), relation=True),  # CLAIM on words 3-9
        annotator_file(tmp_path, "omar", (3, 9), relation=True),  # the same
        annotator_file(tmp_path, "huda", (4, 9), relation=False),  # CLAIM on words 4-9, no link
    ]
    with Project.create(tmp_path / "team.db") as team:
        assert merge_paths(team, files).errors == []
        report = compute_agreement(team)
    assert report.annotators == ["huda", "lina", "omar"] and report.tokens == 10
    # lina vs omar agree on every token.
    assert report.kappa[("lina", "omar")][OVERALL] == pytest.approx(1.0)
    # huda vs lina, CLAIM vs not: lina CLAIM on 7 tokens, huda on 6 of them; po = 9/10,
    # pe = (7*6 + 3*4) / 100 = 0.54, kappa = (0.9 - 0.54) / 0.46.
    assert report.kappa[("huda", "lina")]["CLAIM"] == pytest.approx((0.9 - 0.54) / 0.46)
    assert report.kappa[("huda", "lina")]["SOURCE"] == pytest.approx(1.0)
    # Exact spans: huda's SOURCE matches, her CLAIM does not: P = R = 1/2. Overlap: both match.
    assert report.exact[("huda", "lina")][OVERALL].f1 == pytest.approx(0.5)
    assert report.overlap[("huda", "lina")][OVERALL].f1 == pytest.approx(1.0)
    assert report.relations[("lina", "omar")].f1 == pytest.approx(1.0)
    assert report.relations[("huda", "lina")].f1 == 0.0  # only lina linked
    assert math.isnan(report.alpha["CUE"])  # nobody tagged a cue: nothing to agree on
    assert 0 < report.alpha["CLAIM"] < 1 and report.alpha["SOURCE"] == pytest.approx(1.0)


def test_agreement_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [annotator_file(tmp_path, n, (3, 9), relation=True) for n in ("lina", "omar")]
    assert main(["merge", str(tmp_path / "team.db"), *map(str, files)]) == 0
    capsys.readouterr()
    assert main(["agreement", str(tmp_path / "team.db"), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["cohen_kappa"]["lina|omar"]["overall"] == 1.0
    assert figures["krippendorff_alpha"]["CLAIM"] == 1.0
    assert main(["agreement", str(tmp_path / "team.db")]) == 0
    table = capsys.readouterr().out
    assert "lina × omar" in table and "alpha" in table

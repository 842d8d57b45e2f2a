"""The fast agreement (words found with numpy, token masks from range arithmetic, alpha from counted columns)
equals the slow, plain computation it replaces: pyarabic's words one by one, a mask per token and span, and
the `krippendorff` package, on small random cases."""

from __future__ import annotations

import math
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.arabic import tokens
from annotator.core.model import NewDocument, NewSpan
from annotator.services.io.importing import add_documents
from annotator.services.team.agreement import OVERALL, alpha_nominal, cohen_kappa, compute_agreement
from annotator.services.team.token_bounds import token_bounds
from annotator.storage.project import Project

# Arabic letters, harakat, tatweel, digits, the apostrophe and underscore pyarabic keeps in a word, punctuation,
# spaces and line breaks, a zero-width non-joiner, an emoji and a letter outside the Basic Multilingual Plane.
ALPHABET = "قالمسؤولرئيسأإآةى" + "\u064e\u064f\u0650\u0651\u0652\u064b\u0670" + "\u0640" + "0123٤٥" + "'_" + "،.؛«»:؟-" + "  \n\t" + "\u200c" + "😀𝐀" + "ab"


@given(st.lists(st.text(alphabet=ALPHABET, max_size=60), min_size=1, max_size=5))
@settings(max_examples=300, deadline=None)
def test_token_bounds_are_the_words_tokens_finds(texts: list[str]) -> None:
    owners, starts, ends = token_bounds(texts)
    expected = [(number, word.start, word.end) for number, text in enumerate(texts) for word in tokens(text)]
    assert list(zip(owners.tolist(), starts.tolist(), ends.tolist())) == expected


def reference_alpha(data: np.ndarray) -> float:
    pairable = data[:, (~np.isnan(data)).sum(axis=0) >= 2]
    if pairable.size == 0 or len(np.unique(pairable[~np.isnan(pairable)])) < 2:
        return math.nan
    return float(krippendorff.alpha(reliability_data=pairable, level_of_measurement="nominal"))


reliability = st.integers(2, 5).flatmap(
    lambda raters: st.lists(st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=raters, max_size=raters), min_size=1, max_size=40)
)


@given(reliability)
@settings(max_examples=300, deadline=None)
def test_alpha_equals_the_krippendorff_package(units: list[list[int | None]]) -> None:
    data = np.array([[np.nan if v is None else v for v in unit] for unit in units], dtype=float).T
    expected, found = reference_alpha(data), alpha_nominal(data)
    assert (math.isnan(expected) and math.isnan(found)) or found == pytest.approx(expected, abs=1e-9)


def test_alpha_with_many_annotators_and_categories_counts_distinct_columns() -> None:
    rng = np.random.default_rng(5)  # 12 raters, 40 categories: past the bincount path
    data = rng.integers(0, 40, size=(12, 300)).astype(float)
    data[rng.random(data.shape) < 0.3] = np.nan
    assert alpha_nominal(data) == pytest.approx(reference_alpha(data), abs=1e-9)


WORDS = ["قال", "مسؤول", "كبير،", "إن", "الرَّئِيسُ", "بعث", "رسالة.", "«إلى", "طهران»", "2026", "a'b", "_x_"]
LABELS = ["CLAIM", "SOURCE", "CUE"]
NAMES = ["huda", "lina", "omar"]


def reference_figures(texts: list[str], spans: list[tuple[int, str, int, int, str]]) -> tuple[dict, dict]:
    """Token masks the slow way, alpha through the package and kappa through cohen_kappa."""
    masks = {name: [] for name in NAMES}
    for number, text in enumerate(texts):
        words = tokens(text)
        for name in NAMES:
            mine = [s for s in spans if s[0] == number and s[1] == name]
            for word in words:
                value = 0
                for _doc, _name, start, end, label in mine:
                    if start < word.end and word.start < end:
                        value |= 1 << LABELS.index(label)
                masks[name].append(value if mine else -1)
    present = [name for name in NAMES if any(s[1] == name for s in spans)]
    alpha, kappa = {}, {}
    for label in [OVERALL, *LABELS]:
        bit = None if label == OVERALL else 1 << LABELS.index(label)
        rows = [[np.nan if v < 0 else (v if bit is None else float(bool(v & bit))) for v in masks[name]] for name in present]
        alpha[label] = reference_alpha(np.array(rows, dtype=float)) if rows and rows[0] else math.nan
        for i, a in enumerate(present):
            for b in present[i + 1 :]:
                shared = [(x, y) for x, y in zip(masks[a], masks[b]) if x >= 0 and y >= 0]
                pick = (lambda v: str(v)) if bit is None else (lambda v: str(bool(v & bit)))  # noqa: B023
                kappa[(a, b, label)] = cohen_kappa([pick(x) for x, _ in shared], [pick(y) for _, y in shared]) if shared else math.nan
    return alpha, kappa


@st.composite
def projects(draw: st.DrawFn) -> tuple[list[str], list[tuple[int, str, int, int, str]]]:
    texts = [" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))) for _ in range(draw(st.integers(1, 3)))]
    spans = set()
    for number, text in enumerate(texts):
        for _ in range(draw(st.integers(0, 6))):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            spans.add((number, draw(st.sampled_from(NAMES)), start, end, draw(st.sampled_from(LABELS))))
    return texts, sorted(spans)


@given(projects())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_project_agreement_equals_the_plain_computation(tmp_path: Path, case: tuple[list[str], list]) -> None:
    texts, spans = case
    path = tmp_path / f"p{abs(hash(repr(case)))}.db"
    with Project.create(path) as project:
        documents = [
            NewDocument(uid=f"d{number}", title="t", text=text, spans=tuple(
                NewSpan(uid=None, label=label, start=start, end=end, text=text[start:end], annotator=name)
                for doc, name, start, end, label in spans if doc == number))
            for number, text in enumerate(dict.fromkeys(texts))
        ]
        if len(documents) < len(texts):  # the same text twice is imported once: keep the case simple
            return
        add_documents(project, documents, annotator="bench")
        report = compute_agreement(project)
    alpha, kappa = reference_figures(texts, spans)
    for label, value in alpha.items():
        assert (math.isnan(value) and math.isnan(report.alpha[label])) or report.alpha[label] == pytest.approx(value, abs=1e-9), label
    for (a, b, label), value in kappa.items():
        found = report.kappa[(a, b)][label]
        assert (math.isnan(value) and math.isnan(found)) or found == pytest.approx(value, abs=1e-9), (a, b, label)

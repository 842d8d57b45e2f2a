"""Agreement between annotators: token-level Cohen's kappa and Krippendorff's alpha, span and relation F1."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import krippendorff
import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import aliased

from annotator.core.arabic import tokens
from annotator.core.model import SpanKey
from annotator.services.team.identity import GOLD
from annotator.storage.models import Annotator, Document, Relation, Span
from annotator.storage.project import Project

OVERALL = "overall"
UNTAGGED = "O"


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float


@dataclass
class AgreementReport:
    annotators: list[str]
    labels: list[str]
    documents: int = 0
    tokens: int = 0
    alpha: dict[str, float] = field(default_factory=dict)
    kappa: dict[tuple[str, str], dict[str, float]] = field(default_factory=dict)
    exact: dict[tuple[str, str], dict[str, Scores]] = field(default_factory=dict)
    overlap: dict[tuple[str, str], dict[str, Scores]] = field(default_factory=dict)
    relations: dict[tuple[str, str], Scores] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        pair = lambda key: f"{key[0]}|{key[1]}"  # noqa: E731
        scores = lambda s: {"precision": _num(s.precision), "recall": _num(s.recall), "f1": _num(s.f1)}  # noqa: E731
        return {
            "annotators": self.annotators,
            "labels": self.labels,
            "documents": self.documents,
            "tokens": self.tokens,
            "krippendorff_alpha": {k: _num(v) for k, v in self.alpha.items()},
            "cohen_kappa": {pair(k): {label: _num(v) for label, v in row.items()} for k, row in self.kappa.items()},
            "span_exact": {pair(k): {label: scores(s) for label, s in row.items()} for k, row in self.exact.items()},
            "span_overlap": {pair(k): {label: scores(s) for label, s in row.items()} for k, row in self.overlap.items()},
            "relation_f1": {pair(k): scores(s) for k, s in self.relations.items()},
        }


def _num(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 4)


def cohen_kappa(first: list[str], second: list[str]) -> float:
    """Cohen's kappa of two label sequences (NaN when chance agreement is total)."""
    values, codes = np.unique(np.array([*first, *second], dtype=str), return_inverse=True)
    return _kappa_codes(codes[: len(first)], codes[len(first) :])


def compute_agreement(project: Project, *, annotators: list[str] | None = None) -> AgreementReport:
    layers = _load_layers(project, annotators)
    names = sorted(layers)
    labels = [label.name for label in project.scheme.span_labels]
    report = AgreementReport(annotators=names, labels=labels)
    documents = sorted({doc for spans in layers.values() for doc, *_ in spans})
    report.documents = len(documents)
    masks, owners = _token_masks(project, documents, layers, labels)
    report.tokens = len(owners)
    bits = {label: 1 << number for number, label in enumerate(labels)}
    for label in [OVERALL, *labels]:
        report.alpha[label] = alpha_nominal(np.stack([_categories(masks[name], bits.get(label)) for name in names]))
    for a, b in combinations(names, 2):
        shared = (masks[a] >= 0) & (masks[b] >= 0)
        report.kappa[(a, b)] = {
            label: _kappa_codes(_codes(masks[a][shared], bits.get(label)), _codes(masks[b][shared], bits.get(label)))
            for label in [OVERALL, *labels]
        }
        both = set(np.unique(owners[shared]).tolist())
        mine = {key for key in layers[a] if key[0] in both}
        theirs = {key for key in layers[b] if key[0] in both}
        report.exact[(a, b)] = {label: _exact(mine, theirs, label) for label in [OVERALL, *labels]}
        report.overlap[(a, b)] = {label: _overlap(mine, theirs, label) for label in [OVERALL, *labels]}
    relations = _load_relations(project, names)
    for a, b in combinations(names, 2):
        shared = (masks[a] >= 0) & (masks[b] >= 0)
        both = set(np.unique(owners[shared]).tolist())
        mine = {r for r in relations[a] if r[1][0] in both or r[2][0] in both}
        theirs = {r for r in relations[b] if r[1][0] in both or r[2][0] in both}
        report.relations[(a, b)] = _scores(len(mine & theirs), len(theirs), len(mine))
    return report


def _load_layers(project: Project, wanted: list[str] | None) -> dict[str, set[SpanKey]]:
    query = select(Annotator.name, Span.document_id, Span.start, Span.end, Span.label).join(Annotator, Annotator.id == Span.annotator_id)
    layers: dict[str, set[SpanKey]] = defaultdict(set)
    with project.reading() as session:
        for name, document_id, start, end, label in session.execute(query):
            if name != GOLD and (wanted is None or name in wanted):
                layers[name].add((document_id, start, end, label))
    for name in wanted or ():
        layers.setdefault(name, set())
    return layers


def _token_masks(
    project: Project, documents: list[int], layers: dict[str, set[SpanKey]], labels: list[str]
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Per annotator, one label bitmask per token of every document (-1 where they did not annotate the
    document), concatenated; and the document each token belongs to."""
    bits = {label: 1 << number for number, label in enumerate(labels)}
    by_document: dict[int, dict[str, list[SpanKey]]] = defaultdict(lambda: defaultdict(list))
    for name, spans in layers.items():
        for span in spans:
            by_document[span[0]][name].append(span)
    pieces: dict[str, list[np.ndarray]] = {name: [] for name in layers}
    owners: list[np.ndarray] = []
    with project.reading() as session:
        for first in range(0, len(documents), 500):
            chunk = documents[first : first + 500]
            texts = {row.id: row.text for row in session.execute(select(Document.id, Document.text).where(Document.id.in_(chunk)))}
            for document_id in chunk:
                words = tokens(texts.get(document_id, ""))
                starts = np.array([w.start for w in words], dtype=np.int64)
                ends = np.array([w.end for w in words], dtype=np.int64)
                owners.append(np.full(len(words), document_id, dtype=np.int64))
                for name in layers:
                    spans = by_document[document_id].get(name)
                    if not spans:
                        pieces[name].append(np.full(len(words), -1, dtype=np.int64))
                        continue
                    mask = np.zeros(len(words), dtype=np.int64)
                    for _doc, start, end, label in spans:
                        lo = int(np.searchsorted(ends, start, side="right"))
                        hi = int(np.searchsorted(starts, end, side="left"))
                        mask[lo:hi] |= bits.get(label, 0)
                    pieces[name].append(mask)
    empty = np.zeros(0, dtype=np.int64)
    return {name: np.concatenate(parts) if parts else empty for name, parts in pieces.items()}, (np.concatenate(owners) if owners else empty)


def _categories(mask: np.ndarray, bit: int | None) -> np.ndarray:
    """Token categories as floats for one label (1 tagged, 0 not) or overall (the set of labels as a bitmask);
    NaN where the annotator did not annotate the document."""
    values = mask.astype(float) if bit is None else ((mask & bit) != 0).astype(float)
    values[mask < 0] = np.nan
    return values


def _codes(mask: np.ndarray, bit: int | None) -> np.ndarray:
    """Small non-negative category codes: the label bitmask overall, 1/0 for one label."""
    return mask if bit is None else ((mask & bit) != 0).astype(np.int64)


def _kappa_codes(x: np.ndarray, y: np.ndarray) -> float:
    """Cohen's kappa of two sequences of small non-negative integer codes."""
    n = len(x)
    if n == 0:
        return math.nan
    size = int(max(x.max(), y.max())) + 1
    observed = float(np.mean(x == y))
    expected = float(np.bincount(x, minlength=size) @ np.bincount(y, minlength=size)) / (n * n)
    return math.nan if expected == 1 else (observed - expected) / (1 - expected)


def alpha_nominal(data: np.ndarray) -> float:
    """Krippendorff's alpha (nominal) of reliability data: rows are annotators, columns units, NaN missing."""
    if data.size == 0:
        return math.nan
    present = data[:, (~np.isnan(data)).sum(axis=0) >= 2]
    if present.size == 0 or len(np.unique(present[~np.isnan(present)])) < 2:
        return math.nan
    try:
        return float(krippendorff.alpha(reliability_data=present, level_of_measurement="nominal"))
    except (ValueError, ZeroDivisionError):
        return math.nan


def _scores(matched: int, predicted: int, gold: int) -> Scores:
    """NaN where nothing was there to compare; F1 is 0 when only one side has anything."""
    precision = matched / predicted if predicted else math.nan
    recall = matched / gold if gold else math.nan
    if not predicted and not gold:
        return Scores(precision, recall, math.nan)
    f1 = 2 * matched / (predicted + gold)
    return Scores(precision, recall, f1)


def _exact(reference: set[SpanKey], other: set[SpanKey], label: str) -> Scores:
    ref = {s for s in reference if label in (OVERALL, s[3])}
    oth = {s for s in other if label in (OVERALL, s[3])}
    return _scores(len(ref & oth), len(oth), len(ref))


def _overlap(reference: set[SpanKey], other: set[SpanKey], label: str) -> Scores:
    """One-to-one matching of same-label spans that overlap, greedily by largest overlap, per document."""
    ref = sorted(s for s in reference if label in (OVERALL, s[3]))
    oth = sorted(s for s in other if label in (OVERALL, s[3]))
    groups: dict[tuple[int, str], list[SpanKey]] = defaultdict(list)
    for span in oth:
        groups[(span[0], span[3])].append(span)
    pairs = sorted(
        ((min(a[2], b[2]) - max(a[1], b[1]), a, b) for a in ref for b in groups.get((a[0], a[3]), ()) if a[1] < b[2] and b[1] < a[2]),
        reverse=True,
    )
    used_ref: set[SpanKey] = set()
    used_oth: set[SpanKey] = set()
    for _size, a, b in pairs:
        if a not in used_ref and b not in used_oth:
            used_ref.add(a)
            used_oth.add(b)
    return _scores(len(used_ref), len(oth), len(ref))


def _load_relations(project: Project, names: list[str]) -> dict[str, set[tuple]]:
    """Each annotator's relations as (label, from span key, to span key); undirected ones in a fixed order."""
    directed = {label.name: label.directed for label in project.scheme.relation_labels}
    source, target = aliased(Span), aliased(Span)
    query = (
        select(Annotator.name, Relation.label, source.document_id, source.start, source.end, source.label,
               target.document_id, target.start, target.end, target.label)
        .join(Annotator, Annotator.id == Relation.annotator_id)
        .join(source, source.id == Relation.from_span_id)
        .join(target, target.id == Relation.to_span_id)
    )
    found: dict[str, set[tuple]] = {name: set() for name in names}
    with project.reading() as session:
        for name, label, *ends in session.execute(query):
            if name not in found:
                continue
            first, second = tuple(ends[:4]), tuple(ends[4:])
            if not directed.get(label, True):
                first, second = sorted((first, second))
            found[name].add((label, first, second))
    return found


def format_agreement(report: AgreementReport) -> str:
    """A plain-text table: alpha per label, then kappa and span F1 per pair."""
    columns = [OVERALL, *report.labels]
    show = lambda value: "  —  " if math.isnan(value) else f"{value:5.2f}"  # noqa: E731
    width = max([len("alpha (all)"), *(len(f"{a} × {b}") for a, b in report.kappa)]) + 2
    lines = [
        f"{report.documents} document(s), {report.tokens} tokens, annotators: {', '.join(report.annotators)}",
        "".ljust(width) + "".join(label.rjust(10) for label in columns),
        "alpha (all)".ljust(width) + "".join(show(report.alpha.get(label, math.nan)).rjust(10) for label in columns),
    ]
    lines.append("Cohen's kappa (tokens):")
    for (a, b), row in report.kappa.items():
        lines.append(f"{a} × {b}".ljust(width) + "".join(show(row[label]).rjust(10) for label in columns))
    lines.append("span F1 exact / overlap, relation F1:")
    for (a, b) in report.kappa:
        exact, overlap = report.exact[(a, b)][OVERALL], report.overlap[(a, b)][OVERALL]
        lines.append(f"{a} × {b}".ljust(width) + f"{show(exact.f1)} / {show(overlap.f1)}   {show(report.relations[(a, b)].f1)}")
    return "\n".join(lines)

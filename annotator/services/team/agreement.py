"""Agreement between annotators: token-level Cohen's kappa and Krippendorff's alpha, span and relation F1."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import aliased

from annotator.core.model import SpanKey
from annotator.services.team.identity import GOLD
from annotator.services.team.token_bounds import token_bounds
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
        report.alpha[label] = _alpha_codes(np.stack([_codes(masks[name], bits.get(label), keep_missing=True) for name in names])
                                           if names else np.zeros((0, 0), dtype=np.int64))
    shared_documents: dict[tuple[str, str], set[int]] = {}
    grouped = {name: _grouped(layers[name]) for name in names}
    for a, b in combinations(names, 2):
        shared = (masks[a] >= 0) & (masks[b] >= 0)
        first, second = (masks[a], masks[b]) if shared.all() else (masks[a][shared], masks[b][shared])
        report.kappa[(a, b)] = {OVERALL: _kappa_codes(first, second)}
        for label in labels:
            report.kappa[(a, b)][label] = _kappa_binary((first & bits[label]) != 0, (second & bits[label]) != 0)
        common = owners[shared]  # sorted, as the documents are: their distinct values without a sort
        both = shared_documents[(a, b)] = set(common[np.flatnonzero(np.diff(common, prepend=-1))].tolist())
        report.exact[(a, b)], report.overlap[(a, b)] = _span_scores(grouped[a], grouped[b], both, labels)
    relations = _load_relations(project, names)
    for (a, b), both in shared_documents.items():
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


CHUNK = 500  # documents whose texts are read and split into words at a time


def _token_masks(
    project: Project, documents: list[int], layers: dict[str, set[SpanKey]], labels: list[str]
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Per annotator, one label bitmask per token of every document (-1 where they did not annotate the
    document), concatenated; and the document each token belongs to.

    The words of each chunk of texts are found in one vectorized pass (token_bounds). A token is covered by
    a span when they overlap: a span's tokens are [lo, hi) of the sorted token ends and starts, found for
    every span at once with searchsorted on (document position, offset) keys; a label's coverage is the
    running sum of +1 at each lo and -1 at each hi."""
    position = {document_id: number for number, document_id in enumerate(documents)}
    owner_parts, start_parts, end_parts = [], [], []
    with project.reading() as session:
        for first in range(0, len(documents), CHUNK):
            chunk = documents[first : first + CHUNK]
            texts = dict(session.execute(select(Document.id, Document.text).where(Document.id.in_(chunk))).all())
            owners, starts, ends = token_bounds([texts.get(document_id) or "" for document_id in chunk])
            owner_parts.append(owners + first)
            start_parts.append(starts)
            end_parts.append(ends)
    empty = np.zeros(0, dtype=np.int64)
    places = np.concatenate(owner_parts) if owner_parts else empty  # the position of each token's document
    shift = np.int64(1) << 32  # a text is far shorter than 2**32 code points
    start_keys = places * shift + (np.concatenate(start_parts) if start_parts else empty)
    end_keys = places * shift + (np.concatenate(end_parts) if end_parts else empty)
    count = len(places)
    code = {label: number for number, label in enumerate(labels)}
    masks: dict[str, np.ndarray] = {}
    for name, spans in layers.items():
        mask = np.full(count, -1, dtype=np.int64)
        if spans:
            table = np.array([(position[doc], start, end, code.get(label, -1)) for doc, start, end, label in spans], dtype=np.int64)
            table = table[np.argsort(table[:, 0] * shift + table[:, 1], kind="stable")]  # sorted needles: a faster search
            annotated = np.zeros(len(documents), dtype=bool)
            annotated[table[:, 0]] = True
            mask[annotated[places]] = 0
            lo = np.searchsorted(end_keys, table[:, 0] * shift + table[:, 1], side="right")
            hi = np.maximum(lo, np.searchsorted(start_keys, table[:, 0] * shift + table[:, 2], side="left"))
            for number in range(len(labels)):
                chosen = table[:, 3] == number
                mask[_ranges(lo[chosen], hi[chosen])] |= 1 << number
        masks[name] = mask
    document_ids = np.array(documents, dtype=np.int64)
    return masks, document_ids[places] if count else empty


def _ranges(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """The indices of every [lo, hi) range, concatenated (a range may repeat or overlap another)."""
    lengths = hi - lo
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    ends = np.cumsum(lengths)
    return np.arange(total, dtype=np.int64) + np.repeat(lo - (ends - lengths), lengths)


def _codes(mask: np.ndarray, bit: int | None, *, keep_missing: bool = False) -> np.ndarray:
    """Small non-negative category codes: the label bitmask overall, 1/0 for one label; -1 stays -1 when asked."""
    codes = mask if bit is None else ((mask & bit) != 0).astype(np.int64)
    if keep_missing and bit is not None:
        codes[mask < 0] = -1
    return codes


def _kappa_codes(x: np.ndarray, y: np.ndarray) -> float:
    """Cohen's kappa of two sequences of small non-negative integer codes."""
    n = len(x)
    if n == 0:
        return math.nan
    size = int(max(x.max(), y.max())) + 1
    observed = float(np.mean(x == y))
    expected = float(np.bincount(x, minlength=size) @ np.bincount(y, minlength=size)) / (n * n)
    return math.nan if expected == 1 else (observed - expected) / (1 - expected)


def _kappa_binary(x: np.ndarray, y: np.ndarray) -> float:
    """Cohen's kappa of two boolean sequences, from the four counts."""
    n = len(x)
    if n == 0:
        return math.nan
    both, first, second = int(np.count_nonzero(x & y)), int(np.count_nonzero(x)), int(np.count_nonzero(y))
    observed = (n - first - second + 2 * both) / n
    expected = (first * second + (n - first) * (n - second)) / (n * n)
    return math.nan if expected == 1 else (observed - expected) / (1 - expected)


def alpha_nominal(data: np.ndarray) -> float:
    """Krippendorff's alpha (nominal) of reliability data: rows are annotators, columns units, NaN missing."""
    if data.size == 0:
        return math.nan
    present = ~np.isnan(data)
    values, codes = np.unique(data[present], return_inverse=True)
    table = np.full(data.shape, -1, dtype=np.int64)
    table[present] = codes.reshape(-1)
    return _alpha_codes(table)


def _alpha_codes(codes: np.ndarray) -> float:
    """Krippendorff's alpha (nominal) of reliability data as category codes (rows annotators, -1 missing),
    from the coincidence matrix: every distinct column (a tuple of a few categories) is counted once, with one
    bincount of the columns read as numbers, and its pairs enter the matrix weighted by how often it occurs
    and by 1/(m - 1); columns with fewer than two codes are not pairable and drop out."""
    if codes.size == 0:
        return math.nan
    raters = codes.shape[0]
    base = int(codes.max()) + 2  # code + 1 is a digit: 0 for missing
    if base**raters <= 1 << 22:
        number = np.zeros(codes.shape[1], dtype=np.int64)
        for row in codes[::-1]:
            number *= base
            number += row + 1
        tally = np.bincount(number, minlength=base**raters)
        patterns = np.flatnonzero(tally)
        counts = tally[patterns]
        columns = (patterns[:, None] // base ** np.arange(raters, dtype=np.int64)[None, :]) % base - 1
    else:  # many annotators or categories: the distinct columns, sorted
        columns, counts = np.unique(codes.T, axis=0, return_counts=True)
    pairable = (columns >= 0).sum(axis=1) >= 2
    columns, counts = columns[pairable], counts[pairable]
    values = np.unique(columns[columns >= 0])
    if len(values) < 2:
        return math.nan
    size = len(values)
    per_value = np.stack([(columns == value).sum(axis=1) for value in values], axis=1).astype(float)  # n_uc
    pairable = per_value.sum(axis=1)
    weight = counts / (pairable - 1)
    coincidences = (per_value * weight[:, None]).T @ per_value - np.diag((per_value * weight[:, None]).sum(axis=0))
    totals = coincidences.sum(axis=1)
    n = totals.sum()
    disagreement = n - np.trace(coincidences)
    expected = (n * n - float(totals @ totals)) / (n - 1)
    return math.nan if expected <= 0 else float(1 - disagreement / expected)


def _scores(matched: int, predicted: int, gold: int) -> Scores:
    """NaN where nothing was there to compare; F1 is 0 when only one side has anything."""
    precision = matched / predicted if predicted else math.nan
    recall = matched / gold if gold else math.nan
    if not predicted and not gold:
        return Scores(precision, recall, math.nan)
    f1 = 2 * matched / (predicted + gold)
    return Scores(precision, recall, f1)


def _grouped(spans: set[SpanKey]) -> dict[tuple[int, str], list[SpanKey]]:
    """An annotator's spans by (document, label), the groups the span scores compare."""
    groups: dict[tuple[int, str], list[SpanKey]] = defaultdict(list)
    for span in spans:
        groups[(span[0], span[3])].append(span)
    return groups


def _span_scores(
    mine: dict[tuple[int, str], list[SpanKey]], theirs: dict[tuple[int, str], list[SpanKey]], documents: set[int], labels: list[str]
) -> tuple[dict[str, Scores], dict[str, Scores]]:
    """Exact and overlap span scores in the given documents, overall and per label, from one pass over the
    (document, label) groups.

    Overlap is a one-to-one matching of same-label spans that overlap, greedily by largest overlap within
    each group: spans of different groups never compete, so the overall matching is the union of the
    per-label ones and both are counted from it."""
    gold: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    exact_count: Counter[str] = Counter()
    matched: Counter[str] = Counter()
    for key, spans in mine.items():
        if key[0] in documents:
            gold[key[1]] += len(spans)
    for key, spans in theirs.items():
        if key[0] in documents:
            predicted[key[1]] += len(spans)
    for key in mine.keys() & theirs.keys():
        if key[0] not in documents:
            continue
        ours, others = mine[key], theirs[key]
        if len(ours) == 1 and len(others) == 1:
            a, b = ours[0], others[0]
            exact_count[key[1]] += a == b
            matched[key[1]] += a[1] < b[2] and b[1] < a[2]
            continue
        exact_count[key[1]] += len(set(ours) & set(others))
        pairs = sorted(((min(a[2], b[2]) - max(a[1], b[1]), a, b) for a in sorted(ours) for b in sorted(others) if a[1] < b[2] and b[1] < a[2]),
                       reverse=True)
        used_ref: set[SpanKey] = set()
        used_oth: set[SpanKey] = set()
        for _size, a, b in pairs:
            if a not in used_ref and b not in used_oth:
                used_ref.add(a)
                used_oth.add(b)
        matched[key[1]] += len(used_ref)
    total = lambda counts: sum(counts.values())  # noqa: E731
    exact = {OVERALL: _scores(total(exact_count), total(predicted), total(gold))}
    overlap = {OVERALL: _scores(total(matched), total(predicted), total(gold))}
    for label in labels:
        exact[label] = _scores(exact_count[label], predicted[label], gold[label])
        overlap[label] = _scores(matched[label], predicted[label], gold[label])
    return exact, overlap


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

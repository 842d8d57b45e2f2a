"""Agreement between annotators: token-level Cohen's kappa and Krippendorff's alpha, span and relation F1."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator
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
    bits = {label: 1 << number for number, label in enumerate(labels)}
    pairs = list(combinations(names, 2))
    columns: dict[str, Counter[tuple[int, ...]]] = {label: Counter() for label in [OVERALL, *labels]}
    agreeing = {pair: _KappaTally(1 << len(labels), labels) for pair in pairs}
    shared_documents: dict[tuple[str, str], set[int]] = {pair: set() for pair in pairs}
    for masks, owners in _token_masks(project, documents, layers, labels):  # a chunk of documents at a time
        report.tokens += len(owners)
        for label in [OVERALL, *labels]:
            if names:
                found, counts = _distinct_columns(np.stack([_codes(masks[name], bits.get(label), keep_missing=True) for name in names]))
                columns[label].update(dict(zip(map(tuple, found.tolist()), counts.tolist())))
        for a, b in pairs:
            shared = (masks[a] >= 0) & (masks[b] >= 0)
            agreeing[(a, b)].add(masks[a][shared], masks[b][shared], bits)
            common = owners[shared]  # sorted, as the documents are: their distinct values without a sort
            shared_documents[(a, b)].update(common[np.flatnonzero(np.diff(common, prepend=-1))].tolist())
    for label, found in columns.items():
        report.alpha[label] = _alpha_from_columns(np.array(list(found), dtype=np.int64).reshape(len(found), len(names)),
                                                  np.array(list(found.values()), dtype=np.int64))
    grouped = {name: _grouped(layers[name]) for name in names}
    for a, b in pairs:
        report.kappa[(a, b)] = agreeing[(a, b)].kappa()
        report.exact[(a, b)], report.overlap[(a, b)] = _span_scores(grouped[a], grouped[b], shared_documents[(a, b)], labels)
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
) -> Iterator[tuple[dict[str, np.ndarray], np.ndarray]]:
    """For each chunk of documents: per annotator, one label bitmask per token (-1 where they did not annotate
    the document); and the document each token belongs to. Memory holds one chunk's tokens, not the corpus's.

    The words of the chunk's texts are found in one vectorized pass (token_bounds). A token is covered by a
    span when they overlap: a span's tokens are [lo, hi) of the sorted token ends and starts, found for every
    span of the chunk at once with searchsorted on (document, offset) keys; the label's bit is set on those ranges."""
    position = {document_id: number for number, document_id in enumerate(documents)}
    code = {label: number for number, label in enumerate(labels)}
    shift = np.int64(1) << 32  # a text is far shorter than 2**32 code points
    tables: dict[str, np.ndarray] = {}
    for name, spans in layers.items():  # each layer's spans as (document position, start, end, label), sorted
        table = np.array([(position[doc], start, end, code.get(label, -1)) for doc, start, end, label in spans], dtype=np.int64).reshape(-1, 4)
        tables[name] = table[np.lexsort((table[:, 1], table[:, 0]))]
    document_ids = np.array(documents, dtype=np.int64)
    with project.reading() as session:
        for first in range(0, len(documents), CHUNK):
            chunk = documents[first : first + CHUNK]
            texts = dict(session.execute(select(Document.id, Document.text).where(Document.id.in_(chunk))).all())
            places, starts, ends = token_bounds([texts.get(document_id) or "" for document_id in chunk])
            start_keys, end_keys = places * shift + starts, places * shift + ends
            masks: dict[str, np.ndarray] = {}
            for name, table in tables.items():
                rows = table[np.searchsorted(table[:, 0], first) : np.searchsorted(table[:, 0], first + len(chunk))]
                annotated = np.zeros(len(chunk), dtype=bool)
                annotated[rows[:, 0] - first] = True
                mask = np.where(annotated[places], 0, -1).astype(np.int64)
                place = (rows[:, 0] - first) * shift
                lo = np.searchsorted(end_keys, place + rows[:, 1], side="right")
                hi = np.maximum(lo, np.searchsorted(start_keys, place + rows[:, 2], side="left"))
                for number in range(len(labels)):
                    chosen = rows[:, 3] == number
                    mask[_ranges(lo[chosen], hi[chosen])] |= 1 << number
                masks[name] = mask
            yield masks, document_ids[places + first]


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


def alpha_nominal(data: np.ndarray) -> float:
    """Krippendorff's alpha (nominal) of reliability data: rows are annotators, columns units, NaN missing."""
    if data.size == 0:
        return math.nan
    present = ~np.isnan(data)
    values, codes = np.unique(data[present], return_inverse=True)
    table = np.full(data.shape, -1, dtype=np.int64)
    table[present] = codes.reshape(-1)
    return _alpha_codes(table)


class _KappaTally:
    """What Cohen's kappa of one pair needs, added up chunk by chunk: the tokens both annotated, how many
    they agree on, and how often each gave each category (the label bitmask overall, yes/no per label)."""

    def __init__(self, size: int, labels: list[str]) -> None:
        self.tokens = 0
        self.same = {label: 0 for label in [OVERALL, *labels]}
        self.first = {OVERALL: np.zeros(size, dtype=np.int64), **{label: np.zeros(2, dtype=np.int64) for label in labels}}
        self.second = {OVERALL: np.zeros(size, dtype=np.int64), **{label: np.zeros(2, dtype=np.int64) for label in labels}}

    def add(self, x: np.ndarray, y: np.ndarray, bits: dict[str, int]) -> None:
        self.tokens += len(x)
        size = len(self.first[OVERALL])
        self.same[OVERALL] += int(np.count_nonzero(x == y))
        self.first[OVERALL] += np.bincount(x & (size - 1), minlength=size)
        self.second[OVERALL] += np.bincount(y & (size - 1), minlength=size)
        for label, bit in bits.items():
            xs, ys = (x & bit) != 0, (y & bit) != 0
            self.same[label] += int(np.count_nonzero(xs == ys))
            self.first[label] += (len(x) - int(np.count_nonzero(xs)), int(np.count_nonzero(xs)))
            self.second[label] += (len(y) - int(np.count_nonzero(ys)), int(np.count_nonzero(ys)))

    def kappa(self) -> dict[str, float]:
        n = self.tokens
        found = {}
        for label, same in self.same.items():
            expected = float(self.first[label] @ self.second[label]) / (n * n) if n else 1.0
            found[label] = math.nan if not n or expected == 1 else (same / n - expected) / (1 - expected)
        return found


def _alpha_codes(codes: np.ndarray) -> float:
    """Krippendorff's alpha (nominal) of reliability data as category codes (rows annotators, -1 missing)."""
    if codes.size == 0:
        return math.nan
    return _alpha_from_columns(*_distinct_columns(codes))


def _distinct_columns(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct columns of reliability data (rows annotators, -1 missing) as rows, and how often each occurs:
    with few annotators and categories, the columns read as numbers and counted with one bincount."""
    raters = codes.shape[0]
    if codes.shape[1] == 0:
        return np.zeros((0, raters), dtype=np.int64), np.zeros(0, dtype=np.int64)
    base = int(codes.max()) + 2  # code + 1 is a digit: 0 for missing
    if base**raters > 1 << 22:  # many annotators or categories: the distinct columns, sorted
        return np.unique(codes.T, axis=0, return_counts=True)
    number = np.zeros(codes.shape[1], dtype=np.int64)
    for row in codes[::-1]:
        number *= base
        number += row + 1
    tally = np.bincount(number, minlength=base**raters)
    patterns = np.flatnonzero(tally)
    return (patterns[:, None] // base ** np.arange(raters, dtype=np.int64)[None, :]) % base - 1, tally[patterns]


def _alpha_from_columns(columns: np.ndarray, counts: np.ndarray) -> float:
    """Alpha from the coincidence matrix: each distinct column's pairs enter it weighted by how often the column
    occurs and by 1/(m - 1); columns with fewer than two codes are not pairable and drop out."""
    if columns.size == 0:
        return math.nan
    pairable = (columns >= 0).sum(axis=1) >= 2
    columns, counts = columns[pairable], counts[pairable]
    values = np.unique(columns[columns >= 0])
    if len(values) < 2:
        return math.nan
    per_value = np.stack([(columns == value).sum(axis=1) for value in values], axis=1).astype(float)  # n_uc
    weight = counts / (per_value.sum(axis=1) - 1)
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

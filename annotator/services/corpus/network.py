"""The claim network: claims and their sources as nodes, attribution, support, contradiction and same-claim links
as edges, across the articles of a project; filtered by source, cluster, outlet and date range, or cut down to the
neighbourhood of one claim; laid out by igraph's Fruchterman–Reingold (each connected part on its own, the parts
packed in rows, so that a thousand lone claims do not scatter the picture).

Claims come from `claim_rows` (the layers the acting identity may read: in blind mode an annotator's own); a
claim's source is the canonical source where its SOURCE span is linked and the link confirmed, else the SOURCE
span's own words (spaces tidied), so that two articles naming «مسؤول أمريكي كبير» meet at one node.
"""

from __future__ import annotations

import math
import random
import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import select

from annotator.services.corpus.registry import guess_type
from annotator.services.corpus.tables import ClaimRow, claim_rows
from annotator.services.team.identity import Identity
from annotator.storage.models import Annotator, CanonicalSource, ClaimLink, Relation, SourceLink, Span
from annotator.storage.project import Project

EdgeKind = Literal["attribution", "support", "contradiction", "same"]
EDGE_KINDS: tuple[EdgeKind, ...] = ("attribution", "support", "contradiction", "same")
SAME_CLAIM_COLOR = "#8e44ad"  # same-claim links are no scheme relation: they have a colour of their own
LAYOUT_SEED = 7
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?!\d)")


@dataclass(frozen=True, slots=True)
class ClaimNode:
    key: str  # "claim:<span id>"
    row: ClaimRow
    source: str | None  # the key of its source node

    @property
    def label(self) -> str:
        return self.row.text


@dataclass(frozen=True, slots=True)
class SourceNode:
    key: str  # "source:<canonical uid>" or "source-text:<the words>"
    name: str
    type: str  # one of the registry's types (person, organization, government, outlet, unnamed_official, anonymous)
    canonical: bool

    @property
    def label(self) -> str:
        return self.name


Node = ClaimNode | SourceNode


@dataclass(frozen=True, slots=True)
class Edge:
    first: str  # node keys; attribution goes from the claim to its source
    second: str
    kind: EdgeKind
    confirmed: bool = True  # False: a suggested same-claim link
    cross_article: bool = False


def claim_key(span_id: int) -> str:
    return f"claim:{int(span_id)}"


@dataclass
class ClaimNetwork:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    # reading

    def claims(self) -> list[ClaimNode]:
        return [node for node in self.nodes.values() if isinstance(node, ClaimNode)]

    def sources(self) -> list[SourceNode]:
        return [node for node in self.nodes.values() if isinstance(node, SourceNode)]

    def neighbours(self) -> dict[str, set[str]]:
        around: dict[str, set[str]] = {key: set() for key in self.nodes}
        for edge in self.edges:
            around[edge.first].add(edge.second)
            around[edge.second].add(edge.first)
        return around

    def outlets(self) -> list[str]:
        """Outlets by the number of their claims, most first."""
        counts: dict[str, int] = {}
        for claim in self.claims():
            if claim.row.outlet:
                counts[claim.row.outlet] = counts.get(claim.row.outlet, 0) + 1
        return sorted(counts, key=lambda outlet: (-counts[outlet], outlet))

    def cluster_names(self) -> list[str]:
        return sorted({claim.row.cluster for claim in self.claims() if claim.row.cluster})

    def dates(self) -> tuple[str | None, str | None]:
        found = sorted(day for claim in self.claims() if (day := _day(claim.row.date)))
        return (found[0], found[-1]) if found else (None, None)

    # cutting down

    def keeping(self, claim_keys: Iterable[str], *, extra: Iterable[str] = ()) -> ClaimNetwork:
        """The network of these claims, their sources and the links among them (and any `extra` nodes)."""
        kept = {key for key in claim_keys if key in self.nodes}
        kept |= {key for key in extra if key in self.nodes}
        for key in list(kept):
            node = self.nodes[key]
            if isinstance(node, ClaimNode) and node.source is not None:
                kept.add(node.source)
        return ClaimNetwork({key: node for key, node in self.nodes.items() if key in kept},
                            [edge for edge in self.edges if edge.first in kept and edge.second in kept])

    def filtered(self, *, sources: Iterable[str] | None = None, clusters: Iterable[str] | None = None,
                 outlets: Iterable[str] | None = None, date_from: str | None = None, date_to: str | None = None) -> ClaimNetwork:
        """The claims of these sources (node keys), in these clusters, from these outlets, published in the date
        range (inclusive, ISO dates; a claim without a date is left out when a range is given), with their
        sources and the links among them. None (or an empty range end) filters nothing."""
        wanted_sources = None if sources is None else set(sources)
        wanted_clusters = None if clusters is None else set(clusters)
        wanted_outlets = None if outlets is None else set(outlets)
        kept = []
        for claim in self.claims():
            row = claim.row
            day = _day(row.date)
            if wanted_sources is not None and claim.source not in wanted_sources:
                continue
            if wanted_clusters is not None and row.cluster not in wanted_clusters:
                continue
            if wanted_outlets is not None and row.outlet not in wanted_outlets:
                continue
            if (date_from or date_to) and day is None:
                continue
            if date_from and day is not None and day < date_from[:10]:
                continue
            if date_to and day is not None and day > date_to[:10]:
                continue
            kept.append(claim.key)
        return self.keeping(kept)

    def busiest(self, limit: int) -> ClaimNetwork:
        """At most `limit` claims: those with most links to other claims (then to a source), earliest article first
        among equals; a picture of more than about a thousand claims is too slow to lay out and too dense to read."""
        claims = self.claims()
        if len(claims) <= limit:
            return self
        links: dict[str, int] = {claim.key: 0 for claim in claims}
        for edge in self.edges:
            weight = 1 if edge.kind == "attribution" else 2
            for key in (edge.first, edge.second):
                if key in links:
                    links[key] += weight
        chosen = sorted(claims, key=lambda c: (-links[c.key], c.row.document_id, c.row.start, c.key))[:limit]
        return self.keeping(claim.key for claim in chosen)

    def neighbourhood(self, key: str, hops: int = 2) -> ClaimNetwork:
        """The nodes at most `hops` links from `key` (a source counts as a step: claim → source → claim is two),
        with the sources of the claims reached and the links among them."""
        if key not in self.nodes:
            return ClaimNetwork()
        around = self.neighbours()
        reached = {key: 0}
        queue = deque([key])
        while queue:
            here = queue.popleft()
            if reached[here] >= hops:
                continue
            for there in around[here]:
                if there not in reached:
                    reached[there] = reached[here] + 1
                    queue.append(there)
        claims = [k for k in reached if isinstance(self.nodes[k], ClaimNode)]
        return self.keeping(claims, extra=reached)

    # laying out

    def layout(self, *, seed: int = LAYOUT_SEED, aspect: float = 1.7) -> dict[str, tuple[float, float]]:
        """Each node's place, about one unit between linked nodes: every connected part laid out by
        Fruchterman–Reingold, the parts packed in rows, biggest first, into a picture about `aspect` times as
        wide as tall. The same network gets the same picture."""
        import igraph  # loaded when a picture is asked for

        keys = list(self.nodes)
        index = {key: i for i, key in enumerate(keys)}
        graph = igraph.Graph(n=len(keys), edges=sorted({(min(index[e.first], index[e.second]), max(index[e.first], index[e.second]))
                                                        for e in self.edges if e.first != e.second}))
        parts = sorted(graph.connected_components(), key=lambda part: (-len(part), part[0]))
        state = random.getstate()
        random.seed(seed)  # igraph draws its starting positions from Python's random module
        try:
            placed: list[tuple[list[int], list[tuple[float, float]]]] = []
            for part in parts:
                if len(part) == 1:
                    placed.append((part, [(0.0, 0.0)]))
                    continue
                sub = graph.subgraph(part)
                coords = sub.layout_fruchterman_reingold(niter=500 if len(part) < 500 else 200, grid="auto").coords
                placed.append((part, _scaled(coords, len(part))))
        finally:
            random.setstate(state)
        return _packed(keys, placed, aspect)


def _day(date: str | None) -> str | None:
    """A publication date's day when it starts as an ISO date (2025-03-12, 2025-03-12T08:00 …), else None."""
    return date[:10] if date and ISO_DAY.match(date) else None


def _scaled(coords: list[list[float]], size: int) -> list[tuple[float, float]]:
    """A part's coordinates centred and scaled so that its mean edge is about one unit (area grows with size)."""
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    target = 1.6 * math.sqrt(size)
    return [((x - cx) * target / span, (y - cy) * target / span) for x, y in zip(xs, ys)]


def _packed(keys: list[str], placed: list[tuple[list[int], list[tuple[float, float]]]], aspect: float) -> dict[str, tuple[float, float]]:
    """Parts side by side in rows, one unit apart, the rows about `aspect` times as wide as the rows are tall."""
    sizes = []
    for _, coords in placed:
        xs, ys = [c[0] for c in coords], [c[1] for c in coords]
        sizes.append((max(xs) - min(xs) + 1.0, max(ys) - min(ys) + 1.0))
    area = sum(w * h for w, h in sizes)
    width = max(math.sqrt(area * aspect), max((w for w, _ in sizes), default=1.0))
    where: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for (part, coords), (w, h) in zip(placed, sizes):
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        xs, ys = [c[0] for c in coords], [c[1] for c in coords]
        left, top = min(xs), min(ys)
        for vertex, (px, py) in zip(part, coords):
            where[keys[vertex]] = (x + px - left + 0.5, y + py - top + 0.5)
        x += w
        row_height = max(row_height, h)
    return where


def build_network(project: Project, acting: Identity, *, layers: list[str] | None = None,
                  rows: list[ClaimRow] | None = None) -> ClaimNetwork:
    """The network of every claim the identity may read in these layers (or `rows` already read)."""
    rows = claim_rows(project, acting, layers=layers) if rows is None else rows
    scheme = project.scheme
    source_label = scheme.span_role("source")
    attribution, support, contradiction = (scheme.relation_role(role) for role in ("attribution", "support", "contradiction"))
    by_span = {int(row.span_id): row for row in rows}
    layer_names = sorted({row.annotator for row in rows})
    attributions: list[tuple[int, int]] = []
    links: list[tuple[str, int, int, bool]] = []
    sources: dict[int, tuple[str, str, bool]] = {}  # SOURCE span id -> key, name, canonical
    source_types: dict[str, str] = {}
    with project.reading() as session:
        layer_ids = list(session.scalars(select(Annotator.id).where(Annotator.name.in_(layer_names))))
        wanted = [label for label in (attribution, support, contradiction) if label]
        for relation in session.execute(  # the layers' relations of these kinds, all read: one query, not one per chunk
            select(Relation.label, Relation.from_span_id, Relation.to_span_id)
            .where(Relation.label.in_(wanted), Relation.annotator_id.in_(layer_ids))
        ):
            first, second = relation.from_span_id in by_span, relation.to_span_id in by_span
            if relation.label == attribution:
                if first != second:  # a claim and something else (its source, or its cue: dropped below)
                    attributions.append((relation.from_span_id, relation.to_span_id) if first
                                        else (relation.to_span_id, relation.from_span_id))
            elif first and second:
                links.append(("support" if relation.label == support else "contradiction",
                              relation.from_span_id, relation.to_span_id, True))
        for link in session.execute(select(ClaimLink.from_span_id, ClaimLink.to_span_id, ClaimLink.confirmed)):
            if link.from_span_id in by_span and link.to_span_id in by_span:
                links.append(("same", link.from_span_id, link.to_span_id, bool(link.confirmed)))
        attributed = select(Relation.to_span_id).where(Relation.label == attribution, Relation.annotator_id.in_(layer_ids))
        for row in session.execute(
            select(Span.id, Span.text, Span.attributes, SourceLink.confirmed, CanonicalSource.uid, CanonicalSource.name,
                   CanonicalSource.type)
            .outerjoin(SourceLink, SourceLink.span_id == Span.id)
            .outerjoin(CanonicalSource, CanonicalSource.id == SourceLink.source_id)
            .where(Span.label == source_label, Span.annotator_id.in_(layer_ids),
                   Span.id.in_(attributed.union(attributed.with_only_columns(Relation.from_span_id))))
        ):
            if row.uid is not None and row.confirmed:
                key = f"source:{row.uid}"
                sources[row.id] = (key, row.name, True)
                source_types[key] = row.type
            else:
                words = " ".join(row.text.split())
                key = f"source-text:{words}"
                sources[row.id] = (key, words, False)
                source_types.setdefault(key, guess_type(row.text, row.attributes))
    network = ClaimNetwork()
    source_of: dict[int, str] = {}
    for claim, other in sorted(attributions):
        if other in sources and claim not in source_of:
            key, name, canonical = sources[other]
            source_of[claim] = key
            network.nodes.setdefault(key, SourceNode(key, name, source_types[key], canonical))
    for row in rows:
        key = claim_key(row.span_id)
        network.nodes[key] = ClaimNode(key, row, source_of.get(int(row.span_id)))
    seen: set[tuple[str, int, int]] = set()
    for claim, key in sorted(source_of.items()):
        network.edges.append(Edge(claim_key(claim), key, "attribution"))
    for kind, first, second, confirmed in links:
        pair = (kind, min(first, second), max(first, second))
        if pair in seen or first == second:
            continue
        seen.add(pair)
        network.edges.append(Edge(claim_key(first), claim_key(second), kind, confirmed,  # type: ignore[arg-type]
                                  by_span[first].document_id != by_span[second].document_id))
    return network


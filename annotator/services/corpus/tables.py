"""The corpus in rows: every canonical source with its spans (and the unlinked SOURCE spans in suggested groups),
and every claim with its article, source, cue, attributes, cluster and the claims supporting or contradicting it.

Both read only the layers the acting identity may read (in blind mode an annotator's own).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from annotator.core.model import SpanId
from annotator.services.corpus.claims import clusters
from annotator.services.corpus.matching import SUGGEST_AT, Matcher, group_names
from annotator.services.corpus.names import is_descriptive
from annotator.services.corpus.registry import guess_type
from annotator.services.team.identity import Identity, readable_layers
from annotator.storage.models import Annotator, CanonicalSource, ClaimLink, Document, Relation, SourceAlias, SourceLink, Span
from annotator.storage.project import Project


def _layer_ids(project: Project, acting: Identity, layers: list[str] | None) -> dict[int, str]:
    allowed = readable_layers(project, acting)
    wanted = [layer for layer in (layers or allowed) if layer in allowed]
    with project.reading() as session:
        return {row.id: row.name for row in session.execute(select(Annotator.id, Annotator.name).where(Annotator.name.in_(wanted)))}


def _span_entry(row: Any, names: dict[int, str], confirmed: bool, **more: Any) -> dict[str, Any]:
    return {"document": row.document, "start": row.start, "end": row.end, "text": row.text, "annotator": names[row.annotator_id],
            "confirmed": confirmed, **more}


def sources_report(project: Project, acting: Identity, *, layers: list[str] | None = None) -> list[dict[str, Any]]:
    """Canonical sources, each with `name`, `type`, `confirmed` (true: a registry entry) and its `spans`; then the
    unlinked SOURCE spans grouped by the name they give, as suggested sources (`"confirmed": false`). A span linked
    by a suggestion only, or matching a registry entry's alias, is listed under that entry with `"confirmed": false`."""
    names = _layer_ids(project, acting, layers)
    source_label = project.scheme.span_role("source")
    with project.reading() as session:
        entries = session.execute(select(CanonicalSource).order_by(CanonicalSource.name, CanonicalSource.id)).scalars().all()
        aliases: dict[int, list[str]] = {}
        keys: list[tuple[str, int]] = []
        for row in session.execute(select(SourceAlias.source_id, SourceAlias.alias, SourceAlias.normalized).order_by(SourceAlias.id)):
            aliases.setdefault(row.source_id, []).append(row.alias)
            keys.append((row.normalized, row.source_id))
        spans = session.execute(
            select(Span.id, Span.start, Span.end, Span.text, Span.attributes, Span.annotator_id, Document.uid.label("document"),
                   SourceLink.source_id, SourceLink.confirmed)
            .join(Document, Document.id == Span.document_id)
            .outerjoin(SourceLink, SourceLink.span_id == Span.id)
            .where(Span.label == source_label, Span.annotator_id.in_(list(names)))
            .order_by(Span.document_id, Span.start, Span.id)
        ).all()
    report = {
        entry.id: {"id": entry.uid, "name": entry.name, "type": entry.type, "note": entry.note, "aliases": aliases.get(entry.id, []),
                   "confirmed": True, "spans": []}
        for entry in entries
    }
    matcher = Matcher(keys)
    unlinked = []
    for row in spans:
        if row.source_id is not None:
            report[row.source_id]["spans"].append(_span_entry(row, names, bool(row.confirmed)))
            continue
        found = [] if is_descriptive(row.text) else matcher.matches(row.text, limit=2, at_least=SUGGEST_AT)
        if found and (len(found) == 1 or found[0].score > found[1].score):
            report[found[0].owner]["spans"].append(_span_entry(row, names, False, score=found[0].score))
        else:
            unlinked.append(row)
    suggested = []
    for group in group_names([row.text for row in unlinked], [row.document for row in unlinked]):
        rows = [unlinked[index] for index in group]
        texts = Counter(" ".join(row.text.split()) for row in rows)
        name = max(texts, key=lambda text: (len(text.split()), texts[text], len(text)))
        types = Counter(guess_type(row.text, row.attributes) for row in rows)
        suggested.append({"id": None, "name": name, "type": types.most_common(1)[0][0], "note": "", "aliases": sorted(texts),
                          "confirmed": False, "spans": [_span_entry(row, names, False) for row in rows]})
    return list(report.values()) + suggested


@dataclass(frozen=True, slots=True)
class ClaimRow:
    span_id: SpanId
    uid: str
    text: str
    document: str  # the document id as exports give it
    document_id: int
    article: str
    outlet: str | None
    date: str | None
    start: int
    end: int
    annotator: str
    source: str | None  # the canonical source's name where the claim's SOURCE is linked (confirmed), else its text
    source_canonical: bool
    cue: str | None
    polarity: str | None
    certainty: str | None
    check_worthy: str | None
    cluster: str | None
    supporting: int
    contradicting: int
    source_uid: str | None = None  # the canonical source's id where the link is confirmed
    source_type: str | None = None  # its registry type

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.uid, "text": self.text, "document": self.document, "article": self.article, "outlet": self.outlet,
            "date": self.date, "start": self.start, "end": self.end, "annotator": self.annotator, "source": self.source,
            "source_canonical": self.source_canonical, "cue": self.cue, "polarity": self.polarity, "certainty": self.certainty,
            "check_worthy": self.check_worthy, "cluster": self.cluster, "supporting": self.supporting,
            "contradicting": self.contradicting, "source_id": self.source_uid,
        }


CLAIM_COLUMNS = ("id", "text", "document", "article", "outlet", "date", "start", "end", "annotator", "source", "source_canonical",
                 "cue", "polarity", "certainty", "check_worthy", "cluster", "supporting", "contradicting", "source_id")


@dataclass(frozen=True, slots=True)
class ClaimEdge:
    """Two claims joined across the corpus: a SUPPORT or CONTRADICTION relation (by the scheme's label), or `same`
    (a same-claim link; `confirmed` false for a suggested one)."""

    first: SpanId
    second: SpanId
    kind: str
    confirmed: bool = True


def claim_rows(project: Project, acting: Identity, *, layers: list[str] | None = None) -> list[ClaimRow]:
    """Every claim of the readable layers, by article and position."""
    return claim_table(project, acting, layers=layers)[0]


def claim_table(project: Project, acting: Identity, *, layers: list[str] | None = None) -> tuple[list[ClaimRow], list[ClaimEdge]]:
    """Every claim of the readable layers, by article and position, and the support, contradiction and same-claim
    links between them."""
    names = _layer_ids(project, acting, layers)
    scheme = project.scheme
    claim_label, source_label, cue_label = scheme.span_role("claim"), scheme.span_role("source"), scheme.span_role("cue")
    attribution, support, contradiction = (scheme.relation_role(role) for role in ("attribution", "support", "contradiction"))
    chosen = list(names)
    with project.reading() as session:
        core = session.connection()  # Core rows: the ORM's per-row handling was most of the time on 33,000 claims
        claims = core.execute(
            select(Span.id, Span.uid, Span.text, Span.start, Span.end, Span.annotator_id, Span.document_id,
                   Document.uid.label("document"), Document.title, Document.source, Document.published,
                   # the three attributes the table shows, read by the database (JSON_EXTRACT / ->>): decoding every
                   # span's attributes in Python was a third of the time
                   Span.attributes["polarity"].as_string(), Span.attributes["certainty"].as_string(),
                   Span.attributes["check_worthy"].as_string())
            .join(Document, Document.id == Span.document_id)
            .where(Span.label == claim_label, Span.annotator_id.in_(chosen))
            .order_by(Span.document_id, Span.start, Span.id)
        ).all()
        ends = {row[0]: row for row in core.execute(
            select(Span.id, Span.label, Span.text, SourceLink.confirmed, CanonicalSource.name, CanonicalSource.uid,
                   CanonicalSource.type)
            .outerjoin(SourceLink, SourceLink.span_id == Span.id)
            .outerjoin(CanonicalSource, CanonicalSource.id == SourceLink.source_id)
            .where(Span.label.in_([source_label, cue_label]), Span.annotator_id.in_(chosen),
                   Span.id.in_(select(Relation.to_span_id).where(Relation.label == attribution)))
        ).all()}
        relations = core.execute(
            select(Relation.label, Relation.from_span_id, Relation.to_span_id)
            .where(Relation.label.in_([attribution, support, contradiction]), Relation.annotator_id.in_(chosen))
        ).all()
        same = core.execute(select(ClaimLink.from_span_id, ClaimLink.to_span_id, ClaimLink.confirmed)).all()
    sources: dict[int, tuple[str, bool, str | None, str | None]] = {}
    cues: dict[int, str] = {}
    counts: Counter[tuple[int, str | None]] = Counter()
    edges: list[ClaimEdge] = []
    for label, from_span, to_span in relations:
        if label == attribution:
            end = ends.get(to_span)
            if end is not None and end.label == source_label:
                canonical = end.name is not None and bool(end.confirmed)
                sources.setdefault(from_span, (end.name if canonical else end.text, canonical, end.uid if canonical else None,
                                               end.type if canonical else None))
            elif end is not None and end.label == cue_label:
                cues.setdefault(from_span, end.text)
        else:  # support and contradiction are undirected: both ends count them
            counts[(from_span, label)] += 1
            counts[(to_span, label)] += 1
            edges.append(ClaimEdge(SpanId(from_span), SpanId(to_span), label))
    cluster_of = clusters(project)
    rows = []
    for (span_id, uid, text, start, end, annotator_id, document_id, document, title, outlet, published,
         polarity, certainty, check_worthy) in claims:
        source, canonical, source_uid, source_type = sources.get(span_id, (None, False, None, None))
        rows.append(ClaimRow(
            SpanId(span_id), uid, text, document, document_id, title, outlet, published, start, end, names[annotator_id], source,
            canonical, cues.get(span_id), polarity, certainty, check_worthy,
            cluster_of.get(span_id), counts[(span_id, support)], counts[(span_id, contradiction)], source_uid, source_type,
        ))
    shown = {row.span_id for row in rows}
    edges = [edge for edge in edges if edge.first in shown and edge.second in shown]
    edges += [ClaimEdge(SpanId(a), SpanId(b), "same", bool(confirmed)) for a, b, confirmed in same if a in shown and b in shown]
    return rows, edges


def export_fields(project: Project) -> dict[int, dict[str, Any]]:
    """What exports add to a span, by span id: a SOURCE span's `canonical_source` (id, name, type and whether the
    link is confirmed: a suggestion is exported as `"confirmed": false`, never as confirmed) and a claim's `cluster`
    (from confirmed same-claim links only)."""
    fields: dict[int, dict[str, Any]] = {}
    with project.reading() as session:
        rows = session.execute(
            select(SourceLink.span_id, SourceLink.confirmed, CanonicalSource.uid, CanonicalSource.name, CanonicalSource.type)
            .join(CanonicalSource, CanonicalSource.id == SourceLink.source_id)
        )
        for row in rows:
            fields[row.span_id] = {"canonical_source": {"id": row.uid, "name": row.name, "type": row.type, "confirmed": bool(row.confirmed)}}
    for span_id, cluster in clusters(project).items():
        fields.setdefault(span_id, {})["cluster"] = cluster
    return fields

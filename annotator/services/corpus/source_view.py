"""The source view: every claim attributed to one canonical source across the articles, by date, with the claims
that contradict or support each. (The claim network is annotator/services/corpus/network.py.)"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import SpanId
from annotator.services.corpus.tables import ClaimRow, claim_table
from annotator.services.team.identity import Identity
from annotator.storage.project import Project


@dataclass(frozen=True, slots=True)
class SourceClaim:
    claim: ClaimRow
    contradicted_by: tuple[ClaimRow, ...]  # claims anywhere in the corpus joined to it by a contradiction
    supported_by: tuple[ClaimRow, ...]


def source_claims(project: Project, acting: Identity, source: str, *, layers: list[str] | None = None) -> list[SourceClaim]:
    """Every claim attributed to a canonical source (by a confirmed link), by date, with the claims that
    contradict or support it."""
    contradiction = project.scheme.relation_role("contradiction")
    support = project.scheme.relation_role("support")
    rows, edges = claim_table(project, acting, layers=layers)
    by_id = {row.span_id: row for row in rows}
    against: dict[SpanId, list[ClaimRow]] = {}
    along: dict[SpanId, list[ClaimRow]] = {}
    for edge in edges:
        target = against if edge.kind == contradiction else along if edge.kind in (support, "same") and edge.confirmed else None
        if target is not None:
            target.setdefault(edge.first, []).append(by_id[edge.second])
            target.setdefault(edge.second, []).append(by_id[edge.first])
    mine = sorted((row for row in rows if row.source_uid == source), key=lambda row: (row.date or "", row.document, row.start))
    return [SourceClaim(row, tuple(dict.fromkeys(against.get(row.span_id, ()))), tuple(dict.fromkeys(along.get(row.span_id, ()))))
            for row in mine]

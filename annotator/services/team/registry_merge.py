"""Merging the source registry and same-claim links of another project file, after its spans: canonical sources and
claim links matched by uid, aliases by their normalized form, a span's source link by the span. Merging again adds
nothing. Where both files link one span to different sources, the target's link stays and a note says so; a
confirmation in either file confirms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.storage import bulk
from annotator.storage.models import CanonicalSource, ClaimLink, SourceAlias, SourceLink
from annotator.storage.project import Project


@dataclass
class RegistryRows:
    """The source file's registry, read before the target's transaction."""

    sources: list[dict[str, Any]] = field(default_factory=list)
    aliases: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    claim_links: list[dict[str, Any]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.sources) + len(self.aliases) + len(self.links) + len(self.claim_links)


def _rows(session: Session, model: Any) -> list[dict[str, Any]]:
    columns = [column.key for column in model.__table__.columns]
    return [dict(zip(columns, row)) for row in session.execute(select(*model.__table__.columns).order_by(model.id))]


def read_registry(source: Project) -> RegistryRows:
    with source.reading() as theirs:
        return RegistryRows(_rows(theirs, CanonicalSource), _rows(theirs, SourceAlias), _rows(theirs, SourceLink), _rows(theirs, ClaimLink))


@dataclass
class RegistryDone:
    sources: set[int] = field(default_factory=set)  # ours, added or given aliases or links
    added: int = 0
    conflicts: int = 0  # spans the two files link to different canonical sources (ours kept)


def write_registry(session: Session, rows: RegistryRows, *, spans: dict[int, int], people: dict[int, int]) -> RegistryDone:
    """Write what the target lacks. `spans` and `people` map the source file's span and annotator ids to ours."""
    done = RegistryDone()
    ours = bulk.lookup(session, CanonicalSource.uid, CanonicalSource.id, [row["uid"] for row in rows.sources])
    mapped: dict[int, int] = {}
    for row in rows.sources:
        if row["uid"] not in ours:
            entry = CanonicalSource(uid=row["uid"], name=row["name"], type=row["type"], note=row["note"], created_at=row["created_at"])
            session.add(entry)
            session.flush()
            ours[row["uid"]] = entry.id
            done.sources.add(entry.id)
            done.added += 1
        mapped[row["id"]] = ours[row["uid"]]
    have = {(row.source_id, row.normalized) for row in session.execute(
        select(SourceAlias.source_id, SourceAlias.normalized).where(SourceAlias.source_id.in_(list(set(mapped.values()))))
    )} if mapped else set()
    for row in rows.aliases:
        key = (mapped[row["source_id"]], row["normalized"])
        if key not in have:
            session.add(SourceAlias(source_id=key[0], alias=row["alias"], normalized=row["normalized"]))
            have.add(key)
            done.sources.add(key[0])
            done.added += 1
    linked = {link.span_id: link for link in session.scalars(
        select(SourceLink).where(SourceLink.span_id.in_([spans[row["span_id"]] for row in rows.links if row["span_id"] in spans]))
    )} if rows.links else {}
    for row in rows.links:
        span, source = spans.get(row["span_id"]), mapped[row["source_id"]]
        if span is None:
            continue
        present = linked.get(span)
        if present is None:
            linked[span] = SourceLink(span_id=span, source_id=source, confirmed=row["confirmed"], annotator_id=people[row["annotator_id"]],
                                      created_at=row["created_at"])
            session.add(linked[span])
            done.sources.add(source)
            done.added += 1
        elif present.source_id == source:
            if row["confirmed"] and not present.confirmed:
                present.confirmed = True
                done.added += 1
        else:
            done.conflicts += 1
    claim_uids = bulk.lookup(session, ClaimLink.uid, ClaimLink.id, [row["uid"] for row in rows.claim_links])
    for row in rows.claim_links:
        first, second = spans.get(row["from_span_id"]), spans.get(row["to_span_id"])
        if row["uid"] in claim_uids or first is None or second is None:
            continue
        pair = session.scalar(select(ClaimLink).where(
            ((ClaimLink.from_span_id == first) & (ClaimLink.to_span_id == second))
            | ((ClaimLink.from_span_id == second) & (ClaimLink.to_span_id == first))
        ))
        if pair is None:
            session.add(ClaimLink(uid=row["uid"], from_span_id=first, to_span_id=second, confirmed=row["confirmed"],
                                  annotator_id=people[row["annotator_id"]], created_at=row["created_at"]))
            done.added += 1
        elif row["confirmed"] and not pair.confirmed:
            pair.confirmed = True
            done.added += 1
    session.flush()
    return done

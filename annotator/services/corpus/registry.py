"""The source registry: canonical sources shared by the project, their aliases, and SOURCE spans linked to them.

Anyone working in the project adds sources and aliases and links the SOURCE spans of a layer they may write
(confirmed, or as a suggestion to confirm or reject later); a reviewer links the spans of any layer (the link is
the registry's, the span stays as its annotator made it). Renaming, merging, splitting and removing sources
change what everyone's links mean: those are a reviewer's. Every write returns Changes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError, EditConflict
from annotator.core.model import DocumentId, SpanId
from annotator.services.corpus.matching import SUGGEST_AT, Matcher
from annotator.services.corpus.names import is_outlet, is_unnamed, name_key
from annotator.services.team.identity import AccessError, Identity, check_write, known_identity
from annotator.storage.models import SOURCE_TYPES, Annotator, CanonicalSource, SourceAlias, SourceLink, Span
from annotator.storage.project import Project

# A SOURCE span's source_type attribute (the default scheme) read as a registry type.
TYPE_OF_ATTRIBUTE = {
    "named_person": "person", "named_organization": "organization", "government_body": "government",
    "unnamed_official": "unnamed_official", "anonymous": "anonymous", "media_outlet": "outlet", "author": "person",
    "document": "organization",
}


@dataclass(frozen=True, slots=True)
class SourceEntry:
    id: int
    uid: str
    name: str
    type: str
    note: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SourceSuggestion:
    source_id: int
    name: str
    type: str
    score: float


def guess_type(text: str, attributes: dict[str, object] | None = None) -> str:
    """A registry type for a new source named by a span: its source_type attribute if set, else from its words."""
    given = TYPE_OF_ATTRIBUTE.get(str((attributes or {}).get("source_type", "")))
    if given:
        return given
    if is_outlet(text):
        return "outlet"
    if is_unnamed(text):
        return "unnamed_official"
    return "person"


class SourceRegistry:
    """The registry as one identity uses it."""

    def __init__(self, project: Project, acting: Identity) -> None:
        self.project = project
        self.acting = acting
        self._matcher: tuple[tuple[int, int | None], Matcher] | None = None

    # reading

    def entries(self, source_id: int | None = None) -> list[SourceEntry]:
        """Every canonical source, by name; or only the one with this id (none when it is gone)."""
        sources = select(CanonicalSource).order_by(CanonicalSource.name, CanonicalSource.id)
        alias_rows = select(SourceAlias.source_id, SourceAlias.alias).order_by(SourceAlias.id)
        if source_id is not None:
            sources = sources.where(CanonicalSource.id == source_id)
            alias_rows = alias_rows.where(SourceAlias.source_id == source_id)
        with self.project.reading() as session:
            aliases: dict[int, list[str]] = {}
            for row in session.execute(alias_rows):
                aliases.setdefault(row.source_id, []).append(row.alias)
            return [
                SourceEntry(row.id, row.uid, row.name, row.type, row.note, tuple(aliases.get(row.id, ())))
                for row in session.scalars(sources)
            ]

    def matcher(self) -> Matcher:
        """Every alias key with its source; kept while the aliases stay as they are (their number and newest id,
        read in one short query, say whether anyone changed them since). Aliases only added since (a source added,
        a link confirmed) are added to it; anything else has it made again."""
        with self.project.reading() as session:
            state = tuple(session.execute(select(func.count(SourceAlias.id), func.max(SourceAlias.id))).one())
            if self._matcher is not None and self._matcher[0] != state:
                (count, newest), kept = self._matcher
                added = session.execute(
                    select(SourceAlias.normalized, SourceAlias.source_id).where(SourceAlias.id > (newest or 0)).order_by(SourceAlias.id)
                ).all()
                if count + len(added) == state[0]:
                    for row in added:
                        kept.add(row.normalized, row.source_id)
                    self._matcher = (state, kept)
            if self._matcher is None or self._matcher[0] != state:
                rows = session.connection().execute(select(SourceAlias.normalized, SourceAlias.source_id)).all()  # Core rows
                self._matcher = (state, Matcher(rows))
        return self._matcher[1]

    def suggest(self, text: str, *, limit: int = 3, matcher: Matcher | None = None) -> list[SourceSuggestion]:
        """Canonical sources the name may be, best first (none below SUGGEST_AT)."""
        found = (matcher or self.matcher()).matches(text, limit=limit, at_least=SUGGEST_AT)
        if not found:
            return []
        with self.project.reading() as session:
            rows = {row.id: row for row in session.execute(
                select(CanonicalSource.id, CanonicalSource.name, CanonicalSource.type).where(CanonicalSource.id.in_([m.owner for m in found]))
            )}
        return [SourceSuggestion(m.owner, rows[m.owner].name, rows[m.owner].type, m.score) for m in found if m.owner in rows]

    def link_of(self, span_id: SpanId) -> tuple[int, bool] | None:
        """The canonical source a span is linked to, and whether the link is confirmed."""
        with self.project.reading() as session:
            row = session.execute(select(SourceLink.source_id, SourceLink.confirmed).where(SourceLink.span_id == span_id)).first()
        return (row.source_id, bool(row.confirmed)) if row else None

    # writing: anyone

    def add(self, name: str, type: str, *, note: str = "", aliases: tuple[str, ...] = ()) -> Changes:
        name = " ".join(name.split())
        if not name_key(name):
            raise AnnotatorError(f"a canonical source needs a name with letters in it, not {name!r}")
        _check_type(type)
        with self.project.transaction() as session:
            source = CanonicalSource(uid=uuid.uuid4().hex, name=name, type=type, note=note)
            session.add(source)
            session.flush()
            for alias in (name, *aliases):
                _add_alias(session, source.id, alias)
            return Changes(sources=frozenset({source.id}), count=1)

    def add_alias(self, source_id: int, alias: str) -> Changes:
        with self.project.transaction() as session:
            _source(session, source_id)
            added = _add_alias(session, source_id, alias)
        return Changes(sources=frozenset({source_id}), count=int(added))

    def link(self, span_id: SpanId, source_id: int, *, confirmed: bool = True) -> Changes:
        """Link a SOURCE span to a canonical source (replacing its link, if any). A confirmed link makes the
        span's text an alias of the source, so that the next spelling like it is suggested."""
        with self.project.transaction() as session:
            span = self._writable_span(session, span_id)
            _source(session, source_id)
            link = session.scalar(select(SourceLink).where(SourceLink.span_id == span_id))
            if link is None:
                link = SourceLink(span_id=span_id, source_id=source_id, annotator_id=self._annotator_id(session))
                session.add(link)
            link.source_id, link.confirmed = source_id, confirmed
            if confirmed:
                _add_alias(session, source_id, span.text)
            return Changes(sources=frozenset({source_id}), corpus_links=frozenset({DocumentId(span.document_id)}), count=1)

    def confirm(self, span_id: SpanId) -> Changes:
        """Confirm a suggested link (one key in the window)."""
        found = self.link_of(span_id)
        if found is None:
            raise AnnotatorError(f"span {span_id} is linked to no canonical source: nothing to confirm")
        return self.link(span_id, found[0], confirmed=True)

    def reject(self, span_id: SpanId) -> Changes:
        """Remove a span's link, suggested or confirmed (the other key)."""
        with self.project.transaction() as session:
            span = self._writable_span(session, span_id)
            link = session.scalar(select(SourceLink).where(SourceLink.span_id == span_id))
            if link is None:
                return Changes()
            source_id = link.source_id
            session.delete(link)
            return Changes(sources=frozenset({source_id}), corpus_links=frozenset({DocumentId(span.document_id)}), count=1)

    # writing: reviewers

    def update(
        self,
        source_id: int,
        *,
        name: str | None = None,
        type: str | None = None,
        note: str | None = None,
        expected: tuple[str, str, str] | None = None,
    ) -> Changes:
        """Rename, retype or annotate a source. With `expected` (the name, type and note the edit started from), a
        source another reviewer changed meanwhile is left as it is and EditConflict says what it now holds."""
        self._check_reviewer("rename or retype a canonical source")
        with self.project.transaction() as session:
            source = _source(session, source_id)
            if expected is not None and expected != (source.name, source.type, source.note or ""):
                raise EditConflict(
                    f"the canonical source was changed by someone else meanwhile: it is now {source.name!r} "
                    f"({source.type}{', note ' + repr(source.note) if source.note else ''}); your change was not saved"
                )
            if name is not None and name.strip():
                source.name = " ".join(name.split())
                _add_alias(session, source_id, source.name)
            if type is not None:
                _check_type(type)
                source.type = type
            if note is not None:
                source.note = note
        return Changes(sources=frozenset({source_id}), count=1)

    def merge(self, keep: int, others: list[int]) -> Changes:
        """Fold other sources into one: their aliases and links move to it, then they go."""
        self._check_reviewer("merge canonical sources")
        others = [other for other in dict.fromkeys(others) if other != keep]
        with self.project.transaction() as session:
            _source(session, keep)
            for other in others:
                _source(session, other)
            documents = _linked_documents(session, others)
            for alias in session.scalars(select(SourceAlias.alias).where(SourceAlias.source_id.in_(others))).all():
                _add_alias(session, keep, alias)
            session.execute(update(SourceLink).where(SourceLink.source_id.in_(others)).values(source_id=keep))
            session.execute(delete(CanonicalSource).where(CanonicalSource.id.in_(others)))
        return Changes(sources=frozenset({keep, *others}), corpus_links=documents, count=len(others))

    def split(self, source_id: int, span_ids: list[SpanId], *, name: str, type: str | None = None) -> Changes:
        """Move some of a source's spans to a new source (with the aliases only they use)."""
        self._check_reviewer("split a canonical source")
        with self.project.transaction() as session:
            old = _source(session, source_id)
            linked = dict(session.execute(
                select(SourceLink.span_id, Span.text).join(Span, Span.id == SourceLink.span_id).where(SourceLink.source_id == source_id)
            ).all())
            missing = [span for span in span_ids if span not in linked]
            if missing:
                raise AnnotatorError(f"span {missing[0]} is not linked to {old.name!r}: nothing was split")
            new_type = type or old.type
            _check_type(new_type)
            new = CanonicalSource(uid=uuid.uuid4().hex, name=" ".join(name.split()), type=new_type, note="")
            session.add(new)
            session.flush()
            _add_alias(session, new.id, new.name)
            moving = set(span_ids)
            staying = {name_key(text) for span, text in linked.items() if span not in moving} | {name_key(old.name)}
            for span in moving:
                key = name_key(linked[span])
                _add_alias(session, new.id, linked[span])
                if key not in staying:
                    session.execute(delete(SourceAlias).where(SourceAlias.source_id == source_id, SourceAlias.normalized == key))
            session.execute(update(SourceLink).where(SourceLink.span_id.in_(moving)).values(source_id=new.id))
            documents = frozenset(DocumentId(d) for d in session.scalars(select(Span.document_id).where(Span.id.in_(moving))))
            return Changes(sources=frozenset({source_id, new.id}), corpus_links=documents, count=len(moving))

    def remove(self, source_id: int) -> Changes:
        self._check_reviewer("remove a canonical source")
        with self.project.transaction() as session:
            source = _source(session, source_id)
            documents = _linked_documents(session, [source_id])
            session.delete(source)
        return Changes(sources=frozenset({source_id}), corpus_links=documents, count=1)

    # checks

    def _is_reviewer(self) -> bool:
        return self.acting.is_reviewer and known_identity(self.project, self.acting.name).is_reviewer

    def _check_reviewer(self, what: str) -> None:
        if not self._is_reviewer():
            raise AccessError(f"{self.acting.name} is an annotator: only a reviewer may {what}")

    def _annotator_id(self, session: Session) -> int:
        return self.project.annotator_id(session, self.acting.name)

    def _writable_span(self, session: Session, span_id: SpanId) -> Span:
        row = session.execute(
            select(Span, Annotator.name).join(Annotator, Annotator.id == Span.annotator_id).where(Span.id == span_id)
        ).first()
        if row is None:
            raise AnnotatorError(f"no span with id {span_id}")
        span, layer = row
        source_label = self.project.scheme_in(session).span_role("source")
        if span.label != source_label:
            raise AnnotatorError(f"span {span_id} is a {span.label}, not a {source_label}: only sources are linked to the registry")
        if not self._is_reviewer():  # a reviewer curates the registry: links anyone's spans, never changes the spans
            check_write(self.acting, layer)
        return span


def _check_type(type: str) -> None:
    if type not in SOURCE_TYPES:
        raise AnnotatorError(f"unknown source type {type!r}: use one of {', '.join(SOURCE_TYPES)}")


def _source(session: Session, source_id: int) -> CanonicalSource:
    source = session.get(CanonicalSource, source_id)
    if source is None:
        raise AnnotatorError(f"no canonical source with id {source_id}")
    return source


def _add_alias(session: Session, source_id: int, alias: str) -> bool:
    alias = " ".join(alias.split())
    key = name_key(alias)
    if not key:
        return False
    present = session.scalar(select(SourceAlias.id).where(SourceAlias.source_id == source_id, SourceAlias.normalized == key))
    if present is not None:
        return False
    session.add(SourceAlias(source_id=source_id, alias=alias, normalized=key))
    session.flush()
    return True


def _linked_documents(session: Session, sources: list[int]) -> frozenset[DocumentId]:
    query = select(Span.document_id).join(SourceLink, SourceLink.span_id == Span.id).where(SourceLink.source_id.in_(sources))
    return frozenset(DocumentId(d) for d in session.scalars(query))

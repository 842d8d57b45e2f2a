"""The import's writer: one file's documents, spans and relations, chunk after chunk, one statement per table and
chunk; and its rehearsal, the same decisions taken against a read session without writing."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.errors import InputError
from annotator.core.model import NewDocument, NewRelation
from annotator.services.annotation.tagging import new_uid
from annotator.storage import bulk
from annotator.storage.guards import End, check_relation_ends
from annotator.storage.models import Annotator, Document, Relation, Span, utcnow
from annotator.storage.project import Project

Key = tuple[str | None, str | None]  # (document uid, span uid) as the file names a span


@dataclass
class Counts:
    """Documents new or already there (matched by their text), annotations added or already there."""

    new_documents: int = 0
    matched_documents: int = 0
    spans_added: int = 0
    spans_present: int = 0
    relations_added: int = 0
    relations_present: int = 0

    def add(self, other: Counts) -> None:
        for name in Counts.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Chunk(Counts):
    """What one committed chunk did."""

    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)
    layers: set[str] = field(default_factory=set)
    new_people: bool = False


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Plan:
    """What the rehearsal learnt of a whole file that lets the write hold less: the texts it holds more than
    once (only their spans need remembering by what makes them the same), and the spans that a relation of
    another document names (only they need their ids remembered past their own chunk)."""

    repeated: set[str] = field(default_factory=set)  # sha256 of the texts found twice or more
    crossed: set[Key] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)

    def take(self, documents: list[NewDocument], digests: list[str]) -> None:
        for document, digest in zip(documents, digests):
            if digest in self.seen:
                self.repeated.add(digest)
            self.seen.add(digest)
            for relation in document.relations:
                source = (relation.from_document or document.uid, relation.from_uid)
                target = (relation.to_document or document.uid, relation.to_uid)
                if source[0] != document.uid or target[0] != document.uid:  # it may wait for, or come after, its other end
                    self.crossed.update((source, target))


class Inserter:
    """The reader has already checked every span and relation against the text and the scheme; the storage
    guards check every relation again as it goes in. A relation whose other end comes in a later chunk
    waits for it, so that it is committed with the later of its two documents. In dry mode the same
    decisions run against a read session, nothing is written, the ids are made up, and the relation rules
    the storage guard applies are applied here. The write, given the rehearsal's Plan, forgets what no later
    chunk can need.
    """

    def __init__(self, project: Project, *, annotator: str, strict_ids: bool, dry: bool, plan: Plan | None = None) -> None:
        self.project, self.annotator, self.strict_ids, self.dry, self.plan = project, annotator, strict_ids, dry, plan
        self.now = utcnow()
        self.present: dict[str, int] = {}
        self.taken_documents: set[str] = set()
        self.people: dict[str, int] = {}
        # The file's spans by (document uid, span uid): their ids (write), what the relation rules need (dry).
        self.span_ids: dict[Key, int] = {}
        self.ends: dict[Key, End] = {}
        # The annotations already there, by what makes two the same, each answering for one of the file's:
        self.span_identities: dict[tuple[int, int, str, int, int], list[int]] = {}  # (document, annotator, label, start, end)
        self.relation_identities: Counter[tuple[int, int, str, int]] = Counter()  # (from span, to span, label, annotator)
        self.loaded: set[int] = set()  # documents already in the project whose annotations are read
        self.waiting: list[tuple[NewRelation, Key, Key]] = []
        self._fresh: list[Key] = []  # the keys span_ids took in this chunk
        self._made_up = 0

    def _ids(self, count: int) -> list[int]:
        self._made_up += count
        return list(range(-self._made_up, -self._made_up + count))

    def person(self, session: Session, name: str | None, done: Chunk) -> int:
        name = name or self.annotator
        if name not in self.people:
            found = session.scalar(select(Annotator.id).where(Annotator.name == name))
            if found is None:
                done.new_people = True
                found = self._ids(1)[0] if self.dry else self.project.annotator_id(session, name)
            self.people[name] = found
        return self.people[name]

    def add(self, session: Session, documents: list[NewDocument], indexed: dict[str, str] | None = None,
            digests: list[str] | None = None) -> Chunk:
        done = Chunk()
        digests = digests or [sha256(document.text) for document in documents]
        self.present.update(bulk.lookup(session, Document.sha256, Document.id, [d for d in digests if d not in self.present]))
        self.taken_documents.update(bulk.lookup(session, Document.uid, Document.id, [d.uid for d in documents]))
        new: list[tuple[NewDocument, str, str]] = []
        known: dict[int, list[str | None]] = {}
        for document, digest in zip(documents, digests):
            if digest in self.present:  # its text is there already (in the project, or earlier in this file)
                done.skipped.append(document.title)
                known.setdefault(self.present[digest], []).append(document.uid)
                continue
            uid = _free_document_uid(self.taken_documents, document.uid or digest[:16], strict=self.strict_ids)
            self.present[digest] = 0  # the same text twice in one file is imported once; its id comes below
            new.append((document, uid, digest))
        self._known_spans(session, known)
        rows = [] if self.dry else [
            {"uid": uid, "sha256": digest, "title": d.title, "source": d.source, "url": d.url, "published": d.published,
             "text": d.text, "meta": d.metadata, "imported_at": self.now}
            for d, uid, digest in new
        ]
        document_ids = self._ids(len(new)) if self.dry else bulk.insert_documents(session, rows, indexed=indexed)
        for (document, _uid, digest), document_id in zip(new, document_ids):
            self.present[digest] = document_id
            done.imported.append(document.title)
        done.documents.extend(document_ids if not self.dry else ())
        done.new_documents, done.matched_documents = len(new), len(documents) - len(new)
        self._add_spans(session, documents, digests, done)
        for document in documents:
            for relation in document.relations:
                self.waiting.append((relation, (relation.from_document or document.uid, relation.from_uid),
                                     (relation.to_document or document.uid, relation.to_uid)))
        self._insert_relations(session, done, final=False)
        if self.plan is not None:  # forget what no later chunk can name
            crossed = self.plan.crossed
            for key in self._fresh:
                if key not in crossed:
                    self.span_ids.pop(key, None)
                    self.ends.pop(key, None)
        self._fresh = []
        return done

    def forget(self, plan: Plan) -> None:
        """From now on hold only what the plan says a later chunk can need, and forget the rest of what is held."""
        self.plan, self._fresh = plan, []
        self.span_ids = {key: value for key, value in self.span_ids.items() if key in plan.crossed}
        self.ends = {key: value for key, value in self.ends.items() if key in plan.crossed}
        again = self.loaded | {self.present[digest] for digest in plan.repeated if digest in self.present}
        self.span_identities = {identity: ids for identity, ids in self.span_identities.items() if identity[0] in again}

    def _add_spans(self, session: Session, documents: list[NewDocument], digests: list[str], done: Chunk) -> None:
        """Each span the layer does not have yet; the file's id of one it has names that one from now on."""
        taken = set() if self.dry else set(bulk.lookup(session, Span.uid, Span.id, [s.uid for d in documents for s in d.spans]))
        repeated = self.plan.repeated if self.plan is not None else None
        identities = self.span_identities
        people, now, dry = self.people, self.now, self.dry
        rows, keys, ends, remembered = [], [], [], []
        for document, digest in zip(documents, digests):
            document_id = self.present[digest]
            # the same span twice can only come from a text already there or found again in this file:
            compare = repeated is None or document_id in self.loaded or digest in repeated
            for span in document.spans:
                person = people.get(span.annotator or self.annotator) or self.person(session, span.annotator, done)
                key = (document.uid, span.uid)
                if compare:
                    identity = (document_id, person, span.label, span.start, span.end)
                    if identities.get(identity):  # this layer has it already: the file's id now names that span
                        found = identities[identity].pop(0)
                        self.span_ids[key] = found
                        self._fresh.append(key)
                        if dry:
                            self.ends[key] = End(found, document_id, span.label)
                        done.spans_present += 1
                        continue
                    remembered.append((len(keys), identity))
                keys.append(key)
                ends.append((document_id, span.label))
                done.layers.add(span.annotator or self.annotator)
                if dry:
                    continue
                uid = span.uid if span.uid and span.uid not in taken else new_uid()
                taken.add(uid)
                rows.append({
                    "uid": uid, "document_id": document_id, "annotator_id": person, "label": span.label, "start": span.start,
                    "end": span.end, "text": span.text, "attributes": span.attributes, "note": span.note,
                    "derived_from": list(span.derived_from), "created_at": now, "updated_at": now,
                })
        done.spans_added += len(keys)
        span_ids = self._ids(len(keys)) if dry else bulk.insert_spans(session, rows)
        self.span_ids.update(zip(keys, span_ids))
        self._fresh.extend(keys)
        for index, identity in remembered:  # a later copy of the same text finds them
            identities.setdefault(identity, []).append(span_ids[index])
        if dry:
            self.ends.update((key, End(span_id, owner, label)) for key, span_id, (owner, label) in zip(keys, span_ids, ends))

    def _known_spans(self, session: Session, owners: dict[int, list[str | None]]) -> None:
        """The spans of documents already in the project: under the uid the file gives their document, and by
        what makes a span the same span (layer, label, extent), so that a file's span already there is not added twice."""
        ids = [document_id for document_id in owners if document_id > 0 and document_id not in self.loaded]
        self.loaded.update(ids)
        for first in range(0, len(ids), bulk.BATCH):
            query = select(Span.document_id, Span.uid, Span.id, Span.label, Span.annotator_id, Span.start, Span.end).where(
                Span.document_id.in_(ids[first : first + bulk.BATCH])
            )
            for document_id, uid, span_id, label, person, start, end in session.execute(query):
                self.span_identities.setdefault((document_id, person, label, start, end), []).append(span_id)
                for owner in owners[document_id]:
                    self.span_ids.setdefault((owner, uid), span_id)
                    self._fresh.append((owner, uid))
                    if self.dry:
                        self.ends.setdefault((owner, uid), End(span_id, document_id, label))
            relations = select(Relation.from_span_id, Relation.to_span_id, Relation.label, Relation.annotator_id).join(
                Span, Span.id == Relation.from_span_id
            ).where(Span.document_id.in_(ids[first : first + bulk.BATCH]))
            self.relation_identities.update(tuple(row) for row in session.execute(relations))  # type: ignore[misc]

    def _insert_relations(self, session: Session, done: Chunk, *, final: bool) -> None:
        rows, still = [], []
        span_ids, identities = self.span_ids, self.relation_identities
        taken: set[str] | None = None
        for relation, source, target in self.waiting:
            if source not in span_ids or target not in span_ids:
                if not final:
                    still.append((relation, source, target))
                    continue
                doc, span = source if source not in span_ids else target
                raise InputError(
                    f"relation {relation.uid!r}: its end {doc}/{span} lies in a document already in the project "
                    "whose span is not there"
                )
            person = self.person(session, relation.annotator, done)
            identity = (span_ids[source], span_ids[target], relation.label, person)
            if identities and identities.get(identity, 0) > 0:  # each one there answers for one in the file
                identities[identity] -= 1
                done.relations_present += 1
                continue
            done.relations_added += 1
            if self.dry:  # the rule the storage guard applies as the row goes in
                check_relation_ends(self.project.scheme, relation.label, relation.attributes, self.ends[source], self.ends[target])
                continue
            if taken is None:  # a relation whose uid is taken gets a fresh one
                taken = set(bulk.lookup(session, Relation.uid, Relation.id, [r.uid for r, _s, _t in self.waiting]))
            uid = relation.uid if relation.uid and relation.uid not in taken else new_uid()
            taken.add(uid)
            rows.append({
                "uid": uid, "label": relation.label, "from_span_id": span_ids[source], "to_span_id": span_ids[target],
                "annotator_id": person, "attributes": relation.attributes,
                "note": relation.note, "created_at": self.now, "updated_at": self.now,
            })
            done.layers.add(relation.annotator or self.annotator)
        self.waiting = still
        if rows:
            bulk.insert_relations(session, self.project.scheme_in(session), rows)

    def finish(self, session: Session) -> Chunk:
        done = Chunk()
        self._insert_relations(session, done, final=True)
        return done


def _free_document_uid(taken: set[str], uid: str, *, strict: bool) -> str:
    """A document keeps its id; a clash is an error for datasets and gets a suffix for plain text files."""
    chosen = uid
    if chosen in taken:
        if strict:
            raise InputError(f"document id {uid!r} is already in the project with a different text")
        suffix = 2
        while f"{uid}-{suffix}" in taken:
            suffix += 1
        chosen = f"{uid}-{suffix}"
    taken.add(chosen)
    return chosen

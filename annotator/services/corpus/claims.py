"""Claims across the corpus: same-claim links (confirmed or suggested) forming clusters, and the claims most like
a given one, offered as same-claim, support or contradiction candidates.

Similar claims: the full-text index ranks the documents holding the claim's words (bm25), then the CLAIM spans of
the best documents are scored by the overlap of their normalized words with the claim's, best first.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId, SpanId
from annotator.core.normalize import index_form
from annotator.services.corpus.names import words as name_words
from annotator.services.team.identity import Identity, check_write, readable_layers
from annotator.storage import search_index
from annotator.storage.models import Annotator, ClaimLink, Document, Span
from annotator.storage.project import Project

SIEVE_DOCUMENTS = 60  # documents the index hands over for scoring
QUERY_WORDS = 12  # the claim's longest words sent to the index
# Function words that say nothing of what a claim is about (normalized forms).
STOPWORDS = frozenset(
    "في من الي علي عن مع ان او ثم قد لم لن ما لا هذا هذه ذلك تلك الذي التي الذين كان كانت يكون تكون كل بعض اي غير "
    "بين حتي بعد قبل خلال عند منذ هو هي هم انه انها لقد وقد كما فيها منها عنها لها بها اليها عليها فيه منه عنه له "
    "به اليه عليه بشان حول".split()
)


@dataclass(frozen=True, slots=True)
class SimilarClaim:
    span_id: SpanId
    document_id: DocumentId
    document_title: str
    annotator: str
    start: int
    end: int
    text: str
    score: float  # 0–1: the share of words the two claims have in common (Dice), nudged by the index's rank
    relation: str = "support"  # what to offer first: "same" (claim), "support" or "contradiction" (a guess, see `offer`)


@dataclass(frozen=True, slots=True)
class ClaimLinkRecord:
    id: int
    uid: str
    from_span: SpanId
    to_span: SpanId
    confirmed: bool


PRONOUN_SUFFIXES = ("هما", "ها", "هم", "كم", "نا")  # attached pronouns: «ملفها» is «ملف» hers


def _stem(word: str) -> str:
    for suffix in PRONOUN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    if word[:1] in "بلك" and len(word) >= 5:
        return word[1:]  # «برسالة»: a preposition glued to a word the article did not take
    return word


def content_words(text: str) -> frozenset[str]:
    """A claim's words as similarity compares them: normalized, without clitics, ال, attached pronouns and
    function words."""
    return frozenset(_stem(word) for word in name_words(text, every=True) if len(word) > 1 and word not in STOPWORDS)


NEGATIONS = frozenset("لم لن لا ليس ليست ليسوا عدم نفي نفت ينفي تنفي نفوا".split())


def denies(text: str, polarity: object = None) -> bool:
    """A claim that says no: its polarity attribute says deny (it is reported as denied: «نفت … أن تكون رسالة قد
    وصلت»), or its own words hold an odd number of negations (the scheme's default polarity is affirm, so an
    affirm says little)."""
    return polarity == "deny" or sum(word in NEGATIONS for word in name_words(text, every=True)) % 2 == 1


def offer(overlap: float, first_denies: bool, second_denies: bool) -> str:
    """The link to offer first for two similar claims: one denying what the other affirms is a contradiction
    candidate; nearly the same words, the same claim; otherwise support. The annotator decides."""
    if first_denies != second_denies:
        return "contradiction"
    return "same" if overlap >= 0.75 else "support"


def dice(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


def similar_claims(
    project: Project, text: str, *, layers: Iterable[str] | None = None, exclude: SpanId | None = None, limit: int = 10
) -> list[SimilarClaim]:
    """The CLAIM spans most like `text` in the whole corpus (in the given layers, or all), best first."""
    claim_label = project.scheme.span_role("claim")
    ours = content_words(text)
    if claim_label is None or not ours:
        return []
    indexed = {word for word in index_form(text).split() if len(word) > 2 and word not in STOPWORDS and not word.isdigit()}
    query_words = sorted(indexed, key=lambda w: (-len(w), w))[:QUERY_WORDS]
    with project.reading() as session:
        ranked = search_index.ranked_documents(session, query_words, limit=SIEVE_DOCUMENTS)
        if not ranked:
            return []
        place = {document_id: index for index, document_id in enumerate(ranked)}
        query = (
            select(Span.id, Span.document_id, Span.start, Span.end, Span.text, Span.attributes, Annotator.name, Document.title)
            .join(Annotator, Annotator.id == Span.annotator_id)
            .join(Document, Document.id == Span.document_id)
            .where(Span.document_id.in_(ranked), Span.label == claim_label)
        )
        if layers is not None:
            query = query.where(Annotator.name.in_(list(layers)))
        rows = session.execute(query).all()
        polarity = None
        if exclude is not None:
            polarity = (session.scalar(select(Span.attributes).where(Span.id == exclude)) or {}).get("polarity")
    ours_denies = denies(text, polarity)
    found = []
    for row in rows:
        if row.id == exclude:
            continue
        overlap = dice(ours, content_words(row.text))
        if overlap <= 0:
            continue
        rank_bonus = 0.05 * (1 - place[row.document_id] / len(ranked))
        relation = offer(overlap, ours_denies, denies(row.text, (row.attributes or {}).get("polarity")))
        found.append(SimilarClaim(SpanId(row.id), DocumentId(row.document_id), row.title, row.name, row.start, row.end, row.text,
                                  round(min(1.0, overlap + rank_bonus), 4), relation))
    found.sort(key=lambda claim: (-claim.score, claim.document_id, claim.start))
    return found[:limit]


def candidates_for(project: Project, acting: Identity, span_id: SpanId, *, limit: int = 10) -> list[SimilarClaim]:
    """The claims most like a claim, in the layers the acting identity may read (in blind mode its own), best first:
    the link picker's and the side list's candidates."""
    with project.reading() as session:
        text = session.scalar(select(Span.text).where(Span.id == span_id))
    if text is None:
        raise AnnotatorError(f"no span with id {span_id}")
    return similar_claims(project, text, layers=readable_layers(project, acting), exclude=span_id, limit=limit)


def clusters(project: Project, *, confirmed_only: bool = True) -> dict[SpanId, str]:
    """Each linked claim's cluster: the claims joined by same-claim links, named `cluster-` and the smallest span
    uid among them (so a cluster keeps its name in every copy of the project). Claims in no link have none."""
    with project.reading() as session:
        query = select(ClaimLink.from_span_id, ClaimLink.to_span_id)
        if confirmed_only:
            query = query.where(ClaimLink.confirmed.is_(True))
        edges = session.execute(query).all()
        parent: dict[int, int] = {}

        def root(node: int) -> int:
            parent.setdefault(node, node)
            while parent[node] != node:
                parent[node] = parent[parent[node]]
                node = parent[node]
            return node

        for first, second in edges:
            a, b = root(first), root(second)
            if a != b:
                parent[max(a, b)] = min(a, b)
        if not parent:
            return {}
        uids: dict[int, str] = {}
        ids = list(parent)
        for start in range(0, len(ids), 500):
            uids.update(session.execute(select(Span.id, Span.uid).where(Span.id.in_(ids[start : start + 500]))).all())
    names: dict[int, str] = {}
    for node in parent:
        top = root(node)
        names[top] = min(names.get(top, uids[node]), uids[node])
    return {SpanId(node): f"cluster-{names[root(node)]}" for node in parent}


class ClaimLinks:
    """Same-claim links as one identity writes them: both claims must be in layers it may write."""

    def __init__(self, project: Project, acting: Identity) -> None:
        self.project = project
        self.acting = acting

    def links(self, span_id: SpanId | None = None) -> list[ClaimLinkRecord]:
        query = select(ClaimLink).order_by(ClaimLink.id)
        if span_id is not None:
            query = query.where(or_(ClaimLink.from_span_id == span_id, ClaimLink.to_span_id == span_id))
        with self.project.reading() as session:
            return [ClaimLinkRecord(row.id, row.uid, SpanId(row.from_span_id), SpanId(row.to_span_id), bool(row.confirmed))
                    for row in session.scalars(query)]

    def link(self, first: SpanId, second: SpanId, *, confirmed: bool = True) -> Changes:
        """Mark two claims as the same claim (again: confirm a suggested link)."""
        if first == second:
            raise AnnotatorError("a claim is the same claim as itself already: pick another claim")
        with self.project.transaction() as session:
            documents = self._writable_claims(session, [first, second])
            row = session.scalar(select(ClaimLink).where(
                or_((ClaimLink.from_span_id == first) & (ClaimLink.to_span_id == second),
                    (ClaimLink.from_span_id == second) & (ClaimLink.to_span_id == first))
            ))
            if row is None:
                session.add(ClaimLink(uid=uuid.uuid4().hex, from_span_id=first, to_span_id=second, confirmed=confirmed,
                                      annotator_id=self.project.annotator_id(session, self.acting.name)))
            elif row.confirmed == confirmed or row.confirmed:
                return Changes()  # already so (a suggestion never undoes a confirmation)
            else:
                row.confirmed = confirmed
        return Changes(corpus_links=documents, count=1)

    def confirm(self, first: SpanId, second: SpanId) -> Changes:
        return self.link(first, second, confirmed=True)

    def unlink(self, first: SpanId, second: SpanId) -> Changes:
        """Remove the link between two claims, suggested or confirmed (rejecting a suggestion)."""
        with self.project.transaction() as session:
            documents = self._writable_claims(session, [first, second])
            removed = session.execute(delete(ClaimLink).where(
                or_((ClaimLink.from_span_id == first) & (ClaimLink.to_span_id == second),
                    (ClaimLink.from_span_id == second) & (ClaimLink.to_span_id == first))
            )).rowcount
        return Changes(corpus_links=documents, count=removed) if removed else Changes()

    def _writable_claims(self, session: Session, span_ids: list[SpanId]) -> frozenset[DocumentId]:
        claim_label = self.project.scheme_in(session).span_role("claim")
        rows = {row.id: row for row in session.execute(
            select(Span.id, Span.label, Span.document_id, Annotator.name)
            .join(Annotator, Annotator.id == Span.annotator_id).where(Span.id.in_(span_ids))
        )}
        for span_id in span_ids:
            row = rows.get(span_id)
            if row is None:
                raise AnnotatorError(f"no span with id {span_id}")
            if row.label != claim_label:
                raise AnnotatorError(f"span {span_id} is a {row.label}, not a {claim_label}: only claims are linked as the same claim")
            check_write(self.acting, row.name)
        return frozenset(DocumentId(row.document_id) for row in rows.values())

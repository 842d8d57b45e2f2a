"""The full-text index over a folded shadow of each text, kept in step with the documents table whoever inserts
or deletes, and queried here, so that no other module speaks its language. On SQLite an FTS5 table that keeps
no copy of what it indexes (contentless: the texts are in documents); on PostgreSQL a plain table holding the
same shadow text as its words between single spaces, searched with LIKE under a pg_trgm GIN index (no
text-search configuration or locale decides what a word is: Python does, as FTS5's unicode61 tokenizer does).
Hits are mapped back to the original text by the caller, the same for both."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from annotator.core.normalize import index_form
from annotator.storage.models import Document

# How FTS5 splits the index form into words (the table's own setting, made by migrations 0004 and 0007).
TOKENIZER = "tokenize='unicode61 remove_diacritics 0'"
_INSERT = text("INSERT INTO document_search (rowid, folded) VALUES (:id, :folded)")
_SERVER_INSERT = text("INSERT INTO document_search (id, folded) VALUES (:id, :folded)")
_FORGET = text("INSERT INTO document_search (document_search, rowid, folded) VALUES ('delete', :id, :folded)")
# A word as FTS5's unicode61 tokenizer sees one: letters and digits; everything else separates.
TOKEN = re.compile(r"[^\W_]+")


def server_form(folded: str) -> str:
    """What the PostgreSQL index holds for a shadow text: its words between single spaces, with a space at
    each end, so that `LIKE '% word1 word2%'` is the FTS5 phrase query `"word1 word2"*`."""
    return " " + " ".join(TOKEN.findall(folded)) + " "


def _on_server(connection: Any) -> bool:
    return connection.dialect.name == "postgresql"


@event.listens_for(Document, "after_insert")
def _index_document(_mapper: Any, connection: Any, document: Document) -> None:
    folded = index_text(document.text)
    if _on_server(connection):
        connection.execute(_SERVER_INSERT, {"id": document.id, "folded": server_form(folded)})
    else:
        connection.execute(_INSERT, {"id": document.id, "folded": folded})


@event.listens_for(Document, "before_delete")
def _forget_document(_mapper: Any, connection: Any, document: Document) -> None:
    if _on_server(connection):
        connection.execute(text("DELETE FROM document_search WHERE id = :id"), {"id": document.id})
    else:  # the index keeps no copy of what it indexed: a removal names the words it indexed
        connection.execute(_FORGET, {"id": document.id, "folded": index_text(document.text)})


# Each whitespace-separated word of an original text, as index_form gives it (its folded form and its forms
# without clitics, or "" when nothing of it is a letter): a text is mostly words seen before, so indexing it is
# a split, a lookup per word and a join, where index_form folds and strips every word again.
_FORMS: dict[str, str] = {}
FORMS_KEPT = 100_000  # words remembered (about 20 MB); the memory is forgotten whole when it holds more


def index_text(original: str) -> str:
    """What the index holds for a text (`index_form(original)`, word by word); bulk writers compute it before
    their transaction takes the lock. Folding never makes or removes whitespace, so the folded text's words
    are the folded words of the original (less those that fold to nothing)."""
    words = original.split()
    forms = _FORMS
    try:
        found = list(map(forms.__getitem__, words))
    except KeyError:  # some words are new: all of the text's words looked up once (another thread may clear forms)
        if len(forms) > FORMS_KEPT:
            forms.clear()
        known = {word: forms.get(word) for word in set(words)}
        new = {word: index_form(word) for word, form in known.items() if form is None}
        known.update(new)
        forms.update(new)
        found = list(map(known.__getitem__, words))
    if "" in found:  # a word of marks only (tatweel, harakat) has no index form
        return " ".join(filter(None, found))
    return " ".join(found)


def index_documents(session: Session, documents: Iterable[tuple[int, str]]) -> None:
    """Index documents inserted without the ORM (bulk inserts): (id, index_text(original)) pairs."""
    server = _on_server(session.get_bind())
    rows = [{"id": document_id, "folded": server_form(folded) if server else folded} for document_id, folded in documents]
    if rows:
        session.execute(_SERVER_INSERT if server else _INSERT, rows)


# How many of the newest matching documents a search ranks. A word in most of a large corpus has no weight in
# bm25 (its idf is clamped to nothing), and ranking all 100,000 documents that hold it took 100-150 ms; ranking the
# newest 10,000 costs the same at any corpus size.
RANKED = 10_000


def matching_documents(session: Session, words: list[str], *, limit: int) -> list[int]:
    """Ids of the documents holding the folded words as a phrase, the last word as a prefix: the best of the
    newest `RANKED` that hold them, best first."""
    if not words:
        return []
    words = _as_indexed(words)
    if _on_server(session.get_bind()):
        return _matching_on_server(session, words, limit=limit)
    phrase = '"' + " ".join(word.replace('"', '""') for word in words) + '"*'
    query = text(
        "SELECT rowid FROM (SELECT rowid, rank FROM document_search WHERE document_search MATCH :q "
        "ORDER BY rowid DESC LIMIT :ranked) ORDER BY rank, rowid LIMIT :n"
    )
    return [row[0] for row in session.execute(query, {"q": phrase, "ranked": RANKED, "n": limit})]


def _as_indexed(words: list[str]) -> list[str]:
    """A phrase's words as the index holds them side by side: each word but the last followed by its forms
    without clitics, as `index_form` wrote them (الاسبوع → الاسبوع اسبوع), so that «رسالة الأسبوع الدبلوماسية» is
    found; the last word is matched as a prefix, so its own form will do."""
    return [*index_form(" ".join(words[:-1])).split(), words[-1]]


def _matching_on_server(session: Session, words: list[str], *, limit: int) -> list[int]:
    """The same query on PostgreSQL: the words in a row, the last as a prefix; the densest documents first
    (occurrences per character, as bm25 favours), then the oldest."""
    tokens = [token for word in words for token in TOKEN.findall(word)]
    if not tokens:
        return []
    needle = " " + " ".join(tokens)  # tokens hold no LIKE wildcards nor backslashes
    query = text(
        "SELECT id FROM (SELECT id, folded FROM document_search WHERE folded LIKE :pattern ORDER BY id DESC LIMIT :ranked) AS newest "
        "ORDER BY (length(folded) - length(replace(folded, :needle, ''))) / (length(:needle) * length(folded)::float) DESC, id "
        "LIMIT :n"
    )
    return [row[0] for row in session.execute(query, {"pattern": "%" + needle + "%", "needle": needle, "ranked": RANKED, "n": limit})]


def ranked_documents(session: Session, words: list[str], *, limit: int, common: int = 400) -> list[int]:
    """Ids of the documents holding any of the folded words, best first: the first sieve of claim-similarity
    candidates. A word found in `common` documents or more says little and would make the ranking read the whole
    index, so only the rarer words are ranked (bm25 on SQLite); when every word is that common, the first documents
    holding them all (else any) come back unranked, and the caller's own scoring orders them."""
    if not words:
        return []
    quoted = ['"' + word.replace('"', '""') + '"' for word in words]
    if _on_server(session.get_bind()):
        return _any_on_server(session, words, limit=limit)
    probe = text("SELECT count(*) FROM (SELECT rowid FROM document_search WHERE document_search MATCH :q LIMIT :cap)")
    rare = [word for word in quoted if session.execute(probe, {"q": word, "cap": common}).scalar() < common]
    if rare:
        query = text("SELECT rowid FROM document_search WHERE document_search MATCH :q ORDER BY rank LIMIT :n")
        return [row[0] for row in session.execute(query, {"q": " OR ".join(rare), "n": limit})]
    query = text("SELECT rowid FROM document_search WHERE document_search MATCH :q LIMIT :n")
    found = [row[0] for row in session.execute(query, {"q": " AND ".join(quoted), "n": limit})]
    if len(found) < limit:
        seen = set(found)
        more = session.execute(query, {"q": " OR ".join(quoted), "n": limit * 2})
        found.extend(row[0] for row in more if row[0] not in seen)
    return found[:limit]


def _any_on_server(session: Session, words: list[str], *, limit: int) -> list[int]:
    """The same sieve on PostgreSQL: documents holding any of the words, those holding the most of them first."""
    tokens = list(dict.fromkeys(token for word in words for token in TOKEN.findall(word)))[:16]
    if not tokens:
        return []
    patterns = {f"w{index}": f"% {token} %" for index, token in enumerate(tokens)}
    either = " OR ".join(f"folded LIKE :{name}" for name in patterns)
    held = " + ".join(f"(CASE WHEN folded LIKE :{name} THEN 1 ELSE 0 END)" for name in patterns)
    query = text(f"SELECT id FROM document_search WHERE {either} ORDER BY {held} DESC, id LIMIT :n")
    return [row[0] for row in session.execute(query, {**patterns, "n": limit})]

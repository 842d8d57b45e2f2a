"""The source registry: rows written, links and their confirmation, merge and split, who may do what."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentId
from annotator.services.annotation.tagging import TaggingService
from annotator.services.corpus.registry import SourceRegistry
from annotator.services.team.identity import AccessError, found_project, identify
from annotator.storage.models import CanonicalSource, SourceAlias, SourceLink
from annotator.storage.project import Project
from tests.conftest import add_document

FIRST = "قال الرئيس الأمريكي باراك أوباما إن الرسالة وصلت."
SECOND = "وأكد أوباما أن خامنئي لم يرد على الرسالة."


@pytest.fixture
def tagged(project: Project):
    reviewer = found_project(project, "rana")
    annotator = identify(project, "sami")
    first, second = DocumentId(add_document(project, FIRST)), DocumentId(add_document(project, SECOND))
    tagging = TaggingService(project, annotator="sami")
    full = tagging.create_span(document_id=first, start=4, end=32, label="SOURCE").span
    short = tagging.create_span(document_id=second, start=5, end=11, label="SOURCE").span
    claim = tagging.create_span(document_id=first, start=36, end=48, label="CLAIM").span
    return reviewer, annotator, full, short, claim, (first, second)


def test_a_source_is_added_with_its_name_as_alias_and_suggested_for_a_surname(project: Project, tagged) -> None:
    _reviewer, annotator, full, short, _claim, _docs = tagged
    assert (full.text, short.text) == ("الرئيس الأمريكي باراك أوباما", "أوباما")
    registry = SourceRegistry(project, annotator)
    changes = registry.add("باراك أوباما", "person")
    with project.reading() as session:
        source = session.scalars(select(CanonicalSource)).one()
        assert (source.name, source.type, source.note, len(source.uid)) == ("باراك أوباما", "person", "", 32)
        assert [(a.alias, a.normalized) for a in session.scalars(select(SourceAlias))] == [("باراك أوباما", "باراك اوباما")]
    assert changes.sources == {source.id} and bool(changes)
    suggestions = registry.suggest(short.text)
    assert [(s.source_id, s.name, s.score) for s in suggestions] == [(source.id, "باراك أوباما", 95.0)]
    assert registry.suggest("فلاديمير بوتين") == []


def test_linking_confirming_and_rejecting(project: Project, tagged) -> None:
    _reviewer, annotator, full, short, claim, (first, second) = tagged
    registry = SourceRegistry(project, annotator)
    source_id = next(iter(registry.add("باراك أوباما", "person").sources))
    changes = registry.link(short.id, source_id, confirmed=False)
    assert changes.corpus_links == {second} and changes.documents() == {second}
    assert registry.link_of(short.id) == (source_id, False)
    assert [e.aliases for e in registry.entries()] == [("باراك أوباما",)]  # a suggestion teaches nothing
    registry.confirm(short.id)
    assert registry.link_of(short.id) == (source_id, True)
    registry.link(full.id, source_id)
    assert registry.entries()[0].aliases == ("باراك أوباما", "أوباما")  # the full form's key is the name's: no new alias
    assert registry.reject(short.id).corpus_links == {second}
    assert registry.link_of(short.id) is None
    with project.reading() as session:
        assert [(link.span_id, link.confirmed) for link in session.scalars(select(SourceLink))] == [(full.id, True)]
    with pytest.raises(AnnotatorError, match="is a CLAIM, not a SOURCE"):
        registry.link(claim.id, source_id)
    with pytest.raises(AnnotatorError, match="unknown source type 'celebrity'"):
        registry.add("x", "celebrity")
    with pytest.raises(AnnotatorError, match="no canonical source with id 99"):
        registry.link(full.id, 99)


def test_only_the_layer_owner_links_and_only_a_reviewer_merges_or_splits(project: Project, tagged) -> None:
    reviewer, _annotator, full, short, _claim, _docs = tagged
    other = identify(project, "huda")
    registry = SourceRegistry(project, other)
    source_id = next(iter(registry.add("أوباما", "person").sources))  # anyone adds a source
    with pytest.raises(AccessError, match="huda may not write sami's layer"):
        registry.link(full.id, source_id)
    with pytest.raises(AccessError, match="only a reviewer may merge"):
        registry.merge(source_id, [source_id + 1])
    with pytest.raises(AccessError, match="only a reviewer may split"):
        registry.split(source_id, [short.id], name="x")
    with project.reading() as session:
        assert session.scalars(select(SourceLink)).all() == []
    assert SourceRegistry(project, reviewer).update(source_id, type="government").sources == {source_id}
    assert SourceRegistry(project, other).entries()[0].type == "government"


def test_merge_moves_links_and_aliases_and_split_moves_them_back(project: Project, tagged) -> None:
    reviewer, annotator, full, short, _claim, (first, second) = tagged
    mine = SourceRegistry(project, annotator)
    obama = next(iter(mine.add("باراك أوباما", "person").sources))
    duplicate = next(iter(mine.add("الرئيس أوباما", "government", aliases=("اوباما",)).sources))
    mine.link(full.id, obama)
    mine.link(short.id, duplicate)
    boss = SourceRegistry(project, reviewer)
    merged = boss.merge(obama, [duplicate])
    assert merged.corpus_links == {second} and merged.count == 1
    with project.reading() as session:
        assert [s.id for s in session.scalars(select(CanonicalSource))] == [obama]
        assert sorted((link.span_id, link.source_id) for link in session.scalars(select(SourceLink))) == [(full.id, obama), (short.id, obama)]
        assert sorted(a.normalized for a in session.scalars(select(SourceAlias))) == ["اوباما", "باراك اوباما"]
    split = boss.split(obama, [short.id], name="أوباما (آخر)")
    new = max(split.sources)
    assert split.corpus_links == {second}
    assert (mine.link_of(short.id), mine.link_of(full.id)) == ((new, True), (obama, True))
    entries = {entry.id: entry for entry in mine.entries()}
    assert entries[new].name == "أوباما (آخر)" and entries[new].type == "person"
    assert "أوباما" in entries[new].aliases and "اوباما" not in {name for name in entries[obama].aliases}
    with pytest.raises(AnnotatorError, match="is not linked to"):
        boss.split(obama, [short.id], name="y")


def test_a_kept_matcher_sees_what_another_window_adds_merges_and_removes(project: Project, tagged) -> None:
    reviewer, annotator, *_ = tagged
    mine, theirs = SourceRegistry(project, annotator), SourceRegistry(project, reviewer)
    assert mine.suggest("أوباما") == []
    obama = next(iter(theirs.add("باراك أوباما", "person").sources))
    assert [s.source_id for s in mine.suggest("الرئيس أوباما")] == [obama]  # added since: added to the kept matcher
    kerry = next(iter(theirs.add("جون كيري", "person").sources))
    assert [s.source_id for s in mine.suggest("كيري")] == [kerry]
    theirs.merge(obama, [kerry])  # aliases moved and removed: the matcher is made again
    assert [s.source_id for s in mine.suggest("كيري")] == [obama]
    theirs.remove(obama)
    assert mine.suggest("كيري") == [] and mine.suggest("أوباما") == []

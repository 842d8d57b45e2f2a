"""Two people editing the same span: the later writer is told, with the current value, and nothing is overwritten."""

from __future__ import annotations

import pytest

from annotator.core.errors import EditConflict
from annotator.core.model import DocumentId
from annotator.services.annotation.relations import RelationService
from annotator.services.annotation.tagging import TaggingService
from annotator.services.team.identity import Role, grant_role, identify
from annotator.storage.project import Project
from tests.conftest import add_document

TEXT = "قال مسؤول أمريكي كبير إن الرئيس بعث برسالة إلى طهران."


def test_a_stale_edit_of_a_gold_span_is_refused_with_what_it_now_holds(project: Project) -> None:
    rana = identify(project, "rana", Role.REVIEWER)
    grant_role(project, rana, name="sami", role=Role.REVIEWER)
    add_document(project, TEXT)
    first = TaggingService(project, annotator="rana", layer="gold")
    second = TaggingService(project, annotator="sami", layer="gold")
    start = TEXT.index("الرئيس")
    span = first.create_span(document_id=DocumentId(1), start=start, end=TEXT.index(" إلى"), label="CLAIM").span
    seen = (dict(span.attributes), span.note)  # both reviewers opened the span as it was
    first.update_span(span.id, attributes={**span.attributes, "polarity": "deny"}, note="", expected=seen)
    with pytest.raises(EditConflict, match="polarity=deny.*your change was not saved") as refused:
        second.update_span(span.id, attributes={**span.attributes, "certainty": "possible"}, note="", expected=seen)
    assert refused.value.current.spans[0].span.attributes["polarity"] == "deny"
    stored = first.spans(DocumentId(1))[0]
    assert stored.attributes["polarity"] == "deny" and stored.attributes["certainty"] == "certain"


def test_a_stale_edit_of_a_link_is_refused(project: Project) -> None:
    add_document(project, TEXT)
    tagging = TaggingService(project, annotator="lina")
    relations = RelationService(project, annotator="lina", tagging=tagging)
    claim = tagging.create_span(document_id=DocumentId(1), start=TEXT.index("الرئيس"), end=TEXT.index(" إلى"), label="CLAIM").span
    source = tagging.create_span(document_id=DocumentId(1), start=TEXT.index("مسؤول"), end=TEXT.index(" إن"), label="SOURCE").span
    link = relations.create(label="ATTRIBUTION", from_span=claim.id, to_span=source.id).relations[0].relation
    relations.update(link.id, attributes={}, note="checked", expected=({}, ""))
    with pytest.raises(EditConflict, match="note «checked»"):
        relations.update(link.id, attributes={}, note="mine", expected=({}, ""))


def test_two_reviewers_renaming_one_canonical_source_the_later_is_told(project: Project) -> None:
    from annotator.services.corpus.registry import SourceRegistry

    rana = identify(project, "rana", Role.REVIEWER)
    grant_role(project, rana, name="sami", role=Role.REVIEWER)
    first, second = SourceRegistry(project, rana), SourceRegistry(project, identify(project, "sami"))
    source = next(iter(first.add("أوباما", "person").sources))
    seen = ("أوباما", "person", "")
    first.update(source, name="باراك أوباما", expected=seen)
    with pytest.raises(EditConflict, match="now 'باراك أوباما'"):
        second.update(source, name="الرئيس أوباما", expected=seen)
    assert [entry.name for entry in first.entries()] == ["باراك أوباما"]


def test_guidelines_saved_meanwhile_by_another_reviewer_are_kept(project: Project) -> None:
    from annotator.services.team.guidelines import guidelines, set_guidelines

    rana = identify(project, "rana", Role.REVIEWER)
    sami = grant_role(project, rana, name="sami", role=Role.REVIEWER) and identify(project, "sami")
    set_guidelines(project, rana, "# ours", expected="")
    with pytest.raises(EditConflict, match="changed by someone else"):
        set_guidelines(project, sami, "# mine", expected="")
    assert guidelines(project, "en").markdown == "# ours"
    set_guidelines(project, sami, "# mine", expected="# ours")
    assert guidelines(project, "en").markdown == "# mine"

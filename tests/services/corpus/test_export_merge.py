"""The registry and the clusters leave the project in JSON Lines exports and travel between project files in a merge."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select

from annotator.core.model import DocumentId
from annotator.services.annotation.tagging import TaggingService
from annotator.services.corpus.claims import ClaimLinks, clusters
from annotator.services.corpus.registry import SourceRegistry
from annotator.services.io.checked import export_as
from annotator.services.io.formats.jsonl import record_validator
from annotator.services.team.identity import found_project, identify
from annotator.services.team.merging import merge_paths
from annotator.storage.models import CanonicalSource, ClaimLink, SourceAlias, SourceLink, Span
from annotator.storage.project import Project
from tests.conftest import add_document

D1 = "قال الرئيس باراك أوباما إن الرسالة وصلت."
D2 = "وأكد أوباما أن الرسالة وصلت فعلا."


def _annotated(path: Path) -> tuple[Project, dict[str, object]]:
    project = Project.create(path)
    reviewer = found_project(project, "rana")
    sami = identify(project, "sami")
    tagging = TaggingService(project, annotator="sami")
    first, second = DocumentId(add_document(project, D1, uid="d1")), DocumentId(add_document(project, D2, uid="d2"))
    full = tagging.create_span(document_id=first, start=4, end=23, label="SOURCE").span
    short = tagging.create_span(document_id=second, start=5, end=11, label="SOURCE").span
    k1 = tagging.create_span(document_id=first, start=27, end=39, label="CLAIM").span
    k2 = tagging.create_span(document_id=second, start=15, end=27, label="CLAIM").span
    registry = SourceRegistry(project, sami)
    obama = next(iter(registry.add("باراك أوباما", "person").sources))
    registry.link(full.id, obama)
    registry.link(short.id, obama, confirmed=False)
    ClaimLinks(project, sami).link(k1.id, k2.id)
    return project, {"reviewer": reviewer, "full": full, "short": short, "k1": k1, "k2": k2}


def test_jsonl_carries_canonical_sources_and_clusters_and_validates(tmp_path: Path) -> None:
    project, made = _annotated(tmp_path / "a.db")
    with project:
        export_as(project, made["reviewer"], tmp_path / "out.jsonl", format="jsonl", layer="all")
        with project.reading() as session:
            uid = session.scalar(select(CanonicalSource.uid))
        export_as(project, made["reviewer"], tmp_path / "parquet", format="parquet", layer="all")  # the extra fields trouble no format
        export_as(project, made["reviewer"], tmp_path / "csv", format="csv", layer="all")
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    validator = record_validator()
    for record in records:
        validator.validate(record)
    spans = {span["id"]: span for record in records for span in record["spans"]}
    assert spans[made["full"].uid]["canonical_source"] == {"id": uid, "name": "باراك أوباما", "type": "person", "confirmed": True}
    assert spans[made["short"].uid]["canonical_source"]["confirmed"] is False  # a suggestion is never exported as confirmed
    assert (spans[made["short"].uid]["start"], spans[made["short"].uid]["end"], spans[made["short"].uid]["text"]) == (5, 11, "أوباما")
    cluster = "cluster-" + min(made["k1"].uid, made["k2"].uid)
    assert spans[made["k1"].uid]["cluster"] == spans[made["k2"].uid]["cluster"] == cluster
    assert "cluster" not in spans[made["full"].uid] and "canonical_source" not in spans[made["k1"].uid]


def _registry_rows(project: Project) -> tuple:
    with project.reading() as session:
        uids = dict(session.execute(select(Span.id, Span.uid)).all())
        return (
            sorted(session.execute(select(CanonicalSource.uid, CanonicalSource.name, CanonicalSource.type)).all()),
            sorted(session.execute(select(SourceAlias.alias, SourceAlias.normalized)).all()),
            sorted((uids[link.span_id], link.confirmed) for link in session.scalars(select(SourceLink))),
            sorted((link.uid, uids[link.from_span_id], uids[link.to_span_id], link.confirmed) for link in session.scalars(select(ClaimLink))),
        )


def test_a_merge_carries_the_registry_by_uid_and_a_second_merge_adds_nothing(tmp_path: Path) -> None:
    source, made = _annotated(tmp_path / "a.db")
    expected = _registry_rows(source)
    source.close()
    with Project.create(tmp_path / "b.db") as target:
        found_project(target, "rana")
        report = merge_paths(target, [tmp_path / "a.db"])
        assert report.errors == [] and report.spans == 4
        assert _registry_rows(target) == expected
        assert len(expected[2]) == 2 and len(expected[3]) == 1
        assert set(clusters(target).values()) == {"cluster-" + min(made["k1"].uid, made["k2"].uid)}
        assert report.changes.sources
        again = merge_paths(target, [tmp_path / "a.db"])
        assert again.errors == [] and again.spans == 0 and not again.changes.sources
        assert _registry_rows(target) == expected
        with target.reading() as session:
            assert session.scalar(select(func.count()).select_from(SourceLink)) == 2


def test_a_confirmation_in_either_file_confirms_and_a_different_link_is_kept_and_reported(tmp_path: Path) -> None:
    source, made = _annotated(tmp_path / "a.db")
    source.close()
    with Project.create(tmp_path / "b.db") as target:
        found_project(target, "rana")
        merge_paths(target, [tmp_path / "a.db"])
    with Project.open(tmp_path / "a.db") as source:
        registry = SourceRegistry(source, identify(source, "sami"))
        registry.confirm(made["short"].id)
        other = next(iter(registry.add("مسؤول أمريكي", "unnamed_official").sources))
        registry.link(made["full"].id, other)
    with Project.open(tmp_path / "b.db") as target:
        report = merge_paths(target, [tmp_path / "a.db"])
        assert any("1 source span(s) are linked to another canonical source there" in note for note in report.notes)
        links = _registry_rows(target)[2]
        assert links == sorted([(made["full"].uid, True), (made["short"].uid, True)])
        with target.reading() as session:
            full_link = session.scalar(select(CanonicalSource.name).join(SourceLink, SourceLink.source_id == CanonicalSource.id)
                                       .join(Span, Span.id == SourceLink.span_id).where(Span.uid == made["full"].uid))
        assert full_link == "باراك أوباما"

"""Roles and blind mode are enforced in the services, not only hidden in the window."""

from __future__ import annotations

import pytest

from annotator.core.model import DocumentId
from annotator.services.team.identity import AccessError, GOLD, Role, assign, assigned_documents, identify, set_blind_mode
from annotator.services.annotation.relations import RelationService
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.project import Project
from tests.conftest import add_document

TEXT = "قال مسؤول أمريكي كبير إن الرسالة وصلت."


def test_an_annotator_is_refused_gold_layer_writes(project: Project) -> None:
    doc = DocumentId(add_document(project, TEXT))
    identify(project, "lina")
    gold_by_annotator = TaggingService(project, annotator="lina", layer=GOLD)
    with pytest.raises(AccessError, match="only a reviewer may write the gold layer"):
        gold_by_annotator.create_span(document_id=doc, start=0, end=3, label="CUE")
    identify(project, "rana", Role.REVIEWER)
    gold = TaggingService(project, annotator="rana", layer=GOLD)
    span = gold.create_span(document_id=doc, start=0, end=3, label="CUE", derived_from=("lina", "omar")).span
    assert span.annotator == GOLD and span.derived_from == ("lina", "omar")
    with pytest.raises(AccessError):
        TaggingService(project, annotator="lina", layer=GOLD).delete_span(span.id)


def test_blind_mode_hides_other_layers_from_annotators_but_not_from_reviewers(project: Project) -> None:
    doc = DocumentId(add_document(project, TEXT))
    TaggingService(project, annotator="lina").create_span(document_id=doc, start=0, end=3, label="CUE").span
    with pytest.raises(AccessError, match="blind mode"):
        TaggingService(project, annotator="omar", layer="lina").spans(doc)
    with pytest.raises(AccessError, match="may not write lina's layer"):
        TaggingService(project, annotator="omar", layer="lina").create_span(document_id=doc, start=4, end=9, label="SOURCE").span
    reviewer = identify(project, "rana", Role.REVIEWER)
    assert [s.text for s in TaggingService(project, annotator="rana", layer="lina").spans(doc)] == ["قال"]
    with pytest.raises(AccessError, match="only a reviewer"):
        set_blind_mode(project, identify(project, "omar"), False)
    set_blind_mode(project, reviewer, False)
    assert [s.text for s in TaggingService(project, annotator="omar", layer="lina").spans(doc)] == ["قال"]
    with pytest.raises(AccessError):  # reading is allowed now, writing never
        TaggingService(project, annotator="omar", layer="lina").create_span(document_id=doc, start=4, end=9, label="SOURCE").span


def test_relations_follow_the_same_rules(project: Project) -> None:
    doc = DocumentId(add_document(project, TEXT))
    mine = TaggingService(project, annotator="lina")
    claim = mine.create_span(document_id=doc, start=23, end=len(TEXT) - 1, label="CLAIM").span
    source = mine.create_span(document_id=doc, start=4, end=21, label="SOURCE").span
    with pytest.raises(AccessError):
        RelationService(project, annotator="omar", tagging=TaggingService(project, annotator="omar", layer="lina")).create(
            label="ATTRIBUTION", from_span=claim.id, to_span=source.id
        ).relation


def test_only_reviewers_assign_documents(project: Project) -> None:
    first, second = DocumentId(add_document(project, TEXT)), DocumentId(add_document(project, TEXT + " ثم"))
    with pytest.raises(AccessError):
        assign(project, identify(project, "lina"), annotator="omar", documents=[first])
    reviewer = identify(project, "rana", Role.REVIEWER)
    assert assigned_documents(project, "omar") is None
    assert assign(project, reviewer, annotator="omar", documents=[first, second]).count == 2
    assert assign(project, reviewer, annotator="omar", documents=[first]).count == 0
    assert assigned_documents(project, "omar") == {first, second}


# --- Roles at every entry: the same calls as an annotator and as a reviewer -------------------------------

import json  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

from annotator.cli import main  # noqa: E402
from annotator.core.errors import AnnotatorError  # noqa: E402
from annotator.services.io.checked import export_as, import_as  # noqa: E402
from annotator.services.team.identity import acting_identity, blind_mode, found_project, grant_role, known_identity  # noqa: E402
from annotator.services.team.merging import merge_paths  # noqa: E402


def test_the_reviewer_role_is_granted_by_a_reviewer_of_the_project_only(project: Project) -> None:
    first = found_project(project, "rana")  # the first identity of a new project is its reviewer
    assert first.is_reviewer and not found_project(project, "lina").is_reviewer
    with pytest.raises(AccessError, match="only a reviewer of this project may make someone a reviewer"):
        identify(project, "lina", Role.REVIEWER)  # a flag alone
    with pytest.raises(AccessError, match="only a reviewer may change someone's role"):
        grant_role(project, Identity_("lina", Role.REVIEWER), name="lina", role=Role.REVIEWER)  # a forged Identity
    assert known_identity(project, "lina").role == Role.ANNOTATOR
    assert grant_role(project, first, name="lina", role=Role.REVIEWER).identities
    assert identify(project, "lina", Role.REVIEWER).is_reviewer
    with pytest.raises(AccessError, match="only reviewer"):
        grant_role(project, first, name="lina", role=Role.ANNOTATOR) and grant_role(project, first, name="rana", role=Role.ANNOTATOR)


def Identity_(name: str, role: Role):  # noqa: ANN201, N802 - an identity made up by a caller, not read from the project
    from annotator.services.team.identity import Identity

    return Identity(name, role)


def test_a_project_with_no_reviewer_takes_its_first_claim(project: Project) -> None:
    identify(project, "lina")
    assert identify(project, "rana", Role.REVIEWER).is_reviewer
    with pytest.raises(AccessError):
        identify(project, "omar", Role.REVIEWER)


def team(tmp_path: Path) -> Path:
    """A project: rana the reviewer, alice and bob annotators, each with a span, gold with one; blind mode on."""
    path = tmp_path / "team.db"
    with Project.create(path) as project:
        doc = DocumentId(add_document(project, TEXT, uid="letter"))
        found_project(project, "rana")
        for name in ("alice", "bob"):
            identify(project, name)
            TaggingService(project, annotator=name).create_span(document_id=doc, start=0, end=3, label="CUE")
        TaggingService(project, annotator="rana", layer=GOLD).create_span(document_id=doc, start=4, end=21, label="SOURCE")
        assert blind_mode(project)
    return path


def colleague_file(tmp_path: Path, name: str, *, layer: str, role: Role = Role.ANNOTATOR) -> Path:
    """Another project file, made by `name` (there as `role`), holding one span in `layer`."""
    path = tmp_path / f"{name}-{layer}-{role}.db"
    with Project.create(path) as project:
        doc = DocumentId(add_document(project, TEXT, uid="letter"))
        found_project(project, name if role == Role.REVIEWER else "someone")
        identify(project, name)
        TaggingService(project, annotator=name if layer != GOLD else "someone", layer=layer).create_span(
            document_id=doc, start=23, end=len(TEXT) - 1, label="CLAIM"
        )
    return path


def jsonl_with(tmp_path: Path, annotator: str | None) -> Path:
    path = tmp_path / f"spans-{annotator}.jsonl"
    span = {"id": f"s-{annotator}", "label": "CUE", "start": 0, "end": 3, "text": TEXT[:3]}
    if annotator:
        span["annotator"] = annotator
    record = {"id": f"doc-{annotator}", "title": "t", "text": TEXT + f" {annotator}", "spans": [span], "relations": []}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def entry_points(tmp_path: Path) -> dict[str, Callable[[Path, str], object]]:
    """Every entry that reads or writes a layer, each run as `who` on a fresh copy of the team project."""
    from annotator.services.annotation.adjudication import Adjudication
    from annotator.services.annotation.relations import RelationService
    from annotator.services.team.agreement import compute_agreement  # noqa: F401 - the command line checks first

    def forged(layer: str) -> Callable[[Path, str], object]:
        def run(path: Path, who: str) -> object:
            with Project.open(path) as project:
                span = TaggingService(project, annotator="rana" if layer == GOLD else layer, layer=layer).spans(DocumentId(1))[0]
                owner = TaggingService(project, annotator="rana" if layer == GOLD else layer, layer=layer)
                removed = owner.delete_span(span.id)
                return TaggingService(project, annotator=who).restore(removed)
        return run

    def relation_restore(path: Path, who: str) -> object:
        from annotator.core.changes import Change, Changes, RelationChange
        from annotator.core.model import RelationRecord

        with Project.open(path) as project:
            gold = TaggingService(project, annotator="rana", layer=GOLD)
            source = gold.spans(DocumentId(1))[0]
            claim = gold.create_span(document_id=DocumentId(1), start=23, end=len(TEXT) - 1, label="CLAIM").span
            made = RelationService(project, annotator="rana", tagging=gold).create(label="ATTRIBUTION", from_span=claim.id, to_span=source.id)
            removed = Changes(relations=tuple(RelationChange(Change.REMOVED, c.relation, c.documents) for c in made.relations))
            with project.transaction() as session:
                from sqlalchemy import delete

                from annotator.storage.models import Relation

                session.execute(delete(Relation))
            assert isinstance(removed.relations[0].relation, RelationRecord)
            return RelationService(project, annotator=who, tagging=TaggingService(project, annotator=who)).restore(removed)

    def tag(layer: str | None) -> Callable[[Path, str], object]:
        def run(path: Path, who: str) -> object:
            with Project.open(path) as project:
                return TaggingService(project, annotator=who, layer=(layer or who)).create_span(
                    document_id=DocumentId(1), start=23, end=len(TEXT) - 1, label="CLAIM"
                )
        return run

    def read(layer: str) -> Callable[[Path, str], object]:
        def run(path: Path, who: str) -> object:
            with Project.open(path) as project:
                return TaggingService(project, annotator=who, layer=layer).spans(DocumentId(1))
        return run

    def cli(*argv: str) -> Callable[[Path, str], object]:
        def run(path: Path, who: str) -> object:
            args = [a.replace("PROJECT", str(path)).replace("OUT", str(path.parent / "out.jsonl")) for a in argv]
            import contextlib
            import io

            said = io.StringIO()
            with contextlib.redirect_stderr(said):
                code = main([*args, "--as", who])
            if code != 0:
                raise AnnotatorError(said.getvalue().strip())
            return None
        return run

    def service(work: Callable[[Project, object], object]) -> Callable[[Path, str], object]:
        def run(path: Path, who: str) -> object:
            with Project.open(path) as project:
                return work(project, known_identity(project, who))
        return run

    def merged(file: Path) -> Callable[[Path, str], object]:
        def run(path: Path, who: str) -> object:
            with Project.open(path) as project:
                report = merge_paths(project, [file], acting=known_identity(project, who))
                if report.errors:
                    raise report.errors[0]
                return report
        return run

    gold_file = colleague_file(tmp_path, "mallory", layer=GOLD)
    own_file = colleague_file(tmp_path, "alice", layer="alice", role=Role.REVIEWER)
    return {
        "tag own layer (TaggingService)": tag(None),
        "tag gold layer (TaggingService)": tag(GOLD),
        "tag bob's layer (TaggingService)": tag("bob"),
        "read bob's layer (TaggingService.spans)": read("bob"),
        "read gold (TaggingService.spans)": read(GOLD),
        "restore a forged deletion into gold (TaggingService.restore)": forged(GOLD),
        "restore a forged deletion into bob's layer (TaggingService.restore)": forged("bob"),
        "restore a forged gold link (RelationService.restore)": relation_restore,
        "adjudicate (Adjudication)": service(lambda p, who: Adjudication(p, reviewer=who.name)),
        "assign documents (assign)": service(lambda p, who: assign(p, who, annotator="bob", documents=[DocumentId(1)])),
        "switch blind mode off (set_blind_mode)": service(lambda p, who: set_blind_mode(p, who, False)),
        "make bob a reviewer (grant_role)": service(lambda p, who: grant_role(p, who, name="bob", role=Role.REVIEWER)),
        "claim the reviewer role (identify --role reviewer)": service(lambda p, who: identify(p, who.name, Role.REVIEWER)),
        "import into own layer (import_as)": service(lambda p, who: import_as(p, who, [jsonl_with(tmp_path, None)])),
        "import --annotator gold (import_as)": service(lambda p, who: import_as(p, who, [jsonl_with(tmp_path, None)], annotator=GOLD)),
        'import spans with "annotator": "gold" (import_as)': service(lambda p, who: import_as(p, who, [jsonl_with(tmp_path, GOLD)])),
        "export --layer all (export_as)": service(lambda p, who: export_as(p, who, tmp_path / f"{who.name}.jsonl", format="jsonl")),
        "export --layer gold (export_as)": service(lambda p, who: export_as(p, who, tmp_path / "g.jsonl", format="jsonl", layer=GOLD)),
        "export --layer annotator:bob (export_as)": service(
            lambda p, who: export_as(p, who, tmp_path / "b.jsonl", format="jsonl", layer="annotator:bob")
        ),
        "merge a file holding a gold layer (merge_paths)": merged(gold_file),
        "merge a file holding only one's own layer (merge_paths)": merged(own_file),
        "annotator import PROJECT FILE --annotator gold": cli("import", "PROJECT", str(jsonl_with(tmp_path, None)), "--annotator", GOLD),
        "annotator export PROJECT --layer gold": cli("export", "PROJECT", "--out", "OUT", "--layer", GOLD),
        "annotator export PROJECT --layer annotator:bob": cli("export", "PROJECT", "--out", "OUT", "--layer", "annotator:bob"),
        "annotator export PROJECT (all)": cli("export", "PROJECT", "--out", "OUT"),
        "annotator agreement PROJECT": cli("agreement", "PROJECT"),
        "annotator assign PROJECT --to bob all": cli("assign", "PROJECT", "--to", "bob", "all"),
        "annotator role PROJECT bob reviewer": cli("role", "PROJECT", "bob", "reviewer"),
        "annotator merge PROJECT GOLD-FILE": cli("merge", "PROJECT", str(gold_file)),
    }


# What an annotator may do; a reviewer may do everything listed except write or restore into another annotator's layer.
ANNOTATOR_MAY = {
    "tag own layer (TaggingService)",
    "import into own layer (import_as)",
    "export --layer all (export_as)",
    "annotator export PROJECT (all)",
    "merge a file holding only one's own layer (merge_paths)",
}
NOBODY_MAY = {
    "tag bob's layer (TaggingService)",
    "restore a forged deletion into bob's layer (TaggingService.restore)",
}


def test_every_entry_as_an_annotator_and_as_a_reviewer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    original = team(tmp_path)
    rows = []
    outcome: dict[tuple[str, str], bool] = {}
    reasons: dict[tuple[str, str], str] = {}
    for entry, run in entry_points(tmp_path).items():
        for who in ("alice", "rana"):
            path = tmp_path / f"copy-{who}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            shutil.copy(original, path)
            try:
                run(path, who)
                outcome[(entry, who)] = True
            except AnnotatorError as error:
                outcome[(entry, who)] = False
                reasons[(entry, who)] = str(error)
        rows.append(f"| {entry} | {'allowed' if outcome[(entry, 'alice')] else 'refused'} | {'allowed' if outcome[(entry, 'rana')] else 'refused'} |")
    capsys.readouterr()
    with capsys.disabled():
        print("\n| entry point | annotator (alice) | reviewer (rana) |\n| --- | --- | --- |\n" + "\n".join(rows))
    for (entry, who), allowed in outcome.items():
        expected = entry in ANNOTATOR_MAY if who == "alice" else entry not in NOBODY_MAY
        assert allowed == expected, (entry, who, reasons.get((entry, who)))
        assert allowed or any(
            word in reasons[(entry, who)] for word in ("reviewer", "blind mode", "may not write")
        ), reasons[(entry, who)]


def test_merge_keeps_the_targets_roles_and_says_where_they_differ(tmp_path: Path) -> None:
    path = team(tmp_path)
    theirs = colleague_file(tmp_path, "alice", layer="alice", role=Role.REVIEWER)
    with Project.open(path) as project:
        report = merge_paths(project, [theirs], acting=known_identity(project, "rana"))
        assert report.errors == [] and report.spans == 1
        assert not known_identity(project, "alice").is_reviewer and not known_identity(project, "someone").is_reviewer
        assert any("alice is a reviewer there and an annotator here; roles are not merged" in note for note in report.notes)


def test_the_command_line_acts_as_the_remembered_identity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.db"
    assert main(["new", str(path), "--as", "rana"]) == 0
    with Project.open(path) as project:
        assert acting_identity(project).name == "rana" and acting_identity(project).is_reviewer
    assert main(["role", str(path), "lina", "reviewer", "--as", "omar"]) == 1
    assert "omar is not a reviewer" in capsys.readouterr().err
    assert main(["role", str(path), "lina", "reviewer"]) == 0
    with Project.open(path) as project:
        assert known_identity(project, "lina").is_reviewer

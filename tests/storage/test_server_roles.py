"""On a server the database itself enforces the roles: an annotator connected with their own login, in plain SQL,
can write only their own layer, never gold, and in blind mode cannot read the others' layers; a reviewer can."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import psycopg
import pytest

from annotator.cli import main
from annotator.core.model import GOLD, DocumentId
from annotator.services.annotation.tagging import TaggingService
from annotator.storage.project import Project
from tests.conftest import add_document

TEXT = "قال مسؤول أمريكي كبير إن الرسالة وصلت، ونفت البعثة ذلك."
PASSWORD = "correct horse battery"
_run = itertools.count(1)


@pytest.fixture
def team(pg_server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Iterator[dict]:  # noqa: ANN001
    """A project set up by `annotator server init` and `add-user`: lina and omar annotators, rana a reviewer,
    each with a span of their own (gold's is rana's), written through the services over their own logins."""
    suffix = f"{next(_run)}_{pg_server.port}"
    names = {"lina": f"lina_{suffix}", "omar": f"omar_{suffix}", "rana": f"rana_{suffix}"}
    database = pg_server.new_database()
    owner = pg_server.url(database)
    assert main(["server", "init", owner]) == 0
    assert "row-level security on" in capsys.readouterr().out
    monkeypatch.setenv("ANNOTATOR_PASSWORD", PASSWORD)
    for person, role in (("lina", "annotator"), ("omar", "annotator"), ("rana", "reviewer")):
        assert main(["server", "add-user", owner, names[person], "--role", role]) == 0
    assert PASSWORD not in capsys.readouterr().out
    urls = {person: pg_server.url(database, user=name, password=PASSWORD) for person, name in names.items()}
    with Project.open(urls["rana"]) as project:
        document = DocumentId(add_document(project, TEXT))  # a reviewer imports
    spans = {}
    for person, layer, word in (("lina", None, "قال"), ("omar", None, "مسؤول"), ("rana", GOLD, "الرسالة")):
        with Project.open(urls[person]) as project:
            start = TEXT.index(word)
            service = TaggingService(project, annotator=names[person], layer=layer)
            spans[layer or person] = service.create_span(document_id=document, start=start, end=start + len(word), label="CLAIM").spans[0].span.id
    yield {"names": names, "urls": urls, "document": document, "spans": spans, "owner": owner}
    pg_server.drop_database(database)


def plain(url: str) -> psycopg.Connection:
    return psycopg.connect(url.replace("postgresql+psycopg", "postgresql"), autocommit=True)


def test_an_annotator_in_plain_sql_is_refused_everything_forbidden(team: dict) -> None:
    spans, document = team["spans"], team["document"]
    with plain(team["urls"]["lina"]) as lina:
        me, omar, gold = (lina.execute("SELECT id FROM annotators WHERE name = %s", (n,)).fetchone()[0]
                          for n in (team["names"]["lina"], team["names"]["omar"], GOLD))
        # Blind mode: her own layer only, whatever the query asks for.
        assert lina.execute("SELECT id FROM spans ORDER BY id").fetchall() == [(spans["lina"],)]
        assert lina.execute("SELECT count(*) FROM spans WHERE annotator_id IN (%s, %s)", (omar, gold)).fetchone() == (0,)
        # Writing into gold or another annotator's layer is refused by the policy.
        for layer in (gold, omar):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
                lina.execute(
                    "INSERT INTO spans (uid, document_id, annotator_id, label, start, \"end\", text, attributes, note, derived_from, "
                    "created_at, updated_at) VALUES (%s, %s, %s, 'CLAIM', 0, 3, 'قال', '{}', '', '[]', now(), now())",
                    (f"forged-{layer}", document, layer),
                )
        # Moving her own span into gold is refused; others' rows are out of reach (nothing updated or deleted).
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            lina.execute("UPDATE spans SET annotator_id = %s WHERE id = %s", (gold, spans["lina"]))
        assert lina.execute("UPDATE spans SET label = 'CUE' WHERE id IN (%s, %s)", (spans["omar"], spans[GOLD])).rowcount == 0
        assert lina.execute("DELETE FROM spans WHERE annotator_id <> %s", (me,)).rowcount == 0
        assert lina.execute("DELETE FROM document_states WHERE annotator_id <> %s", (me,)).rowcount == 0
        # Blind mode, roles, documents and the scheme are the reviewers'.
        assert lina.execute("UPDATE settings SET value = 'off' WHERE key = 'blind_mode'").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            lina.execute("INSERT INTO settings (key, value) VALUES ('blind_mode', 'off')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
            lina.execute("UPDATE annotators SET role = 'reviewer' WHERE id = %s", (me,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
            lina.execute("DELETE FROM documents")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            lina.execute("ALTER TABLE spans DISABLE ROW LEVEL SECURITY")
        # Her own layer she may write.
        assert lina.execute("UPDATE spans SET note = 'mine' WHERE id = %s", (spans["lina"],)).rowcount == 1
    with plain(team["urls"]["rana"]) as rana:  # nothing of the others' changed
        rows = rana.execute("SELECT id, label, annotator_id FROM spans ORDER BY id").fetchall()
        assert [(row[0], row[1]) for row in rows] == sorted((i, "CLAIM") for i in spans.values())
        assert rana.execute("SELECT value FROM settings WHERE key = 'blind_mode'").fetchone() is None


def test_a_reviewer_reads_every_layer_and_writes_gold_and_blind_mode_off_opens_the_layers(team: dict) -> None:
    spans = team["spans"]
    with plain(team["urls"]["rana"]) as rana:
        assert sorted(row[0] for row in rana.execute("SELECT id FROM spans")) == sorted(spans.values())
        assert rana.execute("UPDATE spans SET note = 'checked' WHERE id = %s", (spans[GOLD],)).rowcount == 1
        rana.execute("INSERT INTO settings (key, value) VALUES ('blind_mode', 'off')")
    with plain(team["urls"]["lina"]) as lina:
        assert len(lina.execute("SELECT id FROM spans").fetchall()) == 3  # reads all now, still writes only her own
        assert lina.execute("UPDATE spans SET note = 'x' WHERE id <> %s", (spans["lina"],)).rowcount == 0


def test_the_window_services_as_an_annotator_see_only_their_layer(team: dict) -> None:
    with Project.open(team["urls"]["omar"]) as project:
        service = TaggingService(project, annotator=team["names"]["omar"])
        assert [span.id for span in service.spans(team["document"])] == [team["spans"]["omar"]]


def test_add_user_needs_a_password_from_the_environment_or_a_terminal(pg_server, monkeypatch, capsys) -> None:  # noqa: ANN001
    monkeypatch.delenv("ANNOTATOR_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["server", "add-user", pg_server.url("postgres"), "someone", "--role", "annotator"]) == 1
    assert "set ANNOTATOR_PASSWORD" in capsys.readouterr().err
    monkeypatch.setenv("ANNOTATOR_PASSWORD", "short")
    assert main(["server", "add-user", pg_server.url("postgres"), "someone", "--role", "annotator"]) == 1
    assert "shorter than 8" in capsys.readouterr().err


def test_what_the_database_refuses_the_services_is_one_clear_line(team: dict) -> None:
    from annotator.core.errors import StorageError
    from annotator.storage.models import Setting

    with Project.open(team["urls"]["lina"]) as project:
        with pytest.raises(StorageError, match=r"the database refuses this to your role \(new row violates row-level security.*nothing was changed$"):
            with project.transaction() as session:
                session.add(Setting(key="blind_mode", value="off"))
        assert "lina_" in str(project.path) and PASSWORD.split()[0] not in str(project.path)


def test_what_the_window_does_for_an_annotator_and_a_reviewer_works_over_their_own_logins(team: dict) -> None:
    from annotator.core.model import DocumentStatus
    from annotator.services.annotation.adjudication import Adjudication
    from annotator.services.annotation.relations import RelationService
    from annotator.services.documents.progress import last_document, list_documents, remember_document, set_status
    from annotator.services.documents.search import search_corpus
    from annotator.services.team.agreement import compute_agreement
    from annotator.services.team.identity import identify, readable_layers, remember_identity

    names, document = team["names"], team["document"]
    with Project.open(team["urls"]["omar"]) as project:
        omar = identify(project, names["omar"])
        assert not omar.is_reviewer and readable_layers(project, omar) == [names["omar"]]
        remember_identity(project, omar)
        remember_document(project, annotator=names["omar"], document_id=document)
        assert last_document(project, annotator=names["omar"]) == document
        tagger = TaggingService(project, annotator=names["omar"])
        cue = tagger.create_span(document_id=document, start=0, end=3, label="CUE").spans[0].span
        claim = tagger.create_span(document_id=document, start=TEXT.index("الرسالة"), end=TEXT.index("الرسالة") + 7, label="CLAIM").spans[0].span
        RelationService(project, annotator=names["omar"], tagging=tagger).create(label="ATTRIBUTION", from_span=claim.id, to_span=cue.id)
        set_status(project, document_id=document, annotator=names["omar"], status=DocumentStatus.DONE)
        [info] = list_documents(project, annotator=names["omar"])
        assert info.status == DocumentStatus.DONE
        assert [hit.document_id for hit in search_corpus(project, "الرساله")] == [document]
        assert len(tagger.spans(document)) == 3
    with Project.open(team["urls"]["rana"]) as project:
        rana = identify(project, names["rana"])
        assert rana.is_reviewer and set(readable_layers(project, rana)) >= {names["lina"], names["omar"], GOLD}
        adjudication = Adjudication(project, reviewer=names["rana"])
        groups = adjudication.groups(document)
        assert {name for group in groups for version in group.versions for name in version.annotators} >= {names["lina"], names["omar"]}
        [omars_cue] = [version for group in groups for version in group.versions if version.label == "CUE"]
        adjudication.accept(document, omars_cue)  # into gold, by the reviewer's own login
        assert [span.label for span in TaggingService(project, annotator=names["rana"], layer=GOLD).spans(document)] == ["CUE", "CLAIM"]  # by offset
        assert compute_agreement(project, annotators=[names["lina"], names["omar"]]).to_json()


def test_init_and_add_user_run_again_change_only_what_they_say(team: dict, pg_server, monkeypatch, capsys) -> None:  # noqa: ANN001
    from urllib.parse import quote

    assert main(["server", "init", team["owner"]]) == 0  # a second time: the same roles and policies
    monkeypatch.setenv("ANNOTATOR_PASSWORD", PASSWORD)
    lina = team["names"]["lina"]
    assert main(["server", "add-user", team["owner"], lina, "--role", "reviewer"]) == 0  # promoted: out of the annotators
    assert "updated as a reviewer" in capsys.readouterr().out
    with plain(team["urls"]["lina"]) as connection:
        assert len(connection.execute("SELECT id FROM spans").fetchall()) == 3
        assert connection.execute("SELECT role FROM annotators WHERE name = %s", (lina,)).fetchone() == ("reviewer",)
    arabic = f"سلمى_{pg_server.port}"  # a person's name as it is, Arabic letters and all
    assert main(["server", "add-user", team["owner"], arabic, "--role", "annotator"]) == 0
    database = team["owner"].rsplit("/", 1)[1]
    url = pg_server.url(database, user=quote(arabic), password=PASSWORD)
    with Project.open(url) as project:
        service = TaggingService(project, annotator=arabic)
        service.create_span(document_id=team["document"], start=0, end=3, label="CUE")
        assert [span.text for span in service.spans(team["document"])] == ["قال"]

"""The claim network: claims, their sources (canonical where linked, else the SOURCE's words) and the attribution,
support, contradiction and same-claim links across articles; filters, neighbourhoods and the layout."""

from __future__ import annotations

import math

from annotator.core.model import DocumentId, NewDocument
from annotator.services.annotation.relations import RelationService
from annotator.services.annotation.tagging import TaggingService
from annotator.services.corpus.claims import ClaimLinks
from annotator.services.corpus.network import ClaimNode, SourceNode, build_network, claim_key
from annotator.services.corpus.registry import SourceRegistry
from annotator.services.io.importing import add_documents
from annotator.services.team.identity import Role, found_project, identify
from annotator.storage.project import Project

LETTER = "قال مسؤول أمريكي كبير إن الرئيس بعث برسالة إلى طهران."
DENIAL = "ونفت البعثة الإيرانية أن تكون قد تلقّت أي رسالة."
AGAIN = "وقال مسؤول أمريكي  كبير إن الرسالة وصلت."  # two spaces: the same source's words, spaced otherwise
OLD = "ذكرت الصحيفة أن أوباما بعث رسالة سرية إلى خامنئي."
MISSION = "البعثة الإيرانية لدى الأمم المتحدة"


def tag_network(project: Project) -> dict[str, int]:
    """Four articles of three outlets: a letter claim contradicted in another article, supported and retold as the
    same claim in a third; an old claim with no source and no link; one claim in another annotator's layer."""
    found_project(project, "rana")  # the reviewer
    add_documents(project, [NewDocument(uid="letter", title="الرسالة", text=LETTER, source="وكالة أ", published="2025-03-11"),
                            NewDocument(uid="denial", title="النفي", text=DENIAL, source="وكالة ب", published="2025-03-12T08:00"),
                            NewDocument(uid="again", title="مرة أخرى", text=AGAIN, source="وكالة أ", published="2025-03-10"),
                            NewDocument(uid="old", title="رسالة 2014", text=OLD, source="وكالة ج", published="2014-11-06")],
                  annotator="lina")
    lina = identify(project, "lina")
    tagging = TaggingService(project, annotator="lina")
    relations = RelationService(project, annotator="lina", tagging=tagging)

    def span(document: int, text: str, part: str, label: str, service: TaggingService = tagging) -> int:
        start = text.index(part)
        return int(service.create_span(document_id=DocumentId(document), start=start, end=start + len(part), label=label).span.id)

    ids = {
        "letter": span(1, LETTER, "الرئيس بعث برسالة إلى طهران", "CLAIM"),
        "official": span(1, LETTER, "مسؤول أمريكي كبير", "SOURCE"),
        "denial": span(2, DENIAL, "أن تكون قد تلقّت أي رسالة", "CLAIM"),
        "mission": span(2, DENIAL, "البعثة الإيرانية", "SOURCE"),
        "again": span(3, AGAIN, "الرسالة وصلت", "CLAIM"),
        "official2": span(3, AGAIN, "مسؤول أمريكي  كبير", "SOURCE"),
        "old": span(4, OLD, "أوباما بعث رسالة سرية إلى خامنئي", "CLAIM"),
        "sami": span(4, OLD, "بعث رسالة سرية", "CLAIM", TaggingService(project, annotator="sami")),
    }
    relations.create(label="ATTRIBUTION", from_span=ids["letter"], to_span=ids["official"])
    relations.create(label="ATTRIBUTION", from_span=ids["again"], to_span=ids["official2"])
    relations.create(label="ATTRIBUTION", from_span=ids["denial"], to_span=ids["mission"])
    relations.create(label="CONTRADICTION", from_span=ids["letter"], to_span=ids["denial"])
    relations.create(label="SUPPORT", from_span=ids["again"], to_span=ids["letter"])
    registry = SourceRegistry(project, lina)
    registry.add(MISSION, "government")
    mission_id = next(entry.id for entry in registry.entries() if entry.name == MISSION)
    registry.link(ids["mission"], mission_id)
    ClaimLinks(project, lina).link(ids["letter"], ids["again"])
    return ids


def test_the_network_holds_claims_sources_and_their_links_across_articles(project: Project) -> None:
    ids = tag_network(project)
    network = build_network(project, identify(project, "lina"))
    claims = {node.key: node for node in network.claims()}
    assert set(claims) == {claim_key(ids[name]) for name in ("letter", "denial", "again", "old")}  # blind: not sami's
    sources = {node.name: node for node in network.sources()}
    assert set(sources) == {"مسؤول أمريكي كبير", MISSION}  # one node for both spellings of the official; canonical name
    assert sources[MISSION].canonical and sources[MISSION].type == "government"
    assert not sources["مسؤول أمريكي كبير"].canonical and sources["مسؤول أمريكي كبير"].type == "unnamed_official"
    letter = claims[claim_key(ids["letter"])]
    assert isinstance(letter, ClaimNode) and (letter.row.outlet, letter.row.date) == ("وكالة أ", "2025-03-11")
    assert letter.row.cluster is not None and letter.row.cluster == claims[claim_key(ids["again"])].row.cluster
    assert claims[claim_key(ids["old"])].source is None
    edges = {(edge.kind, frozenset((edge.first, edge.second)), edge.cross_article) for edge in network.edges}
    official, mission = sources["مسؤول أمريكي كبير"].key, sources[MISSION].key
    assert edges == {
        ("attribution", frozenset((claim_key(ids["letter"]), official)), False),
        ("attribution", frozenset((claim_key(ids["again"]), official)), False),
        ("attribution", frozenset((claim_key(ids["denial"]), mission)), False),
        ("contradiction", frozenset((claim_key(ids["letter"]), claim_key(ids["denial"]))), True),
        ("support", frozenset((claim_key(ids["again"]), claim_key(ids["letter"]))), True),
        ("same", frozenset((claim_key(ids["letter"]), claim_key(ids["again"]))), True),
    }
    everyone = build_network(project, identify(project, "rana", Role.REVIEWER))
    assert claim_key(ids["sami"]) in everyone.nodes and len(everyone.claims()) == 5
    only_sami = build_network(project, identify(project, "rana"), layers=["sami"])
    assert [node.key for node in only_sami.claims()] == [claim_key(ids["sami"])] and only_sami.edges == []


def test_filters_keep_the_chosen_claims_with_their_sources_and_the_links_among_them(project: Project) -> None:
    ids = tag_network(project)
    network = build_network(project, identify(project, "lina"))
    official = next(node.key for node in network.sources() if not node.canonical)

    def claims_of(part) -> set[int]:
        return {int(node.row.span_id) for node in part.claims()}

    by_source = network.filtered(sources=[official])
    assert claims_of(by_source) == {ids["letter"], ids["again"]}
    assert {node.key for node in by_source.sources()} == {official}
    assert {edge.kind for edge in by_source.edges} == {"attribution", "support", "same"}  # the contradiction's other end is out
    cluster = network.nodes[claim_key(ids["letter"])].row.cluster  # type: ignore[union-attr]
    assert network.cluster_names() == [cluster]
    assert claims_of(network.filtered(clusters=[cluster])) == {ids["letter"], ids["again"]}
    in_march = network.filtered(date_from="2025-03-11", date_to="2025-03-12")
    assert claims_of(in_march) == {ids["letter"], ids["denial"]}  # a date with a time is compared by its day
    assert [edge.kind for edge in in_march.edges if edge.kind != "attribution"] == ["contradiction"]
    assert claims_of(network.filtered(date_to="2014-12-31")) == {ids["old"]}
    assert claims_of(network.filtered(outlets=["وكالة أ"])) == {ids["letter"], ids["again"]}
    assert network.outlets() == ["وكالة أ", "وكالة ب", "وكالة ج"]
    assert network.dates() == ("2014-11-06", "2025-03-12")
    assert claims_of(network.filtered()) == claims_of(network)


def test_the_neighbourhood_of_a_claim_counts_its_source_as_a_step(project: Project) -> None:
    ids = tag_network(project)
    network = build_network(project, identify(project, "lina"))
    near = network.neighbourhood(claim_key(ids["denial"]), hops=1)
    assert {int(node.row.span_id) for node in near.claims()} == {ids["denial"], ids["letter"]}
    assert {node.name for node in near.sources()} == {MISSION, "مسؤول أمريكي كبير"}  # the letter comes with its source
    farther = network.neighbourhood(claim_key(ids["denial"]), hops=2)
    assert {int(node.row.span_id) for node in farther.claims()} == {ids["denial"], ids["letter"], ids["again"]}
    alone = network.neighbourhood(claim_key(ids["old"]), hops=3)
    assert list(alone.nodes) == [claim_key(ids["old"])] and alone.edges == []
    assert network.neighbourhood("claim:0").nodes == {}


def test_the_layout_places_every_node_the_same_way_each_time_linked_nodes_together(project: Project) -> None:
    ids = tag_network(project)
    network = build_network(project, identify(project, "lina"))
    where = network.layout()
    assert set(where) == set(network.nodes) and all(math.isfinite(x) and math.isfinite(y) for x, y in where.values())
    assert where == network.layout()
    assert len({(round(x, 3), round(y, 3)) for x, y in where.values()}) == len(where)

    def apart(first: str, second: str) -> float:
        return math.dist(where[first], where[second])

    letter, denial, old = (claim_key(ids[name]) for name in ("letter", "denial", "old"))
    assert apart(letter, denial) < apart(letter, old)  # the lone 2014 claim is packed beside the linked part
    assert isinstance(network.nodes[next(iter(k for k in where if k.startswith("source")))], SourceNode)


def test_only_iso_dates_are_dates(project: Project) -> None:
    from annotator.services.corpus.network import _day

    assert _day("2014-11-06T10:00:00") == "2014-11-06" and _day("2014-11-06") == "2014-11-06"
    assert _day("6 Nov 2014") is None and _day("20141106") is None and _day(None) is None


def test_the_busiest_claims_are_kept_when_too_many(project: Project) -> None:
    ids = tag_network(project)
    network = build_network(project, identify(project, "lina"))
    assert network.busiest(4) is network
    two = network.busiest(2)
    # the letter: a contradiction, a support, a same-claim link and a source; then the retold letter (a support,
    # a same-claim link, a source) over the denial (a contradiction and a source) and the lone 2014 claim
    assert {int(node.row.span_id) for node in two.claims()} == {ids["letter"], ids["again"]}
    assert {node.name for node in two.sources()} == {"مسؤول أمريكي كبير"}

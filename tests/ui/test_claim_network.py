"""The claim network window: what it draws, its filters and focus, a click opening the article at the claim,
and the SVG and PNG it writes."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from annotator.app import make_application
from annotator.services.corpus.network import claim_key
from annotator.storage.project import Project
from annotator.ui.claim_network import ClaimNetworkView
from annotator.ui.main_window import MainWindow
from tests.services.corpus.test_network import MISSION, tag_network


def opened(qtbot: QtBot, project: Project) -> tuple[MainWindow, ClaimNetworkView, dict[str, int]]:
    ids = tag_network(project)
    make_application()
    window = MainWindow(project, annotator="lina")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = ClaimNetworkView(window.controller, window)  # as the window's Review menu opens it
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return window, view, ids


def click(qtbot: QtBot, view: ClaimNetworkView, key: str) -> None:
    point = view.view.mapFromScene(view.scene.places[key])
    assert view.view.viewport().rect().contains(point)
    qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_the_network_shows_the_layer_and_a_click_opens_the_article_at_the_claim(qtbot: QtBot, project: Project) -> None:
    window, view, ids = opened(qtbot, project)
    claims = {claim_key(ids[name]) for name in ("letter", "denial", "again", "old")}
    assert {node.key for node in view.shown.claims()} == claims  # blind mode: lina's layer only, not sami's claim
    assert set(view.scene.items_by_key) == set(view.shown.nodes) and len(view.shown.sources()) == 2
    legend = [view.legend.item(row).text() for row in range(view.legend.count())]
    assert "\u2068وكالة أ\u2069" in legend and any(text == "Contradiction" for text in legend)
    denial = claim_key(ids["denial"])
    click(qtbot, view, denial)
    assert view.scene.selected == denial
    assert window.controller.document is not None and window.controller.document.title == "النفي"
    assert window.selection.span is not None and int(window.selection.span.id) == ids["denial"]
    view.select(claim_key(ids["again"]))  # Enter on the selected node
    view.view.setFocus()
    qtbot.keyClick(view.view, Qt.Key.Key_Return)
    assert window.controller.document.title == "مرة أخرى" and int(window.selection.span.id) == ids["again"]


def test_filters_and_the_neighbourhood_of_the_selected_claim(qtbot: QtBot, project: Project) -> None:
    _window, view, ids = opened(qtbot, project)

    def shown() -> set[int]:
        return {int(node.row.span_id) for node in view.shown.claims()}

    mission = next(node.key for node in view.whole.sources() if node.name == MISSION)
    view.source_box.setCurrentIndex(view.source_box.findData(mission))
    view.apply_filters()
    assert shown() == {ids["denial"]}
    view.source_box.setCurrentIndex(0)
    view.cluster_box.setCurrentIndex(1)  # the one cluster: the letter retold
    assert shown() == {ids["letter"], ids["again"]}
    view.cluster_box.setCurrentIndex(0)
    view.date_from.setDate(QDate(2025, 3, 11))
    assert shown() == {ids["letter"], ids["denial"]}
    view.date_from.setDate(view.date_from.minimumDate())  # "any"
    assert shown() == {ids["letter"], ids["denial"], ids["again"], ids["old"]}
    view.select(claim_key(ids["denial"]))
    view.hops.setValue(1)
    view.focus_box.setChecked(True)
    assert shown() == {ids["denial"], ids["letter"]}
    assert view.scene.selected == claim_key(ids["denial"])
    view.focus_box.setChecked(False)
    assert len(shown()) == 4
    view.select(None)
    view.focus_box.setChecked(True)  # nothing selected: nothing to focus on, said
    assert not view.focus_box.isChecked() and "Select a claim first" in view.status.text()


def test_the_network_exports_as_svg_and_png(qtbot: QtBot, project: Project, tmp_path: Path) -> None:
    _window, view, _ids = opened(qtbot, project)
    view.export_svg(tmp_path / "network.svg")
    view.export_png(tmp_path / "network.png")
    root = ElementTree.parse(tmp_path / "network.svg").getroot()
    assert root.tag.endswith("svg")
    drawn = [element for element in root.iter() if element.tag.rsplit("}", 1)[-1] in ("path", "polyline", "polygon", "ellipse", "circle")]
    assert len(drawn) >= len(view.shown.nodes)
    texts = "".join(element.text or "" for element in root.iter() if element.tag.endswith("text"))
    assert "Contradiction" in texts
    image = QImage(str(tmp_path / "network.png"))
    assert not image.isNull() and image.width() > 320 and image.height() > 320
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 5  # a picture, not a blank page


def test_labels_never_cover_one_another_and_hovering_a_node_shows_its_label(qtbot: QtBot, project: Project) -> None:
    from benchmarks.network_bench import connected

    _window, view, _ids = opened(qtbot, project)
    view.whole = connected(300)
    view.show_network(view.whole)
    hub = max(view.shown.sources(), key=lambda node: len(view.scene.incident(node.key)))
    view.select(hub.key)
    linked = {key for edge in view.scene.incident(hub.key) for key in (edge.first, edge.second)}
    labels = view.scene._labels
    assert hub.key in labels and set(labels) <= linked and len(labels) > 3  # the hub, and neighbours where there is room
    transform = view.view.viewportTransform()
    plain = [item.deviceTransform(transform).mapRect(item.rect()) for key, item in labels.items() if key != hub.key]
    assert all(not a.intersects(b) for i, a in enumerate(plain) for b in plain[i + 1:])
    hidden = next(key for key in linked if key not in labels)
    before = dict(labels)
    view.scene.hover(hidden)
    shown = view.scene._hover_label
    assert shown is not None and shown.scene() is view.scene and "\n" in shown.childItems()[0].text()  # the full caption
    assert view.scene._labels == before  # the others stay put
    view.scene.hover(None)
    assert shown.scene() is None and view.scene.selected == hub.key


def test_arrow_keys_step_through_the_nodes_and_enter_on_a_source_shows_its_claims(qtbot: QtBot, project: Project) -> None:
    _window, view, ids = opened(qtbot, project)
    view.view.setFocus()
    seen = []
    for _ in range(len(view.shown.nodes)):
        qtbot.keyClick(view.view, Qt.Key.Key_Right)
        seen.append(view.scene.selected)
    assert set(seen) == set(view.shown.nodes)  # every node once, in reading order
    view.select(next(node.key for node in view.shown.sources() if node.name == MISSION))
    qtbot.keyClick(view.view, Qt.Key.Key_Return)
    assert {int(node.row.span_id) for node in view.shown.claims()} == {ids["denial"]}


def test_a_claim_tagged_meanwhile_marks_the_picture_out_of_date_and_f5_draws_it(qtbot: QtBot, project: Project) -> None:
    from annotator.core.model import DocumentId
    from annotator.ui.commands import TagSpan
    from tests.services.corpus.test_network import OLD

    window, view, _ids = opened(qtbot, project)
    before = len(view.shown.claims())
    start = OLD.index("ذكرت الصحيفة")
    window.controller.perform(TagSpan(window.controller.tagging, document_id=DocumentId(4), start=start, end=start + 12,
                                      label="CLAIM", text=OLD[start:start + 12]))
    qtbot.waitUntil(lambda: "changed" in view.status.text())
    assert len(view.shown.claims()) == before  # the picture stays as the reader left it
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view.view, Qt.Key.Key_F5)
    assert len(view.shown.claims()) == before + 1
    assert view.date_from.minimumDate() == QDate(2014, 11, 5)  # "any" is the day before the first article


def test_past_a_thousand_claims_the_most_linked_are_drawn_and_it_is_said(qtbot: QtBot, project: Project) -> None:
    from benchmarks.network_bench import connected

    _window, view, _ids = opened(qtbot, project)
    view.whole = connected(1_200)
    view._fill_choices()
    view.apply_filters()
    assert len(view.shown.claims()) == 1_000 and len(view.scene.items_by_key) == len(view.shown.nodes)
    assert "Showing the 1,000 most linked of 1,200 claims" in view.status.text()
    source = view.source_box.itemData(1)  # the source with most claims: all of them drawn
    view.source_box.setCurrentIndex(1)
    view.apply_filters()
    assert {node.source for node in view.shown.claims()} == {source} and "Showing" not in view.status.text()


def test_the_picture_follows_the_layer_the_window_shows(qtbot: QtBot, project: Project) -> None:
    from annotator.core.model import DocumentId

    ids = tag_network(project)
    make_application()
    window = MainWindow(project, annotator="rana")  # the reviewer: her own layer is empty
    qtbot.addWidget(window)
    window.show()
    view = ClaimNetworkView(window.controller, window)
    qtbot.addWidget(view)
    view.show()
    assert view.shown.claims() == [] and "rana" in view.windowTitle()
    window.controller.open_document(DocumentId(4))
    window.layers.show("sami")
    assert [int(node.row.span_id) for node in view.shown.claims()] == [ids["sami"]] and "sami" in view.windowTitle()


def test_an_outlet_keeps_its_colour_through_filters(qtbot: QtBot, project: Project) -> None:
    _window, view, ids = opened(qtbot, project)
    denial = claim_key(ids["denial"])
    colour = view.scene.items_by_key[denial].brush().color().name()
    view.outlet_box.setCurrentIndex(view.outlet_box.findData("وكالة ب"))  # the denial's outlet, alone
    assert set(view.scene.items_by_key) >= {denial} and len(view.shown.claims()) == 1
    assert view.scene.items_by_key[denial].brush().color().name() == colour
    legend = [view.legend.item(row).text() for row in range(view.legend.count())]
    assert "\u2068وكالة ب\u2069" in legend and "\u2068وكالة أ\u2069" not in legend  # the legend names what is shown

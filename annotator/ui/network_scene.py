"""The claim network drawn: a scene of claim discs (coloured by outlet) and source diamonds (coloured by source type),
links coloured by relation, and labels for the nodes hovered, selected or few enough to read.

Nodes keep their size on screen whatever the zoom (ItemIgnoresTransformations), so that a thousand claims fit the
window as dots and a zoom spreads them apart; the links of one kind are one path, so a paint is a few dozen items
of C++ drawing plus the nodes, not thousands of Python calls.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem

from annotator.core.scheme import Scheme
from annotator.services.corpus.network import SAME_CLAIM_COLOR, ClaimNetwork, ClaimNode, Edge, SourceNode
from annotator.ui.texts import isolate, short

UNIT = 42.0  # scene pixels per layout unit
CLAIM_RADIUS = 5.5
SOURCE_RADIUS = 7.5
LABEL_ALL = 120  # at most this many nodes shown: every node has its label where there is room for it
LABELLED_WIDTH = 2.0  # a network with every label shown is spread this much wider than laid out
CROWDED = 300  # more nodes than this: smaller nodes
FADED = 0.22  # the opacity of what is not linked to the selected node
# Tableau 10, the outlets by their number of claims; the rest share grey.
OUTLET_COLORS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#17becf")
OTHER_OUTLET = "#bab0ac"
SOURCE_TYPE_COLORS = {
    "person": "#1b6ca8", "organization": "#7f3c8d", "government": "#11a579", "outlet": "#e68310",
    "unnamed_official": "#6b6b6b", "anonymous": "#2b2b2b",
}


def source_type_title(kind: str) -> str:
    titles = {
        "person": QCoreApplication.translate("network", "named person"),
        "organization": QCoreApplication.translate("network", "organization"),
        "government": QCoreApplication.translate("network", "government body"),
        "outlet": QCoreApplication.translate("network", "outlet"),
        "unnamed_official": QCoreApplication.translate("network", "unnamed official"),
        "anonymous": QCoreApplication.translate("network", "anonymous"),
    }
    return titles.get(kind, kind)


@dataclass(frozen=True, slots=True)
class Style:
    color: str
    width: float
    dashed: bool = False
    alpha: int = 255


def edge_styles(scheme: Scheme) -> dict[tuple[str, bool], Style]:
    """The pen of each (link kind, confirmed): the scheme's relation colours; same-claim links a colour of their own."""
    def color(role: str, fallback: str) -> str:
        name = scheme.relation_role(role)
        return scheme.relation_label(name).color if name else fallback

    return {
        ("attribution", True): Style(color("attribution", "#3d7be0"), 1.0, alpha=150),
        ("support", True): Style(color("support", "#2e9e5b"), 1.8),
        ("contradiction", True): Style(color("contradiction", "#d33c3c"), 2.4),
        ("same", True): Style(SAME_CLAIM_COLOR, 1.8),
        ("same", False): Style(SAME_CLAIM_COLOR, 1.4, dashed=True),
    }


class Palette:
    """Node colours for one network: the ten outlets with most claims get a colour each."""

    def __init__(self, network: ClaimNetwork) -> None:
        self.outlets = {outlet: OUTLET_COLORS[i] for i, outlet in enumerate(network.outlets()[: len(OUTLET_COLORS)])}
        self.others = len(network.outlets()) > len(OUTLET_COLORS)
        self.claimless = any(not claim.row.outlet for claim in network.claims())

    def of(self, node: ClaimNode | SourceNode) -> str:
        if isinstance(node, SourceNode):
            return SOURCE_TYPE_COLORS.get(node.type, OTHER_OUTLET)
        return self.outlets.get(node.row.outlet or "", OTHER_OUTLET)


def node_caption(node: ClaimNode | SourceNode, *, full: bool = False) -> str:
    """A node's label: a claim's words (and on hover its outlet and date), a source's name (and its type)."""
    if isinstance(node, SourceNode):
        text = isolate(short(node.name, 40))
        return text + ("\n" + source_type_title(node.type) if full else "")
    text = isolate(short(node.row.text, 90 if full else 32))
    if full:
        where = " · ".join(isolate(part) for part in (node.row.outlet, node.row.date and node.row.date[:10]) if part)
        text += "\n" + where if where else ""
    return text


def crosses(line: QLineF, area: QRectF) -> bool:
    """Whether a straight link passes through a rectangle."""
    if area.contains(line.p1()) or area.contains(line.p2()):
        return True
    corners = [area.topLeft(), area.topRight(), area.bottomRight(), area.bottomLeft()]
    return any(line.intersects(QLineF(corners[i], corners[(i + 1) % 4]))[0] == QLineF.IntersectionType.BoundedIntersection
               for i in range(4))


def right_to_left(box: QGraphicsRectItem) -> bool:
    """Whether a label's caption starts with a right-to-left letter (past the isolates and punctuation)."""
    for item in box.childItems():
        if isinstance(item, QGraphicsSimpleTextItem):
            for char in item.text():
                kind = unicodedata.bidirectional(char)
                if kind in ("R", "AL"):
                    return True
                if kind == "L":
                    return False
    return False


class EdgesItem(QGraphicsItem):
    """The links of one kind: straight ones drawn in one drawLines call (stroking one big path of thousands of
    lines took half a second a paint at 2,500 links), bent ones as a path."""

    def __init__(self, pen: QPen) -> None:
        super().__init__()
        self.pen = pen
        self.lines: list[QLineF] = []
        self.curves = QPainterPath()
        self._bounds = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def done(self) -> None:
        bounds = self.curves.boundingRect() if not self.curves.isEmpty() else QRectF()
        if self.lines:
            xs = [p for line in self.lines for p in (line.x1(), line.x2())]
            ys = [p for line in self.lines for p in (line.y1(), line.y2())]
            bounds = bounds.united(QRectF(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1))
        self._bounds = bounds.adjusted(-4, -4, 4, 4)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # links are not picked: clicks go to the nodes

    def paint(self, painter: QPainter, option: object, widget: object = None) -> None:
        painter.setPen(self.pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.lines:
            painter.drawLines(self.lines)
        if not self.curves.isEmpty():
            painter.drawPath(self.curves)


class NetworkScene(QGraphicsScene):
    def __init__(self, scheme: Scheme, parent: object = None) -> None:
        super().__init__(parent)
        self.styles = edge_styles(scheme)
        self.network = ClaimNetwork()
        self.palette = Palette(self.network)
        self.places: dict[str, QPointF] = {}
        self.items_by_key: dict[str, QGraphicsItem] = {}
        self._labels: dict[str, QGraphicsRectItem] = {}
        self._highlight: list[QGraphicsItem] = []
        self._pair_kinds: dict[frozenset[str], list[tuple[str, bool]]] = {}
        self.edge_items: list[EdgesItem] = []
        self.small = False
        self.zoom = 1.0  # the view's scale, for where labels fall on screen
        self._hover_label: QGraphicsRectItem | None = None
        self.selected: str | None = None
        self.hovered: str | None = None
        self.font = QFont()
        self.font.setPointSizeF(max(8.0, self.font.pointSizeF() * 0.9))

    def show_network(self, network: ClaimNetwork, where: dict[str, tuple[float, float]], palette: Palette | None = None) -> None:
        """Draw `network` at `where`; `palette` (that of the whole network) keeps an outlet's colour through filters."""
        self.clear()
        self._labels.clear()
        self._hover_label = None
        self._highlight = []
        self.network = network
        self.palette = palette or Palette(network)
        wide = LABELLED_WIDTH if len(network.nodes) <= LABEL_ALL else 1.0  # labels run sideways: room for them
        self.places = {key: QPointF(x * UNIT * wide, y * UNIT) for key, (x, y) in where.items()}
        self._pair_kinds: dict[frozenset[str], list[tuple[str, bool]]] = {}
        for edge in network.edges:
            self._pair_kinds.setdefault(frozenset((edge.first, edge.second)), []).append((edge.kind, edge.confirmed))
        self.items_by_key = {}
        drawn: dict[tuple[str, bool], EdgesItem] = {}
        order = {"attribution": 0, "support": 1, "same": 2, "contradiction": 3}
        for edge in network.edges:
            style = (edge.kind, edge.confirmed)
            if style not in drawn:
                drawn[style] = EdgesItem(self._pen(self.styles[style]))
                drawn[style].setZValue(order[edge.kind])
            self._trace(drawn[style], edge)
        for item in drawn.values():
            item.done()
            self.addItem(item)
        self.edge_items = list(drawn.values())
        self.small = len(network.nodes) > CROWDED
        for key, node in network.nodes.items():
            self.items_by_key[key] = self._node_item(key, node)
        if self.selected not in network.nodes:
            self.selected = None
        self.hovered = None
        margin = 4 * UNIT if wide > 1 else UNIT  # labels stick out sideways
        self.setSceneRect(self.itemsBoundingRect().adjusted(-margin, -UNIT, margin, UNIT))
        self.refresh_labels()

    def _trace(self, into: EdgesItem, edge: Edge) -> None:
        """A link as a line, or bent to one side when the same two claims have links of more than one kind (a
        support and a same-claim link would hide each other)."""
        start, end = self.places[edge.first], self.places[edge.second]
        kinds = self._pair_kinds.get(frozenset((edge.first, edge.second)), [])
        if len(kinds) < 2:
            into.lines.append(QLineF(start, end))
            return
        path = into.curves
        if edge.first > edge.second:  # the same side whichever way the link was drawn
            start, end = end, start
        bend = (kinds.index((edge.kind, edge.confirmed)) - (len(kinds) - 1) / 2) * 0.35
        normal = QPointF(-(end.y() - start.y()), end.x() - start.x())
        control = (start + end) / 2 + normal * bend
        path.moveTo(start)
        if edge.first > edge.second:
            path.moveTo(end)
            path.quadTo(control, start)
        else:
            path.quadTo(control, end)

    def _pen(self, style: Style, wider: float = 0.0) -> QPen:
        color = QColor(style.color)
        color.setAlpha(style.alpha)
        pen = QPen(color, style.width + wider)
        pen.setCosmetic(True)
        if style.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def _node_item(self, key: str, node: ClaimNode | SourceNode) -> QGraphicsItem:
        fill = QBrush(QColor(self.palette.of(node)))
        outline = QPen(QColor("#ffffff"), 1.2)
        shrink = 0.75 if self.small else 1.0
        if isinstance(node, SourceNode):
            r = SOURCE_RADIUS * shrink
            item = self.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0)]), outline, fill)
        else:
            r = CLAIM_RADIUS * shrink
            item = self.addEllipse(QRectF(-r, -r, 2 * r, 2 * r), outline, fill)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        item.setPos(self.places[key])
        item.setZValue(10)
        item.setData(0, key)
        return item

    # what is looked at

    def key_at(self, item: QGraphicsItem | None) -> str | None:
        while item is not None:
            key = item.data(0)
            if isinstance(key, str):
                return key
            item = item.parentItem()
        return None

    def select(self, key: str | None) -> None:
        if key == self.selected:
            return
        self._mark(self.selected, False)
        self.selected = key if key in self.network.nodes else None
        self._mark(self.selected, True)
        self._draw_highlight()
        self.refresh_labels()

    def hover(self, key: str | None) -> None:
        """The hovered node's full caption over everything; the other labels stay where they are (placing them
        all again took a quarter of a second at a hundred nodes: too slow for a mouse move)."""
        if key == self.hovered:
            return
        if self._hover_label is not None:
            self.removeItem(self._hover_label)
            self._hover_label = None
        if self.hovered in self._labels:
            self._labels[self.hovered].setVisible(True)
        self.hovered = key if key in self.network.nodes else None
        if self.hovered is not None and self.hovered != self.selected:
            if self.hovered in self._labels:
                self._labels[self.hovered].setVisible(False)
            self._hover_label = self._place(self.hovered, True, [], [], set())

    def _mark(self, key: str | None, on: bool) -> None:
        item = self.items_by_key.get(key or "")
        if item is not None:
            item.setPen(QPen(QColor("#000000"), 2.6) if on else QPen(QColor("#ffffff"), 1.2))  # type: ignore[attr-defined]
            item.setScale(1.5 if on else 1.0)
            item.setZValue(12 if on else 10)

    def _draw_highlight(self) -> None:
        """The selected node's links drawn wider on top; everything not linked to it faded (a picture of a
        thousand claims is a tangle until one of them is picked)."""
        for item in self._highlight:
            self.removeItem(item)
        self._highlight = []
        near = self._near()
        for key, item in self.items_by_key.items():
            item.setOpacity(1.0 if not near or key in near else FADED)
        for item in self.edge_items:
            item.setOpacity(1.0 if not near else FADED)
        if self.selected is None:
            return
        for edge in self.incident(self.selected):
            item = EdgesItem(self._pen(self.styles[(edge.kind, edge.confirmed)], wider=1.6))
            self._trace(item, edge)
            item.done()
            item.setZValue(8)
            self.addItem(item)
            self._highlight.append(item)

    def incident(self, key: str) -> list[Edge]:
        return [edge for edge in self.network.edges if key in (edge.first, edge.second)]

    def refresh_labels(self) -> None:
        """Labels for the selected node (always, with outlet and date), its neighbours, and every node when no more
        than LABEL_ALL are shown, contradicted ones first; a label that would cover another label, a node or a link
        or leave the picture is left out (its node still shows it on hover). The hovered node's label comes back."""
        wanted: dict[str, bool] = {}  # key -> forced (hovered or selected: full caption, drawn whatever it covers)
        if self.selected is not None and self.selected in self.network.nodes:
            wanted[self.selected] = True
        if self.selected is not None:
            for edge in self.incident(self.selected):
                wanted.setdefault(edge.first, False)
                wanted.setdefault(edge.second, False)
        if len(self.network.nodes) <= LABEL_ALL:
            degree = {key: 0 for key in self.network.nodes}  # contradictions first, then other links
            for edge in self.network.edges:
                weight = 10 if edge.kind == "contradiction" else 1
                degree[edge.first] += weight
                degree[edge.second] += weight
            for key in sorted(self.network.nodes, key=lambda k: (-degree[k], k)):
                wanted.setdefault(key, False)
        for key in list(self._labels):
            self.removeItem(self._labels.pop(key))
        if self._hover_label is not None:
            self.removeItem(self._hover_label)
            self._hover_label = None
        zoom = max(self.zoom, 1e-6)
        near = self._near()  # with a node selected, the faded rest may be covered: only its neighbours are in the way
        taken = [QRectF(self.places[key].x() - 8 / zoom, self.places[key].y() - 8 / zoom, 16 / zoom, 16 / zoom)
                 for key in (near or self.network.nodes)] if wanted else []
        # Links in the way too (a label under a link reads as struck through): every link of a small network, the
        # selected node's links in a big one.
        edges = self.incident(self.selected) if near else (self.network.edges if len(self.network.nodes) <= LABEL_ALL else [])
        lines = [QLineF(self.places[edge.first], self.places[edge.second]) for edge in edges]
        for key, forced in wanted.items():
            box = self._place(key, forced, taken, lines, near)
            if box is not None:
                self._labels[key] = box
        hovered, self.hovered = self.hovered, None
        self.hover(hovered)

    def _place(self, key: str, forced: bool, taken: list[QRectF], lines: list[QLineF], near: set[str]) -> QGraphicsRectItem | None:
        """A label beside its node where it covers no label in `taken`, node or link in `lines` and stays in the
        picture; a forced one (hovered or selected) goes on the first side that does, else on its first side."""
        zoom = max(self.zoom, 1e-6)
        box = self._label(key, forced)
        bounds = box.rect()
        place = self.places[key]
        gap = SOURCE_RADIUS + 4
        right, left = (gap - bounds.left(), -bounds.height() / 2 - bounds.top()), (-gap - bounds.right(), -bounds.height() / 2 - bounds.top())
        below = (-bounds.center().x(), gap - bounds.top())
        above = (-bounds.center().x(), -gap - bounds.bottom())
        corners = [(-bounds.right(), gap - bounds.top()), (-bounds.right(), -gap - bounds.bottom()),
                   (-bounds.left(), gap - bounds.top()), (-bounds.left(), -gap - bounds.bottom())]
        # Arabic captions start next to their node: on its left; else on its right, below or above it, or at a
        # corner (the label's near end under or over the node).
        sides = [left, right] if right_to_left(box) else [right, left]
        sides += [below, above] + (corners if right_to_left(box) else corners[2:] + corners[:2])
        own = QRectF(place.x() - 8 / zoom, place.y() - 8 / zoom, 16 / zoom, 16 / zoom)
        picture = self.sceneRect()
        chosen = None
        for dx, dy in sides:
            area = QRectF(place.x() + (bounds.left() + dx) / zoom, place.y() + (bounds.top() + dy) / zoom,
                          bounds.width() / zoom, bounds.height() / zoom)
            if (picture.contains(area) and not any(area.intersects(other) and other != own for other in taken)
                    and not any(crosses(line, area) for line in lines)):
                chosen = (dx, dy, area)
                break
        if chosen is None and forced:
            dx, dy = sides[0]
            chosen = (dx, dy, QRectF(place.x() + (bounds.left() + dx) / zoom, place.y() + (bounds.top() + dy) / zoom,
                                     bounds.width() / zoom, bounds.height() / zoom))
        if chosen is None:
            return None
        box.setTransform(box.transform().translate(chosen[0], chosen[1]))
        box.setOpacity(1.0 if not near or key in near else FADED)
        if near and key in near and not forced:
            box.setZValue(7)  # over the faded links, under the selected node's own
        taken.append(chosen[2])
        self.addItem(box)
        return box

    def _near(self) -> set[str]:
        """The selected node and the nodes linked to it (nothing when nothing is selected)."""
        if self.selected is None:
            return set()
        return {self.selected} | {key for edge in self.incident(self.selected) for key in (edge.first, edge.second)}

    def _label(self, key: str, full: bool) -> QGraphicsRectItem:
        text = QGraphicsSimpleTextItem(node_caption(self.network.nodes[key], full=full))
        text.setFont(self.font)
        bounds = text.boundingRect()
        box = QGraphicsRectItem(bounds.adjusted(-3, -1, 3, 1))
        box.setBrush(QColor(255, 255, 255, 225 if full else 190))
        box.setPen(QPen(QColor("#9e9e9e"), 0.8) if full else QPen(Qt.PenStyle.NoPen))
        text.setParentItem(box)
        box.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        box.setPos(self.places[key])
        box.setZValue(20 if full else -1)  # a plain label lies under the links: a link crossing it stays whole (dashes mean suggested)
        box.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        return box

    def render_to(self, painter: QPainter, target: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.render(painter, target, self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

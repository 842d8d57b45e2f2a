"""The claim network of 1,000 claims: layout and paint (issue 13, target ≤ 1 s), on the benchmark corpus.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.network_bench [--project PATH] [--documents 10000] [--claims 1000]

Without --project, the seeded benchmark corpus (`benchmarks.corpus.generate`, the same one `make bench` makes) is
generated and imported into a temporary project. The network is read for one annotator's layer (as the window reads
the layer shown), cut down to the claims of the first articles until `--claims` claims (as a date-range filter cuts
it), and shown in the real window (ClaimNetworkView) at 1280×800: "layout + paint" is the time from handing it the
network to a painted viewport (igraph layout, scene, legend, fit, paint). The layout alone, the scene alone and the
paint alone are reported too, the time to read the whole layer's network from the project, and the time to open the
window on the whole layer (read, the 1,000 most linked claims chosen, laid out and painted).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms (max {max(values) * 1000:.0f}, {len(values)} runs)"


def connected(claims: int, seed: int = 13):  # noqa: ANN201 - a ClaimNetwork
    """A harder case than the synthetic corpus (whose claims are mostly unlinked): every claim attributed to one of
    claims/3 sources, and 1.5 links between claims per claim (support, contradiction, same claim), across
    articles of ten outlets over a year, so that nearly everything is one connected part."""
    import random

    from annotator.core.model import SpanId
    from annotator.services.corpus.network import ClaimNetwork, ClaimNode, Edge, SourceNode, claim_key
    from annotator.services.corpus.tables import ClaimRow

    rng = random.Random(seed)
    network = ClaimNetwork()
    sources = [SourceNode(f"source-text:{n}", f"مصدر {n}", rng.choice(["person", "government", "unnamed_official"]), False)
               for n in range(claims // 3)]
    for source in sources:
        network.nodes[source.key] = source
    for n in range(claims):
        row = ClaimRow(span_id=SpanId(n + 1), uid=f"u{n}", text=f"ادعاء رقم {n} عن الرسالة", document=f"d{n // 3}",
                       document_id=n // 3, article=f"مقال {n // 3}", outlet=f"وكالة {n % 10}",
                       date=f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}", start=0, end=10, annotator="bench", source=None,
                       source_canonical=False, cue=None, polarity=None, certainty=None, check_worthy=None, cluster=None,
                       supporting=0, contradicting=0)
        source = rng.choice(sources)
        network.nodes[claim_key(n + 1)] = ClaimNode(claim_key(n + 1), row, source.key)
        network.edges.append(Edge(claim_key(n + 1), source.key, "attribution"))
    for _ in range(claims * 3 // 2):
        first, second = rng.sample(range(1, claims + 1), 2)
        network.edges.append(Edge(claim_key(first), claim_key(second), rng.choice(["support", "contradiction", "same"]),
                                  cross_article=True))
    return network


def project_for(args: argparse.Namespace, folder: Path) -> Path:
    if args.project is not None:
        return args.project
    from annotator.services.io.importing import import_paths
    from annotator.storage.project import Project
    from benchmarks.corpus import generate

    corpus = generate(folder / "corpus.jsonl", documents=args.documents, spans=args.documents * 10, relations=args.documents * 2)
    path = folder / "network.db"
    with Project.create(path) as project:
        report = import_paths(project, [corpus], annotator="bench")
    if report.errors:
        raise SystemExit(str(report.errors[0]))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, help="an existing project (default: the benchmark corpus, generated)")
    parser.add_argument("--documents", type=int, default=10_000, help="articles of the generated corpus")
    parser.add_argument("--claims", type=int, default=1_000)
    parser.add_argument("--layer", default="lina", help="the layer shown (the corpus's annotators: lina, omar, huda)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSize

    from annotator.app import make_application
    from annotator.services.corpus.network import build_network
    from annotator.services.team.identity import Identity, Role
    from annotator.storage.project import Project
    from annotator.ui.claim_network import ClaimNetworkView
    from annotator.ui.controller import Controller

    app = make_application()
    with tempfile.TemporaryDirectory() as temporary:
        began = time.perf_counter()
        path = project_for(args, Path(temporary))
        print(f"project ready in {time.perf_counter() - began:.1f} s: {path}", file=sys.stderr)
        with Project.open(path) as project:
            acting = Identity("bench", Role.REVIEWER)
            reads = []
            for _ in range(3):
                began = time.perf_counter()
                whole = build_network(project, acting, layers=[args.layer])
                reads.append(time.perf_counter() - began)
            claims = sorted(whole.claims(), key=lambda node: (node.row.document_id, node.row.start))[: args.claims]
            network = whole.keeping(node.key for node in claims)
            controller = Controller(project, identity=acting)
            controller.show_layer(args.layer)
            view = ClaimNetworkView(controller)
            view.resize(QSize(1280, 800))
            view.show()
            app.processEvents()
            measure(view, network, args.repeat, f"the corpus's first {args.claims:,} claims of layer {args.layer}")
            print(f"(the layer: {len(whole.claims())} claims; reading its network from the project: {median_ms(reads)})")
            measure(view, connected(args.claims), args.repeat, f"{args.claims:,} claims, all linked (generated)")
            view.close()
            opened = []
            for _ in range(3):
                began = time.perf_counter()
                whole_view = ClaimNetworkView(controller)  # reads the layer, draws its 1,000 most linked claims
                whole_view.resize(QSize(1280, 800))
                whole_view.show()
                app.processEvents()
                whole_view.view.viewport().repaint()
                opened.append(time.perf_counter() - began)
                whole_view.close()
            print(f"open the window on the whole layer ({len(whole.claims()):,} claims: read, the 1,000 most linked "
                  f"drawn): {median_ms(opened)}")
    return 0


def measure(view, network, repeat: int, title: str) -> None:  # noqa: ANN001
    layouts, scenes, paints, totals = [], [], [], []
    for _ in range(repeat):
        began = time.perf_counter()
        where = network.layout()
        layouts.append(time.perf_counter() - began)
        began = time.perf_counter()
        view.scene.show_network(network, where)
        scenes.append(time.perf_counter() - began)
        began = time.perf_counter()
        view.view.viewport().repaint()
        paints.append(time.perf_counter() - began)
        began = time.perf_counter()
        view.show_network(network)  # what a filter change does: layout, scene, legend, fit
        view.view.viewport().repaint()
        totals.append(time.perf_counter() - began)
    kinds: dict[str, int] = {}
    for edge in network.edges:
        kinds[edge.kind] = kinds.get(edge.kind, 0) + 1
    print(f"{title}: {len(network.claims())} claims, {len(network.sources())} sources, "
          + ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items())))
    print(f"  layout (igraph):        {median_ms(layouts)}")
    print(f"  scene:                  {median_ms(scenes)}")
    print(f"  paint 1280×800:         {median_ms(paints)}")
    total = statistics.median(totals)
    print(f"  layout + paint:         {median_ms(totals)}  target ≤ 1 s: {'met' if total <= 1 else 'NOT met'}")


if __name__ == "__main__":
    raise SystemExit(main())

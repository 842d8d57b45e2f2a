"""Screenshots of the five hand-tagged seed articles (docs/seed_project.py) in the Arabic interface at 1280×800:
the claims table, two source views (Trump's claims, contradicted; Obama's, across four articles) and the claim network.

    .venv/bin/python docs/seed_screens.py            (pictures into docs/screens/seeds/)

Builds the project in a temporary folder, then takes the pictures in a subprocess on an offscreen screen of
1280×800, with settings under a temporary XDG_CONFIG_HOME (nothing remembered on this machine changes them).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
OUT = DOCS / "screens" / "seeds"
SIZE = (1280, 800)
REVIEWER = "rana"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, help="(internal) the seed project to photograph")
    args = parser.parse_args()
    if args.project:
        return shoot(args.project)
    sys.path.insert(0, str(ROOT))
    from docs.seed_project import build  # noqa: PLC0415 (the project only when building it)

    with tempfile.TemporaryDirectory(prefix="annotator-seeds-") as tmp:
        tmp_path = Path(tmp)
        project, _seeded = build(tmp_path / "seeds.annotator.db")
        project.close()
        env = dict(os.environ)
        for name in ("CONFIG", "DATA", "CACHE"):
            env[f"XDG_{name}_HOME"] = str(tmp_path / name.lower())
        config = tmp_path / "offscreen.json"
        config.write_text(json.dumps({"screens": [{"name": "seeds", "x": 0, "y": 0, "width": SIZE[0], "height": SIZE[1],
                                                    "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        env["LANG"] = env["LC_ALL"] = "C.UTF-8"
        return subprocess.run([sys.executable, str(Path(__file__).resolve()), "--project", str(tmp_path / "seeds.annotator.db")],
                              env=env, cwd=tmp_path).returncode


def shoot(project_path: Path) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from annotator.app import make_application
    from annotator.storage.project import Project
    from annotator.ui.main_window import MainWindow

    app = make_application(language="ar")
    app.setCursorFlashTime(0)
    OUT.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
            QTest.qWait(20)

    def save(widget, name: str) -> None:
        widget.resize(*SIZE)
        settle()
        path = OUT / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"seed_screens: could not write {path}")
        print(f"  {path.relative_to(ROOT)}")

    def select_claim(view, words: str) -> None:
        for row in range(view.proxy.rowCount()):
            claim = view.model.rows[view.proxy.mapToSource(view.proxy.index(row, 0)).row()]
            if words in claim.text:
                view.table.setCurrentIndex(view.proxy.index(row, 0))
                view.table.scrollTo(view.proxy.index(row, 0))
                return
        raise SystemExit(f"seed_screens: no claim with «{words}»")

    project = Project.open(project_path)
    try:
        window = MainWindow(project, annotator=REVIEWER)
        window.resize(*SIZE)
        window.show()
        settle()
        window.views.open_claims()
        claims = window.views.claims
        select_claim(claims, "لم تتلقّ أيّ رسالة")
        save(claims, "claims-table")
        # the same table by the number of contradicting claims, scrolled to its last columns (cluster, counts)
        last = claims.model.columnCount() - 1
        claims.table.sortByColumn(last, Qt.SortOrder.DescendingOrder)
        claims.table.scrollToTop()
        claims.table.horizontalScrollBar().setValue(claims.table.horizontalScrollBar().maximum())
        save(claims, "claims-table-contradicted")
        claims.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        claims.table.horizontalScrollBar().setValue(claims.table.horizontalScrollBar().minimum())
        select_claim(claims, "بعث برسالة إلى إيران")
        claims.show_source()
        save(claims.source_view, "source-trump")
        claims.source_view.close()
        select_claim(claims, "أي تعاون ضد")
        claims.show_source()
        save(claims.source_view, "source-obama")
        claims.source_view.close()
        claims.close()
        window.views.open_claim_network()
        network = window.views.network
        if network is None:
            print("seed_screens: no claim network in this version", file=sys.stderr)
        else:
            save(network, "claim-network")
            for name, words, hops in (("claim-network-2025", "لم تتلقّ أيّ رسالة", 2),
                                      ("claim-network-2014", "لا يقومون بالتنسيق مع طهران", 1),
                                      ("claim-network-2014-letter", "كتب سرًا إلى المرشد", 2)):
                [key] = [claim.key for claim in network.whole.claims() if words in claim.row.text]
                network.focus_box.setChecked(False)
                network.select(key)
                network.hops.setValue(hops)
                network.focus_box.setChecked(True)
                network.select(key)
                save(network, name)
            network.close()
        window.close()
        settle()
    finally:
        project.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

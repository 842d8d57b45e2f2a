"""Two people on one server project: the reviewer's window shows the annotator's span and "done" mark, written by
another process, without reloading anything by hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.app import make_application
from annotator.core.model import DocumentStatus
from annotator.services.team.identity import Role, identify
from annotator.storage.project import Project
from annotator.ui.main_window import MainWindow
from tests.conftest import add_document

TEXT = "قال مسؤول أمريكي كبير إن الرئيس بعث برسالة إلى طهران."
COLLEAGUE = """
import sys
from annotator.core.model import DocumentId, DocumentStatus
from annotator.services.annotation.tagging import TaggingService
from annotator.services.documents.progress import set_status
from annotator.storage.project import Project
with Project.open(sys.argv[1]) as project:
    start = {text!r}.index("مسؤول")
    TaggingService(project, annotator="lina").create_span(document_id=DocumentId(1), start=start, end=start + 17, label="SOURCE")
    set_status(project, document_id=DocumentId(1), annotator="lina", status=DocumentStatus.DONE)
""".format(text=TEXT)


def test_a_colleagues_commit_reaches_the_reviewers_window_by_itself(qtbot: QtBot, pg_server: object, tmp_path: Path) -> None:
    name = pg_server.take_database()  # type: ignore[attr-defined]
    url = pg_server.url(name)  # type: ignore[attr-defined]
    try:
        project = Project.create(url)
        identify(project, "rana", Role.REVIEWER)
        identify(project, "lina")
        add_document(project, TEXT, title="الرسالة")
        make_application()
        window = MainWindow(project, annotator="rana")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert window.live is not None
        window.layers.show("lina")
        assert window.tag_panel.span_list.count() == 0
        script = tmp_path / "colleague.py"
        script.write_text(COLLEAGUE, encoding="utf-8")
        subprocess.run([sys.executable, str(script), url], check=True, cwd=Path(__file__).resolve().parents[2])
        qtbot.waitUntil(lambda: window.tag_panel.span_list.count() == 1, timeout=5000)
        assert window.controller.spans and next(iter(window.controller.spans.values())).text == "مسؤول أمريكي كبير"
        qtbot.waitUntil(lambda: window.controller.document.status == DocumentStatus.DONE, timeout=5000)
        assert window.live.heard >= 1
        window.close()
        project.close()
    finally:
        pg_server.give_back(name)  # type: ignore[attr-defined]

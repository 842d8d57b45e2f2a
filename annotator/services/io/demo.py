"""The demo project: short news-style articles, written for this program, that show what it is for."""

from __future__ import annotations

from pathlib import Path

from annotator import paths
from annotator.core.errors import ProjectError
from annotator.core.model import SpanRecord
from annotator.services.documents.progress import document_text, list_documents
from annotator.services.io.importing import import_paths
from annotator.storage.project import Project

DEMO_ANNOTATOR = "demo"


def ensure_demo_project(path: Path | None = None) -> Project:
    """Open the demo project, creating it from resources/demo on first use."""
    path = path or paths.demo_project_path()
    if path.exists():
        return Project.open(path)
    project = Project.create(path)
    report = import_paths(project, sorted(paths.DEMO_CORPUS.glob("*.txt")), annotator=DEMO_ANNOTATOR)
    if report.errors:
        project.close()
        raise ProjectError(f"the demo corpus could not be imported: {report.errors[0]}")
    annotate_demo(project)
    return project


# (document file stem, label, phrase, attributes): the demo annotator's layer.
DEMO_SPANS = [
    ("01_president_letter", "CUE", "قال", {"speech_act": "assert"}),
    ("01_president_letter", "SOURCE", "الرئيس الأمريكي", {"source_type": "named_person"}),
    ("01_president_letter", "CLAIM", "إنه بعث برسالة مكتوبة إلى القيادة الإيرانية", {"polarity": "affirm", "certainty": "certain", "check_worthy": "yes"}),
    ("02_informed_sources", "CUE", "وفقًا لأشخاص", {"speech_act": "report"}),
    ("02_informed_sources", "SOURCE", "أشخاص مطلعين على هذه المراسلات", {"source_type": "anonymous"}),
    ("02_informed_sources", "CLAIM", "أن الرسالة تضمنت عرضًا بتخفيف بعض العقوبات الاقتصادية", {"polarity": "affirm", "certainty": "probable", "check_worthy": "yes"}),
    ("03_mission_denial", "CUE", "نفت", {"speech_act": "deny"}),
    ("03_mission_denial", "SOURCE", "البعثة الإيرانية لدى الأمم المتحدة", {"source_type": "government_body"}),
    ("03_mission_denial", "CLAIM", "أن تكون طهران قد تلقّت أي رسالة من الرئيس الأمريكي", {"polarity": "deny", "certainty": "certain", "check_worthy": "yes"}),
]

# (label, from (document, phrase), to (document, phrase), attributes)
DEMO_RELATIONS = [
    ("ATTRIBUTION", ("01_president_letter", "إنه بعث"), ("01_president_letter", "الرئيس الأمريكي"), {}),
    ("ATTRIBUTION", ("01_president_letter", "إنه بعث"), ("01_president_letter", "قال"), {}),
    ("ATTRIBUTION", ("02_informed_sources", "أن الرسالة"), ("02_informed_sources", "أشخاص مطلعين"), {}),
    ("ATTRIBUTION", ("03_mission_denial", "أن تكون"), ("03_mission_denial", "البعثة الإيرانية"), {}),
    ("CONTRADICTION", ("01_president_letter", "إنه بعث"), ("03_mission_denial", "أن تكون"), {"type": "negation"}),
    ("SUPPORT", ("01_president_letter", "إنه بعث"), ("02_informed_sources", "أن الرسالة"), {}),
]


def annotate_demo(project: Project) -> None:
    """The demo layer: the letter claim, its attribution, and the contradiction with the denial."""
    from annotator.services.annotation.relations import RelationService
    from annotator.services.annotation.tagging import TaggingService

    tagger = TaggingService(project, annotator=DEMO_ANNOTATOR)
    linker = RelationService(project, annotator=DEMO_ANNOTATOR, tagging=tagger)
    documents = {info.uid: info.id for info in list_documents(project, annotator=DEMO_ANNOTATOR)}
    spans: dict[tuple[str, str], SpanRecord] = {}
    for stem, label, phrase, attributes in DEMO_SPANS:
        text = document_text(project, documents[stem])
        start = text.index(phrase, text.index("\n"))  # in the body, not the headline
        spans[(stem, phrase)] = tagger.create_span(
            document_id=documents[stem], start=start, end=start + len(phrase), label=label, attributes=attributes
        ).span

    def find(stem: str, prefix: str) -> SpanRecord:
        return next(span for (doc, phrase), span in spans.items() if doc == stem and phrase.startswith(prefix))

    for label, (from_doc, from_prefix), (to_doc, to_prefix), attributes in DEMO_RELATIONS:
        linker.create(label=label, from_span=find(from_doc, from_prefix).id, to_span=find(to_doc, to_prefix).id, attributes=attributes)

"""The demo project: short news-style articles, written for this program, that show what it is for."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from annotator import paths
from annotator.core.errors import ProjectError, SchemeError
from annotator.core.model import GOLD, DocumentId, DocumentStatus, NewDocument, NewRelation, NewSpan
from annotator.core.scheme import Scheme
from annotator.services.documents.progress import list_documents, set_status
from annotator.services.io.formats.txt import read_text_file
from annotator.services.io.importing import add_documents
from annotator.services.team.identity import Role, identify
from annotator.storage.engine import DEFAULT_BUSY_TIMEOUT_MS
from annotator.storage.project import Project

DEMO_ANNOTATOR = "demo"
SECOND_ANNOTATOR = "omar"
DEMO_REVIEWER = "rana"

# Where each demo article "appeared": invented outlets and addresses (example.org), for the article header.
DEMO_METADATA = {
    "01_president_letter": ("وكالة المثال للأنباء", "2025-03-11", "https://example.org/news/2025/03/11/letter"),
    "02_informed_sources": ("صحيفة الشاهد التجريبية", "2025-03-12", "https://example.org/shahed/2025/03/12/sources"),
    "03_mission_denial": ("موقع الخبر اليقين", "2025-03-12", "https://example.org/yaqeen/2025/03/12/denial"),
}

# (document file stem, role of the label in the scheme, phrase, attributes): the demo annotator's layer.
DEMO_SPANS = [
    ("01_president_letter", "cue", "قال", {"speech_act": "assert"}),
    ("01_president_letter", "source", "الرئيس الأمريكي", {"source_type": "named_person"}),
    ("01_president_letter", "claim", "إنه بعث برسالة مكتوبة إلى القيادة الإيرانية", {"polarity": "affirm", "certainty": "certain", "check_worthy": "yes"}),
    ("02_informed_sources", "cue", "وفقًا", {"speech_act": "report"}),
    ("02_informed_sources", "source", "أشخاص مطلعين على هذه المراسلات", {"source_type": "anonymous"}),
    ("02_informed_sources", "claim", "أن الرسالة تضمنت عرضًا بتخفيف بعض العقوبات الاقتصادية", {"polarity": "affirm", "certainty": "probable", "check_worthy": "yes"}),
    ("03_mission_denial", "cue", "نفت", {"speech_act": "deny"}),
    ("03_mission_denial", "source", "البعثة الإيرانية لدى الأمم المتحدة", {"source_type": "government_body"}),
    ("03_mission_denial", "claim", "أن تكون طهران قد تلقّت أي رسالة من الرئيس الأمريكي", {"polarity": "deny", "certainty": "certain", "check_worthy": "yes"}),
]

# The second annotator agrees on the denial and disagrees on the letter: a shorter claim, a source left untagged,
# one more source; the reviewer has adjudicated the denial (gold, done) and not yet the letter.
SECOND_SPANS = [
    ("01_president_letter", "cue", "قال", {"speech_act": "assert"}),
    ("01_president_letter", "claim", "بعث برسالة مكتوبة إلى القيادة الإيرانية", {"polarity": "affirm", "certainty": "certain", "check_worthy": "yes"}),
    ("02_informed_sources", "source", "مسؤول أمريكي كبير", {"source_type": "unnamed_official"}),
    *[span for span in DEMO_SPANS if span[0] == "03_mission_denial"],
]
GOLD_SPANS = [span for span in DEMO_SPANS if span[0] == "03_mission_denial"]

# (role of the label, from (document, phrase prefix), to (document, phrase prefix), attributes)
DEMO_RELATIONS = [
    ("attribution", ("01_president_letter", "إنه بعث"), ("01_president_letter", "الرئيس الأمريكي"), {}),
    ("attribution", ("01_president_letter", "إنه بعث"), ("01_president_letter", "قال"), {}),
    ("attribution", ("02_informed_sources", "أن الرسالة"), ("02_informed_sources", "أشخاص مطلعين"), {}),
    ("attribution", ("03_mission_denial", "أن تكون"), ("03_mission_denial", "البعثة الإيرانية"), {}),
    ("contradiction", ("01_president_letter", "إنه بعث"), ("03_mission_denial", "أن تكون"), {"type": "negation"}),
    ("support", ("01_president_letter", "إنه بعث"), ("02_informed_sources", "أن الرسالة"), {}),
]


def ensure_demo_project(path: Path | None = None, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Project:
    """Open the demo project, creating it from resources/demo on first use: the articles and the demo layer
    go in through the same checked bulk path as any import."""
    path = path or paths.demo_project_path()
    if path.exists():
        return Project.open(path, busy_timeout_ms=busy_timeout_ms)
    project = Project.create(path, busy_timeout_ms=busy_timeout_ms)
    try:
        documents = demo_documents(project.scheme)
        identify(project, DEMO_REVIEWER, Role.REVIEWER)
        report = add_documents(project, documents, annotator=DEMO_ANNOTATOR, strict_ids=False)
        ids = {info.uid: info.id for info in list_documents(project, annotator=DEMO_ANNOTATOR)}
        for uid, document_id in ids.items():
            for layer in (DEMO_ANNOTATOR, SECOND_ANNOTATOR):
                set_status(project, document_id=DocumentId(document_id), annotator=layer, status=DocumentStatus.IN_PROGRESS)
            if uid == "03_mission_denial":
                set_status(project, document_id=DocumentId(document_id), annotator=GOLD, status=DocumentStatus.DONE)
        del report
    except (SchemeError, ProjectError) as error:
        project.close()
        raise ProjectError(f"the demo corpus could not be imported: {error}") from None
    except BaseException:
        project.close()
        raise
    return project


def demo_documents(scheme: Scheme) -> list[NewDocument]:
    """The demo articles with the demo layer, its labels taken from the scheme by their roles."""
    articles = {path.stem: read_text_file(path) for path in sorted(paths.DEMO_CORPUS.glob("*.txt"))}
    for stem, (outlet, published, url) in DEMO_METADATA.items():
        articles[stem] = replace(articles[stem], source=outlet, published=published, url=url)
    spans: dict[str, list[NewSpan]] = {stem: [] for stem in articles}
    layers = [(DEMO_ANNOTATOR, DEMO_SPANS, ()), (SECOND_ANNOTATOR, SECOND_SPANS, ()), (GOLD, GOLD_SPANS, (DEMO_ANNOTATOR, SECOND_ANNOTATOR))]
    for layer, chosen, derived_from in layers:
        for number, (stem, role, phrase, attributes) in enumerate(chosen, start=1):
            label = _label(scheme.span_role(role), role)
            scheme.check_span(label, attributes)
            text = articles[stem].text
            start = text.index(phrase, text.index("\n"))  # in the body, not the headline
            uid = f"demo-span-{number}" if layer == DEMO_ANNOTATOR else f"{layer}-span-{number}"
            spans[stem].append(NewSpan(uid=uid, label=label, start=start, end=start + len(phrase), text=phrase,
                                       annotator=layer, attributes=attributes, derived_from=derived_from))

    def find(stem: str, prefix: str) -> str:
        return next(span.uid for span in spans[stem] if span.text.startswith(prefix) and span.uid and span.annotator == DEMO_ANNOTATOR)

    relations: dict[str, list[NewRelation]] = {stem: [] for stem in articles}
    for number, (role, (from_doc, from_prefix), (to_doc, to_prefix), attributes) in enumerate(DEMO_RELATIONS, start=1):
        relations[from_doc].append(NewRelation(
            uid=f"demo-relation-{number}", label=_label(scheme.relation_role(role), role), from_uid=find(from_doc, from_prefix),
            to_uid=find(to_doc, to_prefix), annotator=DEMO_ANNOTATOR, from_document=from_doc, to_document=to_doc, attributes=attributes,
        ))
    return [replace(article, spans=tuple(spans[stem]), relations=tuple(relations[stem])) for stem, article in articles.items()]


def _label(name: str | None, role: str) -> str:
    if name is None:
        raise SchemeError(f"the scheme has no label with the role {role!r}")
    return name

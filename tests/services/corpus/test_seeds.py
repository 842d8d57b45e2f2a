"""On the five real seed articles: SOURCE spans naming one person or outlet, spelled differently across articles,
are grouped together by the registry, and a canonical source is suggested for each of its spellings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from annotator.core.model import DocumentId
from annotator.services.annotation.tagging import TaggingService
from annotator.services.corpus.claims import similar_claims
from annotator.services.corpus.registry import SourceRegistry
from annotator.services.corpus.tables import sources_report
from annotator.services.io.checked import import_as
from annotator.services.team.identity import found_project
from annotator.storage.models import Document
from annotator.storage.project import Project

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "seeds"

# (article file prefix, the text of the SOURCE span as the article writes it): who each names, by hand.
SPELLINGS = {
    "obama": [("000", "الرئيس باراك أوباما"), ("001", "الرئيس الأمريكي، باراك أوباما"), ("002", "الرئيس الأمريكي باراك أوباما"),
              ("003", "الرئيس أوباما")],
    "khamenei": [("000", "آية الله خامنئي"), ("001", "آية الله علي خامنئي"), ("002", "المرشد الأعلى الإيراني آية الله خامنئي"),
                 ("004", "علي خامنئي")],
    "wsj": [("001", "وول ستريت جورنال"), ("002", "صحيفة \"وول ستريت جورنال\""), ("002", "صحيفة وول استريت جورنال")],
    "kerry": [("000", "وزير الخارجية جون كيري"), ("001", "كيري"), ("003", "وزير الخارجية \"جون كيري\"")],
    "putin": [("004", "فلاديمير بوتين"), ("004", "الرئيس بوتين")],
}


def _imported(project: Project):
    """The five seeds imported by a reviewer; each file's (document id, uid, stored text) by its number."""
    if not SEEDS.is_dir() or len(list(SEEDS.glob("*.txt"))) != 5:
        pytest.skip(f"the five seed articles are not in {SEEDS}")
    reviewer = found_project(project, "rana")
    report = import_as(project, reviewer, sorted(SEEDS.glob("*.txt")))
    assert len(report.imported) == 5 and report.errors == []
    with project.reading() as session:
        documents = session.execute(select(Document.id, Document.uid, Document.text)).all()
    by_prefix = {}
    for name in sorted(SEEDS.glob("*.txt")):  # each stored text is its file's (line ends and outer white space aside)
        text = " ".join(name.read_text(encoding="utf-8").split())
        [match] = [tuple(row) for row in documents if " ".join(row.text.split()) == text]
        by_prefix[name.name[:3]] = match
    return reviewer, by_prefix


def _tag(tagging: TaggingService, document: tuple[int, str, str], written: str, label: str):
    found = re.search(r"\s+".join(re.escape(word) for word in written.split()), document[2])  # articles hold NBSPs too
    assert found, written
    span = tagging.create_span(document_id=DocumentId(document[0]), start=found.start(), end=found.end(), label=label).span
    assert document[2][span.start:span.end] == span.text and span.text.split() == written.split()
    return span


@pytest.fixture
def seeded(project: Project):
    reviewer, by_prefix = _imported(project)
    tagging = TaggingService(project, annotator="sami")
    spans: dict[str, list[tuple[str, int, int, str]]] = {}
    for who, spellings in SPELLINGS.items():
        for prefix, written in spellings:
            span = _tag(tagging, by_prefix[prefix], written, "SOURCE")
            spans.setdefault(who, []).append((by_prefix[prefix][1], span.start, span.end, span.text))
    return reviewer, spans, by_prefix


def test_the_registry_groups_the_spellings_of_each_person_and_outlet(project: Project, seeded) -> None:
    reviewer, spans, _documents = seeded
    report = sources_report(project, reviewer)
    assert all(not group["confirmed"] for group in report)
    grouped = sorted(sorted((s["document"], s["start"], s["end"], s["text"]) for s in group["spans"]) for group in report)
    assert grouped == sorted(sorted(found) for found in spans.values())
    types = {group["name"]: group["type"] for group in report}
    assert sorted(types.values()) == ["outlet", "person", "person", "person", "person"]


def test_a_canonical_source_is_suggested_for_every_spelling_and_for_no_one_else(project: Project, seeded) -> None:
    reviewer, spans, _documents = seeded
    registry = SourceRegistry(project, reviewer)
    ids = {who: next(iter(registry.add(name, kind).sources)) for who, name, kind in (
        ("obama", "باراك أوباما", "person"), ("khamenei", "علي خامنئي", "person"), ("wsj", "وول ستريت جورنال", "outlet"),
        ("kerry", "جون كيري", "person"), ("putin", "فلاديمير بوتين", "person"))}
    matcher = registry.matcher()
    for who, found in spans.items():
        for _document, _start, _end, written in found:
            best = registry.suggest(written, limit=1, matcher=matcher)
            assert [s.source_id for s in best] == [ids[who]], written
    for stranger in ("دونالد ترامب", "مسؤولين أمريكيين", "إيلان بيرمان"):
        assert registry.suggest(stranger, matcher=matcher) == []


# Claims about the letters, as the articles word them: 2014 (Obama's fourth letter to Khamenei) and 2025 (Trump's,
# which Iran's UN mission says never arrived).
CLAIMS = {
    "fourth_001": ("001", "رسالة شهر أكتوبر هذه على الأقل المرة الرابعة التي يكتب فيها أوباما إلى الزعيم السياسي والديني الأقوى في إيران"),
    "fourth_002": ("002", "رسالة الرئيس أوباما هذه هي الرابعة من نوعها منذ وصوله إلى الرئاسة في العام 2009"),
    "sent_004": ("004", "بعث برسالة إلى إيران يضغط فيها على الجمهورية الإسلامية للتفاوض بشأن ملفها النووي"),
    "denied_004": ("004", "لم تتلقّ أيّ رسالة من ترامب بشأن التفاوض بخصوص الملف النووي"),
}


def test_similar_claims_across_the_seed_articles(project: Project) -> None:
    _reviewer, by_prefix = _imported(project)
    tagging = TaggingService(project, annotator="sami")
    spans = {name: _tag(tagging, by_prefix[prefix], written, "CLAIM") for name, (prefix, written) in CLAIMS.items()}
    fourth = similar_claims(project, spans["fourth_001"].text, exclude=spans["fourth_001"].id)
    assert fourth[0].span_id == spans["fourth_002"].id and fourth[0].relation == "support"  # the fourth letter, in another article
    assert (fourth[0].start, fourth[0].end) == (spans["fourth_002"].start, spans["fourth_002"].end)
    sent = similar_claims(project, spans["sent_004"].text, exclude=spans["sent_004"].id)
    assert (sent[0].span_id, sent[0].relation) == (spans["denied_004"].id, "contradiction")  # «لم تتلقّ أيّ رسالة»
    scores = {c.span_id: c.score for c in sent}
    assert scores[spans["denied_004"].id] > 2 * scores.get(spans["fourth_002"].id, 0)  # 2014's letter: «رسالة» alone in common

"""A reproducible synthetic corpus: Arabic-like news text with harakat, punctuation and numbers, three
annotators' spans and relations, written as native JSONL. Seeded: the same arguments give the same bytes."""

from __future__ import annotations

import json
import random
from pathlib import Path

WORDS = (
    "قال أكد أضاف أفاد أشار نفى وفقًا بحسب مسؤول مصدر مطلع الرئيس الوزير الحكومة البعثة الأمم المتحدة "
    "رسالة الرسالة اتفاق المفاوضات البرنامج النووي العقوبات الاقتصادية طهران واشنطن نيويورك بغداد العاصمة "
    "الأسبوع الماضي يوم الثلاثاء مؤتمر صحفي بيان رسمي مقتضب المتحدث باسم وزارة الخارجية إن أن الذي التي "
    "على في من إلى عن مع بعد قبل خلال حتى لم لن قد كان كانت يكون تكون هذه هذا ذلك تلك كل بعض أي غير "
    "الدبلوماسية السياسية الأمنية المنطقة العلاقات التعاون الحوار الأزمة القرار الاجتماع الجانبين البلدين "
    "مُطَّلِعِينَ الرَّئِيسُ رِسَالَةً ـــ"
).split()
PUNCTUATION = ["،", ".", "؛", "«", "»", ":", "؟"]


def article(rng: random.Random, size: int) -> str:
    parts: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(WORDS)
        if rng.random() < 0.04:
            word = str(rng.randint(2, 2026))
        parts.append(word)
        length += len(word) + 1
        if rng.random() < 0.08:
            parts[-1] += rng.choice(PUNCTUATION)
        if rng.random() < 0.01:
            parts[-1] += "\n"
    return " ".join(parts).replace("\n ", "\n")


def words_of(text: str) -> list[tuple[int, int]]:
    found, start = [], None
    for index, ch in enumerate(text + " "):
        if ch.isspace():
            if start is not None:
                found.append((start, index))
                start = None
        elif start is None:
            start = index
    return found


def generate(out: Path, *, documents: int = 10_000, spans: int = 100_000, relations: int = 20_000, seed: int = 2026) -> Path:
    rng = random.Random(seed)
    annotators = ["lina", "omar", "huda"]
    spans_per_doc = spans // documents
    relations_per_doc = relations // documents
    labels = ["CLAIM", "SOURCE", "CUE"]
    with out.open("w", encoding="utf-8") as stream:
        for number in range(documents):
            text = article(rng, rng.randint(1_000, 4_000))  # 2-8 KB in UTF-8
            words = words_of(text)
            record_spans = []
            for index in range(spans_per_doc):
                first = rng.randrange(0, len(words) - 4)
                last = first + rng.randrange(0, 3)
                start, end = words[first][0], words[last][1]
                record_spans.append({"id": f"s{number}-{index}", "label": labels[index % 3], "start": start, "end": end,
                                     "text": text[start:end], "annotator": annotators[index % 3], "attributes": {}})
            record_relations = []
            for index in range(relations_per_doc):
                annotator = annotators[index % 3]
                claims = [s for s in record_spans if s["annotator"] == annotator and s["label"] == "CLAIM"]
                sources = [s for s in record_spans if s["annotator"] == annotator and s["label"] == "SOURCE"]
                if claims and sources:
                    record_relations.append({"id": f"r{number}-{index}", "label": "ATTRIBUTION", "from": claims[index % len(claims)]["id"],
                                             "to": sources[index % len(sources)]["id"], "annotator": annotator, "attributes": {}})
            stream.write(json.dumps({"id": f"bench-{number:05d}", "title": f"مقال {number}", "text": text,
                                     "spans": record_spans, "relations": record_relations}, ensure_ascii=False) + "\n")
    return out


def peak_rss_mb() -> float:
    """This process's own peak resident memory (VmHWM): ru_maxrss can include the parent's, inherited at fork."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")

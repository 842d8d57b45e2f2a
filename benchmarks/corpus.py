"""A reproducible synthetic corpus: Arabic-like news text with harakat, punctuation and numbers, three
annotators' spans and relations, written as native JSONL. Seeded: the same arguments give the same bytes.

What it holds is what it says: exactly `spans` spans and `relations` relations (a fifth of them across
documents), every annotator using every label. Each article reports claims as «cue, source, claim»; each of
them is found by one, two or three annotators, who sometimes disagree on where it ends or what it is, so
token agreement lands around 0.6–0.9 (Krippendorff's alpha), as in real annotation rounds."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
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
ANNOTATORS = ("lina", "omar", "huda")
LABELS = ("CLAIM", "SOURCE", "CUE")
ATTRIBUTES = {  # the default scheme's span attributes and their values
    "CLAIM": {"polarity": ["affirm", "deny"], "certainty": ["certain", "probable", "possible", "unknown"], "check_worthy": ["yes", "no"]},
    "SOURCE": {"source_type": ["named_person", "named_organization", "government_body", "unnamed_official", "anonymous", "media_outlet"]},
    "CUE": {"speech_act": ["assert", "report", "confirm", "deny", "allege", "warn"]},
}
CONTRADICTION_TYPES = ["negation", "numeric", "date_time", "antonymy", "factual", "perspective"]
SHIFTED = {"CLAIM": 0.3, "SOURCE": 0.12, "CUE": 0.08}  # how often an annotator's copy has a word more or less
CROSS_SHARE = 5  # one relation in five joins claims of two articles


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


def share(total: int, parts: int, number: int) -> int:
    """Part `number` of `total` split as evenly as possible into `parts` whole parts."""
    return total * (number + 1) // parts - total * number // parts


@dataclass
class Item:
    """One thing in the article (a claim, its source or its cue) and each annotator's copy of it."""

    group: int
    label: str
    first: int
    last: int  # word indices, inclusive
    copies: dict[str, dict] = field(default_factory=dict)


def _items(rng: random.Random, words: list[tuple[int, int]], groups: int) -> list[Item]:
    """`groups` «cue source claim» triples in disjoint stretches of the article."""
    stretch = len(words) // max(1, groups)
    items = []
    for group in range(groups):
        base = group * stretch + rng.randrange(0, max(1, stretch - 24))
        cue, source = rng.randrange(1, 3), rng.randrange(1, 4)
        claim = rng.randrange(5, 16)
        items += [Item(group, "CUE", base, base + cue - 1),
                  Item(group, "SOURCE", base + cue, base + cue + source - 1),
                  Item(group, "CLAIM", base + cue + source + 1, base + cue + source + claim)]
    return items


def _copy(rng: random.Random, item: Item, words: list[tuple[int, int]], truth: dict[str, str]) -> tuple[str, int, int, dict]:
    """An annotator's version of an item: mostly the same, sometimes a word more or less at an end, or another label."""
    first, last, label = item.first, item.last, item.label
    roll = rng.random() / SHIFTED[item.label]
    if roll < 0.5:
        first = max(0, first + rng.choice((-1, 1)) if last > first else first - 1)
    elif roll < 1:
        last = min(len(words) - 1, last + rng.choice((-1, 1)) if last > first else last + 1)
    if rng.random() < 0.06:
        label = rng.choice([other for other in LABELS if other != item.label])
    attributes = dict(truth) if label == item.label else {}
    for name, values in ATTRIBUTES[label].items():
        if name not in attributes or rng.random() < 0.15:
            attributes[name] = rng.choice(values)
    return label, first, last, attributes


def _finders(rng: random.Random) -> list[str]:
    roll = rng.random()
    count = 3 if roll < 0.45 else 2 if roll < 0.85 else 1
    return rng.sample(ANNOTATORS, count)


def generate(out: Path, *, documents: int = 10_000, spans: int = 100_000, relations: int = 20_000, seed: int = 2026) -> Path:
    rng = random.Random(seed)
    cross_total = relations // CROSS_SHARE
    previous: tuple[str, list[Item]] | None = None
    owed_local = owed_cross = 0  # relations a document could not hold, made up by the next ones
    with out.open("w", encoding="utf-8") as stream:
        for number in range(documents):
            uid = f"bench-{number:05d}"
            text = article(rng, rng.randint(1_000, 4_000))  # 2-8 KB in UTF-8
            words = words_of(text)
            budget = share(spans, documents, number)
            items = _items(rng, words, max(1, budget // 6))
            record_spans: list[dict] = []
            taken: set[tuple[str, str, int, int]] = set()
            while len(record_spans) < budget:  # past the planned items, more copies of them (a second pass)
                for item in rng.sample(items, len(items)):
                    truth = {name: rng.choice(values) for name, values in ATTRIBUTES[item.label].items()}
                    for person in _finders(rng):
                        if len(record_spans) >= budget or person in item.copies:
                            continue
                        label, first, last, attributes = _copy(rng, item, words, truth)
                        start, end = words[first][0], words[last][1]
                        if (person, label, start, end) in taken:
                            continue
                        taken.add((person, label, start, end))
                        span = {"id": f"s{number}-{len(record_spans)}", "label": label, "start": start, "end": end,
                                "text": text[start:end], "annotator": person, "attributes": attributes}
                        item.copies[person] = span
                        record_spans.append(span)
                if all(len(item.copies) == 3 for item in items):
                    items += _items(rng, words, 1)
            record_relations: list[dict] = []
            local = share(relations - cross_total, documents, number) + owed_local
            for item in (i for i in items if i.label == "CLAIM"):
                for other in (i for i in items if i.group == item.group and i.label != "CLAIM"):
                    both = sorted(set(item.copies) & set(other.copies))
                    for person in rng.sample(both, len(both)):
                        claim, end = item.copies[person], other.copies[person]
                        if len(record_relations) < local and claim["label"] == "CLAIM" and end["label"] != "CLAIM":
                            record_relations.append({"id": f"r{number}-{len(record_relations)}", "label": "ATTRIBUTION",
                                                     "from": claim["id"], "to": end["id"], "annotator": person, "attributes": {}})
            owed_local = local - len(record_relations)
            cross = share(cross_total, documents, number) + owed_cross
            made = 0
            if previous is not None:
                earlier_uid, earlier = previous
                kind = "CONTRADICTION" if number % 2 else "SUPPORT"
                for item in (i for i in items if i.label == "CLAIM"):
                    for other in (i for i in earlier if i.label == "CLAIM"):
                        both = sorted(set(item.copies) & set(other.copies))
                        for person in rng.sample(both, len(both)):
                            claim, far = item.copies[person], other.copies[person]
                            if made < cross and claim["label"] == far["label"] == "CLAIM":
                                attributes = {"type": rng.choice(CONTRADICTION_TYPES)} if kind == "CONTRADICTION" else {}
                                record_relations.append({"id": f"r{number}-{len(record_relations)}", "label": kind, "from": claim["id"],
                                                         "to": far["id"], "from_document": uid, "to_document": earlier_uid,
                                                         "annotator": person, "attributes": attributes})
                                made += 1
            owed_cross = cross - made
            previous = (uid, items)
            stream.write(json.dumps({"id": uid, "title": f"مقال {number}", "text": text,
                                     "spans": record_spans, "relations": record_relations}, ensure_ascii=False) + "\n")
    return out


def peak_rss_mb() -> float:
    """This process's own peak resident memory (VmHWM): ru_maxrss can include the parent's, inherited at fork."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")

"""How well the cue (and source) suggestions find what a person tagged in the real seed articles.

    python -m benchmarks.eval_suggestions [--seeds DIR] [--json] [--errors]

The hand-tagged spans are tests/data/seed_cues.json (rules in seed_cues_guideline.md); the article texts
are read from the seeds folder (default ../shared/corpus/seeds) and checked against the SHA-256 kept with
the spans. Two matchings, each one-to-one:

- exact: a suggestion counts only when its start and end are the tagged span's start and end;
- overlap: a suggestion counts when it shares at least one character with a tagged span not yet counted.

precision = counted suggestions / suggestions, recall = counted tagged spans / tagged spans. Figures are
given for the tuning articles (000, 001, 003: the lexicon was tuned on them) and for the held-out ones
(002, 004: never looked at while tuning); only the held-out figures are a claim, and they come from
32 cues in two articles tagged by one person, so read them as rough.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "seed_cues.json"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"

Span = tuple[int, int]


@dataclass(frozen=True)
class Score:
    found: int  # suggestions counted as right
    suggested: int
    matched: int  # tagged spans found
    tagged: int

    @property
    def precision(self) -> float:
        return self.found / self.suggested if self.suggested else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.tagged if self.tagged else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.found + other.found, self.suggested + other.suggested, self.matched + other.matched, self.tagged + other.tagged)

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "right": self.found, "suggested": self.suggested, "tagged": self.tagged}


EMPTY = Score(0, 0, 0, 0)


def score(predicted: list[Span], gold: list[Span], *, exact: bool) -> Score:
    if exact:
        hits = len(set(predicted) & set(gold))
        return Score(hits, len(predicted), hits, len(gold))
    unused = sorted(gold)
    hits = 0
    for start, end in sorted(predicted):
        partner = next((g for g in unused if g[0] < end and start < g[1]), None)
        if partner is not None:
            unused.remove(partner)
            hits += 1
    return Score(hits, len(predicted), hits, len(gold))


def load(seeds: Path = SEEDS, gold_path: Path = GOLD) -> tuple[dict, dict[str, str]]:
    """The tagged spans and the texts they point into; ValueError when a seed is missing or changed."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    texts = {}
    for name, entry in gold["documents"].items():
        path = seeds / name
        if not path.is_file():
            raise ValueError(f"{path}: seed article not found")
        text = path.read_text(encoding="utf-8")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != entry["sha256"]:
            raise ValueError(f"{path}: text differs from the one tagged (SHA-256)")
        texts[name] = text
    return gold, texts


def predict(text: str) -> dict[str, list[tuple[int, int, str]]]:
    """What the suggester offers for a text, by label: (start, end, text)."""
    from annotator.core import cues

    lexicon = _lexicon()
    if hasattr(cues, "suggest"):
        result = cues.suggest(text, lexicon)
        return {
            "CUE": [(s.start, s.end, s.text) for s in result.cues],
            "SOURCE": [(s.start, s.end, s.text) for s in result.sources],
            "SOURCE cues": [(s.start, s.end, s.text, s.cue_start, s.cue_end) for s in result.sources],
        }
    return {"CUE": [(s.start, s.end, s.text) for s in cues.suggest_cues(text, lexicon)], "SOURCE": []}


_LEXICON = None


def _lexicon():  # noqa: ANN202
    global _LEXICON
    if _LEXICON is None:
        from annotator.core.cues import load_lexicon

        _LEXICON = load_lexicon()
    return _LEXICON


def evaluate(gold: dict, texts: dict[str, str]) -> dict:
    """Scores by set (tuning, held_out), label (CUE, SOURCE) and matching (exact, overlap), plus the misses."""
    results: dict = {}
    errors: dict = {}
    for part in ("tuning", "held_out"):
        totals = {(label, kind): EMPTY for label in ("CUE", "SOURCE") for kind in ("exact", "overlap")}
        for name in gold[part]:
            entry = gold["documents"][name]
            predicted = predict(texts[name])
            tagged = {"CUE": entry["cues"], "SOURCE": entry["sources"]}
            for label in ("CUE", "SOURCE"):
                got = [(s, e) for s, e, _ in predicted[label]]
                want = [(span["start"], span["end"]) for span in tagged[label]]
                for kind in ("exact", "overlap"):
                    totals[label, kind] = totals[label, kind] + score(got, want, exact=kind == "exact")
                errors.setdefault(name, {})[label] = {
                    "missed": [span["text"] for span in tagged[label] if (span["start"], span["end"]) not in set(got)],
                    "wrong": [t for s, e, t in predicted[label] if (s, e) not in set(want)],
                    "wrong_with_cue": [f"{t} ← {texts[name][c0:c1]}" for s, e, t, c0, c1 in predicted.get(label + " cues", []) if (s, e) not in set(want)],
                }
        results[part] = {f"{label} {kind}": value.as_dict() for (label, kind), value in totals.items()}
    return {"scores": results, "errors": errors}


def timing(text: str, repeat: int = 30) -> dict:
    """Milliseconds to suggest on one text, lexicon already loaded, each run on a fresh copy of the text
    (so no cache keyed on the text helps), and the one-off cost of loading the lexicon and its libraries."""
    from annotator.core import cues

    began = time.perf_counter()
    lexicon = cues.load_lexicon()
    load_ms = (time.perf_counter() - began) * 1000
    runs = []
    for number in range(repeat):
        fresh = text + " " * (number + 1)
        began = time.perf_counter()
        predict(fresh)
        runs.append((time.perf_counter() - began) * 1000)
    del lexicon
    return {"load_ms": round(load_ms, 1), "first_ms": round(runs[0], 2), "median_ms": round(statistics.median(runs[1:]), 2), "max_ms": round(max(runs[1:]), 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of the seed articles")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--errors", action="store_true", help="list missed and wrong spans per tuning article")
    parser.add_argument("--held-out-errors", action="store_true", help="list them for the held-out articles too (not while tuning)")
    args = parser.parse_args(argv)
    try:
        gold, texts = load(args.seeds)
    except ValueError as error:
        print(f"eval_suggestions: {error}", file=sys.stderr)
        return 2
    result = evaluate(gold, texts)
    biggest = max(texts.values(), key=lambda t: len(t.encode("utf-8")))
    result["timing"] = timing(biggest)
    result["timing"]["text_bytes"] = len(biggest.encode("utf-8"))
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    for part, rows in result["scores"].items():
        print(f"{part} ({', '.join(n[:3] for n in gold[part])}):")
        for key, value in rows.items():
            print(f"  {key:15} precision {value['precision']:.3f}  recall {value['recall']:.3f}  ({value['right']} right of {value['suggested']} suggested, {value['tagged']} tagged)")
    t = result["timing"]
    print(f"time on the largest seed ({t['text_bytes']} bytes): median {t['median_ms']} ms, first {t['first_ms']} ms, max {t['max_ms']} ms; lexicon load {t['load_ms']} ms")
    if args.errors:
        for name, labels in result["errors"].items():
            if name in gold["held_out"] and not args.held_out_errors:
                continue
            for label, lists in labels.items():
                print(f"{name} {label} missed: {' | '.join(lists['missed'])}")
                print(f"{name} {label} wrong:  {' | '.join(lists['wrong_with_cue'] or lists['wrong'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Cue suggestions: normalization, whole words with clitics, offsets into the original text, precision and recall."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.cues import load_lexicon, suggest_cues

FIXTURES = Path(__file__).parent / "fixtures" / "cue_fixtures.jsonl"
LEXICON = load_lexicon()


def found(text: str) -> list[str]:
    return [s.text for s in suggest_cues(text, LEXICON)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وفقًا لمصادر مطلعة", ["وفقًا"]),
        ("وفقا للبيان", ["وفقا"]),
        ("اكد الوزير", ["اكد"]),
        ("قـــال الوزير", ["قـــال"]),
        ("فأكّدَ الوزير", ["فأكّدَ"]),
        ("وبحسب الوزير", ["وبحسب"]),
        ("لم تتلقَّ الوزارة شيئًا", ["لم تتلقَّ"]),
        ("نقلًا عن الوزير", ["نقلًا عن"]),
    ],
)
def test_forms_that_match(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", ["قالب حلوى", "في الحسبان", "وفقًا الخطة", "نقلًا\nعن الوزير", "مقال الوزير"])
def test_forms_that_do_not_match(text: str) -> None:
    assert found(text) == []


def test_offsets_point_into_the_original_text_after_emoji_and_harakat() -> None:
    text = "😀 قـالَ الرَّئيسُ، ثم نَفَتْ 👍🏽 الوزارة"
    suggestions = suggest_cues(text, LEXICON)
    assert [(s.text, s.speech_act, s.kind) for s in suggestions] == [("قـالَ", "assert", "report"), ("نَفَتْ", "deny", "denial")]
    for suggestion in suggestions:
        assert text[suggestion.start : suggestion.end] == suggestion.text


def test_the_longest_phrase_wins() -> None:
    [suggestion] = suggest_cues("وجاء في تقرير الصحيفة أن الوفد غادر", LEXICON)
    assert suggestion.text == "وجاء في تقرير"


def test_a_broken_lexicon_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "cues.json"
    bad.write_text('{"cues": [{"phrase": "قال", "speech_act": "shout"}]}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"cues.json: cue 0 \(قال\) has an unknown speech_act"):
        load_lexicon(bad)


def test_precision_and_recall_on_hand_annotated_sentences() -> None:
    tp = fp = fn = 0
    for line in FIXTURES.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold = {tuple(cue) for cue in record["cues"]}
        got = {(s.start, s.end) for s in suggest_cues(record["text"], LEXICON)}
        tp, fp, fn = tp + len(gold & got), fp + len(got - gold), fn + len(gold - got)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"cue suggestions: precision {precision:.3f}, recall {recall:.3f} ({tp} right, {fp} wrong, {fn} missed)")
    # Self-written sentences flatter the suggester (the issue: 0.95 / 1.00 here, 0.91 / 0.49 on real news); the
    # figures that count are those on the real seed articles (tests/services/test_suggestions.py). Here:
    # 21 right, 3 wrong (the noun «طلب», «رفض» of a refusal to play, «أدلى بتصريحات» with no content).
    assert precision >= 0.85
    assert recall >= 0.95


WORDS = st.sampled_from(["قال", "وفقًا", "لمصادر", "نفت", "الوزارة", "قـــال", "بحسب", "لم", "تتلقَّ", "ـ", "😀", "،", "ً"])


@given(st.lists(WORDS, max_size=20), st.lists(st.sampled_from([" ", "\u00a0", "\n", ""]), min_size=20, max_size=20))
def test_every_suggestion_covers_exactly_its_text(words: list[str], gaps: list[str]) -> None:
    text = "".join(word + gap for word, gap in zip(words, gaps))
    for suggestion in suggest_cues(text, LEXICON):
        assert text[suggestion.start : suggestion.end] == suggestion.text
        assert suggestion.start < suggestion.end

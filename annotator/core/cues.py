"""Suggest attribution and denial cues (قال، وفقًا لـ، نفت …) from an editable lexicon, on normalized Arabic."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from annotator import paths
from annotator.core.arabic import Token, tokens
from annotator.core.normalize import fold
from annotator.core.offsets import grapheme_ceil

CLITICS = "وفبل"
SPEECH_ACTS = {"assert", "report", "confirm", "deny", "allege", "warn", "other"}
KINDS = {"report", "denial"}
GAP = {" ", "\u00a0", "\t"}


@dataclass(frozen=True, slots=True)
class Cue:
    phrase: str
    speech_act: str
    kind: str
    words: tuple[str, ...]  # folded
    lam_follows: bool  # "وفقًا لـ": the next word must start with ل


@dataclass(frozen=True, slots=True)
class CueSuggestion:
    start: int
    end: int
    text: str
    phrase: str
    speech_act: str
    kind: str


class Lexicon:
    def __init__(self, cues: list[Cue]) -> None:
        self.by_first_word: dict[str, list[Cue]] = defaultdict(list)
        for cue in cues:
            self.by_first_word[cue.words[0]].append(cue)
        for entries in self.by_first_word.values():
            entries.sort(key=lambda cue: (-len(cue.words), not cue.lam_follows))


def default_lexicon_path() -> Path:
    return paths.RESOURCES / "lexicons" / "cues.json"


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read and check a lexicon file; ValueError names the file and the entry that is wrong."""
    path = path or default_lexicon_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{path}: cannot be read as a JSON lexicon: {error}") from None
    entries = data.get("cues") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ValueError(f"{path}: needs a list under \"cues\"")
    cues = []
    for number, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("phrase"), str) or not entry["phrase"].strip():
            raise ValueError(f"{path}: cue {number} has no phrase")
        if entry.get("speech_act", "other") not in SPEECH_ACTS or entry.get("kind", "report") not in KINDS:
            raise ValueError(f"{path}: cue {number} ({entry['phrase']}) has an unknown speech_act or kind")
        words = fold(entry["phrase"].replace("ـ", "")).split()
        lam_follows = len(words) > 1 and words[-1] == "ل"
        cues.append(
            Cue(
                phrase=entry["phrase"],
                speech_act=entry.get("speech_act", "other"),
                kind=entry.get("kind", "report"),
                words=tuple(words[:-1] if lam_follows else words),
                lam_follows=lam_follows,
            )
        )
    return Lexicon(cues)


def suggest_cues(text: str, lexicon: Lexicon) -> list[CueSuggestion]:
    """Whole-word matches, each word allowed one clitic prefix on the first word; longest first, no overlaps."""
    words = tokens(text)
    folded = [fold(word.text) for word in words]
    found: list[CueSuggestion] = []
    index = 0
    while index < len(words):
        match = _match_at(text, words, folded, index, lexicon)
        if match is None:
            index += 1
            continue
        cue, length = match
        start, end = words[index].start, grapheme_ceil(text, words[index + length - 1].end)
        found.append(CueSuggestion(start, end, text[start:end], cue.phrase, cue.speech_act, cue.kind))
        index += length
    return found


def _match_at(text: str, words: list[Token], folded: list[str], index: int, lexicon: Lexicon) -> tuple[Cue, int] | None:
    first = folded[index]
    forms = [first]
    if len(first) > 2 and first[0] in CLITICS:
        forms.append(first[1:])
    for form in forms:
        for cue in lexicon.by_first_word.get(form, ()):
            length = len(cue.words)
            if index + length > len(words) or (cue.lam_follows and index + length >= len(words)):
                continue
            if list(folded[index + 1 : index + length]) != list(cue.words[1:]):
                continue
            if not all(_adjacent(text, words[i], words[i + 1]) for i in range(index, index + length - 1)):
                continue
            if cue.lam_follows:
                following = index + length
                if not folded[following].startswith("ل") or not _adjacent(text, words[following - 1], words[following]):
                    continue
            return cue, length
    return None


def _adjacent(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    return bool(gap) and all(ch in GAP for ch in gap)

"""Suggest attribution and denial cues (قال، يقول، قائلًا، وفقًا لـ، تصريح، نفت …) and the sources they introduce.

The lexicon (resources/lexicons/cues.json) has verbs, given once and matched in every third-person form that
libqutrub generated for them (cue_forms.json, see annotator.core.cue_forms), and phrases matched as written:
adverbial participles, nominal and prepositional cues, fixed phrases. Matching is on folded Arabic, word by
word, so a document is one dictionary look-up per word.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from annotator import paths
from annotator.core.arabic import Token, tokens
from annotator.core.cue_forms import default_forms_path
from annotator.core.normalize import fold
from annotator.core.offsets import grapheme_ceil

CLITICS = "وفبل"  # one of these may start the first word of a phrase
CONJUNCTIONS = "وف"  # and only these (then the future س) a verb: «بحذر» is not «حذر»
SPEECH_ACTS = {"assert", "report", "confirm", "deny", "allege", "warn", "other"}
KINDS = {"report", "denial"}
GAP = {" ", "\u00a0", "\t"}
SENTENCE_END = set(".!?؟\n")
OPENERS = set(':"“«')
COMPLEMENTIZERS = frozenset(
    fold(word)
    for word in "أن أنه أنها أنهم أنهما أنهن أننا أنني إن إنه إنها إنهم إننا بأن بأنه بأنها بأنهم بأنهما وأن".split()
)
TEMPORAL = frozenset(fold(word) for word in "بعد قبل منذ دون حين".split())  # «بعد أن» is not a complement
NOMINAL_AFTER_VERB = 4  # a nominal cue this close after a verbal one belongs to it («قال في تصريح»)


@dataclass(frozen=True, slots=True)
class Cue:
    phrase: str
    speech_act: str
    kind: str
    words: tuple[str, ...]  # folded
    lam_follows: bool = False  # "وفقًا لـ": the next word must start with ل
    pos: str = "phrase"  # verb | passive | phrase | nominal | preposition | participle
    complement: int = 0  # > 0: أن/إن … (or one of complement_words) must follow within that many words
    complement_words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class CueSuggestion:
    start: int
    end: int
    text: str
    phrase: str
    speech_act: str
    kind: str


@dataclass(frozen=True, slots=True)
class SourceSuggestion:
    """The noun phrase a cue introduces («قال مسؤول أمريكي كبير»): offered as a SOURCE."""

    start: int
    end: int
    text: str
    cue_start: int  # the cue it belongs to
    cue_end: int
    label: str = "SOURCE"  # the service puts the scheme's source label here


@dataclass(frozen=True, slots=True)
class Suggestions:
    cues: list[CueSuggestion]
    sources: list[SourceSuggestion]


@dataclass(frozen=True, slots=True)
class Match:
    """A cue found at words[first:last]; what the source finder works from."""

    cue: Cue
    first: int
    last: int  # exclusive


class Lexicon:
    def __init__(self, cues: list[Cue], verb_forms: dict[str, Cue] | None = None) -> None:
        self.by_first_word: dict[str, list[Cue]] = defaultdict(list)
        for cue in cues:
            self.by_first_word[cue.words[0]].append(cue)
        for entries in self.by_first_word.values():
            entries.sort(key=lambda cue: (-len(cue.words), not cue.lam_follows))
        self.verb_forms: dict[str, Cue] = verb_forms or {}


def default_lexicon_path() -> Path:
    return paths.RESOURCES / "lexicons" / "cues.json"


def load_lexicon(path: Path | None = None, forms_path: Path | None = None) -> Lexicon:
    """Read and check a lexicon file; ValueError names the file and the entry that is wrong.

    The verbs' forms come from cue_forms.json beside it; a verb missing there (the lexicon was edited and
    the forms not generated again) is matched in the form it is written in only."""
    path = path or default_lexicon_path()
    data = _read_json(path)
    entries = data.get("cues") if isinstance(data, dict) else None
    verbs = data.get("verbs", []) if isinstance(data, dict) else None
    if not isinstance(entries, list) or not isinstance(verbs, list):
        raise ValueError(f"{path}: needs a list under \"cues\" (and \"verbs\", if any, a list)")
    cues = [_phrase_cue(path, number, entry) for number, entry in enumerate(entries)]
    forms_path = forms_path or path.with_name(default_forms_path().name)
    generated = _read_json(forms_path).get("forms", {}) if verbs and forms_path.is_file() else {}
    verb_forms: dict[str, Cue] = {}
    for number, entry in enumerate(verbs):
        if not isinstance(entry, dict) or not isinstance(entry.get("verb"), str) or not entry["verb"].strip():
            raise ValueError(f"{path}: verb {number} has no verb")
        _check_acts(path, f"verb {number}", entry, entry["verb"])
        complement = entry.get("complement") or {}
        cue = Cue(
            phrase=entry["verb"],
            speech_act=entry.get("speech_act", "other"),
            kind=entry.get("kind", "report"),
            words=(fold(entry["verb"]),),
            pos="verb",
            complement=int(complement.get("within", 0)),
            complement_words=frozenset(fold(word) for word in complement.get("words", [])),
        )
        voices = generated.get(entry["verb"]) or {"active": [fold(entry["verb"])]}
        for voice, forms in voices.items():
            for form in forms:
                verb_forms.setdefault(form, cue if voice == "active" else replace(cue, pos="passive"))
    return Lexicon(cues, verb_forms)


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{path}: cannot be read as a JSON lexicon: {error}") from None
    return data if isinstance(data, dict) else {}


def _check_acts(path: Path, where: str, entry: dict, name: str) -> None:
    if entry.get("speech_act", "other") not in SPEECH_ACTS or entry.get("kind", "report") not in KINDS:
        raise ValueError(f"{path}: {where} ({name}) has an unknown speech_act or kind")


def _phrase_cue(path: Path, number: int, entry: object) -> Cue:
    if not isinstance(entry, dict) or not isinstance(entry.get("phrase"), str) or not entry["phrase"].strip():
        raise ValueError(f"{path}: cue {number} has no phrase")
    _check_acts(path, f"cue {number}", entry, entry["phrase"])
    words = fold(entry["phrase"].replace("ـ", "")).split()
    lam_follows = len(words) > 1 and words[-1] == "ل"
    complement = entry.get("complement") or {}
    pos = next((key for key in ("nominal", "preposition", "participle") if entry.get(key)), "phrase")
    return Cue(
        phrase=entry["phrase"],
        speech_act=entry.get("speech_act", "other"),
        kind=entry.get("kind", "report"),
        words=tuple(words[:-1] if lam_follows else words),
        lam_follows=lam_follows,
        pos=pos,
        complement=int(complement.get("within", 0)),
        complement_words=frozenset(fold(word) for word in complement.get("words", [])),
    )


def suggest_cues(text: str, lexicon: Lexicon) -> list[CueSuggestion]:
    """Whole-word matches, longest first, no overlaps."""
    return suggest(text, lexicon, sources=False).cues


def suggest(text: str, lexicon: Lexicon, *, sources: bool = True) -> Suggestions:
    """The cues in a text and (unless sources=False) the noun phrases they attribute to."""
    words = tokens(text)
    folded = [fold(word.text) for word in words]
    matches = find_matches(text, words, folded, lexicon)
    cues = []
    for match in matches:
        start, end = words[match.first].start, grapheme_ceil(text, words[match.last - 1].end)
        cues.append(CueSuggestion(start, end, text[start:end], match.cue.phrase, match.cue.speech_act, match.cue.kind))
    found_sources: list[SourceSuggestion] = []
    if sources:
        from annotator.core.cue_sources import find_sources

        found_sources = find_sources(text, words, folded, matches, lexicon)
    return Suggestions(cues, found_sources)


def find_matches(text: str, words: list[Token], folded: list[str], lexicon: Lexicon) -> list[Match]:
    found: list[Match] = []
    index = 0
    while index < len(words):
        match = _match_at(text, words, folded, index, lexicon)
        if match is None or (match.cue.pos == "nominal" and _just_after_verb(text, words, found, index)):
            index += 1
            continue
        found.append(match)
        index = match.last
    return found


def _just_after_verb(text: str, words: list[Token], found: list[Match], index: int) -> bool:
    if not found or found[-1].cue.pos == "nominal" or index - found[-1].last > NOMINAL_AFTER_VERB:
        return False
    return not any(ch in SENTENCE_END for ch in text[words[found[-1].last - 1].end : words[index].start])


def _match_at(text: str, words: list[Token], folded: list[str], index: int, lexicon: Lexicon) -> Match | None:
    first = folded[index]
    phrase = _phrase_at(text, words, folded, index, lexicon)
    if phrase is not None and len(phrase.cue.words) > 1:
        return phrase
    verb = lexicon.verb_forms.get(first)
    if verb is None and len(first) > 2 and first[0] in CONJUNCTIONS:
        verb = lexicon.verb_forms.get(first[1:])
        first = first[1:]
    if verb is None and len(first) > 3 and first[0] == "س" and first[1] in "يتن":
        verb = lexicon.verb_forms.get(first[1:])
    if verb is not None and (phrase is None or len(first) >= len(phrase.cue.words[0])):
        if _complement_follows(text, words, folded, index + 1, verb):
            return Match(verb, index, index + 1)
    if phrase is not None and _complement_follows(text, words, folded, phrase.last, phrase.cue):
        return phrase
    return None


def _phrase_at(text: str, words: list[Token], folded: list[str], index: int, lexicon: Lexicon) -> Match | None:
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
            return Match(cue, index, index + length)
    return None


def _complement_follows(text: str, words: list[Token], folded: list[str], after: int, cue: Cue) -> bool:
    """True when the cue needs nothing, or when its complement (أن، إن، بأن … or its own words; for an
    ordinary complement also a colon or an opening quote) comes within its window, in the same sentence."""
    if not cue.complement:
        return True
    wanted = cue.complement_words or COMPLEMENTIZERS
    previous_end = words[after - 1].end
    for index in range(after, min(len(words), after + cue.complement)):
        gap = text[previous_end : words[index].start]
        if any(ch in SENTENCE_END for ch in gap):
            return False
        if not cue.complement_words and index == after and any(ch in OPENERS for ch in gap):
            return True
        if folded[index] in wanted and not (index > after and folded[index - 1] in TEMPORAL):
            return True
        previous_end = words[index].end
    return False


def _adjacent(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    return bool(gap) and all(ch in GAP for ch in gap)


__all__ = [
    "Cue",
    "CueSuggestion",
    "Lexicon",
    "Match",
    "SourceSuggestion",
    "Suggestions",
    "default_lexicon_path",
    "find_matches",
    "load_lexicon",
    "suggest",
    "suggest_cues",
]

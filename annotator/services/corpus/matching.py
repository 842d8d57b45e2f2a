"""Which canonical source a name is: rapidfuzz finds the candidates, then rules for Arabic names score them
(the surname alone, a name with a part left out, a spelling a letter or two apart)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from annotator.services.corpus.names import UNNAMED, head, is_descriptive, is_relational, name_key

SUGGEST_AT = 85.0  # a score from which a canonical source is offered for a SOURCE span
_CANDIDATES = 10


@dataclass(frozen=True, slots=True)
class Match:
    key: str  # the alias key that matched
    owner: int  # whose key it is: a canonical source id, or a group number
    score: float


def score(query: str, alias: str) -> float:
    """How surely two name keys name the same source, 0–100."""
    if not query or not alias:
        return 0.0
    if query == alias:
        return 100.0
    ours, theirs = query.split(), alias.split()
    whole = fuzz.ratio(query, alias)
    if head(tuple(ours)) in UNNAMED or head(tuple(theirs)) in UNNAMED or is_relational(query) or is_relational(alias):
        return max(whole, fuzz.token_sort_ratio(query, alias))  # «مسؤول أمريكي كبير», «إدارة أوباما»: no part stands for the whole
    if len(ours) == 1 and len(theirs) == 1 and abs(len(query) - len(alias)) > 1:
        return min(whole, 80.0)  # a suffix apart: «الجمهوري» is not «الجمهوريون», «الأمريكي» not «الأمريكيون»
    if len(ours) == 1 and len(theirs) > 1 or len(theirs) == 1 and len(ours) > 1:
        single, full = (ours[0], theirs) if len(ours) == 1 else (theirs[0], ours)
        if single == full[-1]:
            return max(whole, 95.0)  # the surname alone: «أوباما» for «باراك أوباما»
        if len(single) >= 4 and abs(len(single) - len(full[-1])) <= 1 and fuzz.ratio(single, full[-1]) >= 85:
            return max(whole, 88.0)  # the surname spelled otherwise: «ترمب» for «دونالد ترامب»
        if single in full[:-1]:
            return max(whole, 60.0)  # a first name alone says little
    if len(ours) > 1 and len(theirs) > 1:
        if set(ours) <= set(theirs) or set(theirs) <= set(ours):
            if ours[-1] == theirs[-1]:
                return max(whole, 92.0)  # a part left out: «علي خامنئي» for «آية الله علي خامنئي»
        same_length = len(ours) == len(theirs)
        if same_length and all(fuzz.ratio(a, b) >= 80 for a, b in zip(ours, theirs)):
            return max(whole, 90.0)  # each word a letter or two apart: «وول ستريت» / «وول استريت»
    return whole


def _ends(key: str) -> tuple[str, str]:
    first = key.find(" ")
    if first < 0:
        return key, key
    return key[:first], key[key.rfind(" ") + 1 :]


class Matcher:
    """Name keys with their owners, searched by rapidfuzz and scored by `score`.

    Only keys that share their first or their last word with the name, or have one a letter or two from it, are
    compared (blocking): the surname, the outlet's last word, the head of an unnamed source («مسؤول …»). A name that
    shares neither with a key is not that key's source."""

    def __init__(self, keys: Iterable[tuple[str, int]] = ()) -> None:
        pairs = [(key, owner) for key, owner in keys if key]
        self.keys: list[str] = [key for key, _owner in pairs]
        self.owners: list[int] = [owner for _key, owner in pairs]
        self._blocks: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})  # key indexes by first word, by last
        firsts, lasts = self._blocks
        for index, key in enumerate(self.keys):
            first, last = _ends(key)
            firsts.setdefault(first, []).append(index)
            lasts.setdefault(last, []).append(index)
        self._texts: dict[tuple[int, str], list[str]] = {}  # each block's keys, made when first searched
        self._words: tuple[list[str], list[str]] | None = None  # each side's words, for fuzzy lookup

    def add(self, key: str, owner: int) -> None:
        if not key:
            return
        index = len(self.keys)
        self.keys.append(key)
        self.owners.append(owner)
        for side, word in enumerate(_ends(key)):
            block = self._blocks[side].get(word)
            if block is None:
                self._blocks[side][word] = [index]
                if self._words is not None:
                    self._words[side].append(word)
            else:
                block.append(index)
                texts = self._texts.get((side, word))
                if texts is not None:
                    texts.append(key)

    def _candidates(self, query: str) -> set[int]:
        if self._words is None:
            self._words = (list(self._blocks[0]), list(self._blocks[1]))
        found: set[int] = set()
        for side, word in enumerate(_ends(query)):
            for near, _score, _index in process.extract(word, self._words[side], scorer=fuzz.ratio, limit=5, score_cutoff=80):
                block = self._blocks[side][near]
                texts = self._texts.get((side, near))
                if texts is None:
                    texts = self._texts[(side, near)] = [self.keys[index] for index in block]
                for _key, _value, position in process.extract(query, texts, scorer=fuzz.token_set_ratio, limit=_CANDIDATES):
                    found.add(block[position])
        return found

    def matches(self, text: str, *, limit: int = 5, at_least: float = SUGGEST_AT, key: str | None = None) -> list[Match]:
        """The best owners for a name, each once, best first."""
        query = key if key is not None else name_key(text)
        if not query or not self.keys:
            return []
        best: dict[int, Match] = {}
        for index in self._candidates(query):
            value = score(query, self.keys[index])
            owner = self.owners[index]
            if value >= at_least and (owner not in best or value > best[owner].score):
                best[owner] = Match(self.keys[index], owner, value)
        return sorted(best.values(), key=lambda m: (-m.score, m.owner))[:limit]


def group_names(texts: list[str], scopes: list[str] | None = None) -> list[list[int]]:
    """Indexes of the names grouped by who they name (a name joins the best group it matches), largest first.

    Longer names are placed first, so that a surname alone joins the full name's group. A phrase of titles only
    («الرئيس الأمريكي») is grouped only within its scope (its article, where `scopes` gives them): it names the
    president of that article's day."""
    keys = [name_key(text) for text in texts]
    if scopes is not None:
        keys = [f"{key} @{scope}" if is_descriptive(text) else key for key, text, scope in zip(keys, texts, scopes)]
    order = sorted(range(len(texts)), key=lambda i: (-len(keys[i].split()), -len(keys[i]), i))
    matcher = Matcher()
    groups: list[list[int]] = []
    by_key: dict[str, int] = {}
    for index in order:
        key = keys[index]
        if not key:
            continue
        if key in by_key:
            groups[by_key[key]].append(index)
            continue
        if scopes is not None and is_descriptive(texts[index]):  # the same titles in the same article only
            by_key[key] = len(groups)
            groups.append([index])
            continue
        found = matcher.matches(texts[index], limit=2, key=key)
        if found and (len(found) == 1 or found[0].score > found[1].score):
            group = found[0].owner  # ambiguous («علي» for two Alis): a group of its own
        else:
            group = len(groups)
            groups.append([])
        groups[group].append(index)
        by_key[key] = group
        matcher.add(key, group)
    return sorted((sorted(group) for group in groups if group), key=lambda g: (-len(g), g[0]))

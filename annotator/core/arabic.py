"""Arabic text handling over pyarabic: words with offsets and snapping a selection to whole words."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pyarabic.araby as araby

from annotator.core.offsets import grapheme_ceil, grapheme_floor


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def _is_word_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LNM" or ch in "\u0640\u200c\u200d"


@lru_cache(maxsize=4)
def _tokens(text: str) -> tuple[Token, ...]:
    return tuple(_find_tokens(text))


def tokens(text: str) -> list[Token]:
    """Words with their code point offsets; punctuation pyarabic leaves glued to a word is cut off.
    The last few texts are remembered: opening an article asks for its words more than once."""
    return list(_tokens(text))


def _find_tokens(text: str) -> list[Token]:
    found: list[Token] = []
    for item in araby.tokenize_with_location(text):
        start, end = item["start"], item["end"]
        while start < end and not _is_word_char(text[start]):
            start += 1
        while end > start and not _is_word_char(text[end - 1]):
            end -= 1
        if start < end:
            found.append(Token(text[start:end], start, end))
    return found


def snap_to_words(text: str, start: int, end: int, words: list[Token] | None = None) -> tuple[int, int]:
    """The whole words a selection touches, from the first word's start to the last word's end.

    Space and punctuation at the edges are left out. A selection that touches no word (only
    punctuation, say) is kept, trimmed of white space and moved to grapheme boundaries.
    """
    start, end = sorted((max(0, start), min(len(text), end)))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, end
    touched = [token for token in (words if words is not None else tokens(text)) if token.end > start and token.start < end]
    if not touched:
        return snap_to_graphemes(text, start, end)
    return snap_to_graphemes(text, touched[0].start, touched[-1].end)


def snap_to_graphemes(text: str, start: int, end: int) -> tuple[int, int]:
    """Keep the exact selection but never split a letter from its harakat or an emoji sequence."""
    start, end = sorted((start, end))
    return grapheme_floor(text, start), grapheme_ceil(text, end)


_CONJUNCTIONS = "وف"
_PREPOSITIONS = "لبك"
_HAMZA_ALEFS = "أإآ"


def without_proclitic(text: str, start: int, end: int) -> int:
    """Where a phrase starts once a leading preposition clitic is left out: «لأشخاص مطلعين» starts at «أشخاص»,
    «بالرئيس» at «الرئيس», «وللرئيس» stays (its article's alef is gone, so no whole word remains).

    Only a preposition (ل ب ك, after an optional و or ف) glued to a word that begins with the article ال or
    with a hamza on alef is taken off: a word that merely begins with those letters («لبنان», «بيان», «كبير»)
    stays whole.
    """
    position = start
    if position < end and text[position] in _CONJUNCTIONS and position + 1 < end and text[position + 1] in _PREPOSITIONS:
        position += 1
    if position < end and text[position] in _PREPOSITIONS:
        rest = text[position + 1 : end]
        if rest.startswith("ال") or (rest[:1] and rest[0] in _HAMZA_ALEFS):
            return position + 1
    return start

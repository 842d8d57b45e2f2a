"""Arabic normalization for search and matching: one folded character per source character, with a map back."""

from __future__ import annotations

import pyarabic.araby as araby

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه",
}


DROPPED = frozenset(araby.TASHKEEL) | {araby.TATWEEL, "\u0670", "\u200c", "\u200d", "\u200e", "\u200f"}
# ASCII case only: str.lower() can change a text's length ("İ"), which would break the offset map.
_TABLE = str.maketrans({**{ch: None for ch in DROPPED}, **_FOLD, **{chr(c): chr(c + 32) for c in range(65, 91)}})


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Text with harakat, tatweel and direction marks removed and hamza/alef, teh marbuta and alef
    maqsura folded; with, for each folded character, its offset in the original text."""
    positions = [index for index, ch in enumerate(text) if ch not in DROPPED]
    return fold(text), positions


def fold(text: str) -> str:
    """The search form of a text; `fold("وفقًا") == fold("وفقا")`. One character out per character kept."""
    return text.translate(_TABLE)


PROCLITICS = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_BY_FIRST_LETTER = {letter: tuple(c for c in PROCLITICS if c[0] == letter) for letter in {c[0] for c in PROCLITICS}}


def index_form(text: str) -> str:
    """What the full-text index stores: each folded word, followed by its forms without clitics
    (والرسالة → والرساله رساله الرساله), so that a search for رسالة finds برسالة and والرسالة."""
    words = []
    for word in fold(text).split():
        words.append(word)
        for clitic in _BY_FIRST_LETTER.get(word[0], ()):
            if word.startswith(clitic) and len(word) - len(clitic) >= 3:
                words.append(word[len(clitic):])
    return " ".join(words)

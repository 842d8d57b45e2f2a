"""Arabic normalization for search and matching: one folded character per source character, with a map back."""

from __future__ import annotations

import re
from bisect import bisect_right

import pyarabic.araby as araby

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه",
}


DROPPED = frozenset(araby.TASHKEEL) | {araby.TATWEEL, "\u0670", "\u200c", "\u200d", "\u200e", "\u200f"}
# ASCII case only: str.lower() can change a text's length ("İ"), which would break the offset map.
_TABLE = str.maketrans({**{ch: None for ch in DROPPED}, **_FOLD, **{chr(c): chr(c + 32) for c in range(65, 91)}})


_DROPPED_PATTERN = re.compile("[" + "".join(re.escape(ch) for ch in sorted(DROPPED)) + "]")


class FoldedText:
    """A text's search form with the way back, found without a pass over every character in Python: only the
    dropped characters (harakat, tatweel, marks) are listed, and a folded offset is mapped by bisecting them."""

    __slots__ = ("_dropped", "text")

    def __init__(self, original: str) -> None:
        self.text = fold(original)
        # Where each dropped character would stand in the folded text.
        self._dropped = [match.start() - number for number, match in enumerate(_DROPPED_PATTERN.finditer(original))]

    def original(self, index: int) -> int:
        """The offset in the original text of the folded character at `index`."""
        return index + bisect_right(self._dropped, index)


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

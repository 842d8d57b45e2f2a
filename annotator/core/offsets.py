"""Map between Python code point offsets and Qt's UTF-16 positions, and find grapheme boundaries."""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right


class Utf16Map:
    """Converts offsets in one text between code points and UTF-16 code units.

    Only characters beyond the Basic Multilingual Plane (emoji, some CJK) take two UTF-16
    units, so the map keeps just their positions and converts with a binary search.
    """

    __slots__ = ("_astral_cp", "_astral_u16", "length_cp", "length_u16")

    def __init__(self, text: str) -> None:
        # Astral characters are rare: one encoding pass tells whether there is any before looking for them.
        has_astral = len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
        self._astral_cp = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if has_astral else []
        self._astral_u16 = [cp + n for n, cp in enumerate(self._astral_cp)]
        self.length_cp = len(text)
        self.length_u16 = len(text) + len(self._astral_cp)

    def to_utf16(self, cp: int) -> int:
        if not 0 <= cp <= self.length_cp:
            raise ValueError(f"code point offset {cp} outside 0..{self.length_cp}")
        return cp + bisect_left(self._astral_cp, cp)

    def to_code_point(self, u16: int) -> int:
        """The code point offset at a UTF-16 position; one inside a surrogate pair rounds down."""
        if not 0 <= u16 <= self.length_u16:
            raise ValueError(f"UTF-16 offset {u16} outside 0..{self.length_u16}")
        return u16 - bisect_right(self._astral_u16, u16 - 1)


_EXTENDERS = {0x200D, 0xFE0E, 0xFE0F} | set(range(0x1F3FB, 0x1F400)) | set(range(0xE0020, 0xE0080))


def _extends_grapheme(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me", "Mc") or ord(ch) in _EXTENDERS


def is_grapheme_boundary(text: str, pos: int) -> bool:
    """True where a span may start or end without splitting a letter from its harakat."""
    if pos <= 0 or pos >= len(text):
        return True
    if _extends_grapheme(text[pos]):
        return False
    return ord(text[pos - 1]) != 0x200D


def grapheme_floor(text: str, pos: int) -> int:
    while not is_grapheme_boundary(text, pos):
        pos -= 1
    return pos


def grapheme_ceil(text: str, pos: int) -> int:
    while not is_grapheme_boundary(text, pos):
        pos += 1
    return pos

"""Decode article files and bring their text to the one canonical form the project stores."""

from __future__ import annotations

import codecs
import re
import unicodedata

from annotator.core.errors import InputError

_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f", "\v"}


def decode_article(data: bytes, *, path: str) -> str:
    """Text of an article file: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1256."""
    if not data.strip():
        raise InputError("the file is empty", path=path)
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[len(codecs.BOM_UTF8):], "utf-8", path)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", path)
    else:
        if b"\x00" in data:
            raise InputError(_nul_reason(data), path=path)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _strict(data, "cp1256", path)
            if not any("\u0600" <= ch <= "\u06ff" for ch in text):
                raise InputError(
                    "not UTF-8 and not Arabic Windows-1256 text (binary or unknown encoding)", path=path
                ) from None
    check_text(text, path=path)
    return canonical_text(text)


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"cannot be decoded as {encoding} (byte {error.start}): binary or unknown encoding", path=path
        ) from None


def _nul_reason(data: bytes) -> str:
    position = data.index(0)
    return f"contains a NUL byte at byte {position}: binary file or UTF-16 without a BOM"


FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def check_text(text: str, *, path: str | None = None, line: int | None = None) -> None:
    """Refuse text no article contains: NUL, other control characters, lone surrogates."""
    found = FORBIDDEN.search(text)
    if found is None:
        return
    for index, ch in enumerate(text[found.start() :], start=found.start()):
        if ch == "\x00":
            raise InputError(f"contains a NUL character at offset {index}", path=path, line=line)
        category = unicodedata.category(ch)
        if category == "Cc" and ch not in _ALLOWED_CONTROLS:
            raise InputError(
                f"contains the control character U+{ord(ch):04X} at offset {index} (binary file?)",
                path=path,
                line=line,
            )
        if category == "Cs":
            raise InputError(f"contains a lone surrogate at offset {index}", path=path, line=line)


def canonical_text(text: str) -> str:
    """CRLF and CR become LF; a leading BOM is dropped. Nothing else changes."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def canonical_offset_map(text: str) -> list[int]:
    """For each offset 0..len(text) of the raw text, its offset in canonical_text(text)."""
    mapping: list[int] = []
    out = 0
    skip_bom = text.startswith("\ufeff")
    for index, ch in enumerate(text):
        mapping.append(out)
        if (index == 0 and skip_bom) or (ch == "\r" and text[index + 1 : index + 2] == "\n"):
            continue
        out += 1
    mapping.append(out)
    return mapping

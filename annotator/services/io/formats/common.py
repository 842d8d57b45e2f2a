"""What the importers share: JSON read without a traceback whatever the bytes, offsets checked as whole
numbers, raw texts canonicalized with their offsets carried along, and the count of what was not kept."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from typing import Any

from annotator.core.errors import InputError
from annotator.core.textio import canonical_offset_map, canonical_text, check_text


def decode_utf8(data: bytes, *, path: str, what: str = "the file") -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8: {what} has an undecodable byte at offset {error.start}", path=path) from None


def load_json(text: str, *, path: str | None = None, line: int | None = None, what: str = "JSON") -> Any:
    """json.loads, with every way it fails (nesting too deep, numbers too large) as one InputError."""
    try:
        value = json.loads(text, parse_constant=_no_constant)
        if _may_hold_surrogates(text):  # else no text in it can hold one
            _no_lone_surrogates(value)
        return value
    except _Surrogate as error:
        raise InputError(f"malformed {what}: the text {_short(error.args[0])} holds a lone surrogate (an escape like \\ud800 "
                         "without its pair), which is no character", path=path, line=line) from None
    except json.JSONDecodeError as error:
        where = f" (line {error.lineno}, column {error.colno})" if line is None else f" (column {error.colno})"
        raise InputError(f"malformed {what}: {error.msg}{where}", path=path, line=line if line is not None else error.lineno) from None
    except RecursionError:
        raise InputError(f"malformed {what}: nested too deeply", path=path, line=line) from None
    except ValueError as error:  # NaN/Infinity, or an integer with too many digits
        raise InputError(f"malformed {what}: {error}", path=path, line=line) from None


class _Surrogate(Exception):
    pass


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _may_hold_surrogates(text: str) -> bool:
    """A lone surrogate in a parsed value comes from a surrogate escape, or from the text itself holding one."""
    if "\\u" in text and _SURROGATE_ESCAPE.search(text):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _no_lone_surrogates(value: Any) -> None:
    """Every text in a parsed JSON value encodes as UTF-8 (JSON escapes can write half a surrogate pair)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if not item.isascii():
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    raise _Surrogate(item) from None
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def offset(value: Any, what: str) -> int:
    """A text offset as a whole number (1e400, NaN, true and "3" are refused)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or (isinstance(value, float) and not (math.isfinite(value) and value.is_integer())):
        raise InputError(f"{what}: offset {_short(value)} is not a whole number")
    return int(value)


def text_value(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"{what} is not text but {_kind(value)}")
    return value


def mapping(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f"{what} is not an object but {_kind(value)}")
    return value


def listing(value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(f"{what} is not a list but {_kind(value)}")
    return value


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", int: "a number", float: "a number"}.get(
        type(value), "null" if value is None else type(value).__name__
    )


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:39] + "…"


class RawText:
    """A text as the file gives it and as the project keeps it (LF line ends, no BOM), with offsets mapped."""

    def __init__(self, raw: Any, what: str = "text") -> None:
        self.raw = text_value(raw, what)
        check_text(self.raw)
        self.text = canonical_text(self.raw)
        self._moved = canonical_offset_map(self.raw) if self.text != self.raw else None

    def extent(self, start: Any, end: Any, what: str) -> tuple[int, int]:
        """(start, end) in the kept text, from raw offsets; InputError when they do not fit."""
        start, end = offset(start, what), offset(end, what)
        if not 0 <= start < end <= len(self.raw):
            raise InputError(f"{what}: offsets {start}..{end} fall outside the text (length {len(self.raw)})")
        if self._moved is not None:
            start, end = self._moved[start], self._moved[end]
            if start >= end:
                raise InputError(f"{what}: covers only a line break that the import folds away")
        return start, end


class Unkept:
    """Elements of a file the project cannot hold: counted by kind, with a few names, for one note."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.examples: dict[str, list[str]] = {}
        self.changed: Counter[str] = Counter()  # kept, but not quite as the file gives it

    def add(self, kind: str, example: str = "") -> None:
        self.counts[kind] += 1
        if example and len(self.examples.setdefault(kind, [])) < 3:
            self.examples[kind].append(example)

    def keep(self, kind: str, example: str = "") -> None:
        """Kept, but differently from the file (split, moved to metadata): said in the note too."""
        self.changed[kind] += 1
        if example and len(self.examples.setdefault(kind, [])) < 3:
            self.examples[kind].append(example)

    def note(self, path: str) -> UnkeptNote | None:
        said = []
        for title, counts in (("not kept", self.counts), ("kept differently", self.changed)):
            if counts:
                parts = []
                for kind, number in counts.items():
                    examples = self.examples.get(kind)
                    parts.append(f"{number} {kind}" + (f" (e.g. {', '.join(examples)})" if examples else ""))
                said.append(f"{title}: " + "; ".join(parts))
        return UnkeptNote(f"{path}: " + " — ".join(said), self) if said else None


class UnkeptNote(str):
    """The note, carrying its counts so that the import report can total them per file."""

    counts: Counter[str]
    changed: Counter[str]

    def __new__(cls, text: str, unkept: Unkept) -> UnkeptNote:
        note = super().__new__(cls, text)
        note.counts, note.changed = Counter(unkept.counts), Counter(unkept.changed)
        return note

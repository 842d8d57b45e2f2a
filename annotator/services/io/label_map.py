"""Label mappings for an import (`--map`): `OLD=NEW` pairs, or a file of them.

A mapping file is either a JSON object ({"Person": "SOURCE", "Quote": "CLAIM"}) or lines of `OLD=NEW`
(or `OLD<TAB>NEW`), with blank lines and lines starting with `#` ignored. Every refusal names the file
and line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from annotator.core.errors import InputError
from annotator.services.io.formats.common import decode_utf8, load_json


def parse_mapping(items: Iterable[str]) -> dict[str, str]:
    """Each item is `OLD=NEW` or the path of a mapping file; later items win over earlier ones for the same label."""
    mapping: dict[str, str] = {}
    for item in items:
        path = Path(item)
        if "=" not in item or (path.suffix and path.is_file()):
            mapping.update(read_mapping_file(path))
        else:
            old, new = _pair(item, separator="=", where=f"--map {item!r}")
            mapping[old] = new
    return mapping


def read_mapping_file(path: Path) -> dict[str, str]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"--map: cannot read the mapping file ({error.strerror}); give OLD=NEW or a file of such lines",
                         path=str(path)) from None
    text = decode_utf8(data, path=str(path))
    if text.lstrip().startswith("{"):
        loaded = load_json(text, path=str(path), what="mapping JSON")
        if not isinstance(loaded, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in loaded.items()):
            raise InputError("a JSON mapping is an object of label names to label names", path=str(path))
        for old, new in loaded.items():
            _check(old, new, where=str(path))
        return dict(loaded)
    mapping: dict[str, str] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        separator = "\t" if "\t" in line else "="
        try:
            old, new = _pair(line, separator=separator, where="this line")
        except InputError as error:
            raise InputError(error.reason, path=str(path), line=number) from None
        mapping[old] = new
    if not mapping:
        raise InputError("the mapping file maps no label (write OLD=NEW, one a line)", path=str(path))
    return mapping


def _pair(text: str, *, separator: str, where: str) -> tuple[str, str]:
    old, found, new = text.partition(separator)
    if not found:
        raise InputError(f"{where}: write OLD{separator}NEW (for example Person{separator}SOURCE)")
    old, new = old.strip(), new.strip()
    _check(old, new, where=where)
    return old, new


def _check(old: str, new: str, *, where: str) -> None:
    if not old or not new:
        raise InputError(f"{where}: both sides of a mapping name a label (OLD=NEW)")
    if any(character.isspace() for character in old + new):
        raise InputError(f"{where}: label names hold no white space ({old!r} -> {new!r})")

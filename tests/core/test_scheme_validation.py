"""Schemes are validated in full: each refusal names the file and the JSON path."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from annotator import paths
from annotator.core.errors import SchemeError
from annotator.core.scheme import load_scheme


def default() -> dict[str, Any]:
    return json.loads(paths.DEFAULT_SCHEME.read_text(encoding="utf-8"))


def refused(tmp_path: Path, data: Any, raw: str | None = None) -> str:
    path = tmp_path / "scheme.json"
    path.write_text(raw if raw is not None else json.dumps(data), encoding="utf-8")
    with pytest.raises(SchemeError) as caught:
        load_scheme(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return message.removeprefix(f"{path}: ")


def first_enum(data: dict[str, Any]) -> tuple[int, int, dict[str, Any]]:
    for number, label in enumerate(data["span_labels"]):
        for index, attribute in enumerate(label.get("attributes", [])):
            if attribute["type"] == "enum":
                return number, index, attribute
    raise AssertionError("the default scheme has an enum attribute")


def test_a_deeply_nested_scheme_is_refused_not_a_recursion_error(tmp_path: Path) -> None:
    assert "nested deeper than" in refused(tmp_path, None, raw="[" * 100_000 + "]" * 100_000)
    data = default()
    deep: Any = "x"
    for _ in range(40):
        deep = {"d": deep}
    data["span_labels"][0]["description"] = deep
    assert refused(tmp_path, data).startswith("span_labels/0/description/d/d/")


def test_an_enum_default_must_be_one_of_its_values(tmp_path: Path) -> None:
    data = default()
    number, index, attribute = first_enum(data)
    attribute["default"] = "nonsense"
    assert refused(tmp_path, data).startswith(f"span_labels/{number}/attributes/{index}/default: 'nonsense' is not one of its values")


def test_shortcuts_are_unique_across_labels_and_relations(tmp_path: Path) -> None:
    data = default()
    data["relation_labels"][0]["shortcut"] = data["span_labels"][0]["shortcut"]
    message = refused(tmp_path, data)
    assert message.startswith(f"relation_labels/0/shortcut: {data['span_labels'][0]['shortcut']!r} is already the shortcut of")


@pytest.mark.parametrize("key", ["Tab", "Delete", "F8"])
def test_the_windows_own_keys_are_reserved(tmp_path: Path, key: str) -> None:
    data = default()
    data["span_labels"][1]["shortcut"] = key
    assert refused(tmp_path, data) == f"span_labels/1/shortcut: {key!r} is a key the window uses itself"


def test_export_fields_are_reserved_attribute_names(tmp_path: Path) -> None:
    data = copy.deepcopy(default())
    data["span_labels"][0].setdefault("attributes", []).append({"name": "start", "type": "text"})
    place = len(data["span_labels"][0]["attributes"]) - 1
    assert refused(tmp_path, data) == f"span_labels/0/attributes/{place}/name: 'start' is reserved for a field every export has"


def test_the_default_scheme_passes() -> None:
    assert load_scheme(paths.DEFAULT_SCHEME).span_labels

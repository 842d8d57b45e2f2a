"""Scheme labels, attributes and values carry display names by language; the stored names never change."""

from __future__ import annotations

import copy
import json

import pytest

from annotator import paths
from annotator.core.errors import SchemeError
from annotator.core.scheme import default_scheme, parse_scheme


def test_the_default_scheme_names_every_label_attribute_and_value_in_arabic_and_english() -> None:
    scheme = default_scheme()
    for label in (*scheme.span_labels, *scheme.relation_labels):
        assert label.title("ar") != label.name and label.title("en") != label.name, label.name
        assert label.explanation("ar") and label.explanation("en"), label.name
        for attribute in label.attributes:
            assert attribute.title("ar") and attribute.title("en"), attribute.name
            assert attribute.explanation("ar") and attribute.explanation("en"), attribute.name
            for value in attribute.values:
                assert attribute.value_title(value, "ar") != value, (attribute.name, value)
    assert scheme.title("CLAIM", "ar") == "ادعاء"
    assert scheme.title("CONTRADICTION", "ar") == "تناقض"
    assert scheme.span_label("CLAIM").attributes[0].value_title("deny", "ar") == "نفي"


def test_a_label_without_display_names_shows_its_stored_name() -> None:
    scheme = parse_scheme({"name": "plain", "span_labels": [{"name": "Person", "color": "#112233"}], "relation_labels": []})
    assert scheme.title("Person", "ar") == "Person"
    assert scheme.span_label("Person").explanation("en") == ""
    assert scheme.title("Unknown", "ar") == "Unknown"


def test_a_language_missing_from_the_names_falls_back_to_the_stored_name() -> None:
    scheme = parse_scheme(
        {"name": "s", "span_labels": [{"name": "ORG", "color": "#112233", "names": {"ar": "منظمة"}}], "relation_labels": []}
    )
    assert scheme.title("ORG", "ar") == "منظمة"
    assert scheme.title("ORG", "en") == "ORG"


def _default() -> dict:
    return json.loads(paths.DEFAULT_SCHEME.read_text(encoding="utf-8"))


def test_a_value_name_for_a_value_the_attribute_lacks_is_refused_with_its_place() -> None:
    data = copy.deepcopy(_default())
    data["span_labels"][0]["attributes"][0]["value_names"]["maybe"] = {"ar": "ربما"}
    with pytest.raises(SchemeError, match=r"span_labels/0/attributes/0/value_names: 'maybe' is not one of its values"):
        parse_scheme(data, origin="s.json")


def test_display_names_must_be_keyed_by_a_language_code() -> None:
    data = copy.deepcopy(_default())
    data["span_labels"][0]["names"] = {"Arabic": "ادعاء"}
    with pytest.raises(SchemeError, match=r"s.json: span_labels/0/names"):
        parse_scheme(data, origin="s.json")

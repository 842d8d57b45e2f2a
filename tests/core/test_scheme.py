from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import SchemeError
from annotator.core.scheme import default_scheme, load_scheme


def test_default_scheme_has_the_labels_in_shortcut_order() -> None:
    scheme = default_scheme()
    assert [(label.name, label.shortcut) for label in scheme.span_labels] == [
        ("CLAIM", "1"),
        ("SOURCE", "2"),
        ("CUE", "3"),
    ]
    contradiction = scheme.relation_label("CONTRADICTION")
    assert contradiction.cross_document and not contradiction.directed
    assert not scheme.relation_label("ATTRIBUTION").cross_document


def test_attribute_values_are_checked() -> None:
    scheme = default_scheme()
    scheme.check_span("CLAIM", {"polarity": "deny", "certainty": "probable"})
    with pytest.raises(SchemeError, match="polarity"):
        scheme.check_span("CLAIM", {"polarity": "maybe"})
    with pytest.raises(SchemeError, match="no attribute"):
        scheme.check_span("SOURCE", {"colour": "red"})
    with pytest.raises(SchemeError, match="unknown span label"):
        scheme.check_span("EVENT", {})


def test_relation_ends_are_checked() -> None:
    scheme = default_scheme()
    scheme.check_relation("ATTRIBUTION", "CLAIM", "SOURCE", {})
    with pytest.raises(SchemeError, match="cannot join"):
        scheme.check_relation("ATTRIBUTION", "SOURCE", "SOURCE", {})
    scheme.check_relation("CONTRADICTION", "CLAIM", "CLAIM", {"type": "negation"})


def test_an_invalid_scheme_file_is_named_with_the_reason(tmp_path: Path) -> None:
    bad = tmp_path / "scheme.json"
    bad.write_text(json.dumps({"name": "x", "span_labels": [{"name": "claim", "color": "red"}], "relation_labels": []}))
    with pytest.raises(SchemeError, match=r"scheme.json: span_labels/0"):
        load_scheme(bad)
    bad.write_text("{not json")
    with pytest.raises(SchemeError, match="not a JSON file"):
        load_scheme(bad)

"""The tag scheme: span and relation labels with their typed attributes, validated against schemas/."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from annotator import paths
from annotator.core.errors import SchemeError


@dataclass(frozen=True, slots=True)
class Attribute:
    name: str
    type: str
    values: tuple[str, ...] = ()
    default: str | bool | None = None
    description: str = ""

    def check(self, value: Any) -> str | None:
        """Why the value is not allowed, or None when it is."""
        if value is None:
            return None
        if self.type == "enum" and value not in self.values:
            return f"{value!r} is not one of {', '.join(self.values)}"
        if self.type == "boolean" and not isinstance(value, bool):
            return f"{value!r} is not true or false"
        if self.type == "text" and not isinstance(value, str):
            return f"{value!r} is not text"
        return None


@dataclass(frozen=True, slots=True)
class SpanLabel:
    name: str
    color: str
    icon: str
    shortcut: str
    description: str
    attributes: tuple[Attribute, ...]
    role: str = ""


@dataclass(frozen=True, slots=True)
class RelationLabel:
    name: str
    color: str
    from_labels: tuple[str, ...]
    to_labels: tuple[str, ...]
    directed: bool
    cross_document: bool
    shortcut: str
    description: str
    attributes: tuple[Attribute, ...]
    role: str = ""

    def allows(self, from_label: str, to_label: str) -> bool:
        if from_label in self.from_labels and to_label in self.to_labels:
            return True
        return not self.directed and to_label in self.from_labels and from_label in self.to_labels


@dataclass(frozen=True, slots=True)
class Scheme:
    name: str
    span_labels: tuple[SpanLabel, ...]
    relation_labels: tuple[RelationLabel, ...]
    source: dict[str, Any]

    def span_label(self, name: str) -> SpanLabel:
        for label in self.span_labels:
            if label.name == name:
                return label
        raise SchemeError(f"unknown span label {name!r} (the scheme has {self._names(self.span_labels)})")

    def relation_label(self, name: str) -> RelationLabel:
        for label in self.relation_labels:
            if label.name == name:
                return label
        raise SchemeError(
            f"unknown relation label {name!r} (the scheme has {self._names(self.relation_labels)})"
        )

    def span_role(self, role: str) -> str | None:
        """The span label playing this role ("claim", "source", "cue"): the one marked so, else the one named so."""
        return _with_role(self.span_labels, role)

    def relation_role(self, role: str) -> str | None:
        """The relation label playing this role ("attribution", "contradiction", "support")."""
        return _with_role(self.relation_labels, role)

    @staticmethod
    def _names(labels: tuple[SpanLabel, ...] | tuple[RelationLabel, ...]) -> str:
        return ", ".join(label.name for label in labels) or "none"

    def check_attributes(self, attributes: tuple[Attribute, ...], values: dict[str, Any], owner: str) -> None:
        known = {attribute.name: attribute for attribute in attributes}
        for name, value in values.items():
            if name not in known:
                raise SchemeError(f"{owner} has no attribute {name!r}")
            problem = known[name].check(value)
            if problem:
                raise SchemeError(f"{owner} attribute {name!r}: {problem}")

    def check_span(self, label: str, attributes: dict[str, Any]) -> None:
        self.check_attributes(self.span_label(label).attributes, attributes, label)

    def check_relation(self, label: str, from_label: str, to_label: str, attributes: dict[str, Any]) -> None:
        relation = self.relation_label(label)
        if not relation.allows(from_label, to_label):
            raise SchemeError(f"{label} cannot join a {from_label} to a {to_label}")
        self.check_attributes(relation.attributes, attributes, label)

    def to_json(self) -> str:
        return json.dumps(self.source, ensure_ascii=False, indent=2)


@cache
def _validator() -> Any:
    import jsonschema  # only when a scheme comes from outside: the stored one was checked when it came in

    schema = json.loads((paths.SCHEMAS / "scheme.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _with_role(labels: tuple[SpanLabel, ...] | tuple[RelationLabel, ...], role: str) -> str | None:
    marked = [label.name for label in labels if label.role == role]
    if marked:
        return marked[0]
    if any(label.role for label in labels):
        return None
    named = [label.name for label in labels if label.name == role.upper()]
    return named[0] if named else None


def _attributes(items: list[dict[str, Any]]) -> tuple[Attribute, ...]:
    return tuple(
        Attribute(
            name=item["name"],
            type=item["type"],
            values=tuple(item.get("values", ())),
            default=item.get("default"),
            description=item.get("description", ""),
        )
        for item in items
    )


def parse_scheme(data: Any, *, origin: str = "scheme", trusted: bool = False) -> Scheme:
    """A Scheme from its JSON value; SchemeError names what is wrong and where.
    `trusted` skips the JSON Schema check, for a scheme a project stored after checking it."""
    errors = [] if trusted else sorted(_validator().iter_errors(data), key=lambda error: list(error.absolute_path))
    if errors:
        error = errors[0]
        where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
        raise SchemeError(f"{origin}: {where}: {error.message}")
    span_labels = tuple(
        SpanLabel(
            name=item["name"],
            color=item["color"],
            icon=item.get("icon", "fa5s.tag"),
            shortcut=item.get("shortcut", ""),
            description=item.get("description", ""),
            attributes=_attributes(item.get("attributes", [])),
            role=item.get("role", ""),
        )
        for item in data["span_labels"]
    )
    relation_labels = tuple(
        RelationLabel(
            name=item["name"],
            color=item.get("color", "#808080"),
            from_labels=tuple(item["from"]),
            to_labels=tuple(item["to"]),
            directed=item.get("directed", True),
            cross_document=item.get("cross_document", False),
            shortcut=item.get("shortcut", ""),
            description=item.get("description", ""),
            attributes=_attributes(item.get("attributes", [])),
            role=item.get("role", ""),
        )
        for item in data["relation_labels"]
    )
    _check_consistency(span_labels, relation_labels, origin)
    return Scheme(name=data["name"], span_labels=span_labels, relation_labels=relation_labels, source=data)


def _check_consistency(
    span_labels: tuple[SpanLabel, ...], relation_labels: tuple[RelationLabel, ...], origin: str
) -> None:
    names = [label.name for label in span_labels]
    if len(set(names)) != len(names):
        raise SchemeError(f"{origin}: span label names repeat")
    shortcuts = [label.shortcut for label in span_labels if label.shortcut]
    if len(set(shortcuts)) != len(shortcuts):
        raise SchemeError(f"{origin}: two span labels share a shortcut")
    if len({label.name for label in relation_labels}) != len(relation_labels):
        raise SchemeError(f"{origin}: relation label names repeat")
    for relation in relation_labels:
        for end in relation.from_labels + relation.to_labels:
            if end not in names:
                raise SchemeError(f"{origin}: relation {relation.name} names unknown span label {end}")


def load_scheme(path: Path) -> Scheme:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SchemeError(f"{path}: cannot be read: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SchemeError(f"{path}: not a JSON file: {error}") from None
    return parse_scheme(data, origin=str(path))


def default_scheme() -> Scheme:
    return load_scheme(paths.DEFAULT_SCHEME)

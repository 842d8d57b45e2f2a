"""The tag scheme: span and relation labels with their typed attributes, validated against schemas/."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from annotator import paths
from annotator.core.errors import SchemeError


Localized = tuple[tuple[str, str], ...]  # (language, text) pairs: a scheme's display names and descriptions


def _in(language: str, texts: Localized, fallback: str) -> str:
    for code, text in texts:
        if code == language:
            return text
    return fallback


class _Displayed:
    """Display names and descriptions by interface language; the stored name never changes."""

    __slots__ = ()
    name: str
    description: str
    names: Localized
    descriptions: Localized

    def title(self, language: str) -> str:
        return _in(language, self.names, self.name)

    def explanation(self, language: str) -> str:
        return _in(language, self.descriptions, self.description)


@dataclass(frozen=True, slots=True)
class Attribute(_Displayed):
    name: str
    type: str
    values: tuple[str, ...] = ()
    default: str | bool | None = None
    description: str = ""
    names: Localized = ()
    descriptions: Localized = ()
    value_names: tuple[tuple[str, Localized], ...] = ()

    def value_title(self, value: str, language: str) -> str:
        for known, names in self.value_names:
            if known == value:
                return _in(language, names, value)
        return value

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
class SpanLabel(_Displayed):
    name: str
    color: str
    icon: str
    shortcut: str
    description: str
    attributes: tuple[Attribute, ...]
    role: str = ""
    names: Localized = ()
    descriptions: Localized = ()


@dataclass(frozen=True, slots=True)
class RelationLabel(_Displayed):
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
    names: Localized = ()
    descriptions: Localized = ()

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
    aliases: tuple[tuple[str, str], ...] = ()  # labels of a file mapped onto the scheme's on import (--map)

    def mapped(self, mapping: dict[str, str]) -> Scheme:
        """The same scheme reading `mapping`'s keys as the labels they map to (an import's --map)."""
        for target in mapping.values():
            if not any(target == label.name for label in (*self.span_labels, *self.relation_labels)):
                raise SchemeError(f"--map: the scheme has no label {target!r} (it has {self._names(self.span_labels)}"
                                  f"; relations {self._names(self.relation_labels)})")
        return replace(self, aliases=tuple(mapping.items()))

    def name_of(self, label: str) -> str:
        """The scheme's name for a label as a file writes it (itself, unless it is mapped)."""
        for alias, name in self.aliases:
            if alias == label:
                return name
        return label

    def span_label(self, name: str) -> SpanLabel:
        name = self.name_of(name)
        for label in self.span_labels:
            if label.name == name:
                return label
        raise SchemeError(f"unknown span label {name!r} (the scheme has {self._names(self.span_labels)})")

    def relation_label(self, name: str) -> RelationLabel:
        name = self.name_of(name)
        for label in self.relation_labels:
            if label.name == name:
                return label
        raise SchemeError(
            f"unknown relation label {name!r} (the scheme has {self._names(self.relation_labels)})"
        )

    def title(self, label: str, language: str) -> str:
        """A span or relation label's display name in the interface language (its stored name when it has none)."""
        known = self._any_label(label)
        return known.title(language) if known is not None else label

    def explanation(self, label: str, language: str) -> str:
        """A span or relation label's description in the interface language ("" for a label it does not have)."""
        known = self._any_label(label)
        return known.explanation(language) if known is not None else ""

    def _any_label(self, name: str) -> SpanLabel | RelationLabel | None:
        return next((known for known in (*self.span_labels, *self.relation_labels) if known.name == name), None)

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
        if not values:  # most annotations have none
            return
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
        from_label, to_label = self.name_of(from_label), self.name_of(to_label)
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
            names=_localized(item.get("names")),
            descriptions=_localized(item.get("descriptions")),
            value_names=tuple((value, _localized(names)) for value, names in sorted(item.get("value_names", {}).items())),
        )
        for item in items
    )


def _localized(texts: dict[str, str] | None) -> Localized:
    return tuple(sorted((texts or {}).items()))


def parse_scheme(data: Any, *, origin: str = "scheme", trusted: bool = False) -> Scheme:
    """A Scheme from its JSON value; SchemeError names what is wrong and where.
    `trusted` skips the JSON Schema check, for a scheme a project stored after checking it."""
    if not trusted:
        _check_nesting(data, origin)
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
            names=_localized(item.get("names")),
            descriptions=_localized(item.get("descriptions")),
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
            names=_localized(item.get("names")),
            descriptions=_localized(item.get("descriptions")),
        )
        for item in data["relation_labels"]
    )
    _check_consistency(span_labels, relation_labels, origin)
    if not trusted:
        _check_in_full(data, origin)
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


# A scheme is a few levels deep (labels, attributes, values); anything far deeper is not a scheme.
MAX_NESTING = 16
# Keys the window binds itself: a label's shortcut equal to one of them would never reach the label.
RESERVED_SHORTCUTS = frozenset(
    {"tab", "backtab", "delete", "del", "backspace", "return", "enter", "escape", "esc", "space"}
    | {f"f{number}" for number in range(1, 13)}
)
# Fields of every exported span and relation: an attribute may not take their names (CSV has one column per attribute).
RESERVED_ATTRIBUTES = frozenset({"id", "label", "start", "end", "text", "annotator", "note", "attributes", "derived_from", "from", "to"})


def _check_nesting(data: Any, origin: str) -> None:
    """Refuse a value nested deeper than MAX_NESTING, without recursion."""
    stack: list[tuple[Any, list[str]]] = [(data, [])]
    while stack:
        value, where = stack.pop()
        if len(where) > MAX_NESTING:
            raise SchemeError(f"{origin}: {'/'.join(where[:MAX_NESTING])}/…: nested deeper than {MAX_NESTING} levels; not a tag scheme")
        if isinstance(value, dict):
            stack.extend((item, [*where, str(key)]) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, [*where, str(number)]) for number, item in enumerate(value))


def _check_in_full(data: dict[str, Any], origin: str) -> None:
    """What the JSON Schema cannot say: defaults among their values, shortcuts unique across span and relation
    labels and free of the window's own keys, attribute names that are not export fields."""
    shortcuts: dict[str, str] = {}
    for kind in ("span_labels", "relation_labels"):
        for number, label in enumerate(data[kind]):
            where = f"{kind}/{number}"
            shortcut = label.get("shortcut")
            if shortcut:
                if shortcut.lower() in RESERVED_SHORTCUTS:
                    raise SchemeError(f"{origin}: {where}/shortcut: {shortcut!r} is a key the window uses itself")
                if shortcut.lower() in shortcuts:
                    raise SchemeError(f"{origin}: {where}/shortcut: {shortcut!r} is already the shortcut of {shortcuts[shortcut.lower()]}")
                shortcuts[shortcut.lower()] = label["name"]
            for index, attribute in enumerate(label.get("attributes", [])):
                place = f"{where}/attributes/{index}"
                if attribute["name"] in RESERVED_ATTRIBUTES:
                    raise SchemeError(f"{origin}: {place}/name: {attribute['name']!r} is reserved for a field every export has")
                for value in attribute.get("value_names", {}):
                    if value not in attribute.get("values", []):
                        raise SchemeError(f"{origin}: {place}/value_names: {value!r} is not one of its values")
                if "default" not in attribute or attribute["default"] is None:
                    continue
                default, kind_of = attribute["default"], attribute["type"]
                if kind_of == "enum" and default not in attribute["values"]:
                    raise SchemeError(f"{origin}: {place}/default: {default!r} is not one of its values ({', '.join(attribute['values'])})")
                if kind_of == "boolean" and not isinstance(default, bool):
                    raise SchemeError(f"{origin}: {place}/default: {default!r} is not true or false")
                if kind_of == "text" and not isinstance(default, str):
                    raise SchemeError(f"{origin}: {place}/default: {default!r} is not text")


def load_scheme(path: Path) -> Scheme:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SchemeError(f"{path}: cannot be read: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SchemeError(f"{path}: not a JSON file: {error}") from None
    except RecursionError:
        raise SchemeError(f"{path}: nested deeper than Python can read; not a tag scheme") from None
    return parse_scheme(data, origin=str(path))


def default_scheme() -> Scheme:
    return load_scheme(paths.DEFAULT_SCHEME)

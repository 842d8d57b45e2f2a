"""A tag scheme built from a dataset: the span labels, attributes and relations its annotations use (and, for
brat, what its annotation.conf declares), so that a project can take a corpus with its own labels as they are."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.scheme import Attribute, RelationLabel, Scheme, SpanLabel, parse_scheme
from annotator.services.io.datasets import iter_dataset
from annotator.services.io.formats.brat import NORMALIZATION

PALETTE = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#469990", "#9a6324", "#800000",
           "#808000", "#000075", "#bfef45", "#fabed4", "#dcbeff", "#aaffc3")
ENUM_LIMIT = 20  # more distinct values than this make a text attribute


@dataclass
class _Seen:
    spans: dict[str, dict[str, list[Any]]] = field(default_factory=dict)  # label -> attribute -> values
    relations: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)
    undirected: set[str] = field(default_factory=set)
    cross: set[str] = field(default_factory=set)

    def span(self, label: str, attributes: dict[str, Any] | None = None) -> None:
        known = self.spans.setdefault(label, {})
        for name, value in (attributes or {}).items():
            known.setdefault(name, []).append(value)

    def relation(self, label: str, from_label: str | None = None, to_label: str | None = None) -> None:
        ends = self.relations.setdefault(label, (set(), set()))
        if from_label:
            ends[0].add(from_label)
        if to_label:
            ends[1].add(to_label)


class _Collecting(Scheme):
    """A scheme that allows everything and remembers what it was asked about."""

    seen: _Seen

    def span_label(self, name: str) -> SpanLabel:
        self.seen.span(name)
        return SpanLabel(name=name, color="#808080", icon="fa5s.tag", shortcut="", description="", attributes=())

    def relation_label(self, name: str) -> RelationLabel:
        return RelationLabel(name=name, color="#808080", from_labels=(), to_labels=(), directed=True, cross_document=True,
                             shortcut="", description="", attributes=())

    def check_span(self, label: str, attributes: dict[str, Any]) -> None:
        self.seen.span(label, attributes)

    def check_relation(self, label: str, from_label: str, to_label: str, attributes: dict[str, Any]) -> None:
        self.seen.relation(label, from_label, to_label)


def scheme_from(path: Path, *, fmt: str | None = None) -> Scheme:
    """The scheme a file (or brat folder) needs; InputError when it holds no labels."""
    seen = _Seen()
    collecting = _Collecting(name=path.stem or "scheme", span_labels=(), relation_labels=(), source={})
    object.__setattr__(collecting, "seen", seen)  # the dataclass is frozen; the subclass has room for it
    object.__setattr__(collecting, "collecting", True)  # readers keep what a scheme might hold (normalizations)
    conf = _brat_conf(path)
    if conf is not None:
        _read_conf(conf, seen)
    for file in _files(path):
        for batch in iter_dataset(file, collecting, fmt, notes=[]):
            for document in batch:
                for span in document.spans:
                    seen.span(span.label, span.attributes)
                labels = {span.uid: span.label for span in document.spans}
                for relation in document.relations:
                    seen.relation(relation.label, labels.get(relation.from_uid), labels.get(relation.to_uid))
                    if relation.to_document and relation.to_document != (relation.from_document or document.uid):
                        seen.cross.add(relation.label)
    if not seen.spans:
        raise InputError("holds no span labels to build a scheme from", path=str(path))
    return parse_scheme(_scheme_json(path.stem or "scheme", seen), origin=str(path))


def _files(path: Path) -> Iterable[Path]:
    if path.is_dir():
        anns = sorted(path.rglob("*.ann"))
        if anns:
            return anns
        return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".json", ".jsonl", ".conll", ".bio", ".iob"))
    return [path]


def _brat_conf(path: Path) -> Path | None:
    folder = path if path.is_dir() else path.parent
    for candidate in (folder, *folder.parents):
        if (candidate / "annotation.conf").is_file():
            return candidate / "annotation.conf"
        if not path.is_dir() or candidate == path.parent:
            break
    return None


SECTION = re.compile(r"^\[(\w+)\]\s*$")


def _read_conf(conf: Path, seen: _Seen) -> None:
    """brat's annotation.conf: entities (nesting by indent), relations (Arg1:A|B, Arg2:C), events (their roles
    become relations from the trigger), attributes (Arg:LABEL, Value:a|b)."""
    section = ""
    entities: set[str] = set()
    pending: list[tuple[str, str, list[str], list[str]]] = []
    for raw in conf.read_text(encoding="utf-8", errors="replace").split("\n"):
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("<") else raw.rstrip()
        if not line.strip():
            continue
        header = SECTION.match(line.strip())
        if header:
            section = header.group(1)
            continue
        name, _, rest = line.strip().partition("\t" if "\t" in line.strip() else " ")
        name = name.lstrip("!")
        if not name or name.startswith("<") or "=" in name:
            continue
        if section == "entities":
            seen.span(name)
            entities.add(name)
        elif section == "events":
            seen.span(name)
            for argument in rest.split(","):
                role, _, types = argument.strip().partition(":")
                role = role.strip().rstrip("?*+0123456789{}")
                if role and types:
                    pending.append(("relation", role, [name], types.split("|")))
        elif section == "relations":
            arguments = dict(part.strip().partition(":")[::2] for part in rest.split(",") if ":" in part)
            froms, tos = arguments.get("Arg1", "").split("|"), arguments.get("Arg2", "").split("|")
            if "symmetric" in rest:
                seen.undirected.add(name)
            pending.append(("relation", name, froms, tos))
        elif section == "attributes":
            arguments = dict(part.strip().partition(":")[::2] for part in rest.split(",") if ":" in part)
            values = [value for value in arguments.get("Value", "").split("|") if value]
            for owner in arguments.get("Arg", "").split("|"):
                if owner and not owner.startswith("<"):
                    seen.span(owner, {})
                    for value in values or [True]:
                        seen.span(owner, {name: value})
    for _kind, name, froms, tos in pending:
        froms = [f for f in froms if f and not f.startswith("<")] or sorted(entities)
        tos = [t for t in tos if t and not t.startswith("<")] or sorted(entities)
        for f in froms:
            seen.span(f)
        for t in tos:
            seen.span(t)
        seen.relation(name)
        seen.relations[name][0].update(froms)
        seen.relations[name][1].update(tos)


def _scheme_json(name: str, seen: _Seen) -> dict[str, Any]:
    span_labels = []
    for number, (label, attributes) in enumerate(seen.spans.items()):
        span_labels.append({
            "name": label,
            "color": PALETTE[number % len(PALETTE)],
            "attributes": [_attribute(attribute, values) for attribute, values in attributes.items()],
        })
    relation_labels = []
    for label, (froms, tos) in seen.relations.items():
        names = [item["name"] for item in span_labels]
        relation_labels.append({
            "name": label,
            "from": sorted(froms) or names,
            "to": sorted(tos) or names,
            "directed": label not in seen.undirected,
            "cross_document": label in seen.cross,
        })
    return {"name": name, "span_labels": span_labels, "relation_labels": relation_labels}


def _attribute(name: str, values: list[Any]) -> dict[str, Any]:
    if name == NORMALIZATION:  # a reference into a knowledge base: one per entity, never a closed list
        return {"name": name, "type": "text"}
    if values and all(isinstance(value, bool) for value in values):
        return {"name": name, "type": "boolean"}
    distinct = list(dict.fromkeys(value for value in values if isinstance(value, str) and value))
    if distinct and len(distinct) <= ENUM_LIMIT and all(isinstance(value, str) and value for value in values):
        return {"name": name, "type": "enum", "values": distinct}
    return {"name": name, "type": "text"}


def attribute_of(scheme: Scheme, label: str, name: str) -> Attribute | None:
    for attribute in scheme.span_label(label).attributes:
        if attribute.name == name:
            return attribute
    return None

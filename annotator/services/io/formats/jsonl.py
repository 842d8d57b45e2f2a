"""JSON Lines, the native format: one document a line with its spans and relations, as described by
`schemas/export-record.schema.json`. Reading checks every record against the schema, its text and the tag
scheme; writing streams the export records."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from annotator import paths
from annotator.core.errors import InputError, SchemeError
from annotator.core.model import NewDocument, NewRelation, NewSpan
from annotator.core.scheme import Scheme
from annotator.core.textio import canonical_offset_map, canonical_text, check_text
from annotator.services.io.exporting import atomic_output
from annotator.services.io.formats import ExportReport, Record, count
from annotator.services.io.formats.common import load_json

BATCH = 500


def export_jsonl(records: Iterable[Record], out: Path) -> ExportReport:
    """One record a line, written under a temporary name and renamed when complete."""
    report = ExportReport()
    with atomic_output(out) as stream:
        for record in records:
            count(report, record)
            stream.write(json.dumps(record, ensure_ascii=False))
            stream.write("\n")
    return report


@cache
def record_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((paths.SCHEMAS / "export-record.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


@cache
def _fast_validator() -> jsonschema.Draft202012Validator:
    """The same schema with its $refs inlined: checking 10,000 records takes half the time."""
    schema = json.loads((paths.SCHEMAS / "export-record.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(_inline(schema, schema.get("$defs", {})))


def _inline(node: Any, definitions: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline(definitions[node["$ref"].rsplit("/", 1)[-1]], definitions)
        return {key: _inline(value, definitions) for key, value in node.items() if key != "$defs"}
    if isinstance(node, list):
        return [_inline(item, definitions) for item in node]
    return node


def iter_jsonl_file(source: Path, scheme: Scheme, *, size: int = BATCH) -> Iterator[list[NewDocument]]:
    """The file's documents in batches, read as they come: memory holds one batch, not the corpus."""
    try:
        with source.open(encoding="utf-8-sig", newline="") as lines:
            yield from jsonl_batches(lines, scheme, path=str(source), size=size)
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 (byte {error.start} of a line): JSON Lines must be UTF-8", path=str(source)) from None
    except OSError as error:
        raise InputError(f"cannot be read: {error.strerror}", path=str(source)) from None


def jsonl_batches(lines: Iterable[str], scheme: Scheme, *, path: str, size: int | None) -> Iterator[list[NewDocument]]:
    """Records checked one by one; a relation to a span of a later record is checked once the file is read
    (so an error may come after some batches: the importer reads the whole file before it writes any of it)."""
    seen: set[str] = set()
    labels: dict[tuple[str | None, str | None], str] = {}
    later: list[tuple[NewRelation, str, int]] = []
    batch: list[NewDocument] = []
    records = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record = load_json(line, path=path, line=number)
        try:
            document = parse_record(record, scheme)
        except InputError as error:
            raise error.located(path=path, line=number) from None
        if document.uid in seen:
            raise InputError(f"document id {document.uid!r} appears twice in the file", path=path, line=number)
        seen.add(document.uid or "")
        labels.update(((document.uid, span.uid), span.label) for span in document.spans)
        for relation in document.relations:
            if (relation.from_document or document.uid) in seen and (relation.to_document or document.uid) in seen:
                _located_check(relation, document.uid or "", labels, scheme, path, number)
            else:
                later.append((relation, document.uid or "", number))
        batch.append(document)
        records += 1
        if size is not None and len(batch) >= size:
            yield batch
            batch = []
    for relation, owner, number in later:
        _located_check(relation, owner, labels, scheme, path, number)
    if not records:
        raise InputError("contains no records", path=path)
    if batch:
        yield batch


def _located_check(
    relation: NewRelation, owner: str, labels: dict[tuple[str | None, str | None], str], scheme: Scheme, path: str, number: int
) -> None:
    try:
        _check_relation(relation, owner, labels, scheme)
    except InputError as error:
        raise error.located(path=path, line=number) from None


def _text(value: Any, *, required: bool = True) -> bool:
    return isinstance(value, str) and (bool(value) or not required)


def _count(value: Any, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


def _attributes(value: Any) -> bool:
    if value is None:
        return True
    if type(value) is not dict:
        return False
    for item in value.values():  # a loop, not all() over a generator: this runs for every span of a file
        if item is not None and type(item) is not str and type(item) is not bool:
            return False
    return True


def _plainly_valid(record: Any) -> bool:
    """A quick check of the common, well-formed record; never true where the JSON Schema says no (tested).
    When it says no, the JSON Schema itself runs and names the problem."""
    if not isinstance(record, dict) or not _text(record.get("id")) or not _text(record.get("text")):
        return False
    if any(key in record and not (record[key] is None or isinstance(record[key], str)) for key in ("title", "source", "url", "published")):
        return False
    if "direction" in record and record["direction"] not in ("rtl", "ltr"):
        return False
    if "metadata" in record and not isinstance(record["metadata"], dict):
        return False
    spans, relations = record.get("spans"), record.get("relations")
    if not isinstance(spans, list) or not isinstance(relations, list):
        return False
    # Exact types (json gives no subclasses; a stricter test only sends more records to the schema), tested
    # inline: this runs for every span of a file, 100,000 of them on the bench corpus.
    for span in spans:
        if type(span) is not dict:
            return False
        get = span.get
        uid, label, covered, start, end = get("id"), get("label"), get("text"), get("start"), get("end")
        if not (type(uid) is str and uid and type(label) is str and label and type(covered) is str and covered
                and type(start) is int and start >= 0 and type(end) is int and end >= 1):
            return False
        if len(span) == 5:
            continue  # nothing optional
        if "attributes" in span and (span["attributes"] is None or not _attributes(span["attributes"])):
            return False
        if ("annotator" in span and not _text(span["annotator"])) or ("note" in span and not isinstance(span["note"], str)):
            return False
        if "derived_from" in span and not (isinstance(span["derived_from"], list) and all(isinstance(n, str) for n in span["derived_from"])):
            return False
    for relation in relations:
        if type(relation) is not dict:
            return False
        get = relation.get
        uid, label, source, target = get("id"), get("label"), get("from"), get("to")
        if not (type(uid) is str and uid and type(label) is str and label and type(source) is str and source and type(target) is str and target):
            return False
        if any(k in relation and not isinstance(relation[k], str) for k in ("from_document", "to_document", "note")):
            return False
        if "attributes" in relation and (relation["attributes"] is None or not _attributes(relation["attributes"])):
            return False
        if "annotator" in relation and not _text(relation["annotator"]):
            return False
    return True


def parse_record(record: Any, scheme: Scheme) -> NewDocument:
    """One JSONL record checked against the export schema, its text and the tag scheme."""
    error = None if _plainly_valid(record) else next(
        iter(sorted(_fast_validator().iter_errors(record), key=lambda e: list(e.absolute_path))), None
    )
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "record"
        raise InputError(f"{where}: {error.message}")
    raw_text: str = record["text"]
    check_text(raw_text)
    text = canonical_text(raw_text)
    moved = canonical_offset_map(raw_text) if text != raw_text else None
    spans = tuple(_span(item, raw_text, moved, scheme) for item in record["spans"])
    if len({span.uid for span in spans}) != len(spans):
        raise InputError("two spans share one id")
    relations = tuple(_relation(item, scheme) for item in record["relations"])
    return NewDocument(
        uid=str(record["id"]),
        title=record.get("title") or str(record["id"]),
        text=text,
        source=record.get("source"),
        url=record.get("url"),
        published=record.get("published"),
        metadata=dict(record.get("metadata") or {}),
        spans=spans,
        relations=relations,
    )


def _span(item: dict[str, Any], raw_text: str, moved: list[int] | None, scheme: Scheme) -> NewSpan:
    start, end, label = item["start"], item["end"], item["label"]
    if not start < end <= len(raw_text):
        raise InputError(f"span {item['id']!r}: offsets {start}..{end} fall outside the text (length {len(raw_text)})")
    if raw_text[start:end] != item["text"]:
        raise InputError(f"span {item['id']!r}: text {item['text']!r} does not match text[{start}:{end}] = {raw_text[start:end]!r}")
    attributes = dict(item.get("attributes") or {})
    try:
        scheme.check_span(label, attributes)
    except SchemeError as error:
        raise InputError(f"span {item['id']!r}: {error}") from None
    covered = item["text"]
    if moved is not None:
        start, end = moved[start], moved[end]
        covered = canonical_text(raw_text)[start:end]
        if not covered:
            raise InputError(f"span {item['id']!r}: covers only a line break that the import folds away")
    return NewSpan(
        uid=str(item["id"]),
        label=scheme.name_of(label),
        start=start,
        end=end,
        text=covered,
        annotator=item.get("annotator"),
        attributes=attributes,
        note=item.get("note", ""),
        derived_from=tuple(item.get("derived_from", ())),
    )


def _relation(item: dict[str, Any], scheme: Scheme) -> NewRelation:
    return NewRelation(
        uid=str(item["id"]),
        label=scheme.name_of(item["label"]),
        from_uid=item["from"],
        to_uid=item["to"],
        annotator=item.get("annotator"),
        attributes=dict(item.get("attributes") or {}),
        note=item.get("note", ""),
        from_document=item.get("from_document"),
        to_document=item.get("to_document"),
    )


def _check_relation(
    relation: NewRelation, document: str, labels: dict[tuple[str | None, str | None], str], scheme: Scheme
) -> None:
    """Both ends exist in this file and the scheme allows joining them (across documents too)."""
    name = f"relation {relation.uid!r}"
    ends = []
    for end, uid, other in (("from", relation.from_uid, relation.from_document), ("to", relation.to_uid, relation.to_document)):
        key = (other or document, uid)
        if key not in labels:
            where = "this record" if key[0] == document else f"document {key[0]!r} of this file"
            raise InputError(f"{name}: its {end!r} end {uid!r} is not a span of {where}")
        ends.append(key)
    try:
        scheme.check_relation(relation.label, labels[ends[0]], labels[ends[1]], relation.attributes)
    except SchemeError as error:
        raise InputError(f"{name}: {error}") from None
    if ends[0][0] != ends[1][0] and not scheme.relation_label(relation.label).cross_document:
        raise InputError(f"{name}: {relation.label} cannot join spans in different documents")

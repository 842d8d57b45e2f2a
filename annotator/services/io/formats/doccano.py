"""doccano JSONL: `text`, `entities` with code point offsets (doccano counts code points since its PR #99), `relations`;
its sequence-labelling, intent and text-classification shapes import too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError, SchemeError
from annotator.core.model import NewDocument, NewRelation, NewSpan
from annotator.core.scheme import Scheme
from annotator.services.io.formats.common import RawText, Unkept, decode_utf8, listing, load_json, mapping, text_value
from annotator.services.io.exporting import atomic_output
from annotator.services.io.formats import ExportReport, count


def export_doccano(records: object, out: Path) -> ExportReport:
    report = ExportReport()
    with atomic_output(out) as stream:
        for record in records:  # type: ignore[attr-defined]
            count(report, record)
            ids = {span["id"]: number for number, span in enumerate(record["spans"], start=1)}
            crossing = [r for r in record["relations"] if "to_document" in r]
            report.relations -= len(crossing)
            line = {
                "id": record["id"],
                "text": record["text"],
                "title": record.get("title"),
                "entities": [
                    {"id": ids[s["id"]], "label": s["label"], "start_offset": s["start"], "end_offset": s["end"],
                     "annotator": s["annotator"], "attributes": s["attributes"]}
                    for s in record["spans"]
                ],
                "relations": [
                    {"id": number, "from_id": ids[r["from"]], "to_id": ids[r["to"]], "type": r["label"], "annotator": r["annotator"],
                     "attributes": r["attributes"]}
                    for number, r in enumerate((r for r in record["relations"] if "to_document" not in r), start=1)
                ],
            }
            if crossing:
                report.notes.append(f"{record['id']}: {len(crossing)} cross-document relation(s) cannot be written in doccano")
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
    return report


def read_doccano(data: bytes, scheme: Scheme, *, path: str, notes: list[str] | None = None) -> list[NewDocument]:
    """Every doccano JSONL shape: sequence labelling (`label` or `entities` as [start, end, label] lists),
    relation extraction (`entities` objects and `relations`), intent (`entities` and `cats`) and text
    classification (`label` as a list of categories, kept as document metadata)."""
    text = decode_utf8(data, path=path)
    stem = Path(path).stem
    unkept = Unkept()
    lines = list(enumerate(text.split("\n"), start=1))
    stripped = text.strip()
    if stripped.startswith("{") and "\n" in stripped and not stripped.split("\n", 1)[0].strip().endswith("}"):
        lines = [(1, stripped)]  # one pretty-printed record (doccano's own export example is written so)
    documents = []
    seen: set[str] = set()
    for number, line in lines:
        if not line.strip():
            continue
        item = load_json(line, path=path, line=number, what="JSON")
        try:
            document = _document(item, scheme, number, stem, unkept)
        except (InputError, SchemeError) as error:
            reason = error.reason if isinstance(error, InputError) else str(error)
            raise InputError(reason, path=path, line=number) from None
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
            raise InputError(f"not a doccano record ({type(error).__name__}: {error})", path=path, line=number) from None
        if document.uid in seen:
            raise InputError(f"document id {document.uid!r} appears twice in the file", path=path, line=number)
        seen.add(document.uid or "")
        documents.append(document)
    if not documents:
        raise InputError("contains no records", path=path)
    if notes is not None and (note := unkept.note(path)) is not None:
        notes.append(note)
    return documents


def _document(item: Any, scheme: Scheme, number: int, stem: str, unkept: Unkept) -> NewDocument:
    item = mapping(item, "the record")
    key = "text" if "text" in item else "column_data" if "column_data" in item else None
    if key is None:
        raise InputError(f"the record has no text (keys: {', '.join(map(str, item)) or 'none'})")
    raw = RawText(item[key])
    text = raw.text
    # doccano numbers its records per project, so a number is made unique with the file's name; a name is kept
    given = item.get("id")
    uid = given if isinstance(given, str) and given else f"{stem}-{given if isinstance(given, int) and not isinstance(given, bool) else number}"
    metadata: dict[str, Any] = dict(mapping(item["meta"], "meta")) if isinstance(item.get("meta"), dict) else {}
    categories: list[str] = []
    labelled = item.get("label", item.get("column_label"))
    raw_entities: list[Any] = listing(item.get("entities"), "entities") if "entities" in item else []
    if labelled is not None:
        for entry in listing(labelled, "label"):
            if isinstance(entry, str):
                categories.append(entry)  # text classification
            else:
                raw_entities.append(entry)
    for category in listing(item.get("cats"), "cats"):  # intent detection
        categories.append(text_value(category, "a category") if not isinstance(category, int | float) else str(category))
    if categories:
        metadata["categories"] = categories
        unkept.keep("document categories kept as metadata, not as spans", f"{uid}: {', '.join(categories)}")
    spans = []
    by_id: dict[str, NewSpan] = {}
    for index, entity in enumerate(raw_entities, start=1):
        if isinstance(entity, list):
            if len(entity) != 3:
                raise InputError(f"entity {index}: expected [start, end, label], got {len(entity)} value(s)")
            entity = {"id": index, "start_offset": entity[0], "end_offset": entity[1], "label": entity[2]}
        entity = mapping(entity, f"entity {index}")
        eid = entity.get("id", index)
        name = f"entity {eid}"
        start, end = raw.extent(entity.get("start_offset"), entity.get("end_offset"), name)
        label = scheme.name_of(text_value(entity.get("label"), f"{name} label"))
        attributes = dict(mapping(entity["attributes"], f"{name} attributes")) if entity.get("attributes") else {}
        scheme.check_span(label, attributes)
        annotator = entity.get("annotator") if isinstance(entity.get("annotator"), str) and entity.get("annotator") else None
        span = NewSpan(uid=f"{uid}-{eid}", label=label, start=start, end=end, text=text[start:end], annotator=annotator, attributes=attributes)
        if str(eid) in by_id:
            raise InputError(f"two entities share the id {eid!r}")
        by_id[str(eid)] = span
        spans.append(span)
    relations = []
    for index, relation in enumerate(listing(item.get("relations"), "relations"), start=1):
        relation = mapping(relation, f"relation {index}")
        source, target = by_id.get(str(relation.get("from_id"))), by_id.get(str(relation.get("to_id")))
        if source is None or target is None:
            raise InputError(f"relation {relation.get('id', index)}: refers to an entity that is not in the record")
        label = scheme.name_of(text_value(relation.get("type", relation.get("label")), f"relation {relation.get('id', index)} type"))
        attributes = dict(mapping(relation["attributes"], "relation attributes")) if relation.get("attributes") else {}
        scheme.check_relation(label, source.label, target.label, attributes)
        annotator = relation.get("annotator") if isinstance(relation.get("annotator"), str) and relation.get("annotator") else None
        relations.append(NewRelation(uid=None, label=label, from_uid=source.uid or "", to_uid=target.uid or "",
                                     annotator=annotator, attributes=attributes))
    title = item.get("title") if isinstance(item.get("title"), str) and item.get("title") else uid
    return NewDocument(uid=uid, title=title, text=text, metadata=metadata, spans=tuple(spans), relations=tuple(relations))

"""doccano JSONL: `text`, `entities` with code point offsets, `relations`; imports the `label` variant too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError, SchemeError
from annotator.core.model import NewDocument, NewRelation, NewSpan
from annotator.core.scheme import Scheme
from annotator.core.textio import canonical_offset_map, canonical_text, check_text
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


def read_doccano(data: bytes, scheme: Scheme, *, path: str) -> list[NewDocument]:
    documents = []
    for number, line in enumerate(data.decode("utf-8-sig").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            documents.append(_document(item, scheme, number))
        except json.JSONDecodeError as error:
            raise InputError(f"malformed JSON: {error.msg}", path=path, line=number) from None
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(f"not a doccano record: {error}", path=path, line=number) from None
        except (InputError, SchemeError) as error:
            raise InputError(str(error), path=path, line=number) from None
    return documents


def _document(item: dict[str, Any], scheme: Scheme, number: int) -> NewDocument:
    raw_text: str = item["text"]
    check_text(raw_text)
    text = canonical_text(raw_text)
    moved = canonical_offset_map(raw_text) if text != raw_text else None
    raw = item.get("entities")
    if raw is None:  # the sequence-labelling export: "label": [[start, end, "LABEL"], ...]
        raw = [{"id": n, "start_offset": s, "end_offset": e, "label": lb} for n, (s, e, lb) in enumerate(item.get("label", []), 1)]
    spans = []
    for entity in raw:
        start, end, label = int(entity["start_offset"]), int(entity["end_offset"]), entity["label"]
        if not 0 <= start < end <= len(raw_text):
            raise InputError(f"entity {entity.get('id')}: offsets {start}..{end} fall outside the text")
        if moved is not None:
            start, end = moved[start], moved[end]
        attributes = dict(entity.get("attributes") or {})
        scheme.check_span(label, attributes)
        spans.append(NewSpan(uid=f"doccano-{item.get('id', number)}-{entity.get('id')}", label=label, start=start, end=end,
                             text=text[start:end], annotator=entity.get("annotator"), attributes=attributes))
    by_id = {str(entity.get("id")): span for entity, span in zip(raw, spans)}
    relations = []
    for relation in item.get("relations", []):
        source, target = by_id.get(str(relation["from_id"])), by_id.get(str(relation["to_id"]))
        if source is None or target is None:
            raise InputError(f"relation {relation.get('id')}: refers to an entity that is not in the record")
        attributes = dict(relation.get("attributes") or {})
        scheme.check_relation(relation["type"], source.label, target.label, attributes)
        relations.append(NewRelation(uid=None, label=relation["type"], from_uid=source.uid or "", to_uid=target.uid or "",
                                     annotator=relation.get("annotator"), attributes=attributes))
    return NewDocument(uid=str(item.get("id", f"doccano-{number}")), title=item.get("title") or str(item.get("id", number)),
                       text=text, spans=tuple(spans), relations=tuple(relations))

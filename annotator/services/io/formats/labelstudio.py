"""Label Studio task JSON: `labels` and `relation` results, per-region `choices` for attributes.

Label Studio counts text offsets in UTF-16 code units (JavaScript strings); the project counts code
points. Both directions convert, so an emoji before a span does not shift it by one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError, SchemeError
from annotator.core.model import NewDocument, NewRelation, NewSpan
from annotator.core.offsets import Utf16Map
from annotator.core.scheme import Scheme
from annotator.core.textio import canonical_text, check_text
from annotator.services.io.exporting import atomic_output
from annotator.services.io.formats import ExportReport, count


def export_labelstudio(records: object, out: Path) -> ExportReport:
    report = ExportReport()
    tasks = []
    for number, record in enumerate(records, start=1):  # type: ignore[arg-type]
        count(report, record)
        units = Utf16Map(record["text"])
        by_annotator: dict[str, list[dict[str, Any]]] = {}
        for span in record["spans"]:
            value = {"start": units.to_utf16(span["start"]), "end": units.to_utf16(span["end"]), "text": span["text"]}
            results = by_annotator.setdefault(span["annotator"], [])
            results.append({"id": span["id"], "from_name": "label", "to_name": "text", "type": "labels",
                            "value": {**value, "labels": [span["label"]]}})
            for name, chosen in span["attributes"].items():
                results.append({"id": span["id"], "from_name": name, "to_name": "text", "type": "choices",
                                "value": {**value, "choices": [str(chosen).lower() if isinstance(chosen, bool) else chosen]}})
        for relation in record["relations"]:
            if "to_document" in relation:
                report.relations -= 1
                report.notes.append(f"{record['id']}: relation {relation['id']} crosses documents; Label Studio cannot hold it")
                continue
            by_annotator.setdefault(relation["annotator"], []).append(
                {"type": "relation", "from_id": relation["from"], "to_id": relation["to"], "direction": "right", "labels": [relation["label"]]}
            )
        tasks.append({
            "id": number,
            "data": {"text": record["text"], "doc_id": record["id"], "title": record.get("title")},
            "annotations": [{"completed_by": name, "result": results} for name, results in sorted(by_annotator.items())],
            "predictions": [],
        })
    with atomic_output(out) as stream:
        json.dump(tasks, stream, ensure_ascii=False, indent=1)
    return report


def read_labelstudio(data: bytes, scheme: Scheme, *, path: str) -> list[NewDocument]:
    try:
        tasks = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"not Label Studio JSON: {error}", path=path) from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    documents = []
    for number, task in enumerate(tasks, start=1):
        try:
            documents.append(_task(task, scheme, number))
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(f"task {number}: not a Label Studio task ({error})", path=path) from None
        except (InputError, SchemeError) as error:
            raise InputError(f"task {number}: {error}", path=path) from None
    return documents


def _task(task: dict[str, Any], scheme: Scheme, number: int) -> NewDocument:
    data = task["data"]
    text = data["text"]
    check_text(text)
    if "\r" in text:
        raise InputError("the text has CR line ends; Label Studio offsets would not survive canonicalization")
    text = canonical_text(text)
    units = Utf16Map(text)
    uid = str(data.get("doc_id") or task.get("id") or number)
    spans: list[NewSpan] = []
    relations: list[NewRelation] = []
    layers = [(a.get("completed_by"), a) for a in task.get("annotations", [])]
    layers += [(f"prediction:{p.get('model_version') or 'model'}", p) for p in task.get("predictions", [])]
    for annotator, layer in layers:
        who = annotator.get("email") if isinstance(annotator, dict) else (str(annotator) if annotator is not None else None)
        regions: dict[str, dict[str, Any]] = {}
        for result in layer.get("result", []):
            region = regions.setdefault(result.get("id", ""), {"attributes": {}})
            if result.get("type") == "labels":
                region.update({key: value for key, value in result["value"].items() if key != "attributes"})
            elif result.get("type") == "choices" and "start" in result.get("value", {}):
                region["attributes"][result["from_name"]] = result["value"]["choices"][0]
        ids: dict[str, str] = {}
        for region_id, region in regions.items():
            if "labels" not in region:
                continue
            start, end = units.to_code_point(region["start"]), units.to_code_point(region["end"])
            if not 0 <= start < end <= len(text):
                raise InputError(f"region {region_id}: offsets fall outside the text")
            label = region["labels"][0]
            attributes = _typed(scheme, label, region.get("attributes", {}))
            scheme.check_span(label, attributes)
            span_uid = f"{uid}-{who}-{region_id}"
            ids[region_id] = span_uid
            spans.append(NewSpan(uid=span_uid, label=label, start=start, end=end, text=text[start:end], annotator=who, attributes=attributes))
        labels = {span.uid: span.label for span in spans}
        for result in layer.get("result", []):
            if result.get("type") == "relation":
                source, target = ids.get(result["from_id"]), ids.get(result["to_id"])
                if source is None or target is None:
                    raise InputError(f"relation {result['from_id']} → {result['to_id']}: a region is missing")
                label = (result.get("labels") or [""])[0]
                scheme.check_relation(label, labels[source], labels[target], {})
                relations.append(NewRelation(uid=None, label=label, from_uid=source, to_uid=target, annotator=who))
    return NewDocument(uid=uid, title=data.get("title") or uid, text=text, spans=tuple(spans), relations=tuple(relations))


def _typed(scheme: Scheme, label: str, values: dict[str, Any]) -> dict[str, Any]:
    kinds = {a.name: a.type for a in scheme.span_label(label).attributes}
    return {name: (value == "true") if kinds.get(name) == "boolean" else value for name, value in values.items()}

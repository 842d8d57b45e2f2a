"""Label Studio tasks: `labels` and `relation` results, per-region `choices` for attributes.

Label Studio counts text offsets in Unicode code points (its frontend test "NER - Emoji - Text: should
calculate offsets by code points"), as the project does: offsets pass through unchanged. On export each
annotator becomes a Label Studio user by email (`NAME@annotator.invalid`, or the name itself when it is an
email) and the gold layer is the `ground_truth` annotation. On import every export shape is read: the full
JSON (predictions as objects or as bare ids), JSON_MIN, snapshots, and old `completions` files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from annotator.core.errors import InputError, SchemeError
from annotator.core.model import GOLD, NewDocument, NewRelation, NewSpan
from annotator.core.scheme import Scheme
from annotator.services.io.exporting import atomic_output
from annotator.services.io.formats import ExportReport, count
from annotator.services.io.formats.common import RawText, Unkept, decode_utf8, listing, load_json, mapping, text_value

EMAIL_DOMAIN = "annotator.invalid"


def user_email(name: str) -> str:
    return name if "@" in name else f"{name}@{EMAIL_DOMAIN}"


def labeling_config(scheme: Scheme) -> str:
    """The Label Studio labeling interface our export's results fit: the span labels as `label`, the relation
    labels, and a per-region control named after each attribute (choices for enum and boolean, a text area otherwise)."""
    def value(text: str) -> str:
        return escape(text, {'"': "&quot;"})

    lines = ["<View>", '  <Labels name="label" toName="text">']
    lines += [f'    <Label value="{value(label.name)}" background="{value(label.color)}"/>' for label in scheme.span_labels]
    lines += ["  </Labels>", "  <Relations>"]
    lines += [f'    <Relation value="{value(label.name)}"/>' for label in scheme.relation_labels]
    lines += ["  </Relations>", '  <Text name="text" value="$text"/>']
    seen: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for label in scheme.span_labels:
        for attribute in label.attributes:
            kinds.setdefault(attribute.name, attribute.type)
            choices = seen.setdefault(attribute.name, [])
            options = list(attribute.values) if attribute.type == "enum" else ["true", "false"] if attribute.type == "boolean" else []
            choices += [option for option in options if option not in choices]
    for name, choices in seen.items():
        if kinds[name] in ("enum", "boolean"):
            lines.append(f'  <Choices name="{value(name)}" toName="text" perRegion="true">')
            lines += [f'    <Choice value="{value(choice)}"/>' for choice in choices]
            lines.append("  </Choices>")
        else:
            lines.append(f'  <TextArea name="{value(name)}" toName="text" perRegion="true"/>')
    return "\n".join([*lines, "</View>"]) + "\n"


def export_labelstudio(records: object, out: Path, scheme: Scheme | None = None) -> ExportReport:
    """The tasks, and beside them (NAME.label_config.xml) the labeling interface to create the project with."""
    report = ExportReport()
    free = {a.name: a.type for label in scheme.span_labels for a in label.attributes} if scheme is not None else {}
    tasks = []
    people: set[str] = set()
    for number, record in enumerate(records, start=1):  # type: ignore[arg-type]
        count(report, record)
        by_annotator: dict[str, list[dict[str, Any]]] = {}
        for span in record["spans"]:
            value = {"start": span["start"], "end": span["end"], "text": span["text"]}
            results = by_annotator.setdefault(span["annotator"], [])
            results.append({"id": span["id"], "from_name": "label", "to_name": "text", "type": "labels",
                            "value": {**value, "labels": [span["label"]]}})
            for name, chosen in span["attributes"].items():
                if free.get(name) == "text":  # a TextArea in the labeling interface
                    results.append({"id": span["id"], "from_name": name, "to_name": "text", "type": "textarea",
                                    "value": {**value, "text": [str(chosen)]}})
                    continue
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
        people.update(by_annotator)
        tasks.append({
            "id": number,
            "data": {"text": record["text"], "doc_id": record["id"], "title": record.get("title")},
            "annotations": [
                {"completed_by": {"email": user_email(name)}, "ground_truth": name == GOLD, "result": results}
                for name, results in sorted(by_annotator.items())
            ],
            "predictions": [],
        })
    with atomic_output(out) as stream:
        json.dump(tasks, stream, ensure_ascii=False, indent=1)
    if scheme is not None:
        config = out.with_name(f"{out.stem}.label_config.xml")
        with atomic_output(config) as stream:
            stream.write(labeling_config(scheme))
        report.notes.append(f"the labeling interface for a Label Studio project is in {config}")
    if people:
        report.notes.append(
            "Label Studio users: " + ", ".join(f"{name} → {user_email(name)}" + (" (ground_truth)" if name == GOLD else "") for name in sorted(people))
            + "; Label Studio accepts annotations only from its members: create these users, or start it with "
            "LABEL_STUDIO_ALLOW_IMPORT_TASKS_WITH_UNKNOWN_EMAILS=true"
        )
    return report


def read_labelstudio(data: bytes, scheme: Scheme, *, path: str, notes: list[str] | None = None) -> list[NewDocument]:
    tasks = load_json(decode_utf8(data, path=path), path=path, what="Label Studio JSON")
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list) or not tasks:
        raise InputError("not a Label Studio export: expected a list of tasks", path=path)
    reader = _Reader(scheme)
    documents = []
    for number, task in enumerate(tasks, start=1):
        try:
            documents.append(reader.task(task, number))
        except (InputError, SchemeError) as error:
            reason = error.reason if isinstance(error, InputError) else str(error)
            raise InputError(f"task {number}: {reason}", path=path) from None
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
            raise InputError(f"task {number}: not a Label Studio task ({type(error).__name__}: {error})", path=path) from None
    if notes is not None:
        if reader.people:
            notes.append(f"{path}: Label Studio annotators: " + ", ".join(f"{who} → {name}" for who, name in reader.people.items()))
        if (note := reader.unkept.note(path)) is not None:
            notes.append(note)
    return documents


class _Reader:
    def __init__(self, scheme: Scheme) -> None:
        self.scheme = scheme
        self.unkept = Unkept()
        self.people: dict[str, str] = {}  # how Label Studio's users became layers

    def person(self, completed_by: Any, ground_truth: bool) -> str | None:
        if isinstance(completed_by, dict):
            completed_by = completed_by.get("email") or completed_by.get("id")
        if completed_by is None or completed_by == "":
            name = GOLD if ground_truth else None
            if name:
                self.people["ground_truth"] = name
            return name
        if isinstance(completed_by, bool) or not isinstance(completed_by, int | str):
            raise InputError(f"completed_by {completed_by!r} is neither an email nor a user id")
        who = str(completed_by)
        if isinstance(completed_by, int) or who.isdigit():
            name = f"labelstudio-user-{who}"
        elif who.endswith(f"@{EMAIL_DOMAIN}"):
            name = who.removesuffix(f"@{EMAIL_DOMAIN}")
        else:
            name = who
        if ground_truth and name != GOLD:
            self.people[f"{who} (ground_truth)"] = name
        else:
            self.people[who] = name
        return name

    def task(self, task: Any, number: int) -> NewDocument:
        task = mapping(task, "the task")
        if "data" not in task:
            return self.minimal(task, number)
        data = mapping(task["data"], "data")
        raw = self.text_of(data)
        text = RawText(raw)
        uid = str(data.get("doc_id") or task.get("id") or number)
        spans: list[NewSpan] = []
        relations: list[NewRelation] = []
        layers: list[tuple[str | None, dict[str, Any]]] = []
        for key in ("annotations", "completions"):  # completions: the format before Label Studio 1.0
            for annotation in listing(task.get(key), key):
                annotation = mapping(annotation, f"an item of {key}")
                if annotation.get("was_cancelled"):
                    self.unkept.add("cancelled annotation(s)", f"task {number}")
                    continue
                layers.append((self.person(annotation.get("completed_by"), bool(annotation.get("ground_truth"))), annotation))
        for prediction in listing(task.get("predictions"), "predictions"):
            if isinstance(prediction, int | str) and not isinstance(prediction, bool):
                self.unkept.add("prediction(s) given only as ids (export them with their results to bring them)", f"task {number}")
                continue
            prediction = mapping(prediction, "a prediction")
            model = prediction.get("model_version") or "model"
            layers.append((f"prediction:{model}", prediction))
        for who, layer in layers:
            self.layer(text, uid, who, listing(layer.get("result"), "result"), spans, relations)
        title = data.get("title") if isinstance(data.get("title"), str) and data.get("title") else uid
        return NewDocument(uid=uid, title=title, text=text.text, spans=tuple(spans), relations=tuple(relations))

    def text_of(self, data: dict[str, Any]) -> str:
        if "text" in data:
            return text_value(data["text"], "data.text")
        texts = [value for key, value in data.items() if isinstance(value, str) and key not in ("doc_id", "title")]
        if len(texts) == 1:
            return texts[0]
        raise InputError(
            f"its data holds no text to annotate (keys: {', '.join(map(str, data)) or 'none'}); "
            "only text tasks (<Text>) can be imported, not paragraphs, images or audio"
        )

    def layer(self, text: RawText, uid: str, who: str | None, results: list[Any], spans: list[NewSpan], relations: list[NewRelation]) -> None:
        regions: dict[str, dict[str, Any]] = {}
        for result in results:
            result = mapping(result, "a result")
            kind = result.get("type")
            if kind == "relation":
                continue
            value = mapping(result.get("value", {}), "a result's value")
            rid = str(result.get("id", len(regions)))
            label_key = next((key for key in value if key.endswith("labels") and isinstance(value[key], list)), None)
            if label_key is not None and "start" in value and isinstance(value.get("start"), int | float) and not isinstance(value.get("start"), bool):
                region = regions.setdefault(rid, {"attributes": {}})
                region.update(start=value["start"], end=value.get("end"), text=value.get("text"), labels=value[label_key])
            elif kind in ("choices", "textarea") and "start" in value:
                region = regions.setdefault(rid, {"attributes": {}})
                chosen = listing(value.get("choices" if kind == "choices" else "text"), kind)
                if chosen:
                    region["attributes"][str(result.get("from_name"))] = chosen[0]
            else:
                self.unkept.add(f"{kind or 'untyped'} result(s)", f"{uid}/{rid}")
        ids: dict[str, str] = {}
        labels: dict[str, str] = {}
        for rid, region in regions.items():
            if "labels" not in region:
                self.unkept.add("attribute(s) of a region without a label", f"{uid}/{rid}")
                continue
            start, end = text.extent(region["start"], region["end"], f"region {rid}")
            names = [label for label in listing(region["labels"], f"region {rid} labels") if isinstance(label, str)]
            if not names:
                self.unkept.add("region(s) without a label", f"{uid}/{rid}")
                continue
            written = region.get("text")
            if isinstance(written, str) and written and written.strip() != text.text[start:end].strip():
                self.unkept.keep("region text(s) that differ from the task text at their offsets (kept at the offsets)", f"{uid}/{rid}")
            for index, raw_label in enumerate(names):
                label = self.scheme.name_of(raw_label)
                attributes = self.typed(label, region["attributes"])
                self.scheme.check_span(label, attributes)
                span_uid = f"{uid}-{who}-{rid}" + (f"-{index + 1}" if index else "")
                if index == 0:
                    ids[rid], labels[rid] = span_uid, label
                spans.append(NewSpan(uid=span_uid, label=label, start=start, end=end, text=text.text[start:end], annotator=who,
                                     attributes=attributes))
        for result in results:
            if result.get("type") != "relation":
                continue
            source, target = ids.get(str(result.get("from_id"))), ids.get(str(result.get("to_id")))
            if source is None or target is None:
                self.unkept.add("relation(s) to a region that is not a labelled span", f"{result.get('from_id')}→{result.get('to_id')}")
                continue
            names = [label for label in listing(result.get("labels"), "relation labels") if isinstance(label, str) and label]
            if not names:
                self.unkept.add("relation(s) without a label", f"{result.get('from_id')}→{result.get('to_id')}")
                continue
            direction = result.get("direction", "right")
            if direction not in ("right", "left", "bi"):
                raise InputError(f"relation {result.get('from_id')} → {result.get('to_id')}: direction {direction!r} is not right, left or bi")
            from_id, to_id = str(result["from_id"]), str(result["to_id"])
            for raw_label in names:
                label = self.scheme.name_of(raw_label)
                pairs = {"right": [(from_id, to_id)], "left": [(to_id, from_id)], "bi": [(from_id, to_id), (to_id, from_id)]}[direction]
                if direction == "bi" and not self.scheme.relation_label(label).directed:
                    pairs = pairs[:1]  # an undirected label says both ways already
                for a, b in pairs:
                    self.scheme.check_relation(label, labels[a], labels[b], {})
                    relations.append(NewRelation(uid=None, label=label, from_uid=ids[a], to_uid=ids[b], annotator=who))

    def minimal(self, task: dict[str, Any], number: int) -> NewDocument:
        """JSON_MIN: the data fields and, under each labels control's name, its regions; one row per annotation."""
        raw = task.get("text")
        if not isinstance(raw, str):
            raise InputError("neither a task with data nor a JSON_MIN row with a text")
        text = RawText(raw)
        uid = str(task.get("doc_id") or task.get("id") or number)
        who = self.person(task.get("annotator"), False)
        results = []
        for key, value in task.items():
            if isinstance(value, list) and value and all(isinstance(item, dict) and "start" in item for item in value):
                for index, item in enumerate(value):
                    label_key = next((k for k in item if k.endswith("labels")), "labels")
                    results.append({"id": f"{key}-{index + 1}", "type": "labels", "from_name": key,
                                    "value": {"start": item.get("start"), "end": item.get("end"), "text": item.get("text"),
                                              "labels": item.get(label_key, [])}})
        spans: list[NewSpan] = []
        relations: list[NewRelation] = []
        self.layer(text, uid, who, results, spans, relations)
        title = task.get("title") if isinstance(task.get("title"), str) and task.get("title") else uid
        return NewDocument(uid=uid, title=title, text=text.text, spans=tuple(spans), relations=tuple(relations))

    def typed(self, label: str, values: dict[str, Any]) -> dict[str, Any]:
        kinds = {a.name: a.type for a in self.scheme.span_label(label).attributes}
        return {name: (value == "true") if kinds.get(name) == "boolean" else value for name, value in values.items()}

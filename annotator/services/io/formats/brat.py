"""brat standoff: per document a .txt and an .ann (T, R, A and # lines), plus annotation.conf from the scheme.

brat counts offsets in code points, as the project does. A span that crosses a line break is written as
fragments, as brat requires. brat has no annotators, so each annotation's annotator (and note) travels
in an AnnotatorNotes line. Relations between documents cannot be written and are counted in the report.
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.errors import InputError, SchemeError
from annotator.core.model import NewDocument, NewRelation, NewSpan
from annotator.core.scheme import Scheme
from annotator.core.textio import decode_article
from annotator.services.io.formats import ExportReport, atomic_folder, count

SAFE_NAME = re.compile(r"[^\w.-]+")
NOTE_PREFIX = "annotator="


def annotation_conf(scheme: Scheme) -> str:
    lines = ["[entities]", *[label.name for label in scheme.span_labels], "", "[relations]"]
    for relation in scheme.relation_labels:
        lines.append(f"{relation.name}\tArg1:{'|'.join(relation.from_labels)}, Arg2:{'|'.join(relation.to_labels)}")
    lines += ["", "[events]", "", "[attributes]"]
    for label in scheme.span_labels:
        for attribute in label.attributes:
            if attribute.type == "enum":
                lines.append(f"{attribute.name}\tArg:{label.name}, Value:{'|'.join(attribute.values)}")
            elif attribute.type == "boolean":
                lines.append(f"{attribute.name}\tArg:{label.name}")
    return "\n".join(lines) + "\n"


def export_brat(project_scheme: Scheme, records: object, out: Path) -> ExportReport:
    report = ExportReport()
    crossing = 0
    with atomic_folder(out) as folder:
        (folder / "annotation.conf").write_text(annotation_conf(project_scheme), encoding="utf-8")
        used: set[str] = set()
        for record in records:  # type: ignore[attr-defined]
            count(report, record)
            name = SAFE_NAME.sub("_", record["id"]) or "document"
            while name in used:
                name += "_"
            used.add(name)
            (folder / f"{name}.txt").write_text(record["text"], encoding="utf-8", newline="")
            lines, skipped = _ann_lines(record)
            crossing += skipped
            (folder / f"{name}.ann").write_text("".join(f"{line}\n" for line in lines), encoding="utf-8", newline="")
    report.relations -= crossing
    if crossing:
        report.notes.append(f"{crossing} cross-document relation(s) cannot be written in brat and were left out")
    return report


def _ann_lines(record: dict) -> tuple[list[str], int]:
    text = record["text"]
    lines: list[str] = []
    ids: dict[str, str] = {}
    attribute_number = note_number = 0
    for number, span in enumerate(record["spans"], start=1):
        tid = ids[span["id"]] = f"T{number}"
        fragments = _fragments(text, span["start"], span["end"])
        extent = ";".join(f"{a} {b}" for a, b in fragments)
        lines.append(f"{tid}\t{span['label']} {extent}\t{' '.join(text[a:b] for a, b in fragments)}")
        for attribute, value in sorted(span["attributes"].items()):
            attribute_number += 1
            if value is True:
                lines.append(f"A{attribute_number}\t{attribute} {tid}")
            elif isinstance(value, str):
                lines.append(f"A{attribute_number}\t{attribute} {tid} {value}")
        note_number += 1
        lines.append(f"#{note_number}\tAnnotatorNotes {tid}\t{NOTE_PREFIX}{span['annotator']}" + (f" {_flat(span['note'])}" if span["note"] else ""))
    crossing = 0
    relation_number = 0
    for relation in record["relations"]:
        if "to_document" in relation:
            crossing += 1
            continue
        relation_number += 1
        rid = f"R{relation_number}"
        lines.append(f"{rid}\t{relation['label']} Arg1:{ids[relation['from']]} Arg2:{ids[relation['to']]}\t")
        note_number += 1
        lines.append(f"#{note_number}\tAnnotatorNotes {rid}\t{NOTE_PREFIX}{relation['annotator']}")
    return lines, crossing


def _flat(note: str) -> str:
    return " ".join(note.split())


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut at line breaks (brat spans may not contain one), leaving out the breaks themselves."""
    pieces, position = [], start
    for index in range(start, end):
        if text[index] == "\n":
            if index > position:
                pieces.append((position, index))
            position = index + 1
    if end > position:
        pieces.append((position, end))
    return pieces or [(start, end)]


def read_brat(folder: Path, scheme: Scheme) -> list[NewDocument]:
    documents = []
    for ann in sorted(folder.glob("*.ann")):
        txt = ann.with_suffix(".txt")
        if not txt.exists():
            raise InputError(f"has no {txt.name} beside it", path=str(ann))
        text = decode_article(txt.read_bytes(), path=str(txt))
        if "\r" in txt.read_bytes().decode("utf-8", "replace"):
            raise InputError("has CR line ends; brat offsets would not survive canonicalization", path=str(txt))
        documents.append(_read_ann(ann, text, scheme))
    if not documents:
        raise InputError("no .ann files in the folder", path=str(folder))
    return documents


def _read_ann(ann: Path, text: str, scheme: Scheme) -> NewDocument:
    spans: dict[str, dict] = {}
    relations: dict[str, dict] = {}
    for number, line in enumerate(ann.read_text(encoding="utf-8").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            _read_line(line, text, spans, relations)
        except (ValueError, KeyError, IndexError) as error:
            raise InputError(f"cannot read this line ({error})", path=str(ann), line=number) from None
        except InputError as error:
            raise error.located(path=str(ann), line=number) from None
    try:
        new_spans = []
        for tid, span in spans.items():
            scheme.check_span(span["label"], span["attributes"])
            new_spans.append(NewSpan(uid=f"{ann.stem}-{tid}", label=span["label"], start=span["start"], end=span["end"],
                                     text=text[span["start"]:span["end"]], annotator=span.get("annotator"),
                                     attributes=span["attributes"], note=span.get("note", "")))
        labels = {tid: span["label"] for tid, span in spans.items()}
        new_relations = []
        for relation in relations.values():
            scheme.check_relation(relation["label"], labels[relation["from"]], labels[relation["to"]], {})
            new_relations.append(NewRelation(uid=None, label=relation["label"], from_uid=f"{ann.stem}-{relation['from']}",
                                             to_uid=f"{ann.stem}-{relation['to']}", annotator=relation.get("annotator")))
    except (SchemeError, KeyError) as error:
        raise InputError(str(error), path=str(ann)) from None
    title = next((line.strip() for line in text.split("\n") if line.strip()), ann.stem)[:120]
    return NewDocument(uid=ann.stem, title=title, text=text, spans=tuple(new_spans), relations=tuple(new_relations))


def _read_line(line: str, text: str, spans: dict[str, dict], relations: dict[str, dict]) -> None:
    key = line.split("\t", 1)[0]
    fields = line.split("\t")
    if key.startswith("T"):
        label, *extent = fields[1].split(" ", 1)
        pieces = [tuple(int(x) for x in part.split()) for part in extent[0].split(";")]
        start, end = pieces[0][0], pieces[-1][1]
        if not 0 <= start < end <= len(text):
            raise InputError(f"{key}: offsets {start}..{end} fall outside the text")
        written = fields[2] if len(fields) > 2 else ""
        if written != " ".join(text[a:b] for a, b in pieces):
            raise InputError(f"{key}: its text {written!r} does not match the .txt at {start}..{end}")
        spans[key] = {"label": label, "start": start, "end": end, "attributes": {}}
    elif key.startswith("R"):
        label, first, second = fields[1].split()
        relations[key] = {"label": label, "from": first.split(":", 1)[1], "to": second.split(":", 1)[1]}
    elif key.startswith("A") or key.startswith("M"):
        parts = fields[1].split()
        spans[parts[1]]["attributes"][parts[0]] = parts[2] if len(parts) > 2 else True
    elif key.startswith("#"):
        target = fields[1].split()[1]
        note = fields[2] if len(fields) > 2 else ""
        owner = spans.get(target) or relations.get(target)
        if owner is not None and note.startswith(NOTE_PREFIX):
            who, _, rest = note[len(NOTE_PREFIX):].partition(" ")
            owner["annotator"] = who
            if rest and target in spans:
                owner["note"] = rest

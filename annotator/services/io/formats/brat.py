"""brat standoff: per document a .txt and an .ann (T, R, A and # lines), plus annotation.conf from the scheme.

brat counts offsets in code points, as the project does (its server, Python 3 since 2021, reads the .txt
with codecs as UTF-8 and checks offsets against len() of that text: server/src/annotation.py). A span that crosses a line break is written as
fragments, as brat requires. brat has no annotators, so each annotation's annotator (and note) travels
in an AnnotatorNotes line. Relations between documents cannot be written and are counted in the report.
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.errors import InputError, SchemeError
from annotator.core.model import NewDocument, NewRelation, NewSpan
from annotator.core.scheme import Scheme
from annotator.core.textio import check_text
from annotator.services.io.formats import ExportReport, atomic_folder, count
from annotator.services.io.formats.common import RawText, Unkept, decode_utf8

SAFE_NAME = re.compile(r"[^\w.-]+")
NOTE_PREFIX = "annotator="
NORMALIZATION = "normalization"  # the span attribute a brat normalization (N line) becomes


def annotation_conf(scheme: Scheme) -> str:
    """The scheme as brat's annotation.conf. An attribute that several labels carry is one brat attribute
    (brat names attributes once); values brat cannot write (white space, its own separators) are left out of
    it, as the .ann leaves them out; the normalization attribute travels as N lines, not as an attribute."""
    lines = ["[entities]", *[label.name for label in scheme.span_labels], "", "[relations]",
             "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>"]  # spans nest and cross; brat's checker needs this
    for relation in scheme.relation_labels:
        lines.append(f"{relation.name}\tArg1:{'|'.join(relation.from_labels)}, Arg2:{'|'.join(relation.to_labels)}")
    lines += ["", "[events]", "", "[attributes]"]
    owners: dict[str, list[str]] = {}
    values: dict[str, list[str]] = {}
    for label in scheme.span_labels:
        for attribute in label.attributes:
            if attribute.name == NORMALIZATION or attribute.type not in ("enum", "boolean"):
                continue
            owners.setdefault(attribute.name, []).append(label.name)
            if attribute.type == "enum":
                kept = values.setdefault(attribute.name, [])
                kept.extend(value for value in attribute.values if _brat_value(value) and value not in kept)
    for name, labels in owners.items():
        lines.append(f"{name}\tArg:{'|'.join(labels)}" + (f", Value:{'|'.join(values[name])}" if values.get(name) else ""))
    return "\n".join(lines) + "\n"


def _brat_value(value: object) -> bool:
    """A value brat can write after an attribute (one token) and declare in annotation.conf."""
    return isinstance(value, str) and bool(value) and not any(c.isspace() or c in "|,:=" for c in value)


def export_brat(project_scheme: Scheme, records: object, out: Path) -> ExportReport:
    report = ExportReport()
    crossing = 0
    unwritten = Unkept()
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
            lines, skipped = _ann_lines(record, unwritten)
            crossing += skipped
            (folder / f"{name}.ann").write_text("".join(f"{line}\n" for line in lines), encoding="utf-8", newline="")
    report.relations -= crossing
    if crossing:
        report.notes.append(f"{crossing} cross-document relation(s) cannot be written in brat and were left out")
    if (note := unwritten.note(str(out))) is not None:
        report.notes.append(note)
    return report


def _ann_lines(record: dict, unwritten: Unkept) -> tuple[list[str], int]:
    text = record["text"]
    lines: list[str] = []
    ids: dict[str, str] = {}
    attribute_number = note_number = normalization_number = 0
    for number, span in enumerate(record["spans"], start=1):
        tid = ids[span["id"]] = f"T{number}"
        fragments = _fragments(text, span["start"], span["end"])
        extent = ";".join(f"{a} {b}" for a, b in fragments)
        lines.append(f"{tid}\t{span['label']} {extent}\t{' '.join(text[a:b] for a, b in fragments)}")
        for attribute, value in sorted(span["attributes"].items()):
            if attribute == NORMALIZATION and isinstance(value, str) and (reference := _reference(value)) is not None:
                normalization_number += 1
                lines.append(f"N{normalization_number}\tReference {tid} {reference[0]}\t{reference[1]}")
            elif value is True:
                attribute_number += 1
                lines.append(f"A{attribute_number}\t{attribute} {tid}")
            elif _brat_value(value):
                attribute_number += 1
                lines.append(f"A{attribute_number}\t{attribute} {tid} {value}")
            elif value not in (False, None, ""):
                unwritten.keep("attribute value(s) brat cannot write (white space or its separators) written as notes", f"{attribute}={value!r}")
                note_number += 1
                lines.append(f"#{note_number}\tAnnotatorNotes {tid}\t{attribute}={_flat(str(value))}")
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


def _reference(value: str) -> tuple[str, str] | None:
    """A normalization as the import keeps it, "DB:ID (text)" or "DB:ID", back as brat's reference and text."""
    found = re.fullmatch(r"(\S+:\S+)(?: \((.*)\))?", value.strip(), flags=re.DOTALL)
    return (found.group(1), _flat(found.group(2) or "")) if found else None


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


def read_brat(folder: Path, scheme: Scheme, *, notes: list[str] | None = None, only: Path | None = None) -> list[NewDocument]:
    """Every .ann file in the folder tree (or only the one named), each with the .txt beside it: one document each."""
    anns = [only] if only is not None else sorted(folder.rglob("*.ann"))
    documents = []
    for ann in anns:
        txt = ann.with_suffix(".txt")
        if not txt.exists():
            raise InputError(f"has no {txt.name} beside it", path=str(ann))
        try:
            raw = decode_article_raw(txt.read_bytes(), path=str(txt))
        except OSError as error:
            raise InputError(f"cannot be read: {error.strerror}", path=str(txt)) from None
        relative = ann.relative_to(folder).with_suffix("").as_posix() if only is None else ann.stem
        unkept = Unkept()
        documents.append(_read_ann(ann, raw, scheme, relative, unkept))
        if notes is not None and (note := unkept.note(str(ann))) is not None:
            notes.append(note)
    if not documents:
        raise InputError("no .ann files in the folder", path=str(folder))
    return documents


def decode_article_raw(data: bytes, *, path: str) -> str:
    """The .txt as brat reads it (UTF-8), line ends as they are: brat's offsets count them."""
    text = decode_utf8(data, path=path)
    check_text(text, path=path)
    return text


def _read_ann(ann: Path, raw: str, scheme: Scheme, uid: str, unkept: Unkept) -> NewDocument:
    text = RawText(raw)
    try:
        lines = decode_utf8(ann.read_bytes(), path=str(ann)).split("\n")
    except OSError as error:
        raise InputError(f"cannot be read: {error.strerror}", path=str(ann)) from None
    reader = _Ann(text, scheme, uid, unkept)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            reader.line(line.rstrip("\r"))
        except (ValueError, KeyError, IndexError, AttributeError) as error:
            raise InputError(f"cannot read this line ({type(error).__name__}: {error})", path=str(ann), line=number) from None
        except InputError as error:
            raise InputError(error.reason, path=str(ann), line=number) from None
        except SchemeError as error:
            raise InputError(str(error), path=str(ann), line=number) from None
    try:
        spans, relations = reader.finish()
    except (ValueError, KeyError, IndexError, AttributeError) as error:
        raise InputError(f"cannot read its annotations ({type(error).__name__}: {error})", path=str(ann)) from None
    except InputError as error:
        raise InputError(error.reason, path=str(ann)) from None
    except SchemeError as error:
        raise InputError(str(error), path=str(ann)) from None
    title = next((line.strip() for line in text.text.split("\n") if line.strip()), ann.stem)[:120]
    return NewDocument(uid=uid, title=title, text=text.text, spans=tuple(spans), relations=tuple(relations), metadata={"file": ann.name})


class _Ann:
    """One .ann file, line by line: T (text-bound, fragments too), R, E (events), * (equivalences), A/M
    (attributes), N (normalizations) and # (notes)."""

    def __init__(self, text: RawText, scheme: Scheme, uid: str, unkept: Unkept) -> None:
        self.text, self.scheme, self.uid, self.unkept = text, scheme, uid, unkept
        self.spans: dict[str, dict] = {}
        self.relations: list[dict] = []
        self.events: dict[str, dict] = {}
        self.pending: list[tuple[str, list[str]]] = []  # attributes, normalizations and notes, once every target is read

    def line(self, line: str) -> None:
        fields = line.split("\t")
        key = fields[0]
        if len(fields) < 2:
            raise InputError(f"{key or 'the line'}: expected tab-separated fields")
        if key.startswith("T"):
            self.textbound(key, fields)
        elif key.startswith("R"):
            label, *arguments = fields[1].split()
            if len(arguments) != 2:
                raise InputError(f"{key}: a relation has two arguments, not {len(arguments)}")
            ends = [argument.split(":", 1)[1] for argument in arguments]
            self.relations.append({"id": key, "label": label, "from": ends[0], "to": ends[1]})
        elif key.startswith("E"):
            trigger, *arguments = fields[1].split()
            kind, _, anchor = trigger.partition(":")
            if not anchor or any(":" not in argument for argument in arguments):
                raise InputError(f"{key}: an event is TYPE:TRIGGER followed by ROLE:ARGUMENT pairs")
            self.events[key] = {"type": kind, "trigger": anchor, "arguments": [a.split(":", 1) for a in arguments]}
            self.unkept.keep("event(s) kept as their trigger span with a relation per argument", key)
        elif key.startswith("*"):
            label, *members = fields[1].split()
            self.unkept.keep("equivalence(s) kept as a chain of relations", f"{key} ({len(members)} members)")
            for first, second in zip(members, members[1:]):
                self.relations.append({"id": f"{key}:{first}-{second}", "label": label, "from": first, "to": second})
        elif key[:1] in ("A", "M", "N", "#"):
            if len(fields[1].split()) < 2:
                raise InputError(f"{key}: names no annotation it is about")
            self.pending.append((key, fields))
        else:
            self.unkept.add("line(s) of an unknown kind", key)

    def textbound(self, key: str, fields: list[str]) -> None:
        label, _, extent = fields[1].partition(" ")
        pieces = []
        for part in extent.split(";"):
            numbers = part.split()
            if len(numbers) != 2:
                raise InputError(f"{key}: {part!r} is not a start and an end offset")
            pieces.append(self.text.extent(int(numbers[0]), int(numbers[1]), key))
        raw_pieces = [tuple(int(n) for n in part.split()) for part in extent.split(";")]
        written = fields[2] if len(fields) > 2 else ""
        if written != " ".join(self.text.raw[a:b] for a, b in raw_pieces):
            raise InputError(f"{key}: its text {written!r} does not match the .txt at {extent}")
        pieces = _joined_across_whitespace(self.text.text, pieces)
        self.spans[key] = {"label": self.scheme.name_of(label), "pieces": pieces, "attributes": {}, "notes": []}
        if len(pieces) > 1:
            self.unkept.keep("discontinuous span(s) split into one span per fragment", f"{key} ({len(pieces)} fragments)")

    def anchor(self, target: str) -> str | None:
        """The text-bound annotation standing for a target: itself, or an event's trigger."""
        if target in self.spans:
            return target
        event = self.events.get(target)
        return event["trigger"] if event and event["trigger"] in self.spans else None

    def finish(self) -> tuple[list[NewSpan], list[NewRelation]]:
        for key, fields in self.pending:
            self.attach(key, fields)
        for key, event in self.events.items():
            trigger = self.anchor(key)
            if trigger is None:
                raise InputError(f"{key}: its trigger {event['trigger']!r} is not a text-bound annotation of the file")
            for role, target in event["arguments"]:
                end = self.anchor(target)
                if end is None:
                    raise InputError(f"{key}: its argument {role}:{target} is not an annotation of the file")
                self.relations.append({"id": f"{key}:{role}", "label": role.rstrip("0123456789") or role, "from": trigger, "to": end})
            if not event["arguments"]:
                self.unkept.keep("event(s) without arguments kept as their trigger span", key)
        spans: list[NewSpan] = []
        first: dict[str, str] = {}
        for key, span in self.spans.items():
            self.scheme.check_span(span["label"], span["attributes"])
            for index, (start, end) in enumerate(span["pieces"]):
                uid = f"{self.uid}-{key}" + (f".{index + 1}" if index else "")
                first.setdefault(key, uid)
                spans.append(NewSpan(uid=uid, label=span["label"], start=start, end=end, text=self.text.text[start:end],
                                     annotator=span.get("annotator"), attributes=span["attributes"], note="; ".join(span["notes"])))
        labels = {key: span["label"] for key, span in self.spans.items()}
        relations = []
        for relation in self.relations:
            for end in ("from", "to"):
                if relation[end] not in labels:
                    raise InputError(f"{relation['id']}: its argument {relation[end]!r} is not a text-bound annotation of the file")
            label = self.scheme.name_of(relation["label"])
            self.scheme.check_relation(label, labels[relation["from"]], labels[relation["to"]], {})
            relations.append(NewRelation(uid=None, label=label, from_uid=first[relation["from"]], to_uid=first[relation["to"]],
                                         annotator=relation.get("annotator"), note="; ".join(relation.get("notes", []))))
        return spans, relations

    def attach(self, key: str, fields: list[str]) -> None:
        parts = fields[1].split()
        if key.startswith("#"):
            target, note = parts[1], fields[2] if len(fields) > 2 else ""
            owner = self.spans.get(target) or next((r for r in self.relations if r["id"] == target), None)
            if owner is None and target in self.events:
                owner = self.spans.get(self.events[target]["trigger"])
            if owner is None:
                self.unkept.add("note(s) on an annotation the project cannot hold", f"{key} on {target}")
                return
            if note.startswith(NOTE_PREFIX):
                who, _, rest = note[len(NOTE_PREFIX):].partition(" ")
                owner["annotator"] = who
                note = rest
            if note:
                owner.setdefault("notes", []).append(note)
            return
        target = parts[1]
        span_key = self.anchor(target)
        if span_key is None:
            self.unkept.add("attribute(s) or normalization(s) on a relation", f"{key} on {target}")
            return
        span = self.spans[span_key]
        if target != span_key:
            self.unkept.keep("attribute(s) of an event put on its trigger span", f"{key} on {target}")
        if key.startswith("N"):
            reference = " ".join(parts[2:]) + (f" ({fields[2]})" if len(fields) > 2 and fields[2] else "")
            if getattr(self.scheme, "collecting", False) or any(a.name == NORMALIZATION for a in self.scheme.span_label(span["label"]).attributes):
                span["attributes"][NORMALIZATION] = reference
            else:
                self.unkept.add(f"normalization(s) (the scheme's {span['label']} has no text attribute {NORMALIZATION!r})", f"{key}: {reference}")
            return
        name = parts[0]
        value = parts[2] if len(parts) > 2 else True
        span["attributes"][name] = value


def _joined_across_whitespace(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fragments apart only by white space (brat splits a span at each line break) are one span."""
    joined = [pieces[0]]
    for start, end in pieces[1:]:
        last_start, last_end = joined[-1]
        if last_end <= start and not text[last_end:start].strip():
            joined[-1] = (last_start, end)
        else:
            joined.append((start, end))
    return joined

"""Exports shaped for the Arabic fact-checking and attribution research pipelines.

- `checkthat`: a CheckThat!-style check-worthiness TSV, `id<TAB>text<TAB>class_label` (Yes/No), one row per
  claim span that carries the check-worthiness attribute; claims without it are counted, not guessed.
- `arastance`: claim pairs in the AraStance shape, JSON Lines of `claim`, `other_claim`, `stance` (Agree from a
  support relation, Disagree from a contradiction), with both ends' documents and span ids, across documents too.
- `parc`: a PARC-style attribution table (TSV), one row per claim and source with the cue: each part's text
  and code point offsets, so content, source and cue can be read back against the texts.

The labels playing each part are found by their role in the scheme (claim, source, cue, attribution, support,
contradiction), so a scheme that names them otherwise still exports.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.scheme import Scheme
from annotator.services.io.exporting import atomic_output
from annotator.services.io.formats import ExportReport

RESEARCH_FORMATS = ("checkthat", "arastance", "parc")
CHECK_WORTHY = ("check_worthy", "check_worthiness", "checkworthy")
YES = {"yes", "true", "1", "y", "check-worthy", "checkworthy"}
STANCES = {"support": "Agree", "contradiction": "Disagree"}


def _role(scheme: Scheme, role: str, *, relation: bool = False) -> str:
    found = scheme.relation_role(role) if relation else scheme.span_role(role)
    if found is None:
        kind = "relation" if relation else "span"
        raise AnnotatorError(f"the scheme has no {kind} label playing the role {role!r} (mark one with \"role\": \"{role}\")")
    return found


def _flat(text: str) -> str:
    return " ".join(text.split())


def export_research(scheme: Scheme, records: Iterable[dict[str, Any]], out: Path, *, format: str) -> ExportReport:  # noqa: A002
    if format == "checkthat":
        return _checkthat(scheme, records, out)
    if format == "arastance":
        return _arastance(scheme, records, out)
    if format == "parc":
        return _parc(scheme, records, out)
    raise AnnotatorError(f"unknown research format {format!r}: use {', '.join(RESEARCH_FORMATS)}")


def _checkthat(scheme: Scheme, records: Iterable[dict[str, Any]], out: Path) -> ExportReport:
    claim = _role(scheme, "claim")
    report = ExportReport()
    without = 0
    with atomic_output(out) as stream:
        writer = csv.writer(stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(["id", "text", "class_label"])
        for record in records:
            report.documents += 1
            for span in record["spans"]:
                if span["label"] != claim:
                    continue
                value = next((span["attributes"][name] for name in CHECK_WORTHY if name in span["attributes"]), None)
                if value is None:
                    without += 1
                    continue
                writer.writerow([f"{record['id']}:{span['id']}", _flat(span["text"]), "Yes" if str(value).lower() in YES else "No"])
                report.spans += 1
    if without:
        report.notes.append(f"{without} {claim} span(s) without a check-worthiness value were left out")
    return report


def _arastance(scheme: Scheme, records: Iterable[dict[str, Any]], out: Path) -> ExportReport:
    claim = _role(scheme, "claim")
    labels = {_role(scheme, role, relation=True): stance for role, stance in STANCES.items()}
    report = ExportReport()
    texts: dict[tuple[str, str], str] = {}
    pairs: list[tuple[str, dict[str, Any]]] = []
    for record in records:
        report.documents += 1
        texts.update(((record["id"], s["id"]), s["text"]) for s in record["spans"] if s["label"] == claim)
        pairs += [(record["id"], relation) for relation in record["relations"] if relation["label"] in labels]
    with atomic_output(out) as stream:
        for document, relation in pairs:
            ends = (relation.get("from_document", document), relation["from"]), (relation.get("to_document", document), relation["to"])
            if any(end not in texts for end in ends):
                report.notes.append(f"{relation['id']}: one end is not a {claim} span of the export; left out")
                continue
            row = {"claim": _flat(texts[ends[0]]), "claim_document": ends[0][0], "claim_id": ends[0][1],
                   "other_claim": _flat(texts[ends[1]]), "other_document": ends[1][0], "other_id": ends[1][1],
                   "stance": labels[relation["label"]], "annotator": relation["annotator"]}
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            report.relations += 1
    return report


def _parc(scheme: Scheme, records: Iterable[dict[str, Any]], out: Path) -> ExportReport:
    claim, source, cue = _role(scheme, "claim"), _role(scheme, "source"), _role(scheme, "cue")
    attribution = _role(scheme, "attribution", relation=True)
    report = ExportReport()
    unattributed = 0
    columns = ["document", "attribution", "annotator"] + [f"{part}_{field}" for part in ("content", "source", "cue") for field in ("text", "start", "end")]
    with atomic_output(out) as stream:
        writer = csv.writer(stream, delimiter="\t", lineterminator="\n")
        writer.writerow(columns)
        for record in records:
            report.documents += 1
            spans = {s["id"]: s for s in record["spans"]}
            linked: dict[str, dict[str, list[dict]]] = {}
            for relation in record["relations"]:
                if relation["label"] != attribution or "to_document" in relation or relation["to"] not in spans:
                    continue
                target = spans[relation["to"]]
                if target["label"] in (source, cue):
                    linked.setdefault(relation["from"], {source: [], cue: []})[target["label"]].append(target)
            for span in record["spans"]:
                if span["label"] != claim:
                    continue
                parts = linked.get(span["id"])
                if not parts:
                    unattributed += 1
                    continue
                cues = sorted(parts[cue], key=lambda s: s["start"])
                for number, who in enumerate(sorted(parts[source], key=lambda s: s["start"]) or [None], start=1):
                    said = cues[0] if cues else None
                    writer.writerow([record["id"], f"{span['id']}" + (f".{number}" if len(parts[source]) > 1 else ""), span["annotator"],
                                     *_part(span), *_part(who), *_part(said)])
                    report.relations += 1
                report.spans += 1
    if unattributed:
        report.notes.append(f"{unattributed} {claim} span(s) with no {attribution} to a {source} or {cue} were left out")
    return report


def _part(span: dict | None) -> list[Any]:
    return ["", "", ""] if span is None else [_flat(span["text"]), span["start"], span["end"]]

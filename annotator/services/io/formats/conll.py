"""CoNLL: a token a line with its code point offsets and one BIO column per span label, so nesting is kept.

    # document_id = ID
    -DOCSTART-
    token<TAB>start<TAB>end<TAB>CLAIM<TAB>SOURCE<TAB>CUE
Sentences are separated by a blank line. One layer at a time: a tag column cannot say whose tag it is.
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.arabic import tokens
from annotator.core.errors import AnnotatorError
from annotator.services.io.exporting import atomic_output
from annotator.services.io.formats import ExportReport, count

SENTENCE_END = re.compile(r"[.!?؟…]+[»”\"')]*$")


def export_conll(labels: list[str], records: object, out: Path, *, layer: str) -> ExportReport:
    if layer == "all":
        raise AnnotatorError("CoNLL holds one layer: choose --layer gold or --layer annotator:NAME")
    report = ExportReport()
    with atomic_output(out) as stream:
        stream.write("# columns = token start end " + " ".join(labels) + "\n")
        for record in records:  # type: ignore[attr-defined]
            count(report, record)
            report.relations = 0
            stream.write(f"# document_id = {record['id']}\n-DOCSTART-\n\n")
            text = record["text"]
            previous_end = 0
            for token in tokens(text):
                if previous_end and "\n" in text[previous_end : token.start]:
                    stream.write("\n")
                tags = [_tag(record["spans"], label, token.start, token.end) for label in labels]
                stream.write("\t".join([token.text, str(token.start), str(token.end), *tags]) + "\n")
                if SENTENCE_END.search(text[token.end : token.end + 3].split(" ")[0] or ""):
                    stream.write("\n")
                    previous_end = 0
                else:
                    previous_end = token.end
            stream.write("\n")
    report.notes.append("relations are not part of CoNLL; use jsonl, brat or parquet for them")
    return report


def _tag(spans: list[dict], label: str, start: int, end: int) -> str:
    """B- on the span's first token, I- inside it; the outermost span of that label wins."""
    covering = [s for s in spans if s["label"] == label and s["start"] < end and start < s["end"]]
    if not covering:
        return "O"
    outer = min(covering, key=lambda s: (s["start"], -s["end"]))
    return f"B-{label}" if outer["start"] >= start else f"I-{label}"

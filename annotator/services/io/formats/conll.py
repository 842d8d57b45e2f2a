r"""CoNLL, both ways. One token a line, a blank line between sentences, `-DOCSTART-` before each document; every
line of a file has the same number of columns and no comment lines, so nltk's ConllCorpusReader, seqeval
and spaCy's `convert --converter ner` read it.

Two layouts are written:
- `columns` (the default): `token start end space TAG(label 1) TAG(label 2) …`, with code point offsets into
  the stored text, the white space before the token (escaped: `_` none, `\s` space, `\n` line break, `\t` tab,
  `\uXXXX` others) and one BIO column per span label, so nested spans of different labels are all kept and the
  text reads back exactly (a file edited elsewhere finds its documents again by their text). The `-DOCSTART-`
  line carries the document id in the start column and the text's trailing white space in the space column.
- `conll2003`: `token _ _ TAG` (documents apart by `-DOCSTART- -X- O O`, the line spaCy splits at), CoNLL-2003's four columns with one BIO column: where spans overlap the outermost
  is kept and the others are counted in the report.
A sentence never ends inside a span, so no sentence starts with I-. Punctuation is a token of its own.

Import reads BIO (IOB2), IOB1, BIOES and BILOU tags, from the last column (or from every tag column of the
`columns` layout, whose offsets place the tokens back where they were).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from annotator.core.arabic import tokens
from annotator.core.errors import AnnotatorError, InputError, SchemeError
from annotator.core.model import NewDocument, NewSpan
from annotator.core.scheme import Scheme
from annotator.core.textio import check_text
from annotator.services.io.exporting import atomic_output
from annotator.services.io.formats import ExportReport, count
from annotator.services.io.formats.common import Unkept, decode_utf8

SENTENCE_END = re.compile(r"[.!?؟…]+$")
LAYOUTS = ("columns", "conll2003")
DOCSTART = "-DOCSTART-"
TAG = re.compile(r"^([BIESLU])[-_](\S+)$")


def export_conll(labels: list[str], records: Iterable[dict], out: Path, *, layer: str, layout: str = "columns") -> ExportReport:
    if layer == "all":
        raise AnnotatorError("CoNLL holds one layer: choose --layer gold or --layer annotator:NAME")
    if layout not in LAYOUTS:
        raise AnnotatorError(f"unknown CoNLL layout {layout!r}: use {' or '.join(LAYOUTS)}")
    report = ExportReport()
    left_out = 0
    with atomic_output(out) as stream:
        for record in records:
            count(report, record)
            report.relations = 0
            text, spans = record["text"], record["spans"]
            if layout == "columns":
                last = _cached_tokens(text)[-1][2] if _cached_tokens(text) else 0
                stream.write("\t".join([DOCSTART, _safe(record["id"]), "-1", _escape(text[last:]), *["O"] * len(labels)]) + "\n\n")
                tagged = [_bio(text, [s for s in spans if s["label"] == label]) for label in labels]
            else:
                stream.write(f"{DOCSTART} -X- O O\n\n")  # spaCy's document delimiter, exactly
                tagged = [_bio(text, _outermost(spans))]
                left_out += len(spans) - len(_outermost(spans))
            columns = [tags for tags, _missed in tagged]
            left_out += sum(missed for _tags, missed in tagged)
            found = _cached_tokens(text)
            for sentence in _sentences(text, spans):
                for index, token in sentence:
                    tags = [column[index] for column in columns]
                    if layout == "columns":
                        before = text[found[index - 1][2] if index else 0 : token[1]]
                        stream.write("\t".join([token[0], str(token[1]), str(token[2]), _escape(before), *tags]) + "\n")
                    else:
                        stream.write(f"{token[0]} _ _ {tags[0]}\n")
                stream.write("\n")
    report.notes.append("relations are not part of CoNLL; use jsonl, brat or parquet for them")
    report.spans -= left_out
    if left_out:
        report.notes.append(f"{left_out} span(s) inside or across another of the same tag column were left out "
                            "(BIO holds one span a token a column; conll has a column per label, conll2003 one for all)")
    return report


ESCAPES = {" ": "\\s", "\t": "\\t", "\n": "\\n", "\\": "\\\\"}
ESCAPED = re.compile(r"^(?:_|(?:\\[stn\\]|\\u[0-9a-fA-F]{4})+)$")


def _escape(space: str) -> str:
    """White space as one CoNLL field: `_` when there is none."""
    return "".join(ESCAPES.get(c, f"\\u{ord(c):04x}") for c in space) or "_"


def _unescape(field: str) -> str:
    if field == "_":
        return ""
    return re.sub(r"\\(u[0-9a-fA-F]{4}|.)", lambda m: chr(int(m.group(1)[1:], 16)) if len(m.group(1)) > 1 else
                  {"s": " ", "t": "\t", "n": "\n", "\\": "\\"}[m.group(1)], field)


def _safe(uid: str) -> str:
    return re.sub(r"\s+", "_", uid) or "_"


def _all_tokens(text: str) -> list[tuple[str, int, int]]:
    """Words (as the window snaps to them) and, between them, every other non-space character as a token."""
    found: list[tuple[str, int, int]] = []
    position = 0
    for word in tokens(text):
        found += _punctuation(text, position, word.start)
        found.append((word.text, word.start, word.end))
        position = word.end
    return found + _punctuation(text, position, len(text))


def _punctuation(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(text[i], i, i + 1) for i in range(start, end) if not text[i].isspace()]


def _cached_tokens(text: str, cache: dict[str, list[tuple[str, int, int]]] = {}) -> list[tuple[str, int, int]]:  # noqa: B006
    if text not in cache:
        cache.clear()
        cache[text] = _all_tokens(text)
    return cache[text]


def _sentences(text: str, spans: list[dict]) -> list[list[tuple[int, tuple[str, int, int]]]]:
    """Tokens cut into sentences at sentence-ending punctuation and line breaks, never inside a span."""
    inside = [0] * (len(text) + 1)  # inside[i] > 0: some span covers both text[i-1] and text[i]
    for span in spans:
        for i in range(span["start"] + 1, span["end"]):
            inside[i] += 1
    sentences: list[list[tuple[int, tuple[str, int, int]]]] = [[]]
    found = _cached_tokens(text)
    for index, token in enumerate(found):
        current = sentences[-1]
        if current:
            previous = found[index - 1]
            ended = SENTENCE_END.search(previous[0]) is not None or "\n" in text[previous[2] : token[1]]
            if ended and not any(inside[i] for i in range(previous[2], token[1] + 1)):
                sentences.append(current := [])
        current.append((index, token))
    return [sentence for sentence in sentences if sentence]


def _bio(text: str, spans: list[dict]) -> tuple[list[str], int]:
    """One tag per token: B- on a span's first token, I- on the rest; of overlapping spans the outermost wins.
    Also how many spans did not fit (inside or across one already tagged)."""
    found = _cached_tokens(text)
    tags = ["O"] * len(found)
    left_out = 0
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        covered = [i for i, (_w, start, end) in enumerate(found) if start < span["end"] and span["start"] < end]
        if not covered or any(tags[i] != "O" for i in covered):
            left_out += 1
            continue
        for position, i in enumerate(covered):
            tags[i] = f"{'B' if position == 0 else 'I'}-{span['label']}"
    return tags, left_out


def _outermost(spans: list[dict]) -> list[dict]:
    kept: list[dict] = []
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        if not kept or span["start"] >= kept[-1]["end"]:
            kept.append(span)
    return kept


def looks_like_conll(head: str) -> bool:
    """Whether the start of a file is token lines ending in a tag (O, B-X, …): a BIO file, not an article."""
    lines = [line for line in head.split("\n")[:-1] if line.strip() and not line.startswith("# ")][:50]
    tagged = 0
    for line in lines:
        fields = line.split()
        if fields[0] == DOCSTART:
            continue
        if len(fields) < 2 or not (fields[-1] in ("O", "_") or TAG.match(fields[-1])):
            return False
        tagged += 1
    return tagged > 0


def read_conll(data: bytes, scheme: Scheme, *, path: str, notes: list[str] | None = None) -> list[NewDocument]:
    """The documents of a CoNLL file: one per -DOCSTART- section, else one per sentence (as doccano reads them)."""
    text = decode_utf8(data, path=path)
    rows: list[tuple[int, list[str]]] = []
    width = None
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if line.startswith("# ") or line == "#":  # CoNLL-U style comments
            continue
        fields = line.split("\t") if "\t" in line else line.split()
        if not fields or not line.strip():
            rows.append((number, []))
            continue
        if fields[0] != DOCSTART:
            if not fields[0].strip() or fields[0] != fields[0].strip():
                raise InputError("the token column is empty or has white space around the token", path=path, line=number)
            if len(fields) < 2:
                raise InputError("a token line needs a tag column after the token (token TAB tag)", path=path, line=number)
            if width is None:
                width = len(fields)
            elif len(fields) != width:
                raise InputError(f"has {len(fields)} columns where the file's first token line has {width}", path=path, line=number)
        rows.append((number, fields))
    if width is None:
        raise InputError("holds no token lines", path=path)
    layout = _layout(rows)
    unkept = Unkept()
    documents = []
    for number, (uid, trailing, section) in enumerate(_sections(rows, path), start=1):
        documents.append(_document(section, scheme, uid or f"{Path(path).stem}-{number}", layout, path, unkept, trailing))
    if not documents:
        raise InputError("holds no token lines", path=path)
    if notes is not None and (note := unkept.note(path)) is not None:
        notes.append(note)
    return documents


def _layout(rows: list[tuple[int, list[str]]]) -> str:
    """`spaced` when every token line has whole-number start and end offsets in columns 2 and 3 and escaped white
    space in column 4 (our export), `columns` with offsets but no white space column, else `last` (the tag last)."""
    token_rows = [fields for _n, fields in rows if fields and fields[0] != DOCSTART]
    if all(len(f) >= 4 and f[1].isdigit() and f[2].isdigit() for f in token_rows):
        if all(len(f) >= 5 and ESCAPED.match(f[3]) for f in token_rows):
            return "spaced"
        return "columns"
    return "last"


def _sections(rows: list[tuple[int, list[str]]], path: str) -> list[tuple[str | None, str, list[list[tuple[int, list[str]]]]]]:
    """(document id, its trailing white space, its sentences) per -DOCSTART- section; without one, each sentence is a document."""
    has_docstart = any(fields and fields[0] == DOCSTART for _n, fields in rows)
    if not has_docstart and all(fields for _n, fields in rows[:-1]):  # no blank lines (ANERcorp): a sentence ends at . ! ? ؟
        split: list[tuple[int, list[str]]] = []
        for number, fields in rows:
            split.append((number, fields))
            if fields and SENTENCE_END.search(fields[0]) and fields[-1] in ("O", "_"):
                split.append((number, []))
        rows = split
    sections: list[tuple[str | None, str, list[list[tuple[int, list[str]]]]]] = []
    current: list[list[tuple[int, list[str]]]] = [[]]
    uid: str | None = None
    trailing: dict[str | None, str] = {}

    def close() -> None:
        sentences = [s for s in current if s]
        if sentences:
            sections.append((uid, trailing.get(uid, ""), sentences))

    for number, fields in rows:
        if fields and fields[0] == DOCSTART:
            close()
            current = [[]]
            uid = fields[1] if len(fields) > 1 and fields[1] not in ("-X-", "-1", "_", "O") else None
            trailing[uid] = _unescape(fields[3]) if len(fields) > 3 and ESCAPED.match(fields[3]) else ""
        elif not fields:
            if has_docstart:
                current.append([])
            else:
                close()
                current, uid = [[]], None
        else:
            current[-1].append((number, fields))
    close()
    return sections


def _document(sentences: list[list[tuple[int, list[str]]]], scheme: Scheme, uid: str, layout: str, path: str, unkept: Unkept,
              trailing: str = "") -> NewDocument:
    placed: list[tuple[int, int, int]] = []  # (line, start, end) of each token in the rebuilt text
    parts: list[str] = []
    length = 0
    for sentence in sentences:
        for index, (line, fields) in enumerate(sentence):
            word = fields[0]
            if layout in ("columns", "spaced"):
                start, end = int(fields[1]), int(fields[2])
                gap = _unescape(fields[3]) if layout == "spaced" else " " * (start - length)  # without it, how much but not which
                if end - start != len(word) or start != length + len(gap):
                    raise InputError(f"offsets {start}..{end} do not fit the token {word!r} after what came before", path=path, line=line)
            else:
                gap = ("\n" if index == 0 else " ") if length else ""
            check_text(word, path=path, line=line)
            parts += [gap, word]
            length += len(gap)
            placed.append((line, length, length + len(word)))
            length += len(word)
    text = "".join(parts) + (trailing if layout == "spaced" else "")
    first = {"spaced": 4, "columns": 3}.get(layout)
    columns = range(first, len(sentences[0][0][1])) if first is not None else [len(sentences[0][0][1]) - 1]
    spans: list[NewSpan] = []
    for column in columns:
        spans += _spans(sentences, placed, column, text, scheme, uid, path, unkept)
    title = text.split("\n", 1)[0][:120]
    return NewDocument(uid=uid, title=title, text=text, spans=tuple(spans), metadata={"file": Path(path).name})


def _spans(sentences: list[list[tuple[int, list[str]]]], placed: list[tuple[int, int, int]], column: int, text: str,
           scheme: Scheme, uid: str, path: str, unkept: Unkept) -> list[NewSpan]:
    spans: list[NewSpan] = []
    flat = [fields for sentence in sentences for _line, fields in sentence]
    open_label: str | None = None
    begin = 0
    previous_end = 0

    def close(end: int) -> None:
        nonlocal open_label
        if open_label is not None:
            try:
                label = scheme.span_label(open_label).name
                scheme.check_span(label, {})
            except SchemeError as error:
                raise InputError(str(error), path=path, line=placed[begin][0]) from None
            start, stop = placed[begin][1], end
            spans.append(NewSpan(uid=f"{uid}-c{column}-{len(spans) + 1}", label=label, start=start, end=stop, text=text[start:stop]))
        open_label = None

    sentence_starts = {sum(len(s) for s in sentences[:i]) for i in range(len(sentences))}
    for index, fields in enumerate(flat):
        tag = fields[column]
        if index in sentence_starts:
            close(previous_end)
        if tag in ("O", "_", "-"):
            close(previous_end)
        else:
            found = TAG.match(tag)
            if found is None:
                raise InputError(f"{tag!r} is not a tag (O, or B-, I-, E-, S-, L-, U- and a label)", path=path, line=placed[index][0])
            prefix, label = found.groups()
            if prefix in "BSU" or open_label != label:
                close(previous_end)
                if prefix in "IEL":
                    unkept.keep("entities starting with I-/E-/L- (IOB1) read as starting there", f"line {placed[index][0]}")
                open_label, begin = label, index
            if prefix in "ESLU":
                close(placed[index][2])
        previous_end = placed[index][2]
    close(previous_end)
    return spans

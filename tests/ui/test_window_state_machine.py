"""A person at the keyboard, step by step: after every key the window shows what the project file holds.

Hypothesis drives the real main window over three imported articles with the keys of the README's table
(select by word and tag, Delete, Tab, undo and redo, next and previous document, done, link, accept a cue
suggestion). After every step the invariants compare what the window shows (through tests/ui/probe.py)
with the database (plain SQL), and undo followed by redo must leave the database as it was.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule, run_state_machine_as_test
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.services.io.importing import import_paths
from annotator.storage.project import Project
from tests.ui import probe

ANNOTATOR = "salma"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier
DIGITS = {"1": Qt.Key.Key_1, "2": Qt.Key.Key_2, "3": Qt.Key.Key_3, "4": Qt.Key.Key_4, "5": Qt.Key.Key_5}

# Three short articles, a few paragraphs each: an emoji (two UTF-16 units), a shadda, cue words the lexicon
# knows (قال، وأضاف، وفقًا، نفت، أكدت، أعلنت), and markup that must stay text (scraped pages keep some).
# The window opens on the first one, whose paragraphs start with markup.
LETTER = (
    "قال مسؤول أمريكي كبير إن <b>الرئيس</b> بعث برسالة 📨 إلى طهران الأسبوع الماضي.\n"
    "وأضاف المسؤول أن الرسالة تضمنت عرضًا لاستئناف المحادثات.\n"
    "وفقًا لأشخاص مطلعين على هذه المراسلات، لم يصل أي رد حتى الآن.\n"
)
DENIAL = (
    "نفت البعثة الإيرانية لدى الأمم المتحدة أن تكون قد تلقّت أي رسالة.\n"
    "وأكدت البعثة في بيان أن ما نشر لا أساس له من الصحة.\n"
    "ذكرت وكالة الأنباء الرسمية أن الوزير سيعقد مؤتمرًا صحفيًا غدًا.\n"
)
BREAKING = (
    "<b>عاجل:</b> أعلنت وزارة الخارجية أن الوفد سيغادر اليوم <img src=x>.\n"
    "<i>وقال</i> المتحدث باسم الوزارة إن المحادثات ستستأنف في جنيف.\n"
    "<b>وأشارت</b> مصادر دبلوماسية إلى أن الموعد لم يحدد بعد.\n"
)
ARTICLES = {"01-breaking.txt": BREAKING, "02-letter.txt": LETTER, "03-denial.txt": DENIAL}

SETTINGS = settings(
    max_examples=int(os.environ.get("WINDOW_MACHINE_EXAMPLES", "25")),
    stateful_step_count=int(os.environ.get("WINDOW_MACHINE_STEPS", "25")),
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=False,
    report_multiple_bugs=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def make_project(path: Path, articles: dict[str, str] = ARTICLES) -> Path:
    """A new project with the articles imported from .txt files, as `annotator import` would."""
    sources = path.parent / f"{path.stem}-articles"
    sources.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (sources / name).write_text(text, encoding="utf-8")
    with Project.create(path) as project:
        report = import_paths(project, sorted(sources.iterdir()), annotator=ANNOTATOR)
        assert not report.errors and len(report.imported) == len(articles)
    return path


def word_starts(text: str) -> list[int]:
    """Where a click puts the caret at the start of a word (after a space or a line end)."""
    return [0, *(i + 1 for i, ch in enumerate(text) if ch.isspace() and i + 1 < len(text) and not text[i + 1].isspace())]


def plain(text: str) -> str:
    return " ".join(text.split())


def expected_after_tab(spans: list[dict], selected: int | None, caret: int, backward: bool) -> int:
    """README: Tab / Shift+Tab select the next / previous span in the article (reading order, wrapping)."""
    ids = [span["id"] for span in spans]
    if selected in ids:
        return ids[(ids.index(selected) + (-1 if backward else 1)) % len(ids)]
    after = [i for i, span in enumerate(spans) if span["start"] >= caret]
    if backward:
        return ids[(after[0] - 1) if after else len(ids) - 1]
    return ids[after[0] if after else 0]


class WindowMachine(RuleBasedStateMachine):
    """One window on a fresh copy of the three-article project; rules are key presses."""

    qtbot: QtBot
    template: Path
    workdir: Path
    runs = itertools.count()

    def __init__(self) -> None:
        super().__init__()
        self.path = self.workdir / f"run-{next(self.runs)}.db"
        probe.copy_project(self.template, self.path)
        self.project = probe.open_project(self.path)
        self.window = probe.open_window(self.qtbot, self.project, ANNOTATOR)
        self.watch = probe.MessageWatch(self.window).start()

    def teardown(self) -> None:
        self.watch.stop()
        probe.close_window(self.window)
        self.project.close()

    # Helpers

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
        """One key on the focused widget; an exception inside a Qt handler fails the step."""
        target = probe.key_target(self.window)
        with self.qtbot.captureExceptions() as errors:
            QTest.keyClick(target, key, modifiers)
            probe.settle_windows(self.window)
        assert not errors, f"{key!r} raised inside the window: {errors[0][1]!r}"

    def document(self) -> int:
        document = probe.current_document_id(self.window)
        assert document is not None, "the window shows no document"
        return document

    def spans(self) -> list[dict]:
        return probe.db_spans(self.path, ANNOTATOR, self.document())

    def history_step(self, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
        """Undo or redo: the window shows (one of) the document(s) whose annotations it changed."""
        before = probe.db_dump(self.path)
        self.press(key, modifiers)
        changed = probe.documents_of_change(before, probe.db_dump(self.path))
        if changed:
            shown = probe.current_document_id(self.window)
            assert shown in changed, (
                f"undo/redo changed document(s) {sorted(changed)} but the window still shows document {shown}"
            )

    # Rules

    @initialize()
    def start(self) -> None:
        """The window opens on the first document with the keyboard in the article."""
        assert probe.current_document_id(self.window) == probe.db_document_ids(self.path)[0]

    @rule(
        word=st.integers(0, 60),
        into_word=st.integers(0, 2),
        words=st.integers(1, 5),
        forward=st.booleans(),
        key=st.sampled_from(["1", "2", "3"]),
        exact=st.booleans(),
    )
    def select_and_tag(self, word: int, into_word: int, words: int, forward: bool, key: str, exact: bool) -> None:
        """Click in a word of the article, Shift+Ctrl+Left/Right a few words, then 1/2/3 (Alt: exact, not snapped)."""
        text = probe.shown_text(self.window)
        starts = word_starts(text)
        start = starts[word % len(starts)]
        probe.place_caret(self.window, min(start + into_word, len(text)))
        for _ in range(words):
            self.press(Qt.Key.Key_Right if forward else Qt.Key.Key_Left, CTRL | SHIFT)
        self.press(DIGITS[key], ALT if exact else NONE)

    @rule()
    def delete(self) -> None:
        self.press(Qt.Key.Key_Delete)

    @rule(backward=st.booleans())
    def tab(self, backward: bool) -> None:
        spans = self.spans()
        from_article = probe.focus_in_article(self.window)
        selected, caret = probe.selected_span_id(self.window), probe.caret(self.window)
        if backward:
            self.press(Qt.Key.Key_Backtab, SHIFT)
        else:
            self.press(Qt.Key.Key_Tab)
        if spans and from_article:
            assert probe.focus_in_article(self.window), (
                f"{'Shift+Tab' if backward else 'Tab'} in the article moved the focus to {probe.focused_name(self.window)}"
            )
            assert probe.selected_span_id(self.window) == expected_after_tab(spans, selected, caret, backward)

    @rule()
    def undo(self) -> None:
        self.history_step(Qt.Key.Key_Z, CTRL)

    @rule()
    def redo(self) -> None:
        self.history_step(Qt.Key.Key_Z, CTRL | SHIFT)

    @precondition(lambda self: probe.can_undo(self.window))
    @rule()
    def undo_then_redo(self) -> None:
        """Ctrl+Z then Ctrl+Shift+Z leaves the project file exactly as it was."""
        before = probe.db_dump(self.path)
        self.press(Qt.Key.Key_Z, CTRL)
        self.press(Qt.Key.Key_Z, CTRL | SHIFT)
        assert probe.db_dump(self.path) == before, f"undo + redo of “{probe.undo_text(self.window)}” changed the database"

    @rule(forward=st.booleans())
    def change_document(self, forward: bool) -> None:
        self.press(Qt.Key.Key_PageDown if forward else Qt.Key.Key_PageUp, CTRL)

    @rule()
    def toggle_done(self) -> None:
        self.press(Qt.Key.Key_Return, CTRL)

    @precondition(lambda self: any(span["label"] == "CLAIM" for span in self.spans()))
    @rule(which=st.integers(0, 10), key=st.sampled_from(["4", "5"]))
    def link(self, which: int, key: str) -> None:
        """Click a CLAIM in the span list, press 4 (attribution) or 5 (contradiction), Enter in the picker."""
        claims = [span for span in self.spans() if span["label"] == "CLAIM"]
        claim = claims[which % len(claims)]
        assert probe.click_span_in_list(self.window, claim["id"]), f"CLAIM {claim['id']} is not in the span list"
        probe.settle_windows(self.window)
        self.press(DIGITS[key])
        if probe.picker(self.window) is not None:
            before = len(probe.db_dump(self.path)["relations"])
            self.press(Qt.Key.Key_Return)
            assert probe.picker(self.window) is None, "Enter did not close the picker"
            linked = len(probe.db_dump(self.path)["relations"]) - before
            assert linked == 1 or probe.status_message(self.window), "Enter in the picker neither linked nor said why"

    @rule(caret=st.integers(0, 200))
    def accept_cue_suggestion(self, caret: int) -> None:
        """Click in the article, F8 to the next cue suggestion, Enter accepts it."""
        probe.place_caret(self.window, caret % (len(probe.shown_text(self.window)) + 1))
        self.press(Qt.Key.Key_F8)
        self.press(Qt.Key.Key_Return)

    # Invariants: what the window shows == what the project file holds

    @invariant()
    def article_is_the_stored_text(self) -> None:
        assert probe.shown_text(self.window) == probe.db_text(self.path, self.document())

    @invariant()
    def span_list_is_the_stored_spans(self) -> None:
        stored = [span["id"] for span in self.spans()]
        assert probe.shown_span_ids(self.window) == stored, "span list != database"

    @invariant()
    def highlights_are_the_stored_spans(self) -> None:
        stored = {span["id"] for span in self.spans()}
        assert probe.highlighted_span_ids(self.window) == stored, "article highlights != database"

    @invariant()
    def link_list_is_the_stored_relations(self) -> None:
        stored = [relation["id"] for relation in probe.db_relations(self.path, ANNOTATOR, self.document())]
        assert probe.shown_links(self.window) == stored, "link list != database"

    @invariant()
    def document_rows_show_the_stored_status(self) -> None:
        shown = {d: probe.row_status(self.window, d) for d in probe.loaded_document_ids(self.window)}
        stored = {d: probe.db_status(self.path, ANNOTATOR, d) for d in shown}
        assert shown == stored, "document list status != database"

    @invariant()
    def status_bar_counts_are_the_stored_counts(self) -> None:
        counts = probe.shown_counts(self.window)
        stored = {
            "spans": len(self.spans()),
            "done": probe.db_done_count(self.path, ANNOTATOR),
            "total": len(probe.db_document_ids(self.path)),
        }
        assert counts == stored, f"status bar {probe.status_text(self.window)!r} != database {stored}"

    @invariant()
    def offsets_hold(self) -> None:
        for span in probe.db_all_spans(self.path):
            assert span["document_text"][span["start"] : span["end"]] == span["text"], span

    @invariant()
    def span_text_is_shown_as_text(self) -> None:
        """Tooltips and the attribute heading show a span's text literally, markup and all."""
        texts = {span["id"]: span["text"] for span in self.spans()}
        for span_id, tooltip in probe.span_tooltips(self.window).items():
            if span_id not in texts:
                continue  # the span list invariant reports it
            assert plain(texts[span_id]) in plain(probe.rendered(tooltip)), f"tooltip of span {span_id} shows {probe.rendered(tooltip)!r}"
        shown_item = probe.editing(self.window)
        if shown_item is not None and shown_item[0] == "span" and shown_item[1] in texts:
            selected = shown_item[1]
            heading = probe.attribute_heading(self.window)
            shown = probe.rendered(heading.text(), heading.textFormat())
            assert plain(texts[selected]) in plain(shown), f"attribute heading shows {shown!r}"


def test_the_window_shows_what_the_database_holds(qtbot: QtBot, qapp: object, tmp_path: Path) -> None:
    WindowMachine.qtbot = qtbot
    WindowMachine.workdir = tmp_path
    WindowMachine.template = make_project(tmp_path / "template.db")
    run_state_machine_as_test(WindowMachine, settings=SETTINGS)


@pytest.fixture(autouse=True)
def _forget_the_bot() -> Iterator[None]:
    yield
    for name in ("qtbot", "template", "workdir"):
        if name in WindowMachine.__dict__:
            delattr(WindowMachine, name)

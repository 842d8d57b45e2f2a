PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

TS := resources/translations/annotator_ar.ts
QM := resources/translations/annotator_ar.qm
UI_SOURCES := $(wildcard annotator/ui/*.py) annotator/app.py

.PHONY: run test bench bench-scale soak clean translations docs screens

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The Arabic interface: the .ts source is kept in the repository, the .qm is built from it by Qt's own tool
# (run and test install PySide6, which brings pyside6-lrelease, before they ask for it).
$(QM): $(TS) | $(BIN)/python
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

# After changing interface strings: refresh the .ts (then translate what it marks unfinished).
translations: $(VENV)/.run-installed
	$(BIN)/pyside6-lupdate -no-obsolete $(UI_SOURCES) -target-language ar -ts $(TS)

run: $(VENV)/.run-installed $(QM)
	$(BIN)/annotator

test: $(VENV)/.test-installed $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -rs

bench: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run

$(VENV)/.bench-installed: pyproject.toml | $(VENV)/.test-installed
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

# 1,000, 10,000 and 100,000 articles (SIZES to choose): a table against the 100,000-article targets and a
# log-log PNG of time and memory, both under benchmarks/results/. Takes a quarter of an hour on 2 cores.
SIZES ?= 1000 10000 100000
bench-scale: $(VENV)/.bench-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.scale --sizes $(SIZES)

# Side by side with Label Studio 1.23.2 (its pip package in .peer-venv/, needs the network once; a throwaway
# server on 127.0.0.1): import, export, opening a 50,000-character article, disk and memory on the same corpus.
# Not part of `make test`. PEER_ARGS="--documents 500" for a quicker run.
PEER_ARGS ?=
bench-peer: $(VENV)/.bench-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.peer $(PEER_ARGS)

# Ten annotators tagging at once on a throwaway local PostgreSQL server (loopback only, bounded).
bench-team: $(VENV)/.test-installed
	$(BIN)/python -m benchmarks.team --people 10 --spans 100

# The bench corpus on SQLite and on a throwaway local PostgreSQL server, side by side.
bench-engines: $(VENV)/.test-installed
	$(BIN)/python -m benchmarks.engines

# A bounded SIGKILL soak: a child tags through the services and is killed at random; nothing acknowledged may be lost.
TRIALS ?= 100
soak: $(VENV)/.test-installed
	$(BIN)/python -m benchmarks.soak --trials $(TRIALS)

# The user guide's screenshots (docs/images/ar, docs/images/en), taken offscreen from a fresh demo project.
docs: $(VENV)/.run-installed $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_screenshots.py

# The main window, adjudication, agreement and export at 1280×800 and 1920×1080, in Arabic and English (docs/screens).
screens: $(VENV)/.run-installed $(QM)
	$(BIN)/python docs/make_screenshots.py --screens

clean:
	rm -rf $(VENV) .peer-venv build *.egg-info

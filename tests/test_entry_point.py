"""`annotator COMMAND` reaches the command line for every command the parser knows, not the window."""

from __future__ import annotations

import argparse
import subprocess
import sys

from annotator.__main__ import COMMANDS
from annotator.cli import build_parser


def test_every_command_line_command_is_routed_to_the_command_line() -> None:
    [commands] = [action for action in build_parser()._actions if isinstance(action, argparse._SubParsersAction)]
    assert set(commands.choices) == COMMANDS


def test_check_from_the_installed_entry_point_checks_the_project(tmp_path) -> None:
    project = tmp_path / "p.db"
    new = subprocess.run([sys.executable, "-m", "annotator", "new", str(project)], capture_output=True, text=True)
    assert new.returncode == 0, new.stderr
    checked = subprocess.run([sys.executable, "-m", "annotator", "check", str(project)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "usage: annotator [-h] [--annotator" not in checked.stderr

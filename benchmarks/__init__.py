"""Benchmarks on a reproducible synthetic corpus: `make bench`."""

import atexit
import os
import shutil
import tempfile

# The projects a benchmark makes are thrown away: their daily backups go to a folder of their own, removed at the
# end, not among the user's backups (a run at 100,000 articles would leave 1.6 GB copies there). Child processes
# inherit the folder; only the process that made it removes it.
if "ANNOTATOR_BACKUP_DIR" not in os.environ:
    os.environ["ANNOTATOR_BACKUP_DIR"] = _backups = tempfile.mkdtemp(prefix="annotator-bench-backups-")
    atexit.register(shutil.rmtree, _backups, ignore_errors=True)

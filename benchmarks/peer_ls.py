"""Label Studio for `make bench-peer`: installed from its pip package into a side virtual environment,
started on 127.0.0.1 with its own data folder, driven through its HTTP API with a legacy API token.

Everything that can go wrong here (no network for pip, a server that does not come up, an API refusal)
raises `PeerError` with one line that says what and where; the server is always stopped.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VERSION = "1.23.2"  # the version issue 15 compares against
VENV = ROOT / ".peer-venv"
ADMIN = "bench@annotator.invalid"
PASSWORD = "bench-peer-password"  # a throwaway server on the loopback, deleted with its data folder
TOKEN = "bench-peer-token-0123456789abcdef"


class PeerError(Exception):
    """A one-line reason the side-by-side run cannot go on."""


def tail(text: str, lines: int = 3) -> str:
    kept = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("WARNING: Location")]
    return " | ".join(kept[-lines:])


def ensure_installed(venv: Path = VENV, version: str = VERSION, *, timeout: float = 1800) -> Path:
    """The `label-studio` command of the side environment, installing label-studio==version with pip once."""
    exe = venv / "bin" / "label-studio"
    marker = venv / f".label-studio-{version}"
    if marker.exists() and exe.exists():
        return exe
    print(f"installing label-studio=={version} into {venv} with pip (once; a few minutes)…", file=sys.stderr, flush=True)
    python = venv / "bin" / "python"
    try:
        if not python.exists():
            base = getattr(sys, "_base_executable", sys.executable)
            made = subprocess.run([base, "-m", "venv", str(venv)], capture_output=True, text=True, timeout=300)
            if made.returncode:
                raise PeerError(f"could not create the side environment {venv}: {tail(made.stderr or made.stdout)}")
        pip = subprocess.run([str(python), "-m", "pip", "install", "--disable-pip-version-check", "--quiet", f"label-studio=={version}"],
                             capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise PeerError(f"pip did not finish installing label-studio=={version} within {timeout:.0f} s (a slow or absent network?)") from None
    if pip.returncode:
        raise PeerError(f"pip could not install label-studio=={version} into {venv} (no network, or no package index?): "
                        f"{tail(pip.stderr or pip.stdout)}")
    if not exe.exists():
        raise PeerError(f"pip installed label-studio=={version} but {exe} is missing")
    marker.touch()
    return exe


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _die_with_parent() -> None:
    """In the server's process before it starts: on Linux, a SIGTERM when the bench dies, even by SIGKILL."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class LabelStudio:
    """A Label Studio server of its own: fresh data folder (SQLite), an admin with a legacy token, loopback only."""

    def __init__(self, exe: Path, data_dir: Path, *, timeout: float = 300) -> None:
        self.exe, self.data_dir, self.timeout = exe, data_dir, timeout
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = data_dir.parent / "label-studio.log"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> LabelStudio:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "LABEL_STUDIO_BASE_DATA_DIR": str(self.data_dir), "LATEST_VERSION_CHECK": "false",
               "COLLECT_ANALYTICS": "false", "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true"}
        for name in ("DJANGO_DB", "DATABASE_NAME", "LABEL_STUDIO_DATABASE_NAME", "HOST", "LABEL_STUDIO_HOST"):
            env.pop(name, None)  # the default SQLite database in the data folder, whatever the caller's shell says
        command = [str(self.exe), "start", "--no-browser", "--internal-host", "127.0.0.1", "--port", str(self.port),
                   "--data-dir", str(self.data_dir), "--username", ADMIN, "--password", PASSWORD, "--user-token", TOKEN,
                   "--enable-legacy-api-token"]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                            start_new_session=True, cwd=self.data_dir.parent, preexec_fn=_die_with_parent)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise PeerError(f"Label Studio stopped (exit {self.process.returncode}) before it answered: {self.log_tail()}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=5) as answer:
                    if answer.status == 200:
                        self.call("GET", "/api/current-user/whoami")  # the token works too
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.5)
        raise PeerError(f"Label Studio did not answer on {self.url} within {self.timeout:.0f} s (--server-timeout to wait longer): "
                        f"{self.log_tail()}")

    def log_tail(self) -> str:
        try:
            return tail(self.log_path.read_text(encoding="utf-8", errors="replace")) or "its log is empty"
        except OSError:
            return "no log"

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        for sent, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
            try:
                os.killpg(process.pid, sent)
            except ProcessLookupError:
                return
            try:
                process.wait(wait)
                return
            except subprocess.TimeoutExpired:
                continue

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def call(self, method: str, path: str, body: bytes | dict | list | None = None, *, timeout: float = 3600, to: Path | None = None) -> Any:
        """One API call with the token; the JSON answer, or the body streamed to `to`."""
        data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
        headers = {"Authorization": f"Token {TOKEN}"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                if to is not None:
                    with to.open("wb") as out:
                        shutil.copyfileobj(answer, out, 1 << 20)
                    return None
                raw = answer.read()
        except urllib.error.HTTPError as error:
            detail = error.read()[:300].decode("utf-8", "replace").replace("\n", " ")
            raise PeerError(f"Label Studio refused {method} {path}: HTTP {error.code} {detail}") from None
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            raise PeerError(f"Label Studio did not answer {method} {path}: {error}; {self.log_tail()}") from None
        return json.loads(raw) if raw else None


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    import psutil

    try:
        root = psutil.Process(pid)
        total = root.memory_info().rss
        for child in root.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                pass
        return total
    except psutil.Error:
        return 0


def tree_cpu(pid: int) -> float:
    """CPU seconds (user and system) a process and its living descendants have used."""
    import psutil

    try:
        processes = [psutil.Process(pid)]
        processes += processes[0].children(recursive=True)
    except psutil.Error:
        return 0.0
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


class PeakRSS:
    """Samples a process tree's resident memory every `interval` seconds while the block runs; `peak_mb` after."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid, self.interval = pid, interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while True:
            self.peak = max(self.peak, tree_rss(self.pid))
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, tree_rss(self.pid))

    @property
    def peak_mb(self) -> float:
        return self.peak / 2**20  # as benchmarks.corpus.peak_rss_mb counts


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())

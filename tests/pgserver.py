"""A throwaway PostgreSQL server for the tests: initdb and pg_ctl from the Debian postgresql-15 binaries in a
temporary folder, listening on 127.0.0.1 on a free port (and a Unix socket in that folder), with fsync off.

PostgreSQL refuses to run as root: when the tests run as root the server runs as an unprivileged user
(`postgres` where the package made it, else `nobody`), which owns the folder; as a normal user it runs as that
user. Each test gets its own database, copied from a template migrated once per session."""

from __future__ import annotations

import itertools
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

BIN_ENV = "ANNOTATOR_PG_BIN"  # another PostgreSQL's bin folder
DEFAULT_BINS = ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin")
SUPERUSER = "annotator_test"
TEMPLATE = "annotator_template"


def find_bin() -> Path | None:
    """The folder holding initdb and pg_ctl, or None."""
    for candidate in (os.environ.get(BIN_ENV), *DEFAULT_BINS):
        if candidate and (Path(candidate) / "initdb").is_file() and (Path(candidate) / "pg_ctl").is_file():
            return Path(candidate)
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _server_user() -> pwd.struct_passwd | None:
    """Whom the server runs as: None for the current user, an unprivileged account when we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root and neither a postgres nor a nobody account exists to run PostgreSQL as")


@dataclass
class PgServer:
    bin: Path
    root: Path
    port: int
    password: str
    user: pwd.struct_passwd | None
    _numbers: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres", *, user: str = SUPERUSER, password: str | None = None) -> str:
        secret = self.password if password is None else password
        return f"postgresql+psycopg://{user}:{secret}@127.0.0.1:{self.port}/{database}"

    def _run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        extra = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []} if self.user else {}
        return subprocess.run(
            command, check=check, capture_output=True, text=True, cwd=self.root, env={**os.environ, "LC_ALL": "C.UTF-8"}, **extra
        )

    def start(self) -> None:
        pwfile = self.root / "pw"
        pwfile.write_text(self.password + "\n")
        if self.user:
            for path in (self.root, pwfile):
                os.chown(path, self.user.pw_uid, self.user.pw_gid)
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, f"--pwfile={pwfile}", "-E", "UTF8",
            "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync",
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories='{self.root}' "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100 -c shared_buffers=32MB"
        )
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-o", options, "-w", "-t", "60", "start")
        except subprocess.CalledProcessError as error:
            log = (self.root / "log").read_text(errors="replace") if (self.root / "log").exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {error.stderr.strip()} {log[-2000:]}") from None

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def admin(self, *statements: str, database: str = "postgres") -> None:
        """Run statements as the superuser, outside a transaction (CREATE DATABASE needs that)."""
        import psycopg

        with psycopg.connect(self.url(database).replace("postgresql+psycopg", "postgresql"), autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def make_template(self) -> None:
        """A database migrated to the newest schema, which each test's database copies."""
        from annotator.storage import migrate
        from annotator.storage.engine import make_engine

        self.admin(f"CREATE DATABASE {TEMPLATE}")
        engine = make_engine(self.url(TEMPLATE))
        try:
            migrate.upgrade(engine)
        finally:
            engine.dispose()
        self.admin(f"ALTER DATABASE {TEMPLATE} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false")

    def new_database(self) -> str:
        """A fresh database at the newest schema; its URL."""
        name = f"test_{next(self._numbers)}"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} STRATEGY WAL_LOG")
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def start_server() -> PgServer:
    """Start a server (RuntimeError with the reason when it cannot be); the caller stops it."""
    binaries = find_bin()
    if binaries is None:
        raise FileNotFoundError("no PostgreSQL binaries (initdb, pg_ctl): install postgresql-15 or set " + BIN_ENV)
    user = _server_user()
    # The server's own user must reach its folder: root's TMPDIR may be private, /tmp never is.
    base = Path("/tmp") if user is not None else Path(tempfile.gettempdir())
    root = Path(tempfile.mkdtemp(prefix="annotator-pg-", dir=base))
    server = PgServer(binaries, root, _free_port(), secrets.token_hex(12), user)
    try:
        server.start()
        server.make_template()
    except BaseException:
        server.stop()
        raise
    return server

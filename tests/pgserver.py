"""A throwaway PostgreSQL server for the tests: initdb and pg_ctl from the Debian postgresql-15 binaries in a
temporary folder, listening on 127.0.0.1 on a free port (and a Unix socket in that folder), with fsync off.

PostgreSQL refuses to run as root: when the tests run as root the server runs as an unprivileged user
(`postgres` where the package made it, else `nobody`), which owns the folder; as a normal user it runs as that
user. Each test gets a database at the newest schema holding nothing: one copied from a template migrated once
per session, or one an earlier test used, emptied (TRUNCATE) when its schema is still exactly as made — a test
that added a trigger, a function or a policy has its database dropped instead. Emptying is ten times faster than
copying."""

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
from urllib.parse import quote

BIN_ENV = "ANNOTATOR_PG_BIN"  # another PostgreSQL's bin folder
DEFAULT_BINS = ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin")
SUPERUSER = "annotator_test"
TEMPLATE = "annotator_template"


# Everything in a database's schema a test could change: tables and their columns, constraints, triggers,
# functions, policies, row-level security, extensions and the schema revision.
FINGERPRINT = """
SELECT md5(string_agg(x, ',' ORDER BY x)) FROM (
  SELECT 'c:' || c.relname || ':' || c.relkind::text || ':' || c.relrowsecurity::text FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
  UNION ALL SELECT 'a:' || a.attrelid::regclass || '.' || a.attname || ':' || a.atttypid::text || ':' || a.attnotnull::text FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL SELECT 'k:' || conname || ':' || pg_get_constraintdef(k.oid) FROM pg_constraint k
    JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname = 'public'
  UNION ALL SELECT 't:' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
  UNION ALL SELECT 'p:' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
  UNION ALL SELECT 'r:' || polname FROM pg_policy
  UNION ALL SELECT 'e:' || extname FROM pg_extension
  UNION ALL SELECT 'v:' || version_num FROM alembic_version
) AS parts (x)
"""


# Every table but the schema revision emptied, every sequence back to 1: as a new copy of the template.
EMPTY = """
DO $$
DECLARE item record;
BEGIN
  FOR item IN SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version' LOOP
    EXECUTE 'DELETE FROM ' || item.name;
  END LOOP;
  FOR item IN SELECT quote_ident(sequencename) AS name FROM pg_sequences WHERE schemaname = 'public' LOOP
    EXECUTE 'SELECT setval(' || quote_literal(item.name) || ', 1, false)';
  END LOOP;
END $$
"""


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
    _pool: list[str] = field(default_factory=list)
    _watcher: subprocess.Popen | None = None
    _fingerprint: str | None = None

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres", *, user: str = SUPERUSER, password: str | None = None) -> str:
        secret = quote(self.password if password is None else password, safe="")
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
        # Should this process die without stopping the server (killed, a timeout), a watcher stops it and
        # removes its folder, so that no server outlives its tests on a shared machine.
        watch = (
            f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 2; done; "
            f"pid=$(head -n 1 '{self.data}/postmaster.pid' 2>/dev/null) && kill -QUIT \"$pid\" 2>/dev/null; "
            f"sleep 2; rm -rf '{self.root}'"
        )
        self._watcher = subprocess.Popen(
            ["sh", "-c", watch], start_new_session=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)
        if self._watcher is not None:
            self._watcher.terminate()
            self._watcher.wait()

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

    def take_database(self) -> str:
        """An empty database at the newest schema: a used one emptied, else a new copy of the template."""
        return self._pool.pop() if self._pool else self.new_database()

    def give_back(self, name: str) -> None:
        """Empty the database for the next test if its schema is as the template's, else drop it."""
        import psycopg

        try:
            with psycopg.connect(self.url(name).replace("postgresql+psycopg", "postgresql"), autocommit=True) as connection:
                connection.execute("SET lock_timeout = '2s'")
                fingerprint = connection.execute(FINGERPRINT).fetchone()[0]
                if self._fingerprint is None:
                    self._fingerprint = self._template_fingerprint()
                if fingerprint == self._fingerprint:
                    # DELETE and setval beat TRUNCATE on a few rows (TRUNCATE makes new files for every table);
                    # the foreign keys' triggers are off meanwhile (replica role), so the order does not matter.
                    with connection.transaction():
                        connection.execute("SET LOCAL session_replication_role = replica")
                        connection.execute(EMPTY)
                    self._pool.append(name)
                    return
        except psycopg.Error:
            pass  # a test left a lock behind, or broke the database: it goes
        self.drop_database(name)

    def _template_fingerprint(self) -> str:
        name = self.new_database()
        try:
            import psycopg

            with psycopg.connect(self.url(name).replace("postgresql+psycopg", "postgresql")) as connection:
                return connection.execute(FINGERPRINT).fetchone()[0]
        finally:
            self.drop_database(name)


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

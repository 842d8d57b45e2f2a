"""Roles the database enforces on a shared PostgreSQL project: two group roles (annotators, reviewers), one
login role per person (named as their identity), the table privileges each group has, and row-level security
on the layered tables, so that a plain SQL client with an annotator's password can do no more than the window.

- An annotator writes only rows of their own layer (annotator_id is their identity's id), never gold, and in
  blind mode (the `blind_mode` setting not `off`) reads only their own layer's rows.
- A reviewer reads and writes every layer, gold included.
- Documents, the search index, annotators and assignments are read by everyone; only reviewers write them.
- Settings are read by everyone; an annotator writes only their own `last_document:NAME` and `identity`.

The tables belong to the role that ran `annotator server init` (the project's owner), which RLS does not bind."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

ANNOTATORS = "annotator_annotators"
REVIEWERS = "annotator_reviewers"
GROUPS = {"annotator": ANNOTATORS, "reviewer": REVIEWERS}

# Tables with a layer: each row belongs to the annotator (identity) in this column.
LAYERED = {
    "spans": "annotator_id",
    "relations": "annotator_id",
    "document_states": "annotator_id",
    "source_links": "annotator_id",
    "claim_links": "annotator_id",
    "dismissed_suggestions": "annotator_id",
}
# Read by everyone, written by reviewers only.
SHARED = ("documents", "document_search", "annotators", "assignments", "canonical_sources", "source_aliases", "alembic_version")

ME = "(SELECT a.id FROM annotators a WHERE a.name = current_user)"
IS_REVIEWER = f"pg_has_role(current_user, '{REVIEWERS}', 'MEMBER')"
BLIND = "coalesce((SELECT s.value FROM settings s WHERE s.key = 'blind_mode'), 'on') <> 'off'"


def _existing_tables(connection: Any) -> set[str]:
    return set(connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars())


def _role_exists(connection: Any, name: str) -> bool:
    return bool(connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar())


def quote_role(connection: Any, name: str) -> str:
    return connection.dialect.identifier_preparer.quote_identifier(name)


def install(connection: Any) -> list[str]:
    """Create the group roles, grant their privileges and (re)create the policies; idempotent. What it did."""
    done = []
    for group in (ANNOTATORS, REVIEWERS):
        if not _role_exists(connection, group):
            connection.execute(text(f"CREATE ROLE {group} NOLOGIN"))
            done.append(f"created the group role {group}")
    tables = _existing_tables(connection)
    database = connection.execute(text("SELECT current_database()")).scalar()
    both = f"{ANNOTATORS}, {REVIEWERS}"
    connection.execute(text(f'GRANT CONNECT ON DATABASE "{database}" TO {both}'))
    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {both}"))
    connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {both}"))
    for table in sorted(tables & set(SHARED)):
        connection.execute(text(f"GRANT SELECT ON {table} TO {both}"))
        connection.execute(text(f"GRANT INSERT, UPDATE, DELETE ON {table} TO {REVIEWERS}"))
    layered = sorted(tables & set(LAYERED))
    for table in [*layered, "settings"]:
        connection.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {both}"))
        connection.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
        for policy in ("reads", "writes", "reviewers"):
            connection.execute(text(f"DROP POLICY IF EXISTS {policy} ON {table}"))
    for table in layered:
        mine = f"{LAYERED[table]} = {ME}"
        connection.execute(text(f"CREATE POLICY reviewers ON {table} TO {REVIEWERS} USING (true) WITH CHECK (true)"))
        connection.execute(text(f"CREATE POLICY reads ON {table} FOR SELECT TO {ANNOTATORS} USING ({mine} OR NOT ({BLIND}))"))
        # FOR ALL with USING limits which rows an UPDATE or DELETE can reach, WITH CHECK what a row may become.
        connection.execute(text(f"CREATE POLICY writes ON {table} TO {ANNOTATORS} USING ({mine}) WITH CHECK ({mine})"))
    own_keys = "key = 'identity' OR key = 'last_document:' || current_user"
    connection.execute(text(f"CREATE POLICY reviewers ON settings TO {REVIEWERS} USING (true) WITH CHECK (true)"))
    connection.execute(text(f"CREATE POLICY reads ON settings FOR SELECT TO {ANNOTATORS} USING (true)"))
    connection.execute(text(f"CREATE POLICY writes ON settings TO {ANNOTATORS} USING ({own_keys}) WITH CHECK ({own_keys})"))
    done.append(f"row-level security on {', '.join([*layered, 'settings'])}")
    return done


def add_login(connection: Any, name: str, password: str, role: str) -> bool:
    """A login role for a person in the group of their role (and out of the other group); True when new.
    The password is hashed here (SCRAM-SHA-256, by libpq as psql's \\password does): it never reaches the server,
    its logs or this process's command line."""
    new = not _role_exists(connection, name)
    quoted = quote_role(connection, name)
    if new:
        connection.execute(text(f"CREATE ROLE {quoted} LOGIN"))
    raw = connection.connection.driver_connection
    hashed = raw.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256").decode()
    connection.exec_driver_sql(f"ALTER ROLE {quoted} LOGIN PASSWORD '{hashed}'")  # a SCRAM verifier holds no quote
    other = REVIEWERS if GROUPS[role] == ANNOTATORS else ANNOTATORS
    connection.execute(text(f"REVOKE {other} FROM {quoted}"))
    connection.execute(text(f"GRANT {GROUPS[role]} TO {quoted}"))
    return new

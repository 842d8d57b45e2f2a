"""`annotator server init URL` and `annotator server add-user URL NAME --role annotator|reviewer`: a shared project
on a PostgreSQL server, with roles the database enforces (annotator/storage/server_roles.py). Registered by
annotator/cli.py; never imports Qt. Passwords come from ANNOTATOR_PASSWORD or a prompt, never the command line."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD
from annotator.storage import server_roles
from annotator.storage.failures import storage_error
from annotator.storage.location import ServerLocation, location
from annotator.storage.models import Annotator
from annotator.storage.project import Project

PASSWORD_ENV = "ANNOTATOR_PASSWORD"


def add_commands(commands: Any) -> None:
    server = commands.add_parser("server", help="set up a shared project on a PostgreSQL server")
    actions = server.add_subparsers(dest="server_command", required=True)
    init = actions.add_parser("init", help="create the schema, the database roles and the row-level security policies")
    init.add_argument("url", type=location, metavar="URL", help="postgresql+psycopg://OWNER@HOST/DATABASE (the database exists)")
    user = actions.add_parser("add-user", help="a login role and identity for a person (password from $ANNOTATOR_PASSWORD or asked)")
    user.add_argument("url", type=location, metavar="URL", help="the project's URL, as its owner")
    user.add_argument("name", help="the person's name: their database role and their identity")
    user.add_argument("--role", required=True, choices=sorted(server_roles.GROUPS))


def cmd_server(args: argparse.Namespace) -> int:
    where = args.url
    if not isinstance(where, ServerLocation):
        raise AnnotatorError(f"{where}: not a server URL (postgresql+psycopg://USER@HOST/DATABASE); a project file needs no set-up")
    if args.server_command == "init":
        if Project.exists(where):  # an older schema is upgraded here, by its owner, before the policies are laid again
            from annotator.storage import migrate
            from annotator.storage.engine import make_engine

            engine = make_engine(where)
            try:
                migrate.upgrade(engine)
            except DBAPIError as error:
                raise (storage_error(error, where) or AnnotatorError(f"{where}: not upgraded: {error.orig}")) from None
            finally:
                engine.dispose()
        with Project.open_or_create(where) as project:
            done = _in_transaction(project, server_roles.install)
        for line in done:
            print(line)
        print(f"{where}: ready; add people with `annotator server add-user {where} NAME --role annotator|reviewer`")
        return 0
    name = args.name.strip()
    if not name or name == GOLD or name.startswith("pg_") or name in server_roles.GROUPS.values():
        raise AnnotatorError(f"{name!r}: not a name a person can have here")
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin.isatty():
            raise AnnotatorError(f"no password: set {PASSWORD_ENV} or run this in a terminal to be asked")
        password = getpass.getpass(f"password for {name}: ")
        if password != getpass.getpass("again: "):
            raise AnnotatorError("the two passwords differ; nothing was changed")
    if len(password) < 8:
        raise AnnotatorError("the password is shorter than 8 characters; nothing was changed")
    with Project.open(where) as project:

        def add(connection: Any) -> bool:
            new = server_roles.add_login(connection, name, password, args.role)
            found = connection.execute(select(Annotator.id).where(Annotator.name == name)).scalar()
            if found is None:
                connection.execute(Annotator.__table__.insert().values(name=name, role=args.role, created_at=_now()))
            else:
                connection.execute(Annotator.__table__.update().where(Annotator.id == found).values(role=args.role))
            return new

        new = _in_transaction(project, add)
    print(f"{name} {'can now connect' if new else 'updated'} as {'an' if args.role == 'annotator' else 'a'} {args.role} "
          f"(postgresql+psycopg://{name}@{where.url.host}:{where.url.port or 5432}/{where.name})")
    return 0


HANDLERS = {"server": cmd_server}


def _now() -> Any:
    from annotator.storage.models import utcnow

    return utcnow()


def _in_transaction(project: Project, work: Any) -> Any:
    try:
        with project.engine.begin() as connection:
            return work(connection)
    except DBAPIError as error:
        raise (storage_error(error, project.path) or AnnotatorError(f"{project.path}: {' '.join(str(error.orig).split())}; nothing was changed")) from None

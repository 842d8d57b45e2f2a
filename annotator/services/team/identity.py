"""Who is working: annotators and reviewers, the gold layer, blind mode and document assignments."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, DocumentId
from annotator.storage.models import Annotator, Assignment, Span
from annotator.storage.project import Project

BLIND_KEY = "blind_mode"
IDENTITY_KEY = "identity"


class Role(StrEnum):
    ANNOTATOR = "annotator"
    REVIEWER = "reviewer"


class AccessError(AnnotatorError):
    """The acting identity may not read or write that layer."""


@dataclass(frozen=True, slots=True)
class Identity:
    name: str
    role: Role

    @property
    def is_reviewer(self) -> bool:
        return self.role == Role.REVIEWER


def default_annotator() -> str:
    """The operating-system user name, or "annotator" where there is none."""
    try:
        return getpass.getuser() or "annotator"
    except Exception:  # no user name in this environment
        return "annotator"


def identify(project: Project, name: str, role: Role | None = None) -> Identity:
    """The named identity, created on first use (as an annotator unless a role is given)."""
    name = name.strip()
    if not name:
        raise AnnotatorError("an annotator needs a name")
    if name == GOLD:
        raise AnnotatorError(f"{GOLD!r} is the reviewers' layer, not a person")
    with project.reading() as session:
        known = session.scalar(select(Annotator.role).where(Annotator.name == name))
    if known is not None and (role is None or known == role):
        return Identity(name, Role(known))
    if known is None and role is None and project.read_only:
        return Identity(name, Role.ANNOTATOR)  # a reader of a project nobody can write: nothing to record
    with project.transaction() as session:
        row = session.scalar(select(Annotator).where(Annotator.name == name))
        if row is None:
            row = Annotator(name=name, role=str(role or Role.ANNOTATOR))
            session.add(row)
        elif role is not None:
            row.role = str(role)
        return Identity(row.name, Role(row.role))


def identities(project: Project) -> list[Identity]:
    with project.reading() as session:
        rows = session.scalars(select(Annotator).where(Annotator.name != GOLD).order_by(Annotator.name))
        return [Identity(row.name, Role(row.role)) for row in rows if row.role in set(Role)]


def remembered_identity(project: Project) -> str | None:
    return project.setting(IDENTITY_KEY)


def remember_identity(project: Project, identity: Identity) -> None:
    project.set_setting(IDENTITY_KEY, identity.name)


def blind_mode(project: Project) -> bool:
    return project.setting(BLIND_KEY) != "off"


def set_blind_mode(project: Project, acting: Identity, on: bool) -> Changes:
    if not acting.is_reviewer:
        raise AccessError("only a reviewer may change blind mode")
    project.set_setting(BLIND_KEY, "on" if on else "off")
    return Changes(settings=frozenset({BLIND_KEY}))


def may_write(acting: Identity, layer: str) -> bool:
    try:
        check_write(acting, layer)
    except AccessError:
        return False
    return True


def readable_layers(project: Project, acting: Identity) -> list[str]:
    """The layers this identity may show: its own, and for a reviewer (or with blind mode off) gold and every
    layer that holds spans."""
    if not acting.is_reviewer and blind_mode(project):
        return [acting.name]
    with project.reading() as session:
        names = session.scalars(
            select(Annotator.name).where(Annotator.id.in_(select(Span.annotator_id).distinct())).order_by(Annotator.name)
        ).all()
    others = [name for name in names if name not in (acting.name, GOLD)]
    return [acting.name, GOLD, *others]


def check_write(acting: Identity, layer: str) -> None:
    if layer == acting.name:
        return
    if layer == GOLD and not acting.is_reviewer:
        raise AccessError(f"{acting.name} is an annotator: only a reviewer may write the gold layer")
    if layer != GOLD:
        raise AccessError(f"{acting.name} may not write {layer}'s layer")


def check_read(project: Project, acting: Identity, layer: str) -> None:
    if layer == acting.name or acting.is_reviewer:
        return
    if blind_mode(project):
        raise AccessError(f"blind mode: {acting.name} sees only their own layer")


def assign(project: Project, acting: Identity, *, annotator: str, documents: list[DocumentId]) -> Changes:
    """Give documents to an annotator; the change counts those newly assigned."""
    if not acting.is_reviewer:
        raise AccessError("only a reviewer may assign documents")
    target = identify(project, annotator)
    added = 0
    with project.transaction() as session:
        annotator_id = project.annotator_id(session, target.name)
        taken = set(session.scalars(select(Assignment.document_id).where(Assignment.annotator_id == annotator_id)))
        for document_id in documents:
            if document_id not in taken:
                session.add(Assignment(document_id=document_id, annotator_id=annotator_id))
                added += 1
    return Changes(identities=True, count=added)


def assigned_documents(project: Project, annotator: str) -> set[DocumentId] | None:
    """The documents assigned to this annotator, or None when nothing was assigned (all are open)."""
    with project.reading() as session:
        rows = session.scalars(
            select(Assignment.document_id).join(Annotator, Annotator.id == Assignment.annotator_id).where(Annotator.name == annotator)
        ).all()
    return {DocumentId(row) for row in rows} or None

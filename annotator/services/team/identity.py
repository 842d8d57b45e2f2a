"""Who is working: annotators and reviewers, the gold layer, blind mode and document assignments."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

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
    """The named identity, created on first use (as an annotator unless a role is given).

    Asking for the reviewer role is a claim the project decides: it is granted only to someone who is
    already a reviewer, or to the first reviewer of a project that has none (the first identity of a new
    project). Anyone else is made a reviewer by a reviewer, through `grant_role`. Asking for the annotator
    role gives up one's own reviewer role.
    """
    name = _checked_name(name)
    with project.reading() as session:
        known = session.scalar(select(Annotator.role).where(Annotator.name == name))
    if known is not None and (role is None or known == role):
        return Identity(name, Role(known))
    if known is None and role is None and project.read_only:
        return Identity(name, Role.ANNOTATOR)  # a reader of a project nobody can write: nothing to record
    if role == Role.REVIEWER and project.read_only:
        raise AccessError(f"{name} is not a reviewer of {project.path}: a read-only project records no new reviewer")
    with project.transaction() as session:
        if role == Role.REVIEWER and _reviewers(session, besides=name):
            raise AccessError(
                f"{name} is not a reviewer of {project.path}: only a reviewer of this project may make someone a reviewer"
            )
        row = session.scalar(select(Annotator).where(Annotator.name == name))
        if row is None:
            row = Annotator(name=name, role=str(role or Role.ANNOTATOR))
            session.add(row)
        elif role is not None:
            row.role = str(role)
        return Identity(row.name, Role(row.role))


def found_project(project: Project, name: str) -> Identity:
    """The identity that made a new project: its first reviewer (an identity already recorded keeps its role)."""
    name = _checked_name(name)
    with project.transaction() as session:
        row = session.scalar(select(Annotator).where(Annotator.name == name))
        if row is None:
            role = Role.ANNOTATOR if _reviewers(session, besides=name) else Role.REVIEWER
            row = Annotator(name=name, role=str(role))
            session.add(row)
        return Identity(row.name, Role(row.role))


def grant_role(project: Project, acting: Identity, *, name: str, role: Role) -> Changes:
    """A reviewer of this project makes someone a reviewer or an annotator (the last reviewer stays one)."""
    name = _checked_name(name)
    if not _recorded_reviewer(project, acting):
        raise AccessError(f"{acting.name} is not a reviewer of {project.path}: only a reviewer may change someone's role")
    with project.transaction() as session:
        row = session.scalar(select(Annotator).where(Annotator.name == name))
        if role == Role.ANNOTATOR and row is not None and row.role == Role.REVIEWER and not _reviewers(session, besides=name):
            raise AccessError(f"{name} is the only reviewer of {project.path}: make someone else a reviewer first")
        if row is None:
            session.add(Annotator(name=name, role=str(role)))
        elif row.role != role:
            row.role = str(role)
        else:
            return Changes()
    return Changes(identities=True)


def known_identity(project: Project, name: str) -> Identity:
    """The identity as the project records it (an annotator if it records none); nothing is written."""
    name = _checked_name(name)
    with project.reading() as session:
        known = session.scalar(select(Annotator.role).where(Annotator.name == name))
    return Identity(name, Role(known) if known in set(Role) else Role.ANNOTATOR)


def acting_identity(project: Project, name: str | None = None) -> Identity:
    """Who acts on the command line: the name given (--as), else the one remembered for this project, else the
    operating-system user; read, never written."""
    return known_identity(project, name or remembered_identity(project) or default_annotator())


def remembered_or_none(project: Project, acting: Identity | None) -> Identity | None:
    """The acting identity a service was given, else the one remembered for this project (the window's), else None:
    a library caller acting for no one in a project where no one works."""
    if acting is not None:
        return acting
    name = remembered_identity(project)
    return known_identity(project, name) if name else None


def _checked_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise AnnotatorError("an annotator needs a name")
    if name == GOLD:
        raise AnnotatorError(f"{GOLD!r} is the reviewers' layer, not a person")
    return name


def _reviewers(session: Session, *, besides: str) -> list[str]:
    return list(session.scalars(select(Annotator.name).where(Annotator.role == Role.REVIEWER.value, Annotator.name != besides)))


def _recorded_reviewer(project: Project, acting: Identity) -> bool:
    """The project, not the caller, says who is a reviewer."""
    return acting.is_reviewer and known_identity(project, acting.name).is_reviewer


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
    people = {identity.name for identity in identities(project)}  # a colleague who has not tagged yet can be watched too
    others = sorted((set(names) | people) - {acting.name, GOLD})
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


def check_import(acting: Identity, layer: str, *, what: str = "spans") -> None:
    """Bringing annotations in: a reviewer may bring in any layer (gold included); an annotator only her own."""
    if acting.is_reviewer or layer == acting.name:
        return
    if layer == GOLD:
        raise AccessError(f"{acting.name} is an annotator: only a reviewer may bring {what} into the gold layer")
    raise AccessError(f"{acting.name} is an annotator: only a reviewer may bring {what} into {layer}'s layer")


def export_layer(project: Project, acting: Identity, layer: str) -> tuple[str, str | None]:
    """The layer an export may hold for this identity, and a note when it is narrower than asked:
    `all` becomes the annotator's own layer in blind mode; gold or someone else's layer is refused there."""
    if layer == "all":
        if acting.is_reviewer or not blind_mode(project):
            return layer, None
        with project.reading() as session:
            if session.scalar(select(Annotator.id).where(Annotator.name == acting.name)) is None:
                if session.scalar(select(Span.id).limit(1)) is None:
                    return layer, None  # no one's annotations to keep from anyone: the documents alone
                raise AccessError(
                    f"blind mode: {acting.name} is not a reviewer and may export only their own layer, and {project.path} "
                    "holds none by them (a reviewer exports the others: --as REVIEWER)"
                )
        return f"annotator:{acting.name}", f"blind mode: only {acting.name}'s own layer was exported"
    check_read(project, acting, layer.removeprefix("annotator:"))
    return layer, None


def check_agreement(project: Project, acting: Identity) -> None:
    """Agreement compares everyone's layers: a reviewer's figures, or anyone's with blind mode off."""
    if not acting.is_reviewer and blind_mode(project):
        raise AccessError(f"blind mode: {acting.name} is an annotator; only a reviewer may read the agreement figures")

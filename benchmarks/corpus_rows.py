"""Bench rows of the corpus services (issue 13): a registry suggestion and a claim-similarity suggestion on the
10,000-article project, with a registry as big as the corpus makes it (one canonical source per group of SOURCE
spans, every span linked). Measured on a copy, so that the other rows see the project as imported."""

from __future__ import annotations

import shutil
import time
import uuid
from datetime import datetime
from pathlib import Path


def fill_registry(path: Path) -> int:
    """One canonical source per suggested group of the project's SOURCE spans, their spellings as aliases."""
    from sqlalchemy import insert, select

    from annotator.services.corpus.matching import group_names
    from annotator.services.corpus.names import name_key
    from annotator.storage.models import CanonicalSource, SourceAlias, SourceLink, Span
    from annotator.storage.project import Project

    with Project.open(path) as project:
        with project.reading() as session:
            rows = session.execute(select(Span.id, Span.text).where(Span.label == "SOURCE")).all()
        groups = group_names([row.text for row in rows])
        with project.transaction() as session:
            annotator = project.annotator_id(session, "bench")
            for group in groups:
                source = CanonicalSource(uid=uuid.uuid4().hex, name=rows[group[0]].text, type="person", note="")
                session.add(source)
                session.flush()
                keys = {name_key(rows[index].text): rows[index].text for index in group}
                session.execute(insert(SourceAlias), [{"source_id": source.id, "alias": alias, "normalized": key} for key, alias in keys.items()])
                session.execute(insert(SourceLink), [
                    {"span_id": rows[index].id, "source_id": source.id, "confirmed": True, "annotator_id": annotator,
                     "created_at": datetime(2026, 1, 1)}
                    for index in group
                ])
        return len(groups)


def corpus_rows(project_path: Path, folder: Path, row) -> None:  # noqa: ANN001 - run.py's row(name, values, limit, target)
    from sqlalchemy import select

    from annotator.services.corpus.claims import similar_claims
    from annotator.services.corpus.registry import SourceRegistry
    from annotator.services.team.identity import Identity, Role
    from annotator.storage.models import Span
    from annotator.storage.project import Project

    copy = folder / "registry.db"
    shutil.copy(project_path, copy)
    sources = fill_registry(copy)
    with Project.open(copy) as project:
        with project.reading() as session:
            names = [text for (text,) in session.execute(select(Span.text).where(Span.label == "SOURCE").order_by(Span.id).limit(4000))][::40]
            claims = session.execute(select(Span.id, Span.text).where(Span.label == "CLAIM").order_by(Span.id).limit(4000)).all()[::40]
        registry = SourceRegistry(project, Identity("bench", Role.REVIEWER))

        def timed(call) -> float:  # noqa: ANN001
            began = time.perf_counter()
            call()
            return time.perf_counter() - began

        registry.matcher()
        row(f"registry suggestion ({sources:,} sources)", [timed(lambda n=n: registry.suggest(n)) for n in names], 50, "≤ 50 ms")

        def rebuilt() -> None:
            registry._matcher = None  # as after a merge or a split: the aliases read and the matcher made again
            registry.suggest(names[0])

        row("  the first suggestion after a merge or split", [timed(rebuilt) for _ in range(7)], 50, "≤ 50 ms")
        source_id = registry.suggest(names[0])[0].source_id if registry.suggest(names[0]) else None
        if source_id is not None:
            def after_alias(number: int) -> None:
                registry.add_alias(source_id, f"اسم آخر {number}")
                registry.suggest(names[number % len(names)])

            row("  the first suggestion after an alias is added", [timed(lambda i=i: after_alias(i)) for i in range(7)], 50, "≤ 50 ms")
        row("similar claims (index + word overlap)",
            [timed(lambda c=c: similar_claims(project, c.text, exclude=c.id)) for c in claims], 50, "≤ 50 ms")

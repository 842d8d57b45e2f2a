"""Live changes on a server project: every committed write announces itself with PostgreSQL NOTIFY (delivered only
when its transaction commits), and a window LISTENs on a connection of its own, woken by its socket rather than by
polling. A SQLite project has no listener: its writers are on this machine and F5 reloads."""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

CHANNEL = "annotator_changes"
# The payload names who wrote, and which process, so that a window can tell its own writes from a colleague's.
WRITER = f"{os.getpid()}"


def announce(session: Session, who: str) -> None:
    """Inside a write transaction on a server: tell listeners once it commits."""
    session.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": f"{WRITER} {who}"})


class ChangeListener:
    """A connection that LISTENs. `fileno()` is its socket (for a notifier that waits on it); `pending()` reads
    what arrived without blocking and gives the payloads of other processes' commits."""

    def __init__(self, engine: Any) -> None:
        self._raw = engine.raw_connection()
        self._connection = self._raw.driver_connection
        self._connection.autocommit = True
        self._connection.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        return int(self._connection.fileno())

    def pending(self) -> list[str]:
        pgconn = self._connection.pgconn
        pgconn.consume_input()
        payloads = []
        while (notice := pgconn.notifies()) is not None:
            payload = notice.extra.decode("utf-8", "replace")
            if payload.split(" ", 1)[0] != WRITER:
                payloads.append(payload)
        return payloads

    def close(self) -> None:
        try:
            self._connection.execute(f"UNLISTEN {CHANNEL}")
        except Exception:  # noqa: BLE001 (a closed or broken connection has nothing to unlisten)
            pass
        self._raw.invalidate()

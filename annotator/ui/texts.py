"""Text put into the interface: values isolated inside sentences, excerpts, and article text kept plain."""

from __future__ import annotations

import html


def isolate(text: str) -> str:
    """A value inside a translated sentence, kept in its own direction (Unicode first-strong isolate)."""
    return f"\u2068{text}\u2069"


def short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain_tooltip(text: str) -> str:
    """Qt renders a tooltip as rich text when it looks like markup; article text must show as it is."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"

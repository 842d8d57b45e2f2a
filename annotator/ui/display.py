"""The scheme as the interface shows it: labels, attributes and values by their display names in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.scheme import Attribute, Scheme

LANGUAGE_PROPERTY = "interfaceLanguage"


def language() -> str:
    """The interface language the application was made with ("ar" or "en"; English when none was set)."""
    app = QCoreApplication.instance()
    value = app.property(LANGUAGE_PROPERTY) if app is not None else None
    return value if isinstance(value, str) and value else "en"


def label_title(scheme: Scheme, label: str) -> str:
    return scheme.title(label, language())


def label_explanation(scheme: Scheme, label: str) -> str:
    return scheme.explanation(label, language())


def attribute_title(attribute: Attribute) -> str:
    return attribute.title(language()) if attribute.names else attribute.name.replace("_", " ")


def value_title(attribute: Attribute, value: str) -> str:
    return attribute.value_title(value, language())


def joined(items: list[str]) -> str:
    """Items of a list in a sentence, with the interface language's comma."""
    return ("، " if language() == "ar" else ", ").join(items)


def in_reading_order(text: str) -> str:
    """Text that starts with an isolated value, laid out in the interface's direction rather than guessed from it
    (a label takes its direction from its first strong letter, and the letters inside isolates do not count)."""
    return ("\u200f" if language() == "ar" else "\u200e") + text

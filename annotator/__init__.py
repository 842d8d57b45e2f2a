"""annotator: tag claims, sources, attribution cues and contradictions in Arabic news."""

__version__ = "0.1.0"

"""Annotation: spans, relations, cue suggestions and adjudication into the gold layer."""

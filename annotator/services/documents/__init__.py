"""Documents: reading them, each annotator's progress, the document list query and corpus search."""

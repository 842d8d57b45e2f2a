"""Use cases over a Project: one module per area, no Qt."""

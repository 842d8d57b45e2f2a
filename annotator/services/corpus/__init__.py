"""The corpus as a whole: the source registry, claim clusters and similar claims across articles."""

"""Benchmarks on a reproducible synthetic corpus: `make bench`."""

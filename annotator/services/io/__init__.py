"""Datasets in and out: importing, exporting, one module per format, the demo corpus."""

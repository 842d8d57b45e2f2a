"""The domain: pure Python, no Qt and no database."""

"""Team work: identities and roles, merging project files, agreement between annotators."""

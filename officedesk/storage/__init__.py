"""The only package that touches SQLite: the data folder, schema, records, search index, settings."""

"""The knowledge file: schema, loading and validation."""

"""Command-line tools used by the Makefile."""

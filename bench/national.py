"""The national data set generator (being written: see bench/README.md)."""

GENERATOR_VERSION = 1

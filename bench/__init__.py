"""Benchmarks of the rules engine; run with ``python -m bench`` (see bench/README.md)."""

"""Benchmarks: each ``bench_<area>.py`` exposes ``run() -> dict[str, float | int | str]``; see README.md."""

"""Run the benchmarks and print one JSON object: machine, date and each module's figures.

python -m benchmarks.run              # every benchmarks/bench_*.py
python -m benchmarks.run vault        # only bench_vault.py (bench_vault also accepted)
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def available() -> list[str]:
    return sorted(path.stem for path in HERE.glob("bench_*.py"))


def machine() -> dict[str, Any]:
    return {
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
    }


def run_module(name: str) -> dict[str, Any]:
    module = importlib.import_module(f"benchmarks.{name}")
    figures: dict[str, Any] = module.run()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument(
        "names", nargs="*", metavar="NAME", help=f"benchmarks to run (default: all of {available()})"
    )
    args = parser.parse_args(argv)
    names = [name if name.startswith("bench_") else f"bench_{name}" for name in args.names] or available()
    unknown = sorted(set(names) - set(available()))
    if unknown:
        parser.error(f"no such benchmark: {', '.join(unknown)} (available: {', '.join(available())})")

    results: dict[str, Any] = {}
    failed = False
    for name in names:
        print(f"running {name} …", file=sys.stderr, flush=True)
        try:
            results[name] = run_module(name)
        except Exception as error:  # report every benchmark even when one breaks
            traceback.print_exc()
            results[name] = {"error": f"{type(error).__name__}: {error}"}
            failed = True
    report = {
        "machine": machine(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "results": results,
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

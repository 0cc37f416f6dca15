"""Benchmark start-up and throughput: `make bench`. Prints medians of repeated real runs; asserts nothing.

Why a script and not timed tests: timings depend on the machine, so they are measured and read,
never compared against a threshold that flakes on a busy CI runner.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CJM = str(Path(sys.executable).parent / "cjm")
EXAMPLES = sorted(str(path) for path in (ROOT / "examples").glob("*.yaml"))


def median_seconds(command: list[str], runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def imported_modules(statement: str) -> int:
    code = f"import sys; {statement}; print(len(sys.modules))"
    return int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def main() -> None:
    rows = [
        ("cjm --version", median_seconds([CJM, "--version"], 10)),
        ("cjm validate (1 example)", median_seconds([CJM, "validate", EXAMPLES[0]], 10)),
        (f"cjm validate ({len(EXAMPLES)} examples)", median_seconds([CJM, "validate", *EXAMPLES], 10)),
    ]
    with tempfile.TemporaryDirectory() as out:
        for fmt in ("html", "md", "svg", "png"):
            rows.append(
                (
                    f"cjm build -f {fmt} ({len(EXAMPLES)} examples)",
                    median_seconds([CJM, "build", *EXAMPLES, "-f", fmt, "-o", out], 3),
                )
            )
    print(f"{'command':<40} {'median':>8}")
    for name, seconds in rows:
        print(f"{name:<40} {seconds * 1000:>6.0f} ms")
    print(f"modules loaded by `import cjm.cli`: {imported_modules('import cjm.cli')}")
    print(f"modules loaded by a validation: {imported_modules('import cjm.pipeline')}")


if __name__ == "__main__":
    main()

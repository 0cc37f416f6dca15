"""`make bench`: every speed target of cjm measured against its anchor in the same run, with PASS or FAIL.

Why ratios: the machine is shared and its speed varies from minute to minute, so each target is
measured next to an anchor run in the same call (interleaved, best of several runs), and a
target in seconds is also given as a multiple of the python + graphviz floor measured when the
target was set (0.056 s). The synthetic maps are generated here. Nothing here is a test: pytest
never times anything.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CJM = str(BIN / "cjm")
PYTHON = sys.executable
EXAMPLE = ROOT / "examples" / "ecommerce-first-purchase.yaml"
MMDC = ROOT / "tests" / "node" / "node_modules" / ".bin" / "mmdc"
PUPPETEER_CONFIG = ROOT / "tests" / "node" / "puppeteer-config.json"
FLOOR_WHEN_SET = 0.056  # seconds: the python + graphviz floor on the machine the targets were set on
MIB = 1024 * 1024
IMPORT_BUDGET = 4.0
"""Import time of `cjm validate` against `import pydantic`'s, both from python -X importtime: 3.0 to 3.8 when set
(typer and pydantic's model machinery are most of it), so a new eager import of a heavy module (rich or jinja2
add about 0.4 each) fails the budget."""

DOT_20 = (
    "digraph G { rankdir=LR; node [shape=box, style=filled, fillcolor=lightgrey];\n"
    + "".join(f'  n{i} [label="Touchpoint {i}"];\n' for i in range(20))
    + "".join(f"  n{i} -> n{i + 1};\n" for i in range(19))
    + "}\n"
)
FLOOR = f"import graphviz; graphviz.Source({DOT_20!r}).pipe(format='svg')"


@dataclass(frozen=True)
class Row:
    """One target: what was measured, its value against its anchor, the limit and whether it holds."""

    target: str
    measured: str
    ratio: float | None
    limit: str
    passed: bool | None


@dataclass(frozen=True)
class Timing:
    """How long a run took: wall-clock seconds, and CPU seconds (user + system) of the command and its children."""

    wall: float
    cpu: float


def run(command: Sequence[str], env: dict[str, str] | None = None, check: bool = True) -> Timing:
    """One run of a command, timed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(list(command), capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if check and done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr.decode(errors='replace')[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(elapsed, cpu)


def best_of(commands: dict[str, Callable[[], Timing]], runs: int) -> dict[str, Timing]:
    """The best wall and CPU time of each command over `runs` rounds, interleaved so load hits them alike."""
    best = {name: Timing(float("inf"), float("inf")) for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            timing = command()
            best[name] = Timing(min(best[name].wall, timing.wall), min(best[name].cpu, timing.cpu))
    return best


def largest_process_mib(command: Sequence[str], env: dict[str, str]) -> tuple[Timing, float]:
    """The timing and the peak resident memory (MiB) of the largest process among a command and its children."""
    probe = (
        "import resource, subprocess, sys, time; s = time.perf_counter(); "
        "subprocess.run(sys.argv[1:], capture_output=True); u = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(time.perf_counter() - s, u.ru_utime + u.ru_stime, u.ru_maxrss)"
    )
    out = subprocess.run([PYTHON, "-c", probe, *command], capture_output=True, text=True, env=env, check=True)
    wall, cpu, kib = out.stdout.split()
    return Timing(float(wall), float(cpu)), int(kib) / 1024


def logged_dot(work: Path) -> tuple[dict[str, str], Path]:
    """An environment (empty cache) whose `dot` logs each run before running the real one, and the log."""
    real = shutil.which("dot")
    folder = work / "logged-bin"
    folder.mkdir(exist_ok=True)
    log = work / "dot-runs.log"
    if real is not None:
        (folder / "dot").write_text(f'#!/bin/sh\necho run >> "{log}"\nexec "{real}" "$@"\n', encoding="utf-8")
        (folder / "dot").chmod(0o755)
    env = fresh_env()
    return {**env, "PATH": f"{folder}{os.pathsep}{env['PATH']}"}, log


def fresh_env(cache: Path | None = None) -> dict[str, str]:
    """The environment of a measured run: an empty cache unless one is given, a fixed date, no colour."""
    folder = cache if cache is not None else Path(tempfile.mkdtemp(prefix="cjm-bench-cache-"))
    return {**os.environ, "CJM_CACHE_DIR": str(folder), "SOURCE_DATE_EPOCH": "1795564800", "NO_COLOR": "1"}


def synthetic_map(number: int, stages: int, touchpoints: int) -> str:
    """A valid journey map of `stages` × `touchpoints`, with pain points, opportunities and KPIs, varied by `number`."""
    channels = ["web", "mobile-app", "email", "phone", "chat", "store", "social", "search"]
    lines = [
        "cjm: 1",
        f"title: Synthetic journey {number} ({stages} stages)",
        f"objective: Raise conversion of segment {number} by {5 + number % 20} points",
        "type: current-state",
        "owner: Bench team",
        "reviewed: 2026-11-01",
        "persona:",
        f"  name: Persona {number}",
        "  description: A customer generated for the benchmark",
        "  goals: [Finish the journey quickly]",
        "  frustrations: [Waiting for answers]",
        "stages:",
    ]
    for s in range(stages):
        lines += [f"  - id: stage-{s}", f"    name: Stage {s} of map {number}", "    touchpoints:"]
        for t in range(touchpoints):
            emotion = 1 + (number + s * 3 + t * 7) % 5
            lines += [
                f"      - id: s{s}-t{t}",
                f"        name: Step {t} of stage {s}",
                f"        channel: {channels[(number + s + t) % len(channels)]}",
                f"        emotion: {emotion}",
            ]
        lines += [
            "    pain_points:",
            f"      - id: pain-{s}",
            f"        text: Customers wait too long at stage {s}",
            "        severity: high",
            f"        touchpoint: s{s}-t0",
            "        evidence: [Support tickets]",
            "    opportunities:",
            f"      - text: Answer faster at stage {s}",
            f"        addresses: [pain-{s}]",
            "    kpis:",
            f"      - {{name: Completion, value: {40 + s}, target: 60, unit: '%', better: higher}}",
        ]
    return "\n".join(lines) + "\n"


def write_maps(folder: Path, count: int, stages: int = 6, touchpoints: int = 4) -> list[Path]:
    """`count` synthetic maps in a folder (created)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"map-{number:04d}.yaml"
        path.write_text(synthetic_map(number, stages, touchpoints), encoding="utf-8")
        paths.append(path)
    return paths


def importtime_ms(statement: list[str], runs: int = 5) -> tuple[float, dict[str, float]]:
    """Import time of a command (python -X importtime), in ms, and its ten costliest top-level packages.

    Each module's own time is its best over `runs` runs, so a busy machine inflates the sum little.
    """
    best: dict[str, int] = {}
    for _ in range(runs):
        done = subprocess.run(
            [PYTHON, "-X", "importtime", *statement], capture_output=True, text=True, env=fresh_env(), check=False
        )
        for line in done.stderr.splitlines():
            found = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
            if found:
                best[found.group(2)] = min(best.get(found.group(2), 10**9), int(found.group(1)))
    by_package: dict[str, float] = {}
    for module, microseconds in best.items():
        package = module.split(".")[0]
        by_package[package] = by_package.get(package, 0.0) + microseconds / 1000
    top = dict(sorted(by_package.items(), key=lambda item: -item[1])[:10])
    return sum(by_package.values()), top


def loaded_modules(arguments: list[str]) -> set[str]:
    """Top-level packages a `cjm` run imports."""
    code = (
        "import sys, runpy; sys.argv = ['cjm', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('cjm', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "sys.__stdout__.write(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    done = subprocess.run([PYTHON, "-c", code, *arguments], capture_output=True, text=True, env=fresh_env())
    return set(done.stdout.split())


def row(target: str, measured: Timing, anchor: Timing, limit: float) -> Row:
    """A one-process target as a ratio of CPU times to its anchor's (wall times shown too).

    Why CPU time: on a machine others are using, a long process loses more of its time slices than
    a short anchor does, so wall-clock ratios grow with the load; a single-threaded command's CPU
    time is its wall time on an idle machine.
    """
    ratio = measured.cpu / anchor.cpu
    shown = f"cpu {measured.cpu:.3f}/{anchor.cpu:.3f} s, wall {measured.wall:.3f}/{anchor.wall:.3f} s"
    return Row(target, shown, ratio, f"≤ {limit:g}× (cpu)", ratio <= limit)


def seconds_row(target: str, measured: Timing, floor: Timing, limit_seconds: float, cpu: bool = False) -> Row:
    """A target in seconds, judged as a multiple of the floor: the same share of the machine as when it was set.

    `cpu` judges CPU time (one process); otherwise wall time (a batch over several cores).
    """
    ratio = measured.cpu / floor.cpu if cpu else measured.wall / floor.wall
    limit = limit_seconds / FLOOR_WHEN_SET
    shown = f"wall {measured.wall:.2f} s, cpu {measured.cpu:.2f} s, ≈ {ratio * FLOOR_WHEN_SET:.2f} s at the reference"
    return Row(
        target, shown, ratio, f"≤ {limit:.0f}× floor{' (cpu)' if cpu else ''} (= {limit_seconds:g} s)", ratio <= limit
    )


def main() -> None:
    """Measure every target and print the table; exit 1 when one fails."""
    rows: list[Row] = []
    work = Path(tempfile.mkdtemp(prefix="cjm-bench-"))
    out = work / "out"
    print(f"cjm bench: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; work folder {work}")
    # An installed package has its bytecode compiled by pip; a checkout may not (PYTHONDONTWRITEBYTECODE).
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "cjm")], check=True)

    anchors = best_of(
        {
            "pydantic": lambda: run([PYTHON, "-c", "import pydantic"]),
            "floor": lambda: run([PYTHON, "-c", FLOOR]),
            "validate": lambda: run([CJM, "validate", str(EXAMPLE)], env=fresh_env()),
            "build": lambda: run([CJM, "build", str(EXAMPLE), "-o", str(out)], env=fresh_env()),
        },
        runs=7,
    )
    floor = anchors["floor"]
    rows.append(row("cjm validate, 1 map (cold)", anchors["validate"], anchors["pydantic"], 3))
    rows.append(row("cjm build, 1 map, svg+html+md (cold)", anchors["build"], floor, 4))

    total, top = importtime_ms(["-m", "cjm", "validate", str(EXAMPLE)])
    print("import time of cjm validate by package (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in top.items()))
    pydantic_total, _ = importtime_ms(["-c", "import pydantic"])
    rows.append(
        Row(
            "import budget of cjm validate (-X importtime)",
            f"{total:.0f} ms / {pydantic_total:.0f} ms",
            total / pydantic_total,
            f"≤ {IMPORT_BUDGET}× import pydantic",
            total / pydantic_total <= IMPORT_BUDGET,
        )
    )
    heavy = loaded_modules(["validate", str(EXAMPLE)]) & {"typer", "click", "rich", "jinja2", "graphviz", "fontTools"}
    rows.append(
        Row("validate imports no typer, rich, jinja2", ", ".join(sorted(heavy)) or "none", None, "none", not heavy)
    )
    built = loaded_modules(["build", str(EXAMPLE), "-o", str(out)]) & {"typer", "click", "rich", "fontTools", "babel"}
    shown = ", ".join(sorted(built)) or "none"
    rows.append(Row("build imports no typer, fontTools, babel", shown, None, "none", not built))

    batch = write_maps(work / "batch", 200)
    cache = work / "batch-cache"
    cold = run([CJM, "build", str(work / "batch"), "-o", str(work / "batch-out")], env=fresh_env(cache))
    warm = best_of(
        {"warm": lambda: run([CJM, "build", str(work / "batch"), "-o", str(work / "batch-out")], env=fresh_env(cache))},
        runs=3,
    )["warm"]
    floor_again = best_of({"floor": lambda: run([PYTHON, "-c", FLOOR])}, runs=3)["floor"]
    floor = Timing(min(floor.wall, floor_again.wall), min(floor.cpu, floor_again.cpu))
    rows.append(seconds_row(f"{len(batch)} maps cold, -j {os.cpu_count()}", cold, floor, 8))
    rows.append(idle_estimate(work, len(batch)))
    rows.append(seconds_row(f"{len(batch)} maps warm (nothing changed)", warm, floor, 1))

    big = work / "big" / "big-40x25.yaml"
    big.parent.mkdir()
    big.write_text(synthetic_map(1, 40, 25), encoding="utf-8")
    formats = ["-f", "svg", "-f", "png", "-f", "html", "-f", "md"]
    env, dot_log = logged_dot(work)
    big_timing, big_mib = largest_process_mib([CJM, "build", str(big), *formats, "-o", str(out)], env)
    rows.append(seconds_row("40×25 map, svg+png+html+md (cold)", big_timing, floor, 5, cpu=True))
    rows.append(Row("40×25 map, largest process", f"{big_mib:.0f} MiB", None, "≤ 200 MiB", big_mib <= 200))
    layouts = len(dot_log.read_text(encoding="utf-8").splitlines()) if dot_log.exists() else 0
    rows.append(
        Row("40×25 map, Graphviz layouts (dot runs)", str(layouts), None, "≤ 1 per map and build", layouts <= 1)
    )

    small, large = write_maps(work / "flat-50", 50), write_maps(work / "flat-200", 200)
    one_job = ["-j", "1", "--no-cache", "-f", "html", "-f", "md", "-f", "dot"]
    _, mib_small = largest_process_mib(
        [CJM, "build", str(work / "flat-50"), *one_job, "-o", str(out / "50")], fresh_env()
    )
    _, mib_large = largest_process_mib(
        [CJM, "build", str(work / "flat-200"), *one_job, "-o", str(out / "200")], fresh_env()
    )
    per_map = (mib_large - mib_small) / (len(large) - len(small)) * 1024
    rows.append(
        Row(
            "batch memory, 50 → 200 maps, one process",
            f"{mib_small:.0f} → {mib_large:.0f} MiB ({per_map:.1f} KiB per map)",
            None,
            "≤ 20 KiB per map (was 430)",
            per_map <= 20,
        )
    )
    rows += mermaid_rows(work, out)
    print_table(rows)
    shutil.rmtree(work, ignore_errors=True)
    raise SystemExit(0 if all(r.passed is not False for r in rows) else 1)


def idle_estimate(work: Path, count: int) -> Row:
    """What the cold batch would take on idle cores: CPU per map from one-process runs of 20 and 40 maps.

    Why: the pool's workers run beside other people's processes here, so the wall time above also
    measures them; one-process CPU time does not. Shown for information, not judged.
    """
    timings = {}
    for size in (20, 40):
        write_maps(work / f"cpu-{size}", size)
        command = [
            CJM,
            "build",
            str(work / f"cpu-{size}"),
            "-j",
            "1",
            "--no-cache",
            "-o",
            str(work / f"cpu-out-{size}"),
        ]
        timings[size] = run(command, env=fresh_env()).cpu
    per_map = (timings[40] - timings[20]) / 20
    start = timings[20] - 20 * per_map
    cores = os.cpu_count() or 1
    estimate = start + count * per_map / cores
    shown = f"{per_map * 1000:.0f} ms cpu per map, {start:.2f} s to start: ≈ {estimate:.1f} s on {cores} idle cores"
    return Row(f"{count} maps cold, estimate on idle cores", shown, None, "≤ 8 s (information)", None)


def mermaid_rows(work: Path, out: Path) -> list[Row]:
    """cjm against mermaid-cli: one Mermaid journey, then a batch of 20 (one mmdc run per diagram)."""
    if not MMDC.exists():
        return [Row("speed against mermaid-cli", "mmdc not installed (make node)", None, "reported", False)]
    maps = write_maps(work / "mermaid", 20)
    subprocess.run(
        [CJM, "build", str(work / "mermaid"), "-f", "md", "-o", str(work / "md")], env=fresh_env(), check=True
    )
    diagrams = []
    for path in maps:
        markdown = (work / "md" / f"{path.stem}.md").read_text(encoding="utf-8")
        block = re.search(r"```mermaid\n(journey\n.*?)```", markdown, re.DOTALL)
        assert block is not None, f"no Mermaid journey in {path.stem}.md"
        diagram = work / "mmd" / f"{path.stem}.mmd"
        diagram.parent.mkdir(exist_ok=True)
        diagram.write_text(block.group(1), encoding="utf-8")
        diagrams.append(diagram)

    def mmdc(diagram: Path) -> Timing:
        return run([str(MMDC), "--quiet", "-p", str(PUPPETEER_CONFIG), "-i", str(diagram), "-o", str(out / "m.svg")])

    one = best_of(
        {
            "mmdc": lambda: mmdc(diagrams[0]),
            "cjm": lambda: run([CJM, "build", str(maps[0]), "-f", "svg", "-o", str(out)], env=fresh_env()),
        },
        runs=3,
    )
    batch_mmdc = sum(mmdc(diagram).wall for diagram in diagrams)
    batch_cjm = run([CJM, "build", str(work / "mermaid"), "-f", "svg", "-o", str(out / "20")], env=fresh_env()).wall
    single = one["mmdc"].wall / one["cjm"].wall
    return [
        Row(
            "cjm vs mermaid-cli, 1 journey (SVG, cold)",
            f"wall {one['mmdc'].wall:.2f} s / {one['cjm'].wall:.2f} s",
            single,
            "≥ 3.9× faster (when set)",
            single >= 3.9,
        ),
        Row(
            "cjm vs mermaid-cli, batch of 20 (SVG, cold)",
            f"wall {batch_mmdc:.2f} s / {batch_cjm:.2f} s",
            batch_mmdc / batch_cjm,
            "≥ 7.1× faster (when set)",
            batch_mmdc / batch_cjm >= 7.1,
        ),
    ]


def print_table(rows: Sequence[Row]) -> None:
    """The table of targets, one line each."""
    width = max(len(r.target) for r in rows)
    measured = max(len(r.measured) for r in rows)
    print(f"\n{'target':<{width}}  {'measured':<{measured}}  {'ratio':>7}  {'limit':<28} result")
    for r in rows:
        ratio = f"{r.ratio:6.2f}×" if r.ratio is not None else ""
        verdict = {True: "PASS", False: "FAIL", None: "info"}[r.passed]
        print(f"{r.target:<{width}}  {r.measured:<{measured}}  {ratio:>7}  {r.limit:<28} {verdict}")
    print(json.dumps({"failed": [r.target for r in rows if r.passed is False]}))


if __name__ == "__main__":
    main()

"""No input crashes cjm: property tests that mutate the examples the way hand-edited YAML goes wrong.

Each example is mutated (lines deleted, duplicated, indented, dedented; tabs, no-break spaces,
`#`, `: `, quotes, brackets, control bytes inserted; truncated; or replaced by random bytes) and
run through the whole pipeline, every reporter and, when the mutant is still a valid map, every
renderer that needs no Graphviz, and diffed against the example it came from. Any exception is a bug.

CI runs a fixed, derandomized set of cases (`CJM_FUZZ_EXAMPLES`, default 150); `make fuzz` runs
many more with a random seed. The extremes (50,000 levels of nesting, a file at the size limit)
run as real `cjm` processes under OS limits on CPU time and memory, so bounded time and memory
are enforced by the kernel rather than by a clock in the test.
"""

from __future__ import annotations

import functools
import json
import os
import resource
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjm.diagnostics import EXIT_INVALID, EXIT_OK
from cjm.diff import diff_journeys
from cjm.diff_report import diff_json, diff_markdown, diff_text
from cjm.model import Journey
from cjm.pipeline import check_bytes
from cjm.renderers import FORMATS, RenderOptions
from cjm.reporters import REPORTERS
from tests.conftest import CJM, EXAMPLES, ROOT, TODAY_EPOCH

EXAMPLE_BYTES = [path.read_bytes() for path in EXAMPLES]
INSERTS = [
    "\t",
    "\u00a0",
    "\u202f",
    "\u200b",
    "\u3000",
    "\ufeff",
    "\u2028",
    "#",
    " #",
    ": ",
    ":",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    "- ",
    "– ",
    "&a ",
    "*a",
    "<<: *a",
    "!!python/object:os.system ",
    "|",
    ">-",
    "? ",
    "---\n",
    "...\n",
    "\x07",
    "\x1b",
    "\x00",
    "\r",
    "%YAML 1.1\n",
    "1e999",
    ".nan",
    "9" * 30,
    "2026-13-45",
    "~",
    "\n",
    "\\",
    '"C:\\Users\\',
    '"\\t',
    "\u00ad",
    "-",
]
PURE_FORMATS = [name for name, fmt in FORMATS.items() if not fmt.needs_graphviz]


def _mutate(text: bytes, data: st.DataObject) -> bytes:
    lines = text.split(b"\n")
    operation = data.draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "insert", "truncate", "swap"]))
    index = data.draw(st.integers(0, max(0, len(lines) - 1)))
    if operation == "delete" and len(lines) > 1:
        del lines[index]
    elif operation == "duplicate":
        lines.insert(index, lines[index])
    elif operation == "indent":
        lines[index] = b" " * data.draw(st.integers(1, 6)) + lines[index]
    elif operation == "dedent":
        lines[index] = lines[index][data.draw(st.integers(1, 6)) :]
    elif operation == "insert":
        token = data.draw(st.sampled_from(INSERTS)).encode("utf-8")
        column = data.draw(st.integers(0, len(lines[index])))
        lines[index] = lines[index][:column] + token + lines[index][column:]
    elif operation == "swap" and len(lines) > 1:
        other = data.draw(st.integers(0, len(lines) - 1))
        lines[index], lines[other] = lines[other], lines[index]
    elif operation == "truncate":
        joined = b"\n".join(lines)
        return joined[: data.draw(st.integers(0, len(joined)))]
    return b"\n".join(lines)


@functools.cache
def _journey_of(raw: bytes) -> Journey | None:
    return check_bytes(raw, "before.yaml").journey


def assert_no_crash(raw: bytes, original: bytes | None = None) -> None:
    """Check, report in every format and, for a valid map, render and diff with the original: nothing may raise."""
    result = check_bytes(raw, "fuzz.yaml")
    for reporter in REPORTERS.values():
        report = reporter([result], False)
        assert "internal error" not in report.stderr
    json.loads(REPORTERS["json"]([result], False).stdout)
    for diagnostic in result.diagnostics:
        assert diagnostic.line >= 0 and diagnostic.column >= 0
        assert diagnostic.message
    if result.ok and result.journey is not None:
        for name in PURE_FORMATS:
            assert FORMATS[name].renderer()(result.journey, RenderOptions())
        before = _journey_of(original) if original is not None else None
        if before is not None:
            changes = diff_journeys(before, result.journey, "before.yaml", "fuzz.yaml")
            assert diff_text(changes) is not None
            assert diff_markdown(changes, before, result.journey) is not None
            json.loads(diff_json(changes))


FUZZ = settings(
    max_examples=int(os.environ.get("CJM_FUZZ_EXAMPLES", "150")),
    derandomize=os.environ.get("CJM_FUZZ_RANDOM") != "1",
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(st.sampled_from(EXAMPLE_BYTES), st.data())
def test_mutated_examples_never_crash(example: bytes, data: st.DataObject) -> None:
    raw = example
    for _ in range(data.draw(st.integers(1, 6))):
        raw = _mutate(raw, data)
    assert_no_crash(raw, example)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(raw: bytes) -> None:
    assert_no_crash(raw)


@FUZZ
@given(st.lists(st.sampled_from([*INSERTS, "a", "b", " ", "  ", "\n", "k: ", "- x", "name: "]), max_size=80))
def test_yaml_punctuation_soup_never_crashes(pieces: list[str]) -> None:
    assert_no_crash("".join(pieces).encode("utf-8"))


def _limited() -> None:
    """Run in the child: at most 60 s of CPU and 2 GiB of memory, else the kernel stops it."""
    resource.setrlimit(resource.RLIMIT_CPU, (60, 60))
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))


EXTREMES: dict[str, bytes] = {
    "flow-50000": b"cjm: 1\ntitle: T\ntags: " + b"[" * 50_000 + b"]" * 50_000 + b"\n",
    "flow-2000-unclosed": b"cjm: 1\ntitle: " + b"{a: " * 2000 + b"\n",
    "block-2000": b"".join(b"  " * level + b"k:\n" for level in range(2000)),
    "dashes-50000": b"stages:\n" + b"- " * 50_000 + b"x\n",
    "aliases-2000": b"a0: &a0 [1]\n" + b"".join(b"a%d: &a%d [*a%d]\n" % (i, i, i - 1) for i in range(1, 2000)),
    "values-past-the-budget": b"cjm: 1\ntitle: T\nstages:\n" + b"  - name: Stage\n    thoughts: [a, b, c]\n" * 24_000,
    "near-size-limit": b"cjm: 1\ntitle: T\nstages:\n" + b"  - name: Stage\n    thoughts: [a, b, c]\n" * 230_000,
}


@pytest.mark.parametrize("name", sorted(EXTREMES))
def test_extreme_inputs_end_with_a_diagnostic_not_a_signal(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(EXTREMES[name])
    result = subprocess.run(
        [str(CJM), "validate", "-F", "json", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH},
        preexec_fn=_limited,
        timeout=300,
        check=False,
    )
    assert result.returncode in (EXIT_OK, EXIT_INVALID), (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert all(item["line"] is None or item["line"] >= 1 for item in json.loads(result.stdout))

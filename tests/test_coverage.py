"""CJM407: a label with characters no installed font draws is reported with what to install."""

from __future__ import annotations

from pathlib import Path

from cjm.coverage import font_coverage, font_for, strings
from cjm.loader import Document, parse_document
from tests.conftest import run_cjm
from tests.journeys import journey

MAP = """cjm: 1
title: Plant delivery
stages:
  - name: Unbox
    touchpoints:
      - name: "Parrot sticker \U0001f99c on the box"
        channel: delivery
        emotion: 4
"""


def test_strings_walks_the_document_in_order() -> None:
    assert list(strings({"a": ["x", {"b": "y"}], "c": 1})) == [(("a", 0), "x"), (("a", 1, "b"), "y")]


def test_fonts_to_install() -> None:
    assert font_for("\U0001f99c") == "fonts-noto-color-emoji"
    assert font_for("中") == "fonts-noto-cjk"
    assert font_for("\U00010380") == "fonts-noto-core"


def test_an_uncovered_emoji_is_a_positioned_warning() -> None:
    document = parse_document(MAP.encode("utf-8"), "plants.yaml")
    assert isinstance(document, Document)
    found = font_coverage(journey(1), document)
    assert len(found) == 1
    warning = found[0]
    assert (warning.code, warning.line, warning.column) == ("CJM407", 6, 15)
    assert "U+1F99C" in warning.message and "fonts-noto-color-emoji" in (warning.hint or "")


def test_build_warns_and_still_writes_the_pictures(tmp_path: Path) -> None:
    source = tmp_path / "plants.yaml"
    source.write_text(MAP, encoding="utf-8")
    result = run_cjm("build", str(source), "-f", "svg", "-o", str(tmp_path / "out"))
    assert result.returncode == 0
    assert "CJM407" in result.stderr and "🦜" in result.stderr
    assert (tmp_path / "out" / "plants.svg").exists()
    quiet = run_cjm("build", str(source), "-f", "html", "-o", str(tmp_path / "out"))
    assert "CJM407" not in quiet.stderr


def test_a_build_from_the_cache_warns_again(tmp_path: Path) -> None:
    source = tmp_path / "plants.yaml"
    source.write_text(MAP, encoding="utf-8")
    first = run_cjm("build", str(source), "-f", "svg", "-f", "png", "-o", str(tmp_path / "out"))
    again = run_cjm("build", str(source), "-f", "svg", "-f", "png", "-o", str(tmp_path / "out"))
    assert "from the cache" not in first.stderr and "(2 from the cache)" in again.stderr
    assert "CJM407" in first.stderr and "CJM407" in again.stderr
    quiet = run_cjm("build", str(source), "-f", "html", "-o", str(tmp_path / "out"))
    assert "CJM407" not in quiet.stderr
    checked = run_cjm("validate", str(source))
    assert "CJM407" not in checked.stderr and "CJM407" not in run_cjm("validate", str(source)).stderr


def test_a_check_leaves_the_fonts_alone_and_a_later_build_still_warns(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    source = tmp_path / "plants.yaml"
    source.write_text(MAP, encoding="utf-8")
    code = (
        "import sys\nfrom pathlib import Path\nfrom cjm.build import check_files\n"
        f"[result] = check_files([Path({str(source)!r})])\n"
        "assert result.ok and all(d.code != 'CJM407' for d in result.diagnostics), result\n"
        "print(sorted(m for m in sys.modules if m.startswith(('cjm.renderers', 'cjm.coverage'))))"
    )
    env = {**os.environ, "CJM_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]"
    assert "CJM407" not in run_cjm("validate", str(source), env=env).stderr
    built = run_cjm("build", str(source), "-f", "svg", "-o", str(tmp_path / "out"), env=env)
    assert built.returncode == 0 and "CJM407" in built.stderr and "from the cache" not in built.stderr
    again = run_cjm("build", str(source), "-f", "svg", "-o", str(tmp_path / "out"), env=env)
    assert "CJM407" in again.stderr and "(1 from the cache)" in again.stderr
    assert "CJM407" not in run_cjm("validate", str(source), env=env).stderr

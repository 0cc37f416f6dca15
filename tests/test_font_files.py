"""Finding DejaVu Sans on this machine, without importing the renderers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cjm import font_files
from cjm.font_files import find_font


def test_the_installed_font_is_found() -> None:
    regular, bold = find_font(False), find_font(True)
    assert regular is not None and regular.name == "DejaVuSans.ttf"
    assert bold is not None and bold.name == "DejaVuSans-Bold.ttf"


def test_a_font_in_a_nested_folder_is_found_and_a_missing_one_is_none(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "DejaVuSans.ttf").write_bytes(b"")
    monkeypatch.setattr(font_files, "FONT_DIRECTORIES", ())
    monkeypatch.setattr(font_files, "FONT_ROOTS", (str(tmp_path),))
    assert find_font(False) == tmp_path / "deep" / "er" / "DejaVuSans.ttf"
    assert find_font(True) is None


def test_finding_the_font_imports_no_renderer() -> None:
    code = "import sys, cjm.font_files as f; f.find_font(); print([m for m in sys.modules if 'renderers' in m])"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"

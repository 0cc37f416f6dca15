"""Architecture contracts: lower layers never import the CLI or terminal libraries, and start-up stays lazy."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.conftest import ROOT

PURE_MODULES = [
    "model",
    "ids",
    "loader",
    "document",
    "diagnostics",
    "validation",
    "checks",
    "pipeline",
    "schema",
    "config",
    "method",
    "writer",
    "prescan",
    "syntax",
    "indentation",
    "fields",
    "source_text",
]
FORBIDDEN = {"typer", "rich", "cjm.cli", "cjm.reporters"}


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_module_imports(module: str) -> None:
    tree = ast.parse((ROOT / "cjm" / f"{module}.py").read_text(encoding="utf-8"))
    imported = {
        name
        for node in ast.walk(tree)
        for name in (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
    }
    clash = {name for name in imported if name.split(".")[0] in FORBIDDEN or name in FORBIDDEN}
    assert clash == set()


def test_no_print_or_exit_below_the_cli() -> None:
    for path in (ROOT / "cjm").rglob("*.py"):
        if path.name in {"cli.py", "__main__.py"}:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [node.func for node in ast.walk(tree) if isinstance(node, ast.Call)]
        names = {call.id for call in calls if isinstance(call, ast.Name)}
        attributes = {
            f"{call.value.id}.{call.attr}"
            for call in calls
            if isinstance(call, ast.Attribute) and isinstance(call.value, ast.Name)
        }
        assert "print" not in names, path
        assert "sys.exit" not in attributes, path


def test_validate_does_not_import_renderers() -> None:
    code = (
        "import sys\nfrom cjm.pipeline import check_file\nfrom pathlib import Path\n"
        f"check_file(Path({str(ROOT / 'examples')!r}) / 'x.yaml')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'jinja2', 'graphviz'} or 'renderers' in m))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

"""One map's outputs as bytes: checked once, each format drawn or taken from the cache, picture-only warnings."""

from __future__ import annotations

from pathlib import Path

from cjm.cache import BuildCache, OutputSpec
from cjm.diagnostics import Diagnostic, Severity
from cjm.render import asked, output_specs, shown_text
from tests.conftest import ROOT


def _diagnostic(code: str) -> Diagnostic:
    return Diagnostic("map.yaml", 1, 1, code, Severity.WARNING, "a warning", None)


def test_picture_only_warnings_are_shown_when_a_picture_is_asked_for() -> None:
    found = [_diagnostic("CJM407"), _diagnostic("CJM502")]
    assert asked(found, [OutputSpec("svg")]) == found
    assert asked(found, [OutputSpec("flow.png", view="flow")]) == found
    assert [d.code for d in asked(found, [OutputSpec("md"), OutputSpec("html")])] == ["CJM502"]
    assert [d.code for d in asked(found, ())] == ["CJM502"]  # a check draws nothing


def test_the_text_is_kept_for_the_report_only_with_diagnostics() -> None:
    assert shown_text("\ufeffcjm: 1\n".encode(), [_diagnostic("CJM502")]) == "cjm: 1\n"
    assert shown_text(b"cjm: 1\n", []) is None


def test_specs_name_each_output_and_the_report_links_its_siblings() -> None:
    specs = output_specs(["svg", "md"], ["map", "flow"], "trip")
    assert [spec.format for spec in specs] == ["svg", "flow.svg", "md"]
    report = specs[-1]
    assert report.siblings == ("trip.svg", "trip.flow.svg", "trip.md") and report.views == ("map", "flow")
    assert specs[0].siblings == () and specs[1].view == "flow"


def test_a_picture_is_cached_under_one_key_whatever_else_the_build_writes(tmp_path: Path) -> None:
    from cjm.build import render_map

    cache = BuildCache(tmp_path / "cache")
    source = ROOT / "examples" / "saas-trial-onboarding.yaml"
    first = render_map(source, ["svg"], cache)
    assert first.rendered == ("svg",)
    again = render_map(source, ["svg", "html", "md"], cache, views=("map", "flow"))
    assert set(again.rendered) == {"flow.svg", "html", "md"}  # the map's SVG came from the cache
    assert again.outputs["svg"] == first.outputs["svg"]
    report = render_map(source, ["md"], cache)
    assert report.rendered == ("md",)  # the report links the files built with it: its key names them

"""The renderer registry: formats, views, and the outputs (targets) a build writes."""

from __future__ import annotations

from cjm.renderers import FORMATS, VIEWS, RenderOptions, Target, render, targets
from tests.journeys import journey


def test_svg_and_png_are_written_once_per_view_other_formats_once() -> None:
    keys = [target.key for target in targets(["svg", "png", "html", "dot"], ["map", "flow", "slide"])]
    assert keys == ["svg", "flow.svg", "slide.svg", "png", "flow.png", "slide.png", "html", "dot"]
    assert [target.key for target in targets(["svg", "md"])] == ["svg", "md"]


def test_file_names_and_what_needs_graphviz() -> None:
    assert Target("svg", "slide").file_name("checkout") == "checkout.slide.svg"
    assert Target("png").file_name("checkout") == "checkout.png"
    assert Target("html", "flow").file_name("checkout") == "checkout.html"
    assert [view for view in VIEWS if Target("svg", view).needs_graphviz] == ["flow"]
    assert not any(Target(name).needs_graphviz for name in FORMATS if name != "dot")


def test_a_target_renders_its_own_view() -> None:
    main = journey(2)
    slide = Target("svg", "slide").render(main, RenderOptions())
    assert slide == render(main, "svg", RenderOptions(view="slide"))
    assert isinstance(slide, str) and 'viewBox="0 0 1920 1080"' in slide

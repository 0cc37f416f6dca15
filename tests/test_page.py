"""Fenced ```cjm blocks found in a page, positions in a page, picture sizes and the diagnostics box."""

from __future__ import annotations

from cjm.diagnostics import make
from cjm.page import Block, diagnostics_html, extract_blocks, locate, picture_style, readable_width, svg_size

PAGE = """# Guide

Text before.
```cjm view=flow
cjm: 1
title: A
```
- item

  ~~~~cjm
  cjm: 1
  title: B
  ~~~~

````markdown
```cjm
cjm: 1
title: quoted, not drawn
```
````

```python
print("```cjm")
```
"""


def test_blocks_are_found_with_their_position_options_and_dedented_text() -> None:
    converted, blocks = extract_blocks(PAGE, "cjm-block:")
    assert blocks == [
        Block("cjm: 1\ntitle: A\n", 5, 1, ("view=flow",)),
        Block("cjm: 1\ntitle: B\n", 11, 3, ()),
    ]
    assert "Text before.\n\n![](cjm-block:0)\n\n- item" in converted
    assert "\n  ![](cjm-block:1)\n" in converted


def test_blocks_quoted_in_other_fences_and_unclosed_fences_are_left_alone() -> None:
    converted, _ = extract_blocks(PAGE, "cjm-block:")
    assert "```cjm\ncjm: 1\ntitle: quoted, not drawn\n```" in converted
    assert 'print("```cjm")' in converted
    unclosed = "```cjm\ncjm: 1\n"
    assert extract_blocks(unclosed, "x:") == (unclosed, [])


def test_locate_gives_line_and_column_or_the_start() -> None:
    assert locate("a\nbc ![](x.yaml)\n", "x.yaml") == (2, 8)
    assert locate("nothing", "x.yaml") == (1, 1)


def test_svg_size_converts_points_to_css_pixels() -> None:
    assert svg_size(b'<svg xmlns="http://www.w3.org/2000/svg" width="750pt" height="300pt">') == (1000, 400)
    assert svg_size(b'<svg width="1000" height="400" viewBox="0 0 1000 400">') == (1000, 400)
    assert svg_size(b"<svg viewBox='0 0 1 1'>") is None


def test_diagnostics_box_escapes_and_lists_every_problem() -> None:
    problems = [
        make("CJM203", "maps/a.yaml", 7, 9, "unknown field `<chanel>`", "did you mean `channel`?"),
        make("CJM430", "index.md", 3, 5, "unknown view `flaw`"),
    ]
    box = diagnostics_html(problems, "maps/a.yaml")
    assert box.startswith('<div class="admonition danger cjm-diagnostics">')
    assert "cannot be drawn: 2 problems" in box
    assert "<li><code>maps/a.yaml:7:9</code> CJM203 unknown field `&lt;chanel&gt;`<br><em>did you mean" in box
    assert "<li><code>index.md:3:5</code> CJM430 unknown view `flaw`</li>" in box


def test_a_picture_is_never_shown_narrower_than_its_smallest_text_allows() -> None:
    svg = b'<svg width="1000" height="500" viewBox="0 0 1000 500"><text font-size="9.5">a</text>'
    svg += b'<text font-size="12">b</text></svg>'
    assert readable_width(svg) == 948  # 9.5 units shown 948 px wide for 1000 are 9 px high
    assert picture_style(svg) == "width:100%;height:auto;max-width:1000px;min-width:948px"
    big = b'<svg width="600" height="300" viewBox="0 0 600 300"><text font-size="20">a</text>'
    assert picture_style(big) == "width:100%;height:auto;max-width:600px;min-width:270px"
    small = b'<svg width="600" height="300" viewBox="0 0 600 300"><text font-size="6">a</text></svg>'
    assert picture_style(small) == "width:100%;height:auto;max-width:600px;min-width:600px"  # never past natural
    assert readable_width(b"<svg><text>no size</text></svg>") is None

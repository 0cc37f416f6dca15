// Layout probe for the HTML report, appended to a copy of the page by tests/tools.py.
//
// After load and fonts, it opens every <details>, then reports:
//   page-overflow       the page is wider than the window (a horizontal scrollbar on the page);
//   cell-overflow       a table cell (or grid item) whose content is wider than the cell;
//   scrolls / clipped   a box with overflow auto/scroll/hidden whose content does not fit;
//   text-off-page       a piece of text drawn left or right of the window (text in a box that scrolls
//                       sideways, such as the grid's, is reached by scrolling that box: not counted);
//   text-outside-cell   a piece of text drawn outside the cell it belongs to.
// Visually hidden text (screen-reader only, clipped on purpose) is ignored. The result is written
// as JSON into a `pre#cjm-result` element, which `chromium --dump-dom` then prints.
(() => {
  const CELL = "td, th, [data-cell]";
  const SKIP = "script, style, #cjm-result";
  const problems = [];

  const name = (el) => {
    const classes = typeof el.className === "string" ? el.className.trim().split(/\s+/).filter(Boolean) : [];
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + classes.map((c) => "." + c).join("");
  };
  const sample = (text) => text.replace(/\s+/g, " ").trim().slice(0, 80);
  const box = (rect) => [rect.left, rect.top, rect.right, rect.bottom].map(Math.round);

  const visible = (el) => {
    if (!el.checkVisibility({ visibilityProperty: true }) || el.getClientRects().length === 0) return false;
    for (let node = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.clip !== "auto" || style.clipPath !== "none") return false;
    }
    return true;
  };
  const isCell = (el) => {
    if (el.matches(CELL)) return true;
    const parent = el.parentElement;
    return parent !== null && ["grid", "inline-grid"].includes(getComputedStyle(parent).display);
  };
  const cellOf = (el) => {
    for (let node = el; node && node !== document.body; node = node.parentElement) {
      if (isCell(node)) return node;
    }
    return null;
  };
  // The innermost element sticking out of a box's content edge: what a reader sees spill over.
  const culprit = (container) => {
    const edge = container.getBoundingClientRect().right - parseFloat(getComputedStyle(container).paddingRight) + 1;
    let found = null;
    for (const el of container.querySelectorAll("*")) {
      if (visible(el) && el.getBoundingClientRect().right > edge) found = el;
    }
    return found ? `${name(found)} "${sample(found.textContent)}"` : null;
  };

  const checkBoxes = () => {
    for (const el of document.body.querySelectorAll("*")) {
      if (el.closest(SKIP) || !visible(el)) continue;
      const style = getComputedStyle(el);
      const clips = style.overflowX !== "visible" || style.overflowY !== "visible";
      if ((isCell(el) || clips) && el.scrollWidth > el.clientWidth + 1) {
        const kind = !clips ? "cell-overflow" : ["auto", "scroll"].includes(style.overflowX) ? "scrolls" : "clipped";
        problems.push({
          kind,
          element: name(el),
          text: sample(el.textContent),
          culprit: culprit(el),
          scrollWidth: el.scrollWidth,
          clientWidth: el.clientWidth,
        });
      }
      if (clips && !["auto", "scroll"].includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1) {
        problems.push({
          kind: "clipped-vertically",
          element: name(el),
          text: sample(el.textContent),
          scrollHeight: el.scrollHeight,
          clientHeight: el.clientHeight,
        });
      }
    }
  };

  const scrolledSideways = (el) => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(node).overflowX)) return true;
    }
    return false;
  };

  const checkText = (width) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!node.textContent.trim() || !parent || parent.closest(SKIP + ", svg") || !visible(parent)) continue;
      range.selectNodeContents(node);
      const text = range.getBoundingClientRect();
      if (text.width === 0 && text.height === 0) continue;
      if ((text.left < -1 || text.right > width + 1) && !scrolledSideways(parent)) {
        problems.push({ kind: "text-off-page", element: name(parent), text: sample(node.textContent), textBox: box(text) });
      }
      const cell = cellOf(parent);
      if (!cell) continue;
      const edges = cell.getBoundingClientRect();
      const outside =
        text.left < edges.left - 1 ||
        text.right > edges.right + 1 ||
        text.top < edges.top - 1 ||
        text.bottom > edges.bottom + 1;
      if (outside) {
        problems.push({
          kind: "text-outside-cell",
          element: name(parent),
          cell: name(cell),
          text: sample(node.textContent),
          textBox: box(text),
          cellBox: box(edges),
        });
      }
    }
  };

  const run = () => {
    // Collapsed sections are part of the page a reader can open: check them open.
    for (const details of document.querySelectorAll("details")) details.open = true;
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth + 1) {
      problems.push({ kind: "page-overflow", element: "html", scrollWidth: page.scrollWidth, clientWidth: page.clientWidth });
    }
    checkBoxes();
    checkText(page.clientWidth);
    return { width: page.scrollWidth, height: page.scrollHeight, problems };
  };

  window.cjmProbe.whenDrawn(run);
})();

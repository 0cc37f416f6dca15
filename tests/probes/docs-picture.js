// Probe for a docs page built with cjm's plugin, appended by tests/tools.py to a copy of the page.
//
// For each picture of a map (`figure.cjm-journey img`) reports whether it loaded, its drawn and
// natural size, the width of the page's content column, whether its figure stays inside it, whether
// the figure scrolls sideways and every edge of the picture can be scrolled into view, and the
// smallest text of the picture at that size: the SVG (given by the test in `window.CJM_SVGS`, by
// src) is laid out inline at the image's drawn width and every <text>'s font size is taken in
// screen pixels (computed size times the scale). Reports too whether the page itself is wider than
// the window. The helpers (the report) are tests/probes/measure.js's.
(() => {
  const smallestText = (markup, width) => {
    const holder = document.createElement("div");
    holder.style.cssText = `position:absolute;left:0;top:0;width:${width}px`;
    holder.innerHTML = markup;
    document.body.appendChild(holder);
    const svg = holder.querySelector("svg");
    svg.removeAttribute("height");
    svg.style.cssText = `display:block;width:${width}px;height:auto`;
    const sizes = [...svg.querySelectorAll("text")]
      .filter((text) => text.textContent.trim())
      .map((text) => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a);
    holder.remove();
    return { smallest: Math.min(...sizes), texts: sizes.length };
  };

  const run = () => {
    const svgs = window.CJM_SVGS || {};
    const pictures = [...document.querySelectorAll("figure.cjm-journey img")].map((img) => {
      const box = img.getBoundingClientRect();
      const main = img.closest("[role=main], main, article, body");
      const padding = getComputedStyle(main);
      const outer = main.getBoundingClientRect();
      const column = {
        left: outer.left + parseFloat(padding.paddingLeft),
        right: outer.right - parseFloat(padding.paddingRight),
      };
      column.width = column.right - column.left;
      const holder = img.closest("figure");
      const figure = holder.getBoundingClientRect();
      // Each edge of the picture, scrolled to as far as the figure goes.
      holder.scrollLeft = 0;
      const leftShown = img.getBoundingClientRect().left >= holder.getBoundingClientRect().left - 1;
      holder.scrollLeft = holder.scrollWidth;
      const rightShown = img.getBoundingClientRect().right <= holder.getBoundingClientRect().right + 1;
      holder.scrollLeft = 0;
      const found = {
        src: img.getAttribute("src"),
        loaded: img.complete && img.naturalWidth > 0,
        naturalWidth: img.naturalWidth,
        width: box.width,
        height: box.height,
        column: column.width,
        figureInColumn: figure.left >= column.left - 1 && figure.right <= column.right + 1,
        scrolls: holder.scrollWidth > holder.clientWidth + 1,
        edgesReachable: leftShown && rightShown,
      };
      const markup = svgs[found.src];
      return markup ? { ...found, ...smallestText(markup, box.width) } : found;
    });
    const page = document.documentElement;
    return { pictures, pageOverflows: page.scrollWidth > page.clientWidth + 1 };
  };

  window.cjmProbe.whenDrawn(run);
})();

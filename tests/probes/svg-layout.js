// Layout probe for the Graphviz SVG, appended by tests/tools.py to a page that inlines the SVG.
//
// Reports the SVG's drawn size and every <text> that lies outside the viewBox (cut off by any
// viewer) or outside the shape of the Graphviz node it labels (the browser's font is wider than
// the one Graphviz measured). Boxes are compared in the root SVG's user space, the viewBox's.
// The result is written as JSON into a `pre#cjm-result` element.
(() => {
  const TOLERANCE = 2;

  const report = (result) => {
    const pre = document.createElement("pre");
    pre.id = "cjm-result";
    pre.textContent = JSON.stringify(result);
    document.body.appendChild(pre);
  };
  const round = (b) => [b.left, b.top, b.right, b.bottom].map((v) => Math.round(v * 10) / 10);

  const run = () => {
    const svg = document.querySelector("svg");
    const drawn = svg.getBoundingClientRect();
    const vb = svg.viewBox.baseVal;
    const toRoot = svg.getScreenCTM().inverse();
    const boxOf = (el) => {
      const b = el.getBBox();
      const matrix = toRoot.multiply(el.getScreenCTM());
      const corners = [
        [b.x, b.y],
        [b.x + b.width, b.y],
        [b.x, b.y + b.height],
        [b.x + b.width, b.y + b.height],
      ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(matrix));
      const xs = corners.map((p) => p.x);
      const ys = corners.map((p) => p.y);
      return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
    };
    const inside = (b, outer, slack) =>
      b.left >= outer.left - slack &&
      b.top >= outer.top - slack &&
      b.right <= outer.right + slack &&
      b.bottom <= outer.bottom + slack;

    const viewBox = { left: vb.x, top: vb.y, right: vb.x + vb.width, bottom: vb.y + vb.height };
    const texts = [...svg.querySelectorAll("text")].filter((text) => text.textContent.trim());
    const problems = [];
    for (const text of texts) {
      const b = boxOf(text);
      const label = text.textContent.slice(0, 80);
      if (!inside(b, viewBox, 1)) {
        problems.push({ kind: "text-outside-viewbox", text: label, box: round(b), viewBox: round(viewBox) });
      }
      const node = text.closest("g.node");
      const shape = node && node.querySelector("polygon, path, ellipse, rect");
      if (shape && !inside(b, boxOf(shape), TOLERANCE)) {
        problems.push({ kind: "text-outside-node", node: node.id, text: label, box: round(b), shape: round(boxOf(shape)) });
      }
    }
    report({ width: drawn.width, height: drawn.height, texts: texts.length, viewBox: round(viewBox), problems });
  };

  window.addEventListener("load", () =>
    document.fonts.ready.then(() =>
      setTimeout(() => {
        try {
          run();
        } catch (error) {
          report({ error: String((error && error.stack) || error) });
        }
      }, 0),
    ),
  );
})();

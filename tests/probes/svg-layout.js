// Layout probe for the Graphviz SVG, appended by tests/tools.py to a page that inlines the SVG.
//
// Reports the SVG's drawn size and every <text> that lies outside the viewBox (cut off by any
// viewer) or outside the shape of the Graphviz node it labels (the browser's font is wider than
// the one Graphviz measured). Boxes are compared in the root SVG's user space, the viewBox's.
// The helpers (boxes, the report) are tests/probes/measure.js's.
(() => {
  const TOLERANCE = 2;
  const { whenDrawn, rounded, inside } = window.cjmProbe;

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

    const viewBox = { left: vb.x, top: vb.y, right: vb.x + vb.width, bottom: vb.y + vb.height };
    const texts = [...svg.querySelectorAll("text")].filter((text) => text.textContent.trim());
    const problems = [];
    for (const text of texts) {
      const b = boxOf(text);
      const label = text.textContent.slice(0, 80);
      if (!inside(b, viewBox, 1)) {
        problems.push({ kind: "text-outside-viewbox", text: label, box: rounded(b), viewBox: rounded(viewBox) });
      }
      const node = text.closest("g.node");
      const shape = node && node.querySelector("polygon, path, ellipse, rect");
      if (shape && !inside(b, boxOf(shape), TOLERANCE)) {
        problems.push({ kind: "text-outside-node", node: node.id, text: label, box: rounded(b), shape: rounded(boxOf(shape)) });
      }
    }
    return { width: drawn.width, height: drawn.height, texts: texts.length, viewBox: rounded(viewBox), problems };
  };

  whenDrawn(run);
})();

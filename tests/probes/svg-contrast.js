// Accessibility probe for inlined SVG pictures, appended by tests/tools.py to a page that inlines them.
//
// For every non-empty <text> of every <svg> on the page, reports its rendered height in CSS pixels
// and its WCAG contrast ratio against what is drawn behind it: the last filled shape, in drawing
// order and in the same SVG, whose box holds the text's centre. Reports too every id used more than
// once on the page, and whether each SVG's aria-labelledby / aria-describedby point inside itself.
// The helpers (colours, contrast, the report) are tests/probes/measure.js's.
(() => {
  const { whenDrawn, colour, contrast } = window.cjmProbe;

  const filled = (el) => {
    const fill = el.getAttribute("fill") || getComputedStyle(el).fill;
    if (!fill || fill === "none" || fill === "transparent") return null;
    const rgba = colour(fill);
    return rgba && rgba[3] > 0 ? rgba : null;
  };

  const run = () => {
    const texts = [];
    const svgs = [...document.querySelectorAll("body > svg, body > figure > svg, body > div > svg")];
    svgs.forEach((svg, index) => {
      const shapes = [...svg.querySelectorAll("polygon, path, rect, ellipse, circle")]
        .map((el) => ({ el, fill: filled(el) }))
        .filter((shape) => shape.fill);
      for (const text of svg.querySelectorAll("text")) {
        if (!text.textContent.trim()) continue;
        const box = text.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        let behind = [255, 255, 255, 1];
        for (const shape of shapes) {
          if (!(shape.el.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
          const b = shape.el.getBoundingClientRect();
          if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) behind = shape.fill;
        }
        const ink = colour(text.getAttribute("fill") || getComputedStyle(text).fill) || [0, 0, 0, 1];
        texts.push({
          svg: index,
          text: text.textContent.slice(0, 60),
          height: Math.round(box.height * 10) / 10,
          fontSize: parseFloat(getComputedStyle(text).fontSize) * (box.height ? 1 : 0),
          contrast: Math.round(contrast(ink, behind) * 100) / 100,
          hidden: text.getAttribute("aria-hidden") === "true",
        });
      }
    });
    const counts = {};
    for (const el of document.querySelectorAll("[id]")) counts[el.id] = (counts[el.id] || 0) + 1;
    const duplicates = Object.keys(counts).filter((id) => counts[id] > 1);
    const names = svgs.map((svg) => {
      const own = (attribute) =>
        (svg.getAttribute(attribute) || "")
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => {
            const target = document.getElementById(id);
            return target && svg.contains(target) ? target.textContent : null;
          });
      return { labelledby: own("aria-labelledby"), describedby: own("aria-describedby"), width: svg.getBoundingClientRect().width };
    });
    return { texts, duplicates, names };
  };

  whenDrawn(run);
})();

// Accessibility probe for inlined SVG pictures, appended by tests/tools.py to a page that inlines them.
//
// For every non-empty <text> of every <svg> on the page, reports its rendered height in CSS pixels
// and its WCAG contrast ratio against what is drawn behind it: the last filled shape, in drawing
// order and in the same SVG, whose box holds the text's centre. Reports too every id used more than
// once on the page, and whether each SVG's aria-labelledby / aria-describedby point inside itself.
// The result is written as JSON into a `pre#cjm-result` element.
(() => {
  const report = (result) => {
    const pre = document.createElement("pre");
    pre.id = "cjm-result";
    pre.textContent = JSON.stringify(result);
    document.body.appendChild(pre);
  };

  const channel = (value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  const parse = (colour) => {
    const probe = document.createElement("canvas").getContext("2d");
    probe.fillStyle = "#000";
    probe.fillStyle = colour;
    const value = probe.fillStyle; // #rrggbb or rgba(...)
    if (value.startsWith("#")) {
      return [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16)).concat([1]);
    }
    const parts = value.match(/[\d.]+/g).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const ratio = (a, b) => {
    const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (high + 0.05) / (low + 0.05);
  };
  const filled = (el) => {
    const fill = el.getAttribute("fill") || getComputedStyle(el).fill;
    if (!fill || fill === "none" || fill === "transparent") return null;
    const rgba = parse(fill);
    return rgba[3] === 0 ? null : rgba;
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
        const colour = parse(text.getAttribute("fill") || getComputedStyle(text).fill);
        texts.push({
          svg: index,
          text: text.textContent.slice(0, 60),
          height: Math.round(box.height * 10) / 10,
          fontSize: parseFloat(getComputedStyle(text).fontSize) * (box.height ? 1 : 0),
          contrast: Math.round(ratio(colour, behind) * 100) / 100,
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
    report({ texts, duplicates, names });
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

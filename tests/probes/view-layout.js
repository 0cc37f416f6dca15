// Layout probe for the map and slide views, appended by tests/tools.py to a page that inlines one SVG
// at its display width (map: 1000 px, slide: 960 px).
//
// Measures, from the boxes Chromium drew (screen pixels):
// - every line of text (each <tspan>): its font size on screen and its box;
// - texts whose boxes overlap another text's box;
// - texts leaving the box they start in: the `rect.cjm-box` of their nearest group that has one,
//   else the picture's background;
// - whether the background is an opaque rectangle covering the whole viewBox;
// - the contrast (WCAG 2 relative luminance) of every text against the topmost filled shape under
//   its centre.
// The helpers (boxes, colours, contrast, the report) are tests/probes/measure.js's.
(() => {
  const { whenDrawn, round, rounded, pageBox, inside, overlap, colour, contrast } = window.cjmProbe;

  // elementsFromPoint sees only the viewport: scroll the point into view first (x, y are page coordinates).
  const filledAt = (x, y) => {
    window.scrollTo(0, Math.max(0, y - window.innerHeight / 2));
    for (const el of document.elementsFromPoint(x - window.scrollX, y - window.scrollY)) {
      if (el.closest("text")) continue;
      if (!(el instanceof SVGGeometryElement)) continue;
      const fill = colour(getComputedStyle(el).fill);
      if (fill && fill[3] > 0) return { el, fill };
    }
    return null;
  };

  const run = () => {
    const svg = document.querySelector("svg");
    window.scrollTo(0, 0);
    const drawn = svg.getBoundingClientRect();
    const vb = svg.viewBox.baseVal;
    const scale = drawn.width / vb.width;
    const background = svg.querySelector("rect.cjm-background");
    const backgroundBox = background ? pageBox(background.getBoundingClientRect()) : null;
    const backgroundFill = background ? colour(getComputedStyle(background).fill) : null;
    const opaque =
      !!backgroundBox &&
      !!backgroundFill &&
      backgroundFill[3] === 1 &&
      Math.abs(backgroundBox.left - drawn.left) < 1 &&
      Math.abs(backgroundBox.top - drawn.top) < 1 &&
      Math.abs(backgroundBox.right - drawn.right) < 1 &&
      Math.abs(backgroundBox.bottom - drawn.bottom) < 1;

    const lines = [];
    for (const text of svg.querySelectorAll("text")) {
      const spans = text.querySelectorAll("tspan");
      for (const span of spans.length ? spans : [text]) {
        if (!span.textContent.trim()) continue;
        lines.push({ text, span, b: pageBox(span.getBoundingClientRect()) });
      }
    }
    const problems = [];
    let smallest = Infinity;
    let lowestContrast = Infinity;
    for (const line of lines) {
      const label = line.span.textContent.slice(0, 60);
      const size = parseFloat(getComputedStyle(line.text).fontSize) * scale;
      smallest = Math.min(smallest, size);
      const group = line.text.closest("g:has(> rect.cjm-box)");
      const frame = group ? pageBox(group.querySelector(":scope > rect.cjm-box").getBoundingClientRect()) : backgroundBox;
      if (frame && !inside(line.b, frame)) {
        problems.push({ kind: "text-outside-its-box", text: label, box: rounded(line.b), frame: rounded(frame) });
      }
      const x = (line.b.left + line.b.right) / 2;
      const y = (line.b.top + line.b.bottom) / 2;
      const under = filledAt(x, y);
      const ink = colour(getComputedStyle(line.text).fill);
      if (under && ink) {
        const ratio = contrast(ink, under.fill);
        lowestContrast = Math.min(lowestContrast, ratio);
        if (ratio < 4.5) {
          problems.push({ kind: "low-contrast", text: label, ratio: round(ratio), ink: getComputedStyle(line.text).fill, under: getComputedStyle(under.el).fill });
        }
      } else {
        problems.push({ kind: "no-background-under-text", text: label });
      }
    }
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const area = overlap(lines[i].b, lines[j].b);
        if (area > 0) {
          problems.push({
            kind: "texts-overlap",
            texts: [lines[i].span.textContent.slice(0, 40), lines[j].span.textContent.slice(0, 40)],
            area: round(area),
          });
        }
      }
    }
    return {
      width: drawn.width,
      height: drawn.height,
      lines: lines.length,
      smallestFontPx: round(smallest),
      lowestContrast: round(lowestContrast),
      opaqueBackground: opaque,
      problems,
    };
  };

  whenDrawn(run);
})();

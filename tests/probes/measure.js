// Measuring helpers shared by the probes: tests/tools.py (`with_probe`) puts this file before each probe.
//
// A probe hands its measurement to `cjmProbe.whenDrawn(run)`: once the page has loaded, its fonts
// are ready and one more task has run (headless Chromium runs no animation frames while it dumps
// the DOM), `run()`'s result, or the error it threw, is written as JSON into `pre#cjm-result`.
// Boxes are `{left, top, right, bottom}` in CSS pixels; colours are `[r, g, b, a]` (0-255, alpha 0-1).
window.cjmProbe = (() => {
  const report = (result) => {
    const pre = document.createElement("pre");
    pre.id = "cjm-result";
    pre.textContent = JSON.stringify(result);
    document.body.appendChild(pre);
  };
  const fail = (error) => report({ error: String((error && error.stack) || error) });
  const whenDrawn = (run) => {
    const start = () =>
      document.fonts.ready.then(() =>
        setTimeout(() => {
          try {
            const result = run();
            if (result && typeof result.then === "function") result.then(report, fail);
            else report(result);
          } catch (error) {
            fail(error);
          }
        }, 0),
      );
    if (document.readyState === "complete") start();
    else window.addEventListener("load", start);
  };

  const round = (v) => Math.round(v * 10) / 10;
  const rounded = (b) => [b.left, b.top, b.right, b.bottom].map(round);
  // A box in page coordinates, so boxes compare whatever the scroll position.
  const pageBox = (r) => ({
    left: r.left + window.scrollX,
    top: r.top + window.scrollY,
    right: r.right + window.scrollX,
    bottom: r.bottom + window.scrollY,
  });
  const inside = (b, outer, slack = 1) =>
    b.left >= outer.left - slack && b.top >= outer.top - slack && b.right <= outer.right + slack && b.bottom <= outer.bottom + slack;
  const overlap = (a, b) => {
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return w > 0.5 && h > 0.5 ? w * h : 0;
  };

  // A CSS colour as [r, g, b, a], through a canvas (which normalises names, hex and rgb()); null for
  // what is not a colour (`none`, a gradient's `url(#…)`).
  const colour = (css) => {
    if (!css || !CSS.supports("color", css)) return null;
    const canvas = document.createElement("canvas").getContext("2d");
    canvas.fillStyle = "#000";
    canvas.fillStyle = css;
    const value = canvas.fillStyle; // #rrggbb or rgba(...)
    if (value.startsWith("#")) return [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16)).concat([1]);
    const parts = value.match(/[\d.]+/g).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  // WCAG 2 relative luminance and contrast ratio.
  const channel = (value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const contrast = (a, b) => {
    const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (high + 0.05) / (low + 0.05);
  };

  return { report, whenDrawn, round, rounded, pageBox, inside, overlap, colour, contrast };
})();

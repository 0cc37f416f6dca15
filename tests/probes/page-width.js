// Width probe for the HTML page, appended to a copy of the page by tests/tools.py (after measure.js).
//
// Reports, at the window's width:
//   page-overflow   the page itself is wider than the window (the grid must scroll in its own box);
//   broken-word     a word drawn on two lines (broken in the middle: "Emménagemen/t"); a line may
//                   end after a hyphen or a slash (rendez-/vous), so each part between them is a word;
//                   a web address may break anywhere (it may be longer than any column);
//   text-off-page   text outside the grid drawn left or right of the window;
//   unreachable     after scrolling the grid's box to its end, the last stage's header is not inside it;
//   label-scrolled  after that scroll, a lane label is no longer at the box's left edge (it must stay);
// and `scrolls`: whether the grid's box scrolls sideways. The result goes into `pre#cjm-result`.
(() => {
  const SKIP = "script, style, svg, .sr-only, #cjm-result";
  const problems = [];
  const sample = (text) => text.replace(/\s+/g, " ").trim().slice(0, 80);

  const visible = (el) => el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0;

  const brokenWords = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(SKIP) || !visible(parent)) continue;
      const addresses = [...node.textContent.matchAll(/\S*:\/\/\S*/g)].map((m) => [m.index, m.index + m[0].length]);
      for (const match of node.textContent.matchAll(/[^\s\-\u2010/]+/g)) {
        if (addresses.some(([start, end]) => match.index >= start && match.index < end)) continue;
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) problems.push({ kind: "broken-word", word: match[0], element: parent.className || parent.tagName });
      }
    }
  };

  const offPage = (width, wrap) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!node.textContent.trim() || !parent || parent.closest(SKIP) || !visible(parent)) continue;
      if (wrap && wrap.contains(parent)) continue;
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.left < -1 || box.right > width + 1) problems.push({ kind: "text-off-page", text: sample(node.textContent) });
    }
  };

  const run = () => {
    for (const details of document.querySelectorAll("details")) details.open = true;
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth + 1) {
      problems.push({ kind: "page-overflow", scrollWidth: page.scrollWidth, clientWidth: page.clientWidth });
    }
    brokenWords();
    const wrap = document.querySelector(".grid-wrap");
    offPage(page.clientWidth, wrap);
    let scrolls = false;
    if (wrap) {
      scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      wrap.scrollLeft = wrap.scrollWidth;
      const edges = wrap.getBoundingClientRect();
      const headers = wrap.querySelectorAll("thead th");
      const last = headers[headers.length - 1].getBoundingClientRect();
      if (last.right > edges.right + 1 || last.left < edges.left - 1) {
        problems.push({ kind: "unreachable", header: sample(headers[headers.length - 1].textContent) });
      }
      for (const label of wrap.querySelectorAll('th[scope="row"]')) {
        if (Math.abs(label.getBoundingClientRect().left - edges.left) > 2) {
          problems.push({ kind: "label-scrolled", label: sample(label.textContent) });
        }
      }
      wrap.scrollLeft = 0;
    }
    return { width: page.scrollWidth, scrolls, problems };
  };

  window.cjmProbe.whenDrawn(run);
})();

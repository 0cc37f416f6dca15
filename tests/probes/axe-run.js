// Runs axe-core (prepended to this script by tests/test_accessibility.py) on the page after load and
// writes its violations as JSON into a `pre#cjm-result` element (tests/probes/measure.js's report):
// rule id, impact, help and the first offending nodes' selectors. WCAG 2.1 A and AA rules, and
// axe's best practices.
(() => {
  window.cjmProbe.whenDrawn(() =>
    // eslint-disable-next-line no-undef
    axe
      .run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } })
      .then((results) => ({
        violations: results.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
        })),
        passes: results.passes.length,
      })),
  );
})();

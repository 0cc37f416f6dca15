// Runs axe-core (inlined before this script by tests/tools.py) on the page once it has loaded and
// writes its violations as JSON into a `pre#cjm-result` element: [{id, impact, help, nodes: [html…]}].
(() => {
  const report = (result) => {
    const pre = document.createElement("pre");
    pre.id = "cjm-result";
    pre.textContent = JSON.stringify(result);
    document.body.appendChild(pre);
  };
  window.addEventListener("load", () => {
    axe
      .run(document, { resultTypes: ["violations"] })
      .then((results) =>
        report({
          violations: results.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.slice(0, 5).map((n) => n.html.slice(0, 200)),
          })),
          passes: results.passes.length,
        }),
      )
      .catch((error) => report({ error: String(error) }));
  });
})();

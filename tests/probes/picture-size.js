// Size probe: reports the drawn size of every inline <svg> of the page and the width of its container,
// as `{pictures: [{width, height, container, viewBox: [w, h]}]}` in `pre#cjm-result`.
(() => {
  const run = () => ({
    pictures: [...document.querySelectorAll("body svg[viewBox]")]
      .filter((svg) => !svg.parentElement.closest("svg"))
      .map((svg) => {
        const box = svg.getBoundingClientRect();
        const view = svg.getAttribute("viewBox").trim().split(/[\s,]+/).map(Number);
        return { width: box.width, height: box.height, container: svg.parentElement.clientWidth, viewBox: [view[2], view[3]] };
      }),
  });
  window.cjmProbe.whenDrawn(run);
})();

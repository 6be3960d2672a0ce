// Draws the page's charts with the bundled Plotly from the JSON the server put in #chart-data.
(function () {
  "use strict";
  function bars(id, chart) {
    var el = document.getElementById(id);
    if (!el || !chart) return;
    var traces = chart.series.map(function (s) {
      return { type: "bar", name: s.name, x: chart.x, y: s.y, marker: { color: s.colour } };
    });
    Plotly.newPlot(el, traces, { barmode: "stack", margin: { t: 10, r: 10, b: 40, l: 40 },
      legend: { orientation: "h" } }, { displaylogo: false, responsive: true });
  }
  function line(id, chart) {
    var el = document.getElementById(id);
    if (!el || !chart) return;
    Plotly.newPlot(el, [{ type: "scatter", mode: "lines+markers", name: "mean Goldstein", x: chart.x,
      y: chart.y, connectgaps: false }], { margin: { t: 10, r: 10, b: 40, l: 40 },
      yaxis: { range: [-10, 10], zeroline: true } }, { displaylogo: false, responsive: true });
  }
  function draw() {
    var node = document.getElementById("chart-data");
    if (node && window.Plotly) {
      var data = JSON.parse(node.textContent);
      bars("chart-timeline", data.timeline);
      line("chart-goldstein", data.goldstein);
    }
    document.body.setAttribute("data-charts", "ready");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();

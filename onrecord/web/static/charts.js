/* Charts of the sources dashboard and the statement page, drawn with the vendored Chart.js
   (static/vendor/chartjs, no network). Each canvas[data-chart] holds its data as JSON:
     {kind: "share"}    horizontal 100% stacked bars (rows: labels, one dataset per kind, in %)
     {kind: "stacked"}  vertical stacked bars (labels on the x axis)
     {kind: "bars"}     horizontal bars
     {kind: "timeline"} points: {x: "YYYY-MM-DD", y: row, label}, rows named by labels
   Sizes are set from script (the CSP allows no inline style); a chart's box grows with its rows
   so labels stay legible on a phone. window.onrecordCharts lists the charts (for the tests). */
(function () {
  "use strict";

  var COLORS = {
    government: "#1f5fbf", politician: "#8e44ad", expert: "#2a8c8c", business: "#b35c00",
    civil_society: "#27ae60", journalist: "#c28f00", citizen: "#d35400", unnamed_group: "#7f8c8d",
    anonymous: "#2c3e50", other: "#b8c1cc", none: "#dde2e8",
    named: "#1f5fbf", unnamed: "#f39c12", quotes: "#1f5fbf"
  };
  var SPARE = ["#1f5fbf", "#b35c00", "#2e7d32", "#6d4c9f", "#c0392b", "#5b6672"];
  var DAY = 86400000;

  function color(key, i) { return COLORS[key] || SPARE[i % SPARE.length]; }

  function narrow() { return window.matchMedia("(max-width: 600px)").matches; }

  function day(text) {
    var p = text.split("-");
    return Date.UTC(+p[0], (+p[1] || 1) - 1, +p[2] || 1) / DAY;
  }

  function dateOf(value) { return new Date(value * DAY).toISOString().slice(0, 10); }

  function datasets(spec) {
    return spec.datasets.map(function (d, i) {
      return { label: d.label, data: d.data, backgroundColor: color(d.key, i), borderWidth: 0, maxBarThickness: 28 };
    });
  }

  function config(spec) {
    var font = { size: narrow() ? 11 : 12 };
    var legend = { position: "bottom", labels: { boxWidth: 12, font: font } };
    if (spec.kind === "share") {
      return { type: "bar", data: { labels: spec.labels, datasets: datasets(spec) }, options: {
        indexAxis: "y", maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: true, min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; }, font: font } },
                  y: { stacked: true, ticks: { font: font } } },
        plugins: { legend: legend, tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + c.parsed.x + "%"; } } } }
      } };
    }
    if (spec.kind === "stacked") {
      return { type: "bar", data: { labels: spec.labels, datasets: datasets(spec) }, options: {
        maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: true, ticks: { font: font, maxRotation: 60 } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0, font: font } } },
        plugins: { legend: legend }
      } };
    }
    if (spec.kind === "bars") {
      return { type: "bar", data: { labels: spec.labels, datasets: datasets(spec) }, options: {
        indexAxis: "y", maintainAspectRatio: false, animation: false,
        scales: { x: { beginAtZero: true, ticks: { precision: 0, font: font } }, y: { ticks: { font: font } } },
        plugins: { legend: { display: false } }
      } };
    }
    /* timeline: one row per outlet, a point per occurrence */
    var points = spec.points.map(function (p) { return { x: day(p.x), y: p.y, label: p.label, wire: p.wire }; });
    var xs = points.map(function (p) { return p.x; });
    var lo = Math.min.apply(null, xs), hi = Math.max.apply(null, xs);
    return { type: "scatter", data: { datasets: [{
      label: "occurrences", data: points, pointRadius: 6, pointHoverRadius: 8,
      pointStyle: points.map(function (p) { return p.wire ? "rectRot" : "circle"; }),
      backgroundColor: points.map(function (p) { return p.wire ? "#f39c12" : "#1f5fbf"; })
    }] }, options: {
      maintainAspectRatio: false, animation: false,
      scales: {
        x: { type: "linear", min: lo - 1, max: hi + 1, ticks: { font: font, maxRotation: 50, precision: 0,
             callback: function (v) { return Number.isInteger(v) ? dateOf(v) : ""; } } },
        y: { type: "linear", reverse: true, min: -0.5, max: spec.labels.length - 0.5,
             afterBuildTicks: function (axis) { axis.ticks = spec.labels.map(function (_, i) { return { value: i }; }); },
             ticks: { font: font, callback: function (v) { return spec.labels[v] || ""; } } }
      },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: function (c) {
        return dateOf(c.raw.x) + " · " + spec.labels[c.raw.y] + " · " + c.raw.label + (c.raw.wire ? " (wire copy)" : "");
      } } } }
    } };
  }

  function height(spec, box) {
    var rows = +(box.dataset.rows || 0);
    if (spec.kind === "stacked") return narrow() ? 260 : 300;
    var per = spec.kind === "timeline" ? 36 : 34;
    return Math.max(160, 90 + per * rows);
  }

  function draw() {
    if (typeof window.Chart !== "function") return;
    window.onrecordCharts = [];
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var spec = JSON.parse(canvas.dataset.chart);
      var box = canvas.parentElement;
      box.style.height = height(spec, box) + "px";
      var chart = new window.Chart(canvas, config(spec));
      window.onrecordCharts.push(chart);
      canvas.dataset.ready = "1";
    });
  }

  document.addEventListener("DOMContentLoaded", draw);
})();

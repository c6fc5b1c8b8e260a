/* The graph page: draws the graph JSON of #graph[data-graph] with the vendored cytoscape.
   An arrow runs from a speaker to the entity their statements are about: its width grows with
   the statements, its colour is their most frequent stance, its label the count. Labels keep
   a legible size on screen whatever the zoom (a phone shows a zoomed-out graph).
   Tapping a node opens the entity's page; tapping an arrow opens its newest article. */
(function () {
  "use strict";

  var COLORS = { person: "#1f5fbf", organization: "#b35c00", location: "#2e7d32", group: "#6d4c9f", other: "#5b6672" };
  /* the stance colours of graph.css (.sw-*) */
  var STANCES = {
    asserted: "#6b7785", hedged: "#c28f00", belief: "#2a8c8c", claim: "#8e44ad", denial: "#c0392b",
    question: "#2f6fd6", demand: "#d35400", prediction: "#27ae60", unknown: "#a7b0ba"
  };
  var LABEL_PX = 13;

  function dominant(stances) {
    var best = "unknown", most = 0;
    Object.keys(stances || {}).sort().forEach(function (name) {
      if (stances[name] > most) { best = name; most = stances[name]; }
    });
    return best;
  }

  function mix(stances) {
    return Object.keys(stances || {}).sort(function (a, b) { return stances[b] - stances[a] || (a < b ? -1 : 1); })
      .map(function (name) { return stances[name] + " " + name; }).join(", ");
  }

  function draw() {
    var box = document.getElementById("graph");
    if (!box || typeof window.cytoscape !== "function") return;
    var data = JSON.parse(box.dataset.graph || '{"nodes":[],"edges":[]}');
    var elements = [];
    data.nodes.forEach(function (n) {
      elements.push({ data: { id: n.id, label: n.name, type: n.type, size: n.spoke_about + n.quoted_about, center: n.center ? 1 : 0 } });
    });
    data.edges.forEach(function (e, i) {
      elements.push({ data: {
        id: "e" + i, source: e.source, target: e.target, weight: e.weight, stance: dominant(e.stances),
        mix: mix(e.stances), article: e.articles[0] || ""
      } });
    });
    var cy;
    function labelSize() { return Math.round(LABEL_PX / Math.min(1, cy ? cy.zoom() : 1)); }
    cy = window.cytoscape({
      container: box,
      elements: elements,
      minZoom: 0.15,
      maxZoom: 3,
      style: [
        { selector: "node", style: {
          "label": "data(label)", "font-family": "system-ui, sans-serif", "font-size": labelSize, "color": "#1d232b",
          "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "wrap", "text-max-width": 130,
          "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 2,
          "text-background-shape": "roundrectangle",
          "background-color": function (n) { return COLORS[n.data("type")] || COLORS.other; },
          "width": function (n) { return 16 + Math.min(30, 5 * Math.sqrt(n.data("size"))); },
          "height": function (n) { return 16 + Math.min(30, 5 * Math.sqrt(n.data("size"))); }
        } },
        { selector: "node[center = 1]", style: { "border-width": 4, "border-color": "#ff9f1c", "font-weight": "bold" } },
        { selector: "edge", style: {
          "width": function (e) { return 1.5 + Math.min(9, 3 * Math.sqrt(e.data("weight") - 1)); },
          "curve-style": "bezier", "opacity": 0.85, "arrow-scale": 1.1, "target-arrow-shape": "triangle",
          "line-color": function (e) { return STANCES[e.data("stance")] || STANCES.unknown; },
          "target-arrow-color": function (e) { return STANCES[e.data("stance")] || STANCES.unknown; },
          "label": function (e) { return e.data("weight") > 1 ? String(e.data("weight")) : ""; },
          "font-size": function () { return Math.round(0.85 * labelSize()); }, "color": "#1d232b",
          "text-background-color": "#ffffff", "text-background-opacity": 0.9, "text-background-padding": 1
        } },
        { selector: "node:active, node.hover", style: { "overlay-opacity": 0.15 } }
      ],
      layout: {
        name: "cose", animate: false, randomize: false, padding: 30, componentSpacing: 80,
        nodeRepulsion: function () { return 450000; }, idealEdgeLength: function () { return 120; }
      }
    });
    if (cy.zoom() > 1.6) { cy.zoom(1.6); cy.center(); }
    cy.on("zoom", function () { cy.style().update(); });
    cy.style().update();
    cy.on("tap", "node", function (event) {
      window.location.assign("/entities/" + encodeURIComponent(event.target.id()));
    });
    cy.on("tap", "edge", function (event) {
      var article = event.target.data("article");
      if (article) window.location.assign("/articles/" + encodeURIComponent(article));
    });
    cy.on("mouseover", "edge", function (event) {
      var e = event.target;
      box.title = e.source().data("label") + " → " + e.target().data("label") + ": " + e.data("mix");
    });
    cy.on("mouseover", "node, edge", function () { box.style.cursor = "pointer"; });
    cy.on("mouseout", "node, edge", function () { box.style.cursor = ""; box.title = ""; });
    window.onrecordGraph = cy; /* for the browser tests and the curious */
    box.dataset.ready = "1";
  }

  document.addEventListener("DOMContentLoaded", draw);
})();

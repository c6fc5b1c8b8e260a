/* The graph page: draws the graph JSON of #graph[data-graph] with the vendored cytoscape.
   Clicking a node opens the entity's page; clicking an edge opens its first article. */
(function () {
  "use strict";

  var COLORS = { person: "#1f5fbf", organization: "#b35c00", location: "#2e7d32", group: "#6d4c9f", other: "#5b6672" };

  function draw() {
    var box = document.getElementById("graph");
    if (!box || typeof window.cytoscape !== "function") return;
    var data = JSON.parse(box.dataset.graph || '{"nodes":[],"edges":[]}');
    var elements = [];
    data.nodes.forEach(function (n) {
      elements.push({ data: { id: n.id, label: n.name, type: n.type, quotes: n.quotes, center: n.center ? 1 : 0 } });
    });
    data.edges.forEach(function (e, i) {
      elements.push({ data: { id: "e" + i, source: e.source, target: e.target, kind: e.kind, weight: e.weight, article: e.articles[0] || "" } });
    });
    var cy = window.cytoscape({
      container: box,
      elements: elements,
      minZoom: 0.2,
      maxZoom: 3,
      style: [
        { selector: "node", style: {
          "label": "data(label)", "font-family": "system-ui, sans-serif", "font-size": 12, "color": "#1d232b",
          "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "wrap", "text-max-width": 120,
          "background-color": function (n) { return COLORS[n.data("type")] || COLORS.other; },
          "width": function (n) { return 18 + Math.min(30, 4 * Math.sqrt(n.data("quotes"))); },
          "height": function (n) { return 18 + Math.min(30, 4 * Math.sqrt(n.data("quotes"))); }
        } },
        { selector: "node[center = 1]", style: { "border-width": 4, "border-color": "#ff9f1c", "font-weight": "bold" } },
        { selector: "edge", style: {
          "width": function (e) { return 1 + Math.min(7, e.data("weight")); }, "curve-style": "bezier", "opacity": 0.8
        } },
        { selector: "edge[kind = 'about']", style: { "line-color": "#b3261e", "target-arrow-color": "#b3261e", "target-arrow-shape": "triangle" } },
        { selector: "edge[kind = 'together']", style: { "line-color": "#8a96a3", "line-style": "dashed" } },
        { selector: "node:active, node.hover", style: { "overlay-opacity": 0.15 } }
      ],
      layout: {
        name: "cose", animate: false, randomize: false, padding: 40, componentSpacing: 120,
        nodeRepulsion: function () { return 400000; }, idealEdgeLength: function () { return 140; }
      }
    });
    if (cy.zoom() > 1.6) { cy.zoom(1.6); cy.center(); }
    cy.on("tap", "node", function (event) {
      window.location.assign("/entities/" + encodeURIComponent(event.target.id()));
    });
    cy.on("tap", "edge", function (event) {
      var article = event.target.data("article");
      if (article) window.location.assign("/articles/" + encodeURIComponent(article));
    });
    cy.on("mouseover", "node, edge", function () { box.style.cursor = "pointer"; });
    cy.on("mouseout", "node, edge", function () { box.style.cursor = ""; });
    window.onrecordGraph = cy; /* for the browser tests and the curious */
    box.dataset.ready = "1";
  }

  document.addEventListener("DOMContentLoaded", draw);
})();

// Actor network page logic, inlined by dossier_app/network_html.py (its CSP allows it by hash).
// Reads only DOSSIER_NETWORK (JSON); writes text with textContent / fillText.
(function () {
  "use strict";
  var D = DOSSIER_NETWORK, cfg = D.config;
  var container = document.getElementById("net");
  var status = document.getElementById("status");
  var nodes = new vis.DataSet(D.nodes);
  var edges = new vis.DataSet(D.edges);
  var byId = {};
  D.nodes.forEach(function (n) { byId[n.id] = n; });
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, D.options);
  window.dossierNetwork = network;

  network.on("stabilizationProgress", function (p) {
    status.textContent = "Laying out " + cfg.nNodes + " actors… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  // Stop physics as soon as the capped stabilisation is done, then flag the first drawn frame.
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    if (network.getScale() > 1) network.moveTo({ scale: 1 });  // small graphs: no giant nodes
    labelTopActors();
    network.once("afterDrawing", function () {
      status.textContent = "";
      document.body.dataset.stableMs = String(Math.round(performance.now()));
      document.body.dataset.graphReady = "1";
    });
    network.redraw();
  });

  // Labels of small nodes hide below a readable size (drawThreshold); keep the most
  // mentioned actors readable (>= 12 px) at the zoom the layout ended with, most mentioned
  // first. A label goes under its node, or above it where that is taken or off the canvas;
  // where both would lie on a label already shown, it waits below the threshold until the
  // reader zooms in (its name is on hover), so labels never pile up.
  function labelTopActors() {
    var scale = network.getScale(), pos = network.getPositions();
    var threshold = D.options.nodes.scaling.label.drawThreshold;
    var measure = document.createElement("canvas").getContext("2d");
    var view = { t: network.DOMtoCanvas({ x: 0, y: 0 }).y,
                 b: network.DOMtoCanvas({ x: 0, y: container.clientHeight }).y };
    var shown = [];
    function clear(box) {
      return !shown.some(function (q) { return box.l < q.r && q.l < box.r && box.t < q.b && q.t < box.b; });
    }
    function inView(box) { return box.t >= view.t && box.b <= view.b; }
    D.nodes.slice().sort(function (a, b) { return a.rank - b.rank; }).forEach(function (n) {
      var p = pos[n.id];
      if (!p || !(n.label || "").trim()) return;
      var size = n.rank < cfg.labelTop ? Math.max(n.font.size, Math.round(12 / scale)) : n.font.size;
      // vis-network skips a label drawn smaller than drawThreshold - 1 px
      if (size * scale < threshold - 1) return;                 // not drawn at this zoom anyway
      measure.font = size + "px " + D.options.nodes.font.face;
      // the text, its white outline and a gap of about one letter around it
      var w = measure.measureText(n.label).width + size, radius = n.size || 10;
      // vadjust from under the node to above it, as far from the disc as under it
      var above = -(2 * radius + 8 + 2 * size);
      var spots = [0, above].map(function (v) {
        var top = labelTop(p.y, radius, size, v);
        return { l: p.x - w / 2, r: p.x + w / 2, t: top - 0.2 * size, b: top + 1.2 * size, v: v };
      }).filter(clear);
      var spot = spots.filter(inView)[0] || spots[0];
      if (spot) {
        shown.push(spot);
        n.font = { size: size, vadjust: spot.v };
      } else {
        n.font = { size: Math.min(n.font.size, (threshold - 2) / scale), vadjust: 0 };
      }
    });
    nodes.update(D.nodes.map(function (n) { return { id: n.id, font: n.font }; }));
  }

  // Where vis-network 9 draws the top of a dot's one-line label: under the node (hanging
  // baseline, 4 px down), moved by vadjust.
  function labelTop(y, radius, size, vadjust) {
    return y + radius + size / 2 + 4 + vadjust;
  }

  // Click: highlight the actor and its neighbours, show its name in the panel.
  var DIM_NODE = { background: "#e9ecef", border: "#d0d7de" };
  var DIM_EDGE = { color: "#e9ecef", opacity: 0.4 };
  var panel = document.getElementById("panel");
  function highlight(id) {
    var keep = null;
    if (id !== null && byId[id]) {
      keep = {};
      keep[id] = true;
      network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    }
    nodes.update(D.nodes.map(function (n) {
      var on = !keep || keep[n.id];
      return { id: n.id, color: on ? n.color : DIM_NODE,
               font: { size: n.font.size, vadjust: n.font.vadjust || 0, color: on ? "#1f2328" : "#c4c9cf" } };
    }));
    edges.update(D.edges.map(function (e) {
      var on = !keep || e.from === id || e.to === id;
      return { id: e.id, color: on ? e.color : DIM_EDGE };
    }));
    if (keep) {
      var n = byId[id], k = Object.keys(keep).length - 1;
      document.getElementById("panel-name").textContent = n.name;
      document.getElementById("panel-info").textContent =
        n.mentions + " mention" + (n.mentions === 1 ? "" : "s") + " · " +
        k + " connected actor" + (k === 1 ? "" : "s");
      document.getElementById("panel-hint").textContent = cfg.hint;
      var filterButton = document.getElementById("panel-filter");
      filterButton.hidden = !cfg.pickable;
      filterButton.onclick = function () { setParentFilter(n.name); };
      panel.hidden = false;
    } else {
      panel.hidden = true;
    }
  }
  network.on("click", function (p) {
    highlight(p.nodes.length ? p.nodes[0] : null);
    if (!p.nodes.length && p.edges.length && cfg.pickable) pickEdge(p.edges[0]);
  });
  network.on("doubleClick", function (p) { if (p.nodes.length && cfg.pickable) setParentFilter(byId[p.nodes[0]].name); });

  // Picking an actor: tell the embedding app (dossier_app/bridge.py), which sets its actor filter.
  function setParentFilter(name) {
    try {
      window.parent.postMessage({ type: "dossier:pick-actor", name: String(name) }, "*");
    } catch (e) {
      document.getElementById("panel-hint").textContent = cfg.hint;
    }
  }

  // Clicking a link: the app lists the evidence behind it (ids only; the app checks them).
  function pickEdge(edgeId) {
    var e = D.edges.filter(function (x) { return x.id === edgeId; })[0];
    if (!e) return;
    try {
      window.parent.postMessage({ type: "dossier:pick-edge", name: [e.from, e.to, e.kind].join("\t") }, "*");
    } catch (err) { /* not embedded: nothing to tell */ }
  }

  // --- Download PNG: 2x, white background, title, legend and source note ---
  var SCALE = 2, PAD = 16, FONT = getComputedStyle(document.body).fontFamily;

  function renderNetworkAt(scale) {
    // Re-render vis at `scale` pixels per CSS pixel for a crisp copy, then restore.
    var c = network.canvas, copy = document.createElement("canvas");
    var w = container.clientWidth, h = container.clientHeight;
    copy.width = w * scale; copy.height = h * scale;
    var ok = false;
    try {
      if (c && typeof c._determinePixelRatio === "function") {
        c._determinePixelRatio = function () { return scale; };
        network.redraw();
        ok = c.frame.canvas.width === w * scale;
        if (ok) copy.getContext("2d").drawImage(c.frame.canvas, 0, 0);
      }
    } finally {
      if (c) delete c._determinePixelRatio;
      network.redraw();
    }
    if (!ok) copy.getContext("2d").drawImage(container.querySelector("canvas"), 0, 0, w * scale, h * scale);
    return copy;
  }

  function wrap(ctx, text, maxWidth) {
    var words = String(text).split(/\s+/), lines = [], line = "";
    words.forEach(function (w) {
      var t = line ? line + " " + w : w;
      if (line && ctx.measureText(t).width > maxWidth) { lines.push(line); line = w; } else { line = t; }
    });
    if (line) lines.push(line);
    return lines;
  }

  function legendItems() {
    var items = cfg.legend.map(function (l) { return { label: l[0], color: l[1], kind: "dot" }; });
    if (cfg.edgeLegend.indexOf("co-occurrence") >= 0)
      items.push({ label: "Mentioned together (thicker = more often)", color: cfg.coocColor, kind: "line" });
    if (cfg.edgeLegend.indexOf("quotes about") >= 0)
      items.push({ label: "Quoted about (speaker → actor)", color: cfg.quoteColor, kind: "dash" });
    return items;
  }

  // Lay out (and optionally draw) the header/footer text; returns the height used, in CSS px.
  function drawText(ctx, width, y, draw, part) {
    var x = PAD, maxW = width - 2 * PAD;
    function para(text, size, weight, color) {
      if (!text) return;
      ctx.font = weight + " " + size + "px " + FONT;
      wrap(ctx, text, maxW).forEach(function (line) {
        if (draw) { ctx.fillStyle = color; ctx.fillText(line, x, y + size); }
        y += Math.round(size * 1.35);
      });
    }
    if (part === "head") {
      y += 4;
      para(cfg.title, 19, 650, "#1f2328");
      para(cfg.subtitle, 13, 400, "#57606a");
      ctx.font = "400 12px " + FONT;
      var lx = x, ly = y + 6;
      legendItems().forEach(function (it) {
        var w = 18 + ctx.measureText(it.label).width + 16;
        if (lx + w > width - PAD && lx > x) { lx = x; ly += 18; }
        if (draw) {
          ctx.fillStyle = it.color; ctx.strokeStyle = it.color;
          if (it.kind === "dot") { ctx.beginPath(); ctx.arc(lx + 6, ly + 7, 5.5, 0, 2 * Math.PI); ctx.fill(); }
          else {
            ctx.lineWidth = it.kind === "dash" ? 2 : 3; ctx.setLineDash(it.kind === "dash" ? [5, 3] : []);
            ctx.beginPath(); ctx.moveTo(lx, ly + 7); ctx.lineTo(lx + 13, ly + 7); ctx.stroke(); ctx.setLineDash([]);
          }
          ctx.fillStyle = "#3d444d"; ctx.fillText(it.label, lx + 18, ly + 11);
        }
        lx += w;
      });
      y = ly + (legendItems().length ? 24 : 0);
    } else {
      y += 4;
      para(cfg.source, 11, 400, "#6e7781");
      y += 4;
    }
    return y;
  }

  function exportPng() {
    var w = container.clientWidth, h = container.clientHeight;
    var probe = document.createElement("canvas").getContext("2d");
    var headH = drawText(probe, w, 0, false, "head"), footH = drawText(probe, w, 0, false, "foot");
    var out = document.createElement("canvas");
    out.width = w * SCALE; out.height = (headH + h + footH) * SCALE;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, out.width, out.height);
    ctx.scale(SCALE, SCALE);
    drawText(ctx, w, 0, true, "head");
    ctx.drawImage(renderNetworkAt(SCALE), 0, headH, w, h);
    drawText(ctx, w, headH + h, true, "foot");
    out.toBlob(function (blob) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = cfg.pngName || "dossier-network.png";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 30000);
    }, "image/png");
  }
  document.getElementById("download").addEventListener("click", exportPng);
})();

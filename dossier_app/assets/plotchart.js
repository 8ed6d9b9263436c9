// Draws one Plotly figure with plotly.js's basic bundle (app/static/plotly-basic.min.js, loaded
// once per browser tab) and reports the marks the user picks: a click picks one, the box tool
// several, a double click clears. Our own code: the figure's text was escaped in Python.
function loadPlotly(src) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__dossierPlotly) {
    window.__dossierPlotly = new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = src;
      s.onload = () => resolve(window.Plotly);
      s.onerror = () => { window.__dossierPlotly = null; reject(new Error("could not load " + src)); };
      document.head.appendChild(s);
    });
  }
  return window.__dossierPlotly;
}

function picked(points) {
  const out = [];
  for (const p of points || []) {
    const v = Array.isArray(p.customdata) ? p.customdata[0] : p.customdata;
    if (Number.isInteger(v) && !out.includes(v)) out.push(v);
  }
  return out;
}

// The component lives in a shadow root, where the rules plotly.js puts in the page's <head>
// (absolute .main-svg layers, the modebar) do not reach: copy them in, again when plotly adds more.
function shareStyles(div) {
  const root = div.getRootNode();
  const src = document.getElementById("plotly.js-style-global");
  if (root === document || !src || !src.sheet) return;
  const rules = Array.from(src.sheet.cssRules);
  let own = root.querySelector("style[data-plotly-rules]");
  if (own && Number(own.getAttribute("data-plotly-rules")) === rules.length) return;
  if (!own) {
    own = document.createElement("style");
    root.appendChild(own);
  }
  own.textContent = rules.map((r) => r.cssText).join("\n");
  own.setAttribute("data-plotly-rules", String(rules.length));
}

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  let div = parentElement.querySelector(".dossier-plot");
  if (!div) {
    div = document.createElement("div");
    div.className = "dossier-plot";
    div.style.width = "100%";
    parentElement.appendChild(div);
  }
  div.removeAttribute("data-chart-ready");
  loadPlotly(data.src).then((Plotly) => {
    const fig = data.figure;
    shareStyles(div);
    return Plotly.react(div, fig.data, fig.layout, data.config).then(() => {
      shareStyles(div);
      if (data.select && !div.__dossierBound) {
        div.__dossierBound = true;
        div.on("plotly_click", (e) => setStateValue("selection", picked(e && e.points)));
        div.on("plotly_selected", (e) => { if (e) setStateValue("selection", picked(e.points)); });
        div.on("plotly_deselect", () => setStateValue("selection", []));
      }
      div.setAttribute("data-chart-ready", "1");
    });
  }).catch((err) => {
    div.textContent = "The chart could not be drawn: " + err.message;
    div.setAttribute("data-chart-ready", "error");
  });
}

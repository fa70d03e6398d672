// A chart view for YASR (the results half of YASGUI), drawn as SVG by this file: YASR ships no
// chart, and the old Google Charts one loads from Google, which this page's policy (and offline use)
// rules out. It draws one bar per row: a label column against a numeric column, both chosen in
// selects, and downloads as an SVG file. Text is set with textContent, never parsed as markup.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const NUMBERS = new Set(["integer", "decimal", "double", "float", "long", "int", "short", "byte",
    "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
    "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"].map((name) => XSD + name));
  const MAX_BARS = 100;
  const BAR = 20;
  const GAP = 4;
  const LABEL_WIDTH = 260;
  const WIDTH = 900;

  function isNumber(term) {
    return term !== undefined && term.type !== "uri" && term.type !== "bnode"
      && NUMBERS.has(term.datatype) && Number.isFinite(Number(term.value));
  }

  function svgElement(name, attributes) {
    const element = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
    return element;
  }

  function shorten(term, prefixes) {
    if (term === undefined) return "";
    if (term.type !== "uri") return term.value;
    for (const [name, iri] of Object.entries(prefixes)) {
      if (iri && term.value.startsWith(iri)) return name + ":" + term.value.slice(iri.length);
    }
    return term.value;
  }

  function select(label, options, chosen, onChange) {
    const wrapper = document.createElement("label");
    wrapper.append(label + " ");
    const field = document.createElement("select");
    for (const option of options) {
      const element = document.createElement("option");
      element.value = option; element.textContent = "?" + option;
      field.appendChild(element);
    }
    field.value = chosen;
    field.addEventListener("change", () => onChange(field.value));
    wrapper.appendChild(field);
    return wrapper;
  }

  class Chart {
    constructor(yasr) {
      this.yasr = yasr;
      this.label = "Chart";
      this.priority = 5;
      this.helpReference = undefined;
      this.svg = undefined;
    }

    // Variables with a number in every row that binds them, and the others.
    columns() {
      const bindings = this.yasr.results.getBindings();
      const numeric = [];
      const other = [];
      for (const name of this.yasr.results.getVariables()) {
        const bound = bindings.filter((row) => row[name] !== undefined);
        if (bound.length > 0 && bound.every((row) => isNumber(row[name]))) numeric.push(name);
        else other.push(name);
      }
      return { numeric, other };
    }

    canHandleResults() {
      const results = this.yasr.results;
      if (!results || results.getType() !== "json" || results.getBoolean() !== undefined) return false;
      return results.getBindings().length > 0 && this.columns().numeric.length > 0;
    }

    getIcon() {
      const icon = svgElement("svg", { viewBox: "0 0 16 16", width: 15, height: 15 });
      for (const [x, height] of [[1, 8], [6, 13], [11, 5]]) {
        icon.appendChild(svgElement("rect", { x, y: 15 - height, width: 4, height, fill: "currentColor" }));
      }
      const wrapper = document.createElement("div");
      wrapper.appendChild(icon);
      return wrapper;
    }

    draw(persistentConfig) {
      const { numeric, other } = this.columns();
      const config = persistentConfig || {};
      // Names read better than IRIs: a column of literals comes first.
      const bindings = this.yasr.results.getBindings();
      const literal = (name) => bindings.some((row) => row[name] && row[name].type !== "uri");
      const labels = other.length > 0 ? [...other.filter(literal), ...other.filter((name) => !literal(name))] : numeric;
      const state = {
        label: labels.includes(config.label) ? config.label : labels[0],
        value: numeric.includes(config.value) ? config.value : numeric[0],
      };
      const root = document.createElement("div");
      root.className = "chart-plugin";
      const controls = document.createElement("div");
      controls.className = "chart-controls";
      const redraw = () => {
        this.yasr.storePluginConfig("chart", { ...state });
        root.replaceChildren(controls, ...this.chart(state.label, state.value));
      };
      controls.append(
        select("Label", labels, state.label, (name) => { state.label = name; redraw(); }),
        select("Value", numeric, state.value, (name) => { state.value = name; redraw(); }),
      );
      this.yasr.resultsEl.appendChild(root);
      redraw();
    }

    // The bars of `value` by `label`, and a note when rows were left out.
    chart(label, value) {
      const prefixes = this.yasr.getPrefixes() || {};
      const rows = this.yasr.results.getBindings().filter((row) => isNumber(row[value]));
      const shown = rows.slice(0, MAX_BARS);
      const numbers = shown.map((row) => Number(row[value].value));
      const high = Math.max(0, ...numbers);
      const low = Math.min(0, ...numbers);
      const span = high - low || 1;
      const plot = WIDTH - LABEL_WIDTH - 70;
      const zero = LABEL_WIDTH + ((0 - low) / span) * plot;
      const svg = svgElement("svg", {
        width: WIDTH, height: shown.length * (BAR + GAP) + GAP,
        role: "img", "aria-label": `?${value} by ?${label}`,
      });
      shown.forEach((row, index) => {
        const y = GAP + index * (BAR + GAP);
        const number = numbers[index];
        const x = number >= 0 ? zero : zero - ((0 - number) / span) * plot;
        const width = Math.max(1, (Math.abs(number) / span) * plot);
        const bar = svgElement("rect", { class: "bar", x, y, height: BAR, width });
        const name = shorten(row[label], prefixes);
        const title = svgElement("title", {});
        title.textContent = `${name}: ${row[value].value}`;
        bar.appendChild(title);
        const text = svgElement("text", { x: LABEL_WIDTH - 6, y: y + BAR * 0.7, "text-anchor": "end" });
        text.textContent = name.length > 36 ? name.slice(0, 35) + "…" : name;
        const amount = svgElement("text", { x: (number >= 0 ? zero + width : zero) + 4, y: y + BAR * 0.7 });
        amount.textContent = row[value].value;
        svg.append(bar, text, amount);
      });
      this.svg = svg;
      const parts = [svg];
      if (rows.length > shown.length) {
        const note = document.createElement("p");
        note.className = "note";
        note.textContent = `The first ${shown.length} of ${rows.length} rows.`;
        parts.push(note);
      }
      return parts;
    }

    download(filename) {
      if (!this.svg) return undefined;
      const svg = this.svg;
      return {
        contentType: "image/svg+xml",
        getData: () => new XMLSerializer().serializeToString(svg),
        filename: (filename || "chart") + ".svg",
        title: "Download the chart (SVG)",
      };
    }

    destroy() {
      this.svg = undefined;
    }
  }

  Yasgui.Yasr.registerPlugin("chart", Chart);
})();

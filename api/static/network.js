// The corpus network of the explorer (GET /graph/facts): how each kind of node, relation and
// status is drawn (one table each, read by both the Cytoscape.js style and the legend), the
// filters, expanding a node into its neighbours, and the force-directed (fCoSE) layout.
// Loaded before explorer.js, which calls drawNetwork, nodeTapped and expandNode.
"use strict";

const KINDS = {
  person: { label: "person", shape: "ellipse", color: "#2f6fb0" },
  party: { label: "party", shape: "hexagon", color: "#d55e00" },
  organization: { label: "organisation", shape: "round-rectangle", color: "#b8860b" },
  place: { label: "place", shape: "triangle", color: "#1a8a5f" },
  post: { label: "post (affiliations view)", shape: "diamond", color: "#a1498f", filter: false },
};
const RELATIONS = {
  met: { label: "met", color: "#333333", directed: false },
  visited: { label: "visited", color: "#1a8a5f", directed: true },
  leads: { label: "leads", color: "#d55e00", directed: true },
  member_of: { label: "member of", color: "#e0a526", directed: true },
  works_for: { label: "works for", color: "#56a0d3", directed: true },
  holds_position: { label: "holds a post in", color: "#a1498f", directed: true },
};
// Dash patterns are SVG stroke-dasharray values for the legend; Cytoscape draws the same style.
const STATUSES = {
  asserted: { label: "asserted", line: "solid", dash: "", opacity: 1 },
  past: { label: "past (no longer so)", line: "solid", dash: "", opacity: 0.35 },
  planned: { label: "planned", line: "dashed", dash: "6 3", opacity: 1 },
  reported: { label: "reported", line: "dashed", dash: "2 2", opacity: 0.7 },
  negated: { label: "negated (did not happen)", line: "dotted", dash: "1 3", opacity: 1 },
};
// What the network shows at first; the other relations come with the filters or by expanding.
const FIRST_RELATIONS = new Set(["met", "visited"]);
// Fitting a handful of nodes to the box would blow them up: no more than this zoom.
const MAX_FIT_ZOOM = 1.2;
// Up to this many edges, a graph is laid out with room for its edges' words.
const FEW_EDGES = 20;
// The zoom from which every edge shows its words.
const EDGE_LABEL_ZOOM = 0.9;
// A node with this many drawn edges is a hub: bigger, and labelled at lower zoom than others.
const HUB_DEGREE = 4;

let corpus = null; // GET /graph/facts?format=cytoscape's elements, fetched once
const expanded = new Set(); // IRIs of the nodes clicked (or searched) open

function networkStyle() {
  const style = [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "font-size": 14,
        color: "#111",
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-background-color": "#fff",
        "text-background-opacity": 0.85,
        "text-background-padding": 2,
        "text-background-shape": "roundrectangle",
        // Below 7 px on screen a label is noise: it shows again when zoomed in.
        "min-zoomed-font-size": 8,
        width: 18,
        height: 18,
        "border-width": 1,
        "border-color": "#fff",
      },
    },
    {
      selector: "node[degree]",
      style: { width: "mapData(degree, 1, 12, 16, 40)", height: "mapData(degree, 1, 12, 16, 40)" },
    },
    {
      selector: `node[degree >= ${HUB_DEGREE}]`,
      style: { "font-size": 16, "font-weight": "bold", "z-index": 10 },
    },
  ];
  for (const [kind, { shape, color }] of Object.entries(KINDS)) {
    style.push({ selector: `node[kind = "${kind}"]`, style: { shape, "background-color": color } });
  }
  style.push(
    {
      selector: "edge",
      style: {
        width: 2,
        "line-color": "#9aa7b8",
        "target-arrow-color": "#9aa7b8",
        "curve-style": "bezier",
        "arrow-scale": 0.8,
        "font-size": 12,
        color: "#333",
        "text-rotation": "autorotate",
        "text-background-color": "#fff",
        "text-background-opacity": 0.9,
      },
    },
    // A tie's words (relation, post, dates) only when zoomed in or clicked: the colours say the
    // relation, and a label on every edge of a corpus would hide the names.
    { selector: "edge.labelled, edge:selected", style: { label: "data(label)" } },
    { selector: "edge[weight]", style: { width: "mapData(weight, 1, 6, 2, 7)" } },
  );
  for (const [relation, { color, directed }] of Object.entries(RELATIONS)) {
    const look = { "line-color": color, "target-arrow-color": color };
    if (directed) look["target-arrow-shape"] = "triangle";
    style.push({ selector: `edge[relation = "${relation}"]`, style: look });
  }
  for (const [status, { line, opacity }] of Object.entries(STATUSES)) {
    style.push({ selector: `edge[status = "${status}"]`, style: { "line-style": line, opacity } });
  }
  style.push(
    { selector: "node.current", style: { "border-width": 4, "border-color": "#d0342c" } },
    { selector: "node.match", style: { "border-width": 4, "border-color": "#f0a500" } },
    { selector: "edge:selected", style: { "font-size": 13, "z-index": 20 } },
  );
  return style;
}

/** The fCoSE layout, spacing nodes by their labels' size; `incremental` starts from where the
 *  nodes are (a redraw after a filter or an expansion moves what was there as little as it can). */
function forceLayout(incremental) {
  return {
    name: "fcose",
    quality: "proof",
    randomize: !incremental,
    nodeDimensionsIncludeLabels: true,
    // A small graph is drawn zoomed in, with its edges' words: room for them along each edge.
    idealEdgeLength: (edge) =>
      edge.cy().edges().length <= FEW_EDGES ? 50 + 6.5 * edge.data("label").length : 45,
    nodeRepulsion: 4500,
    nodeSeparation: 40,
    gravity: 1,
    gravityRange: 1.5,
    numIter: 2500,
  };
}

// ---- legend and filters ----------------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

const SHAPES = {
  ellipse: () => svg("circle", { cx: 9, cy: 9, r: 7 }),
  "round-rectangle": () => svg("rect", { x: 2, y: 3, width: 14, height: 12, rx: 3 }),
  triangle: () => svg("polygon", { points: "9,2 16,16 2,16" }),
  hexagon: () => svg("polygon", { points: "5,2 13,2 17,9 13,16 5,16 1,9" }),
  diamond: () => svg("polygon", { points: "9,1 17,9 9,17 1,9" }),
};

/** A small picture of a node of `kind`, as the graph draws it. */
function kindSwatch(kind) {
  const { shape, color } = KINDS[kind];
  const picture = svg("svg", { width: 18, height: 18, class: "swatch", "aria-hidden": "true" });
  const mark = SHAPES[shape]();
  mark.setAttribute("fill", color);
  picture.append(mark);
  return picture;
}

/** A short line in a relation's colour and a status's dashes. */
function lineSwatch(color, status = "asserted") {
  const { dash, opacity } = STATUSES[status];
  const picture = svg("svg", { width: 30, height: 12, class: "swatch", "aria-hidden": "true" });
  const line = svg("line", { x1: 1, y1: 6, x2: 29, y2: 6, stroke: color, "stroke-width": 3 });
  if (dash) line.setAttribute("stroke-dasharray", dash);
  line.setAttribute("opacity", opacity);
  picture.append(line);
  return picture;
}

function checkbox(name, value, checked, picture, text, count) {
  const input = el("input", { type: "checkbox", name, value });
  input.checked = checked;
  input.disabled = count === 0;
  input.addEventListener("change", () => attempt(async () => redrawNetwork()));
  return el("label", { class: count === 0 ? "absent" : "" }, input, picture, ` ${text} (${count})`);
}

/** Fills the legend's fieldsets, one checkbox per kind, relation and status with its count. */
function buildFilters(elements) {
  const count = (items, key) => {
    const counts = {};
    for (const { data } of items) counts[data[key]] = (counts[data[key]] || 0) + 1;
    return counts;
  };
  const kinds = count(elements.nodes, "kind");
  const relations = count(elements.edges, "relation");
  const statuses = count(elements.edges, "status");
  $("filter-kinds").replaceChildren(
    ...Object.entries(KINDS)
      .filter(([, { filter }]) => filter !== false)
      .map(([kind, { label }]) => checkbox("kind", kind, true, kindSwatch(kind), label, kinds[kind] || 0)),
    el("span", { class: "note" }, kindSwatch("post"), ` ${KINDS.post.label}`),
  );
  $("filter-relations").replaceChildren(
    ...Object.entries(RELATIONS).map(([relation, { label, color }]) =>
      checkbox(
        "relation",
        relation,
        FIRST_RELATIONS.has(relation),
        lineSwatch(color),
        label,
        relations[relation] || 0,
      ),
    ),
  );
  $("filter-statuses").replaceChildren(
    ...Object.entries(STATUSES).map(([status, { label }]) =>
      checkbox("status", status, true, lineSwatch("#555", status), label, statuses[status] || 0),
    ),
  );
  const dates = elements.edges.flatMap(({ data }) => data.dates).sort();
  for (const id of ["date-from", "date-to"]) $(id).disabled = dates.length === 0;
  $("date-span").textContent = dates.length
    ? `Facts are dated from ${dates[0]} to ${dates.at(-1)}.`
    : "No fact in this graph is dated (its articles have no date).";
}

const checked = (name) =>
  new Set(
    [...document.querySelectorAll(`#legend input[name="${name}"]:checked`)].map((input) => input.value),
  );

/** Whether one of `dates` ("YYYY", "YYYY-MM" or "YYYY-MM-DD") falls in [since, until], as
 *  fact_edges.rq decides it: a partial date is in when its period overlaps the range. */
function inRange(dates, since, until) {
  if (!since && !until) return true;
  return dates.some(
    (when) =>
      (!since || when >= since.slice(0, when.length)) && (!until || when <= until.slice(0, when.length)),
  );
}

const relationText = (data) => {
  const what = data.posts.length
    ? `${RELATIONS[data.relation].label}: ${data.posts.join(", ")}`
    : RELATIONS[data.relation].label;
  const status = data.status === "asserted" ? "" : ` (${data.status})`;
  return [what + status, ...data.dates].join(" · ");
};

/** The nodes and edges the filters let through: edges of a checked relation, or of any relation
 *  at an expanded node, whose status, ends' kinds and dates are checked; and the nodes they tie. */
function filtered() {
  const relations = checked("relation");
  const statuses = checked("status");
  const kinds = checked("kind");
  const since = $("date-from").value;
  const until = $("date-to").value;
  const kindOf = new Map(corpus.nodes.map(({ data }) => [data.id, data.kind]));
  const edges = corpus.edges.filter(
    ({ data }) =>
      (relations.has(data.relation) || expanded.has(data.source) || expanded.has(data.target)) &&
      statuses.has(data.status) &&
      kinds.has(kindOf.get(data.source)) &&
      kinds.has(kindOf.get(data.target)) &&
      inRange(data.dates, since, until),
  );
  const degree = new Map();
  for (const { data } of edges) {
    for (const end of [data.source, data.target]) degree.set(end, (degree.get(end) || 0) + 1);
  }
  for (const id of expanded) if (kinds.has(kindOf.get(id)) && !degree.has(id)) degree.set(id, 0);
  return {
    nodes: corpus.nodes
      .filter(({ data }) => degree.has(data.id))
      .map(({ data }) => ({ data: { ...data, degree: degree.get(data.id) } })),
    edges: edges.map(({ data }) => ({ data: { ...data, label: relationText(data) } })),
  };
}

// ---- drawing -----------------------------------------------------------------------------------

const networkShown = () => document.querySelector('input[name="view"][value="network"]').checked;

/** Draws the corpus network as the filters say, fetching it the first time. */
async function drawNetwork() {
  if (corpus === null) {
    const { elements } = await getJSON("/graph/facts?format=cytoscape");
    corpus = elements;
    buildFilters(corpus);
  }
  redrawNetwork();
}

function redrawNetwork() {
  if (corpus === null || !networkShown()) return;
  $("legend").disabled = false;
  const elements = filtered();
  const people = elements.nodes.length;
  const ties = elements.edges.length;
  const description = `The network: ${people} node${people === 1 ? "" : "s"}, ${ties} tie${ties === 1 ? "" : "s"}.`;
  draw(elements, forceLayout(placeLikeBefore(elements.nodes)), description);
  $("network-count").textContent = description;
}

/** Gives each node the position it has now, or (new) one near a drawn neighbour; whether any
 *  node had one, so that the layout can start from there. */
function placeLikeBefore(nodes) {
  if (!cy || !networkShown() || cy.nodes().length === 0) return false;
  const near = new Map();
  for (const edge of corpus.edges) {
    near.set(edge.data.source, near.get(edge.data.source) || edge.data.target);
    near.set(edge.data.target, near.get(edge.data.target) || edge.data.source);
  }
  let known = 0;
  for (const node of nodes) {
    const drawn = cy.getElementById(node.data.id);
    if (drawn.length) {
      node.position = { ...drawn.position() };
      known += 1;
      continue;
    }
    const neighbour = cy.getElementById(near.get(node.data.id) || "");
    const at = neighbour.length ? neighbour.position() : { x: 0, y: 0 };
    node.position = { x: at.x + Math.random() * 40 - 20, y: at.y + Math.random() * 40 - 20 };
  }
  return known > 0;
}

/** Shows the edges' words when zoomed in enough to read them (explorer.js calls it on zoom). */
function labelEdges() {
  cy.edges().toggleClass("labelled", cy.zoom() >= EDGE_LABEL_ZOOM);
}

/** Opens a node: its ties of every relation are drawn, whatever the relation filter says. */
function expandNode(iri) {
  if (corpus === null || expanded.has(iri)) return;
  expanded.add(iri);
  redrawNetwork();
}

function nodeTapped(node) {
  if (networkShown()) expandNode(node.id());
  const id = node.data("actor_id");
  if (id) select(id);
}

function resetNetwork() {
  expanded.clear();
  buildFilters(corpus);
  $("date-from").value = "";
  $("date-to").value = "";
  redrawNetwork();
}

/** Rings the drawn nodes whose label contains `q` (the search box as it is typed). */
function markMatches(q) {
  if (!cy) return;
  cy.nodes().removeClass("match");
  const wanted = q.trim().toLowerCase();
  if (wanted)
    cy.nodes()
      .filter((node) => node.data("label").toLowerCase().includes(wanted))
      .addClass("match");
}

/** A tie's relation, status, dates and sentences, under the graph. */
function showTie(edge) {
  const data = edge.data();
  const label = (id) => cy.getElementById(id).data("label");
  const sentences = data.evidence.map((citation) =>
    el(
      "li",
      {},
      el("q", {}, citation.sentence),
      citation.article ? el("a", { href: localPage(citation.article) }, "article") : null,
    ),
  );
  $("tie").replaceChildren(
    el(
      "p",
      {},
      el("strong", {}, label(data.source)),
      ` ${relationText(data)} `,
      el("strong", {}, label(data.target)),
    ),
    el("ul", { class: "evidence", "aria-label": "Sentences" }, ...sentences),
  );
  $("tie").hidden = false;
}

/** Fits the drawing to the box, never blowing a handful of nodes up past a readable size. */
function fitGraph() {
  cy.fit(undefined, 30);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}

/** Listens to the date fields and the reset button, and refits the drawing when its box changes
 *  size (an actor's panel opening beside it); explorer.js calls it once at start. */
function networkControls() {
  for (const id of ["date-from", "date-to"])
    $(id).addEventListener("change", () => attempt(async () => redrawNetwork()));
  $("reset").addEventListener("click", () => attempt(async () => resetNetwork()));
  new ResizeObserver(() => {
    if (!cy) return;
    cy.resize();
    fitGraph();
  }).observe($("graph"));
}

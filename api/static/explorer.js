// The newskg explorer: a page over the JSON API that serves it (GET /actors, /actors/{id} and its
// /affiliations, /people, /meetings, /visits and /statements, /graph/meetings). Text from the
// graph is put in the page with textContent, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);

let cy = null; // the Cytoscape.js instance drawing the current view
let shown = null; // the affiliations of the actor on show, as GET /actors/{id}/affiliations gives them
let wanted = null; // the actor last asked for: a slower answer about an earlier one is dropped

// For the browser test and the devtools console.
window.explorer = { cy: () => cy };

const STYLE = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "background-color": "#3c6eb4",
      color: "#222",
      "font-size": 12,
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-background-color": "#fff",
      "text-background-opacity": 0.8,
      width: 24,
      height: 24,
    },
  },
  { selector: 'node[kind = "org"]', style: { shape: "round-rectangle", "background-color": "#c0702a" } },
  { selector: 'node[kind = "post"]', style: { shape: "diamond", "background-color": "#4f8a3c" } },
  { selector: 'node[kind = "place"]', style: { shape: "triangle", "background-color": "#8a5fa8" } },
  { selector: "node.current", style: { "border-width": 4, "border-color": "#d0342c" } },
  {
    selector: "edge",
    style: {
      width: 2,
      "line-color": "#9aa7b8",
      "curve-style": "bezier",
      label: "data(label)",
      "font-size": 10,
      color: "#555",
      "text-rotation": "autorotate",
      "text-background-color": "#fff",
      "text-background-opacity": 1,
    },
  },
  { selector: "edge[weight]", style: { width: "mapData(weight, 1, 6, 2, 8)" } },
];

/** An element with attributes (`on…` ones become listeners) and children (strings are text). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** The JSON body of a GET; an Error with the API's own message when it is not 2xx. */
async function getJSON(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    throw new Error(`${path} answered ${response.status}: ${detail}`);
  }
  return body;
}

function say(message, isError = false) {
  $("status").textContent = message;
  $("status").classList.toggle("error", isError);
}

/** Runs an async step, reporting its failure in the status line. */
function attempt(step) {
  step().catch((error) => say(error.message, true));
}

// IRIs end in {kind}/{slug} (person/antony-blinken, org/likud, post/..., place/...); persons,
// organisations and places are actors whose id is the slug.
const kindOf = (iri) => iri.split("/").at(-2);
const slugOf = (iri) => iri.split("/").at(-1);
const actorIdOf = (iri) => (["person", "org", "place"].includes(kindOf(iri)) ? slugOf(iri) : undefined);
const localPage = (iri) => `/id/${kindOf(iri)}/${slugOf(iri)}`;

function actorButton(id, label) {
  return el("button", { type: "button", class: "actor", onclick: () => select(id) }, label);
}

// ---- search -------------------------------------------------------------------------------

async function search(q) {
  say(`Searching for “${q}”…`);
  const { items } = await getJSON(`/actors?q=${encodeURIComponent(q)}`);
  $("results").replaceChildren(
    ...items.map((actor) => el("li", {}, actorButton(actor.id, `${actor.label} (${actor.type})`))),
  );
  if (items.length === 0) {
    say(`No actor is called “${q}”: try part of a name, or another spelling.`);
    return;
  }
  say(`${items.length} ${items.length === 1 ? "actor matches" : "actors match"} “${q}”.`);
  select(items[0].id); // best match first
}

// ---- one actor --------------------------------------------------------------------------------

/** Shows the actor `id`, through the URL (#actor=id) so that Back and links work. */
function select(id) {
  if (location.hash === `#actor=${id}`) attempt(() => show(id));
  else location.hash = `actor=${id}`;
}

function fromHash() {
  const id = new URLSearchParams(location.hash.slice(1)).get("actor");
  if (id) attempt(() => show(id));
}

// Every status an article can give a meeting, visit or statement: the page shows them all, marked.
const STATUSES = ["asserted", "planned", "negated", "reported"];
const EVERY_STATUS = STATUSES.map((status) => `status=${status}`).join("&");

async function show(id) {
  wanted = id;
  const path = `/actors/${encodeURIComponent(id)}`;
  const detail = await getJSON(path); // first, so that an unknown id is one 404, not six
  const [affiliations, people, { meetings }, { visits }, { statements }] = await Promise.all([
    getJSON(`${path}/affiliations`),
    getJSON(`${path}/people`),
    getJSON(`${path}/meetings?${EVERY_STATUS}`),
    getJSON(`${path}/visits?${EVERY_STATUS}`),
    getJSON(`${path}/statements?${EVERY_STATUS}`),
  ]);
  if (wanted !== id) return;
  shown = affiliations;
  renderActor(detail, { affiliations, people, meetings, visits, statements });
  const radio = document.querySelector('input[value="affiliations"]');
  radio.disabled = false;
  $("affiliations-label").textContent = `the affiliations of ${detail.actor.label}`;
  if (radio.checked) drawAffiliations(affiliations);
  else markCurrent();
  say(`Showing ${detail.actor.label}: ${summary(detail.actor, people, meetings)} in the graph.`);
}

const plural = (count, noun) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** "4 meetings"; for a party, organisation or place its leaders and members first. */
function summary(actor, people, meetings) {
  const held = meetings.filter((meeting) => meeting.status === "asserted").length;
  const counts = [plural(held, "meeting") + (actor.type === "place" ? " held there" : "")];
  if (people.members.length) counts.unshift(plural(people.members.length, "member"));
  if (people.leaders.length) counts.unshift(plural(people.leaders.length, "leader"));
  return counts.join(", ");
}

function evidenceList(citations) {
  return el(
    "ul",
    { class: "evidence" },
    ...citations.map((citation) =>
      el(
        "li",
        {},
        el("q", {}, citation.sentence),
        citation.article ? el("a", { href: localPage(citation.article) }, "article") : null,
      ),
    ),
  );
}

/** A titled section listing `items`, each drawn by `line`; nothing when there are none. */
function factSection(title, items, line) {
  if (items.length === 0) return null;
  const list = el("ul", { class: "facts", "aria-label": title });
  for (const item of items) list.append(el("li", {}, el("p", {}, ...line(item)), evidenceList(item.evidence)));
  return el("section", {}, el("h3", {}, title), list);
}

function organisation(item) {
  const id = actorIdOf(item.iri);
  return [id ? actorButton(id, item.label) : item.label];
}

const who = (actor) => actorButton(actor.id, actor.label);
const when = (date) => (date ? ` on ${date}` : " (date not stated)");

/** "A, B and C" with each actor a button. */
function names(actors) {
  return actors.flatMap((actor, i) => [i === 0 ? "" : i === actors.length - 1 ? " and " : ", ", who(actor)]);
}

// How a line starts for each status an article gives an event or statement.
const MET = { asserted: "Met ", planned: "Will meet ", negated: "Did not meet ", reported: "Reported to have met " };
const VISITED = {
  asserted: "Visited ",
  planned: "Will visit ",
  negated: "Did not visit ",
  reported: "Reported to have visited ",
};
// Section titles, one a status in the order of STATUSES: what happened, then what was planned,
// what did not happen and what is only reported.
const TITLES = {
  meetings: ["Meetings", "Planned meetings", "Meetings that did not happen", "Meetings reported, not confirmed"],
  meetingsHere: [
    "Meetings held here",
    "Meetings planned here",
    "Meetings here that did not happen",
    "Meetings reported here, not confirmed",
  ],
  visits: ["Visits", "Planned visits", "Visits that did not happen", "Visits reported, not confirmed"],
  statements: ["Said", "Is to say", "Denied saying", "Reported to have said"],
};

function meetingLine(meeting) {
  const where = meeting.place ? ` in ${meeting.place}` : "";
  return [MET[meeting.status] ?? "Met ", ...names(meeting.met), when(meeting.date) + where];
}

// On a place's page a line starts with who was there: "Ada Quill and Ben Rook met on …".
const HERE = {
  meeting: { asserted: " met", planned: " are to meet", negated: " did not meet", reported: " reportedly met" },
  visit: { asserted: " visited", planned: " is to visit", negated: " did not visit", reported: " reportedly visited" },
};
const meetingHereLine = (meeting) => [...names(meeting.met), HERE.meeting[meeting.status] + when(meeting.date)];
const visitorLine = (visit) => [who(visit.visitor), HERE.visit[visit.status] + when(visit.date)];

function visitLine(visit) {
  return [VISITED[visit.status] ?? "Visited ", visit.place_iri ? placeButton(visit) : visit.place, when(visit.date)];
}

function placeButton(visit) {
  return actorButton(slugOf(visit.place_iri), visit.place);
}

function statementLine(statement) {
  const published = statement.published ? ` (article of ${statement.published})` : "";
  return [el("q", { class: "quote" }, statement.quote), published];
}

/** One section per status, titled from `titles` (one a status, in the order of STATUSES). */
function statusSections(titles, items, line) {
  return STATUSES.map((status, i) => factSection(titles[i], items.filter((item) => item.status === status), line));
}

function renderActor(detail, { affiliations, people, meetings, visits, statements }) {
  const { actor, aliases, articles } = detail;
  const place = actor.type === "place";
  $("actor-name").textContent = actor.label;
  const about = [actor.type];
  if (aliases.length) about.push(`also called ${aliases.join(", ")}`);
  about.push(`mentioned in ${articles.length} article${articles.length === 1 ? "" : "s"}`);
  $("actor-about").textContent = about.join(" · ");
  const post = (item) => [item.label, item.post_in ? ` (${item.post_in})` : ""];
  const holder = (item) => [who(item.actor), ` (${item.post})`];
  const sections = [
    factSection("Leaders", people.leaders, (item) => [who(item.actor)]),
    factSection("Members", people.members, (item) => [who(item.actor)]),
    factSection("Post holders", people.post_holders, holder),
    factSection("Employees", people.employees, (item) => [who(item.actor)]),
    factSection("Posts", affiliations.positions, post),
    factSection("Leads", affiliations.leads, organisation),
    factSection("Member of", affiliations.member_of, organisation),
    factSection("Works for", affiliations.works_for, organisation),
    ...statusSections(place ? TITLES.meetingsHere : TITLES.meetings, meetings, place ? meetingHereLine : meetingLine),
    ...statusSections(TITLES.visits, visits, place ? visitorLine : visitLine),
    ...statusSections(TITLES.statements, statements, statementLine),
  ].filter(Boolean);
  if (sections.length === 0) {
    sections.push(el("p", {}, "The graph states no post, affiliation, member, meeting, visit or statement."));
  }
  $("actor-facts").replaceChildren(...sections);
  $("details").hidden = false;
}

// ---- graphs ---------------------------------------------------------------------------------

/** Draws `elements` with `layout`, and lists the actors among them as buttons. */
function draw(elements, layout, description) {
  if (cy) cy.destroy();
  for (const node of elements.nodes) node.data.kind = kindOf(node.data.id);
  cy = cytoscape({
    container: $("graph"),
    elements,
    style: STYLE,
    layout: { ...layout, animate: false, padding: 40 },
    minZoom: 0.2,
    maxZoom: 4,
  });
  // Fitting a handful of nodes to the box would blow them up; keep them at a readable size.
  if (cy.zoom() > 1.2) {
    cy.zoom(1.2);
    cy.center();
  }
  cy.on("tap", "node[actor_id]", (event) => select(event.target.data("actor_id")));
  cy.on("mouseover", "node[actor_id]", () => ($("graph").style.cursor = "pointer"));
  cy.on("mouseout", "node", () => ($("graph").style.cursor = ""));
  $("graph").setAttribute("aria-label", description);
  const actors = elements.nodes.filter((node) => node.data.actor_id);
  $("graph-actors").replaceChildren(
    ...actors.map(({ data }) => el("li", {}, actorButton(data.actor_id, data.label))),
  );
  markCurrent();
}

/** Rings the node of the actor on show, if the graph has it. */
function markCurrent() {
  if (!cy) return;
  cy.nodes().removeClass("current");
  if (shown) cy.getElementById(shown.actor.iri).addClass("current");
}

async function drawMeetings() {
  const { elements } = await getJSON("/graph/meetings?format=cytoscape");
  for (const { data } of elements.edges) data.label = data.dates.join(", ");
  const layout = {
    name: "concentric",
    concentric: (node) => node.degree(), // the most met in the middle
    levelWidth: () => 1,
    minNodeSpacing: 110,
  };
  const people = elements.nodes.length;
  draw(elements, layout, `The meeting network: ${people} actors, ${elements.edges.length} pairs who met.`);
}

function drawAffiliations({ actor, leads, member_of, positions }) {
  const nodes = new Map();
  const edges = [];
  const link = (source, target, label) => {
    const id = actorIdOf(target.iri);
    nodes.set(target.iri, { data: { id: target.iri, label: target.label, ...(id && { actor_id: id }) } });
    edges.push({ data: { id: `${source} ${label} ${target.iri}`, source, target: target.iri, label } });
  };
  nodes.set(actor.iri, { data: { id: actor.iri, label: actor.label, actor_id: actor.id } });
  for (const item of leads) link(actor.iri, item, "leads");
  for (const item of member_of) link(actor.iri, item, "member of");
  for (const item of positions) {
    link(actor.iri, item, "holds");
    if (item.post_in_iri) link(item.iri, { iri: item.post_in_iri, label: item.post_in }, "in");
  }
  const layout = { name: "breadthfirst", roots: [actor.iri], directed: true, spacingFactor: 1.5 };
  const description = `${actor.label}: what they lead, belong to and hold (${edges.length}).`;
  draw({ nodes: [...nodes.values()], edges }, layout, description);
}

function onViewChange(event) {
  if (event.target.value === "affiliations" && shown) drawAffiliations(shown);
  else attempt(drawMeetings);
}

// ---- start --------------------------------------------------------------------------------------

$("search").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = $("q").value.trim();
  if (q) attempt(() => search(q));
});
for (const radio of document.querySelectorAll('input[name="view"]')) {
  radio.addEventListener("change", onViewChange);
}
window.addEventListener("hashchange", fromHash);
attempt(async () => {
  await drawMeetings();
  say("Search an actor, or click a node of the meeting network.");
  fromHash();
});

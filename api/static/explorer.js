// The newskg explorer: a page over the JSON API that serves it (GET /actors, /actors/{id} and its
// /affiliations, /people, /meetings, /visits and /statements, /graph/facts). Text from the graph
// is put in the page with textContent, never as HTML. network.js draws the corpus network.
"use strict";

const $ = (id) => document.getElementById(id);

let cy = null; // the Cytoscape.js instance drawing the current view
let shown = null; // the affiliations of the actor on show, as GET /actors/{id}/affiliations gives them
let wanted = null; // the actor last asked for: a slower answer about an earlier one is dropped

// For the browser test and the devtools console.
window.explorer = { cy: () => cy };

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

const SUGGEST_DELAY = 200; // ms of no typing before the search box asks for matches
let typing = null; // the timer of the search asked for as the user types
let asked = ""; // the last words searched: a slower answer about earlier ones is dropped

/** Lists the actors matching `q` as buttons, and rings those drawn; the matches, best first. */
async function suggest(q) {
  asked = q;
  markMatches(q);
  const { items } = await getJSON(`/actors?q=${encodeURIComponent(q)}`);
  if (asked !== q) return null;
  $("results").replaceChildren(
    ...items.map((actor) => el("li", {}, actorButton(actor.id, `${actor.label} (${actor.type})`))),
  );
  if (items.length === 0) say(`No actor is called “${q}”: try part of a name, or another spelling.`);
  else say(`${items.length} ${items.length === 1 ? "actor matches" : "actors match"} “${q}”.`);
  return items;
}

async function search(q) {
  say(`Searching for “${q}”…`);
  const items = await suggest(q);
  if (items && items.length) select(items[0].id); // best match first
}

function onType() {
  clearTimeout(typing);
  const q = $("q").value.trim();
  if (q.length < 2) {
    asked = "";
    $("results").replaceChildren();
    markMatches("");
    return;
  }
  typing = setTimeout(() => attempt(() => suggest(q)), SUGGEST_DELAY);
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
const EVENT_STATUSES = ["asserted", "planned", "negated", "reported"];
const EVERY_STATUS = EVENT_STATUSES.map((status) => `status=${status}`).join("&");

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
// Section titles, one a status in the order of EVENT_STATUSES: what happened, then what was planned,
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

/** One section per status, titled from `titles` (one a status, in the order of EVENT_STATUSES). */
function statusSections(titles, items, line) {
  return EVENT_STATUSES.map((status, i) => factSection(titles[i], items.filter((item) => item.status === status), line));
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
  for (const node of elements.nodes) node.data.kind ??= NODE_KINDS[kindOf(node.data.id)];
  cy = cytoscape({
    container: $("graph"),
    elements,
    style: networkStyle(),
    layout: { ...layout, animate: false, fit: false },
    minZoom: 0.1,
    maxZoom: 4,
  });
  fitGraph();
  labelEdges();
  cy.on("zoom", labelEdges);
  cy.on("tap", "node", (event) => nodeTapped(event.target));
  cy.on("tap", "edge", (event) => showTie(event.target));
  cy.on("mouseover", "node, edge", () => ($("graph").style.cursor = "pointer"));
  cy.on("mouseout", "node, edge", () => ($("graph").style.cursor = ""));
  $("graph").setAttribute("aria-label", description);
  const actors = elements.nodes.filter((node) => node.data.actor_id);
  actors.sort(
    (a, b) => (b.data.degree || 0) - (a.data.degree || 0) || a.data.label.localeCompare(b.data.label),
  );
  $("graph-actors").replaceChildren(
    ...actors.map(({ data }) => el("li", {}, actorButton(data.actor_id, data.label))),
  );
  markCurrent();
  markMatches($("q").value);
}

// The kind of node an IRI's path names, for graphs whose nodes do not say (the affiliations).
const NODE_KINDS = { person: "person", org: "organization", place: "place", post: "post" };

/** Rings the node of the actor on show; in the network, opens it first if it is not drawn. */
function markCurrent() {
  if (!cy) return;
  cy.nodes().removeClass("current");
  if (!shown) return;
  const node = cy.getElementById(shown.actor.iri);
  if (node.length) node.addClass("current");
  else if (networkShown()) expandNode(shown.actor.iri);
}

function drawAffiliations({ actor, leads, member_of, positions }) {
  const nodes = new Map();
  const edges = [];
  const link = (source, target, relation, label) => {
    const id = actorIdOf(target.iri);
    nodes.set(target.iri, { data: { id: target.iri, label: target.label, ...(id && { actor_id: id }) } });
    edges.push({
      data: {
        id: `${source} ${label} ${target.iri}`,
        source,
        target: target.iri,
        relation,
        status: "asserted",
        label,
      },
    });
  };
  nodes.set(actor.iri, { data: { id: actor.iri, label: actor.label, actor_id: actor.id } });
  for (const item of leads) link(actor.iri, item, "leads", "leads");
  for (const item of member_of) link(actor.iri, item, "member_of", "member of");
  for (const item of positions) {
    link(actor.iri, item, "holds_position", "holds");
    if (item.post_in_iri)
      link(item.iri, { iri: item.post_in_iri, label: item.post_in }, "holds_position", "in");
  }
  $("legend").disabled = true;
  $("network-count").textContent = "";
  const layout = { name: "breadthfirst", roots: [actor.iri], directed: true, spacingFactor: 1.5 };
  const description = `${actor.label}: what they lead, belong to and hold (${edges.length}).`;
  draw({ nodes: [...nodes.values()], edges }, layout, description);
}

function onViewChange(event) {
  if (event.target.value === "affiliations" && shown) drawAffiliations(shown);
  else attempt(drawNetwork);
}

// ---- start --------------------------------------------------------------------------------------

$("search").addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  const q = $("q").value.trim();
  if (q) attempt(() => search(q));
});
$("q").addEventListener("input", onType);
for (const radio of document.querySelectorAll('input[name="view"]')) {
  radio.addEventListener("change", onViewChange);
}
networkControls();
window.addEventListener("hashchange", fromHash);
attempt(async () => {
  await drawNetwork();
  say("Search an actor, or click a node of the network to open it.");
  fromHash();
});

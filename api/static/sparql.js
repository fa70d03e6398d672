// The SPARQL editor page: YASGUI (vendored under /static/vendor/) over this server's /sparql.
// Everything it loads or asks comes from this server: the prefixes and the base of the resource
// IRIs from /sparql/editor.json, completions of properties and classes from /sparql itself, never
// prefix.cc or Linked Open Vocabularies. Resource IRIs link to this server's /id/ pages.
"use strict";

const EXAMPLES = {
  "Who met whom": `SELECT ?a ?b WHERE {
  ?x kg:met ?y . ?x rdfs:label ?a . ?y rdfs:label ?b .
  FILTER(STR(?a) < STR(?b))
} ORDER BY ?a ?b`,
  "Meetings: when, where, from which sentence": `SELECT ?who ?date ?place ?sentence WHERE {
  ?m a kg:Meeting ; kg:status "asserted" ; kg:participant ?p .
  ?p rdfs:label ?who .
  OPTIONAL { ?m schema:startDate ?date }
  OPTIONAL { ?m schema:location/rdfs:label ?place }
  OPTIONAL { ?m kg:evidence/kg:sentence ?sentence }
} ORDER BY ?date ?m ?who`,
  "Who met the most people (try the Chart view)": `SELECT ?person (COUNT(DISTINCT ?other) AS ?met) WHERE {
  ?p kg:met ?other ; rdfs:label ?person .
} GROUP BY ?person ORDER BY DESC(?met) ?person LIMIT 30`,
  "Who leads or belongs to what": `SELECT ?person ?relation ?organisation WHERE {
  { ?p org:headOf ?o . BIND("leads" AS ?relation) }
  UNION
  { ?p org:memberOf ?o . BIND("member of" AS ?relation) }
  ?p rdfs:label ?person . ?o rdfs:label ?organisation .
} ORDER BY ?person ?relation`,
  "Who holds which post": `SELECT ?person ?post ?in WHERE {
  ?p org:holds ?x . ?x a org:Post ; rdfs:label ?post .
  ?p rdfs:label ?person .
  OPTIONAL { ?x org:postIn/rdfs:label ?in }
} ORDER BY ?person`,
  "Articles (named graphs) and their size": `SELECT ?article (COUNT(*) AS ?triples) WHERE {
  GRAPH ?article { ?s ?p ?o }
} GROUP BY ?article ORDER BY DESC(?triples)`,
  "CONSTRUCT the meeting network": `CONSTRUCT { ?a kg:met ?b . ?a rdfs:label ?la . ?b rdfs:label ?lb }
WHERE { ?a kg:met ?b . ?a rdfs:label ?la . ?b rdfs:label ?lb }`,
};
const PROPERTIES = "SELECT DISTINCT ?term WHERE { ?s ?term ?o }";
const CLASSES = "SELECT DISTINCT ?term WHERE { ?s a ?term }";
const RESOURCE_PATH = /^[a-z]+\/[^/?#]+$/; // {kind}/{id}: what GET /id/{kind}/{id} serves

// The IRIs `query` binds to ?term, asked of this server once per page.
function graphTerms(endpoint, query) {
  let answer;
  return () => {
    answer ??= fetch(endpoint, {
      method: "POST",
      headers: { "Accept": "application/sparql-results+json" },
      body: new URLSearchParams({ query }),
    })
      .then((response) => (response.ok ? response.json() : { results: { bindings: [] } }))
      .then((json) => json.results.bindings.filter((row) => row.term.type === "uri").map((row) => row.term.value))
      .catch(() => []);
    return answer;
  };
}

// PREFIX completion offers the graph's prefixes before YASQE's bundled list (which it ships and
// reads offline); property and class completion offers the terms this graph uses.
function registerCompleters(Yasqe, prefixes, endpoint) {
  const bundled = Yasqe.Autocompleters.prefixes;
  const ours = Object.entries(prefixes).map(([name, iri]) => `${name}: <${iri}>`);
  const rank = (hint) => (ours.includes(hint.text) ? "0" : "1") + hint.text.split(":")[0];
  Yasqe.registerAutocompleter({
    ...bundled,
    persistenceId: null, // not cached in localStorage: the list is the server's
    postprocessHints: (yasqe, hints) => [...hints].sort((a, b) => rank(a).localeCompare(rank(b))),
    get: (yasqe) => Promise.resolve(bundled.get(yasqe)).then((list) => [
      ...ours,
      ...list.filter((line) => !(line.split(":")[0] in prefixes)),
    ]),
  });
  for (const [name, query] of [["property", PROPERTIES], ["class", CLASSES]]) {
    Yasqe.registerAutocompleter({
      ...Yasqe.Autocompleters[name],
      bulk: true,
      persistenceId: null,
      get: graphTerms(endpoint, query),
    });
  }
}

// YASR's table, with each IRI under the graph's base linked to this server's page for it.
function registerTable(Yasr, resources, pages) {
  const Table = Yasr.plugins.table;
  class LocalTable extends Table {
    getUriLinkFromBinding(binding, prefixes) {
      const html = super.getUriLinkFromBinding(binding, prefixes);
      const rest = binding.value.startsWith(resources) ? binding.value.slice(resources.length) : "";
      if (!RESOURCE_PATH.test(rest)) return html;
      const template = document.createElement("template");
      template.innerHTML = html; // YASR's own markup, already sanitised by it
      template.content.querySelector("a")?.setAttribute("href", pages + rest);
      return template.innerHTML;
    }
  }
  Yasr.registerPlugin("table", LocalTable);
}

function prefixLines(prefixes) {
  return Object.entries(prefixes).map(([name, iri]) => `PREFIX ${name}: <${iri}>`).join("\n");
}

function exampleMenu(yasgui, header) {
  const label = document.createElement("label");
  label.textContent = "Open an example in a new tab: ";
  const select = document.createElement("select");
  select.id = "examples";
  select.append(new Option("…", ""));
  for (const name of Object.keys(EXAMPLES)) select.append(new Option(name, name));
  select.addEventListener("change", () => {
    const name = select.value;
    if (!name) return;
    yasgui.addTab(true, { name, yasqe: { value: `${header}\n\n${EXAMPLES[name]}` } });
    select.value = "";
  });
  label.appendChild(select);
  return label;
}

// A permalink names the endpoint it was made on, and YASGUI would both query it and make it the
// default of every new tab; this page asks this server only, so the name is dropped unread.
function dropPermalinkEndpoint() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (!params.has("endpoint")) return;
  params.delete("endpoint");
  history.replaceState(null, "", `${location.pathname}${location.search}#${params}`);
}

async function start() {
  const response = await fetch("/sparql/editor.json");
  if (!response.ok) throw new Error(`GET /sparql/editor.json answered ${response.status}`);
  const settings = await response.json();
  const endpoint = new URL(settings.endpoint, location.href).href;
  const header = prefixLines(settings.prefixes);
  registerCompleters(Yasgui.Yasqe, settings.prefixes, endpoint);
  registerTable(Yasgui.Yasr, settings.resources, settings.pages);
  dropPermalinkEndpoint();
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: () => [{ endpoint }], keys: [] },
    copyEndpointOnNewTab: false,
    yasqe: { value: `${header}\n\n${EXAMPLES["Who met whom"]}` },
    yasr: { prefixes: settings.prefixes },
  });
  // A tab kept in localStorage by another version of this page may name another endpoint.
  yasgui.on("queryBefore", (_, tab) => {
    if (tab.getEndpoint() !== endpoint) tab.setEndpoint(endpoint);
  });
  document.querySelector("header").appendChild(exampleMenu(yasgui, header));
  window.yasgui = yasgui; // for the browser tests and the console
}

start().catch((error) => {
  document.getElementById("status").textContent = `The editor could not start: ${error.message}`;
});

// The SPARQL query page: runs the query in the text box by GET /sparql and shows the results.
// Values are put in the page as text; only http(s) IRIs become links (a javascript: one would run).
"use strict";

const PREFIXES = `PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
`;
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

const select = document.getElementById("examples");
const textarea = document.getElementById("query");
const status = document.getElementById("status");
const results = document.getElementById("results");

for (const name of Object.keys(EXAMPLES)) {
  const option = document.createElement("option");
  option.textContent = name;
  select.appendChild(option);
}
function showExample() { textarea.value = PREFIXES + "\n" + EXAMPLES[select.value]; }
select.addEventListener("change", showExample);
showExample();

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri" && /^https?:\/\//i.test(term.value)) {
    const a = document.createElement("a");
    a.href = term.value; a.textContent = term.value;
    td.appendChild(a);
  } else {
    td.textContent = term.type === "bnode" ? "_:" + term.value : term.value; // other IRIs as text
    if (term["xml:lang"]) td.title = "@" + term["xml:lang"];
    else if (term.datatype) td.title = term.datatype;
  }
  return td;
}

function table(json) {
  const t = document.createElement("table");
  const head = t.createTHead().insertRow();
  for (const v of json.head.vars) {
    const th = document.createElement("th"); th.textContent = v; head.appendChild(th);
  }
  const body = t.createTBody();
  for (const row of json.results.bindings) {
    const tr = body.insertRow();
    for (const v of json.head.vars) tr.appendChild(cell(row[v]));
  }
  return t;
}

async function run() {
  results.replaceChildren();
  status.className = ""; status.textContent = "Running…";
  const started = performance.now();
  try {
    const response = await fetch("sparql?query=" + encodeURIComponent(textarea.value), {
      headers: { "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
    });
    const ms = Math.round(performance.now() - started);
    const type = response.headers.get("content-type") || "";
    if (!response.ok) {
      const body = type.includes("json") ? (await response.json()).detail : await response.text();
      status.className = "error";
      status.textContent = `${response.status} ${response.statusText}: ${body}`;
      return;
    }
    const cut = response.headers.get("x-newskg-truncated") === "true" ? " (truncated at the row limit)" : "";
    if (type.startsWith("application/sparql-results+json")) {
      const json = await response.json();
      if ("boolean" in json) {
        const p = document.createElement("p"); p.textContent = String(json.boolean);
        results.appendChild(p);
        status.textContent = `ASK in ${ms} ms`;
      } else {
        results.appendChild(table(json));
        status.textContent = `${json.results.bindings.length} rows in ${ms} ms${cut}`;
      }
    } else {
      const pre = document.createElement("pre");
      pre.textContent = await response.text();
      results.appendChild(pre);
      status.textContent = `${type.split(";")[0]} in ${ms} ms${cut}`;
    }
  } catch (error) {
    status.className = "error"; status.textContent = String(error);
  }
}
document.getElementById("run").addEventListener("click", run);
textarea.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });

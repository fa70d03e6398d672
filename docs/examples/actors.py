"""Run each curl example against a live server and print docs/api-actors.md with the real outputs.

Usage: python docs/examples/actors.py PORT > docs/api-actors.md (docs/regenerate.sh does it all).
"""

import subprocess
import sys

PORT = sys.argv[1]
H = f"http://127.0.0.1:{PORT}"
SHOWN = "http://127.0.0.1:8000"

sections = [
("## Actors", None),
("An actor's names, posts, affiliations, number of meetings and the articles mentioning it (`id` is the slug ending the actor's IRI, as `GET /actors?q=` gives it):", None),
(None, "curl -s {H}/actors/antony-blinken | jq ."),
("What an actor leads, belongs to, holds and works for, each with the sentence and article it came from:", None),
(None, "curl -s {H}/actors/itamar-ben-gvir/affiliations | jq '.leads'"),
("`from` / `to` (YYYY-MM-DD, inclusive) keep what articles **published** in that range state: affiliation facts carry no date of their own. Nothing in the seed was published in February:", None),
(None, "curl -s '{H}/actors/itamar-ben-gvir/affiliations?from=2023-02-01' | jq -c ."),
("Whom an actor met, when (`schema:startDate`), where, with the evidence; asserted meetings (`kg:Meeting` with `kg:status \"asserted\"`) unless `status` asks for others (below), dated ones first:", None),
(None, "curl -s {H}/actors/antony-blinken/meetings | jq '.meetings[] | {met: [.met[].label], date, place, status, evidence: [.evidence[].sentence]}'"),
("One meeting in full:", None),
(None, "curl -s {H}/actors/mahmoud-abbas/meetings | jq '.meetings[0]'"),
("`from` / `to` filter meetings by their date; an **undated** meeting counts as on the day its article was published (the Lapid meeting below, from an article of 2023-01-31). A month or year date (`2023-01`) is kept when it overlaps the range:", None),
(None, "curl -s '{H}/actors/antony-blinken/meetings?from=2023-01-31&to=2023-01-31' | jq -c '.meetings[] | [.met[0].label, .date, .place]'"),
("`status` (repeat it for several: `asserted`, `planned`, `negated`, `reported`; `asserted` by default) asks for meetings the articles say are planned, did not happen or are only reported; the explorer asks for all four and marks each. An unknown status is 422 naming the values:", None),
(None, "curl -s '{H}/actors/antony-blinken/meetings?status=planned&status=negated' | jq -c ."),
(None, "curl -s -w '\\nHTTP %{{http_code}}\\n' '{H}/actors/antony-blinken/meetings?status=rumoured'"),
("A place has a page too, at the slug ending its IRI (`type` `place`; a name search lists only persons, organisations and parties): its meetings are those held there, with everyone who met:", None),
(None, "curl -s {H}/actors/jerusalem/meetings | jq -c '.meetings[] | {met: [.met[].label], date, place, status}'"),
("## Who belongs to a party, organisation or place", None),
("Affiliations seen from the other end: who leads an organisation or party (`org:headOf`), belongs to it (`org:memberOf`), holds a post in it (a post whose `org:postIn` it is: a party's treasurer, a country's ministers) and works for it (`schema:worksFor`), each with its sentences; empty lists for a person; 404 for an unknown id. `from` / `to` keep what articles published in that range state, as for affiliations:", None),
(None, "curl -s {H}/actors/otzma-yehudit/people | jq ."),
(None, "curl -s {H}/actors/religious-zionism/people | jq -c '.members[] | {member: .actor.label, evidence: [.evidence[].sentence]}'"),
(None, "curl -s {H}/actors/israel/people | jq -c '.post_holders[] | [.actor.label, .post]'"),
(None, "curl -s {H}/actors/ap/people | jq -c '.employees[] | [.actor.label, .evidence[0].sentence]'"),
("and from the person's side, `works_for` in their affiliations:", None),
(None, "curl -s {H}/actors/majdi-mohammed/affiliations | jq -c '.works_for[] | [.label, .iri]'"),
("## Visits and statements", None),
("Where a person went (`kg:Visit`), or for a place who came, with the date, status and sentences; `status` and `from` / `to` as for meetings:", None),
(None, "curl -s {H}/actors/antony-blinken/visits | jq -c '.visits[] | [.place, .date, .status, .evidence[0].sentence]'"),
(None, "curl -s {H}/actors/ramallah/visits | jq -c '.visits[] | [.visitor.label, .date]'"),
("What an actor said (`kg:Statement`: quotations and reported speech), with the day its article was published and its sentences; `status` (asserted by default; `negated` for words an article says were not said) and `from` / `to` (by publication date):", None),
(None, "curl -s {H}/actors/yoav-gallant/statements | jq '.statements[0]'"),
("A bad date is 422 naming the field; an unknown actor is 404:", None),
(None, "curl -s -w '\\nHTTP %{{http_code}}\\n' '{H}/actors/antony-blinken/meetings?from=2023-13-01'"),
(None, "curl -s -w '\\nHTTP %{{http_code}}\\n' '{H}/actors/antony-blinken/meetings?from=2023-02-01&to=2023-01-01'"),
(None, "curl -s -w '\\nHTTP %{{http_code}}\\n' {H}/actors/nobody-at-all/meetings"),
("## The meeting network", None),
("Computed by `kg.views` (networkx) from SPARQL results on each request. How two actors are connected: the shortest chains of meetings, with the meetings along each hop (`paths` is empty when they are not connected; 404 if either id is unknown):", None),
(None, "curl -s '{H}/graph/paths?from=yair-lapid&to=yoav-gallant' | jq '.paths[] | {actors: [.actors[].label], hops: [.hops[] | {from: .source.label, to: .target.label, dates, places, evidence: [.evidence[].sentence]}]}'"),
(None, "curl -s '{H}/graph/paths?from=yair-lapid&to=otzma-yehudit' | jq -c '{source: .source.label, target: .target.label, paths}'"),
("Who is central: `metric=degree` (share of the others met), `betweenness` (unweighted) or `pagerank` (weighted by meetings); anything else is 422:", None),
(None, "curl -s '{H}/graph/centrality?metric=degree&limit=3' | jq -c '.items[] | [.actor.label, .score]'"),
(None, "curl -s '{H}/graph/centrality?metric=pagerank&limit=2' | jq -c '.items[] | [.actor.label, .score]'"),
(None, "curl -s -w '\\nHTTP %{{http_code}}\\n' '{H}/graph/centrality?metric=fame'"),
("The network itself, as node-link JSON (networkx / d3; nodes keyed by IRI, an edge per pair that met with `weight` = number of meetings, `meetings`, `dates`, `places`, `evidence`), with the same date filters:", None),
(None, "curl -s '{H}/graph/meetings?to=2023-01-30' | jq ."),
("or as Cytoscape.js elements (`cytoscape({{elements: body.elements}})`); the ego network of one actor takes `radius=1..3`:", None),
(None, "curl -s '{H}/graph/ego/mahmoud-abbas?radius=1&format=cytoscape' | jq -c '.elements.nodes[].data, (.elements.edges[].data | {id, source, target, weight, dates, places})'"),
("## Articles", None),
(None, "curl -s {H}/articles | jq ."),
("An article's named graph, content-negotiated (`text/turtle` by default, `application/n-triples`, `application/ld+json`; 404 for an unknown id, 406 for an unoffered type):", None),
(None, "curl -s -H 'Accept: application/n-triples' {H}/articles/28cd3d1d7a67278e | grep -F 'itamar-ben-gvir> <http://www.w3.org/ns/org#headOf>'"),
("Ingesting an article needs the operator's token (`NEWSKG_TOKEN`; the server here was started with `NEWSKG_TOKEN=change-me`). Without a token configured on the server every write is 403; a missing or wrong token is 401:", None),
(None, "curl -s -w '\\nHTTP %{{http_code}}\\n' -X POST {H}/articles -H 'Content-Type: application/json' -d '{{\"text\": \"Blinken met King Abdullah in Amman on Thursday.\"}}'"),
(None, "curl -s -w '\\nHTTP %{{http_code}}\\n' -X POST {H}/articles -H 'Authorization: Bearer wrong' -H 'Content-Type: application/json' -d '{{\"text\": \"Blinken met King Abdullah in Amman on Thursday.\"}}'"),
("With the token: a JSON body `{{\"text\", \"published\"?, \"title\"?, \"url\"?, \"id\"?}}`. The answer is 201 with the article's id, its graph IRI and its facts as `kg extract --format jsonl` prints them. \"Blinken\" alone is resolved to the Antony Blinken the graph already knows (`kg.resolve`), and \"Thursday\" against `published`:", None),
(None, "curl -s -X POST {H}/articles -H 'Authorization: Bearer change-me' -H 'Content-Type: application/json' -d '{{\"text\": \"Blinken met King Abdullah in Amman on Thursday.\", \"published\": \"2023-02-02\", \"title\": \"Blinken in Amman\"}}' | jq ."),
("Or the text itself as `text/plain`, with `published`, `title`, `url`, `id` as query parameters:", None),
(None, "curl -s -X POST '{H}/articles?published=2023-02-03&id=amman-friday' -H 'Authorization: Bearer change-me' -H 'Content-Type: text/plain' --data-binary 'Netanyahu met King Abdullah in Amman on Friday.' | jq -c '.id, .graph, (.facts[] | [.predicate, .subject, .object, .date, .place])'"),
(None, "curl -s -w '\\nHTTP %{{http_code}}\\n' -X POST {H}/articles -H 'Authorization: Bearer change-me' -H 'Content-Type: application/json' -d '{{\"text\": \"  \"}}'"),
("The new facts are at once visible to every endpoint:", None),
(None, "curl -s '{H}/actors/antony-blinken/meetings?from=2023-02-01' | jq -c '.meetings[] | [.met[0].label, .date, .place, .evidence[0].article]'"),
(None, "curl -s '{H}/graph/paths?from=mahmoud-abbas&to=king-abdullah' | jq -c '.paths[] | [.actors[].label]'"),
(None, "curl -s '{H}/articles?limit=2' | jq -c '.total, (.items[] | [.id, .title, .published, .facts])'"),
("## Linked data", None),
("Every IRI newskg mints, `https://w3id.org/newskg/id/{{kind}}/{{id}}` (kind `person`, `org`, `place`, `article`, `meeting`, `visit`, `post`, `statement`), dereferences at `/id/{{kind}}/{{id}}`: the resource's own triples, the evidence nodes they lead to, the labels of what they name and the IRIs pointing at it, as Turtle (default), JSON-LD, N-Triples or, for a browser, HTML (`?format=turtle|jsonld|ntriples|html` overrides `Accept`). 404 when the graph says nothing about it:", None),
(None, "curl -s -H 'Accept: text/turtle' {H}/id/person/mahmoud-abbas"),
(None, "curl -s -H 'Accept: application/ld+json' {H}/id/place/ramallah"),
(None, "curl -s -H 'Accept: text/html' {H}/id/person/yair-lapid | grep -F 'kg:met'"),
(None, "curl -s -w '\\nHTTP %{{http_code}}\\n' {H}/id/person/nobody-at-all"),
]

out = ["""# Actor, graph, article and linked-data endpoints

JSON endpoints over the graph, documented in OpenAPI at `/docs`. Every example below was run
against a live server built from `seeds/`:

```sh
kg build seeds --store data/kg
NEWSKG_TOKEN=change-me kg serve --store data/kg     # the token only for POST /articles
```

(outputs piped through `jq` to keep them short). Parameters are bound into the SPARQL of
`ontology/queries/*.rq`, never written into query text: an id or date holding quotes, angle
brackets, braces or SPARQL keywords is a 404 or 422, and changes nothing.
"""]
for text, cmd in sections:
    if text is not None:
        out.append(text.replace("{{", "{").replace("}}", "}") + "\n")
        continue
    cmd = cmd.replace("{{", "{").replace("}}", "}")
    real = cmd.replace("{H}", H)
    shown = cmd.replace("{H}", SHOWN)
    result = subprocess.run(["bash", "-c", real], capture_output=True, text=True)
    output = (result.stdout + result.stderr).replace(H, SHOWN).rstrip("\n")
    out.append(f"```sh\n{shown}\n```\n\n```\n{output}\n```\n")
sys.stdout.write("\n".join(out))

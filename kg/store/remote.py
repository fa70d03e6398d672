"""A store behind any SPARQL 1.1 server: the SPARQL Protocol to read, the Graph Store Protocol to
write one article's graph at a time, SPARQL Update for the rest.

`Store.open("http://host:port")` connects to the three endpoints of the server at that URL: those
of `oxigraph serve` (`/query`, `/update`, `/store`) if it answers there, else those of newskg's own
server (`/sparql`, `/update`, `/graphs`). A URL ending in one of the two query endpoints
(`http://host:port/sparql`) names its layout. Other servers' endpoints are named in the URL's query
string, relative to its path. For Apache Jena Fuseki's dataset `ds`:
`http://host:3030/ds?query=sparql&update=update&store=data`.

newskg's queries read the union of the article graphs as the default graph, so the server must
be configured to make its default graph that union: `oxigraph serve --union-default-graph`,
Fuseki's `tdb2:unionDefaultGraph true`, GraphDB and Virtuoso by their own settings. Writes need no
such setting: each article's graph is sent whole by a Graph Store Protocol PUT of its named graph,
which the server applies as one replacement (atomic on Oxigraph and Fuseki).

Results stay bytes where they can: `query(..., formats=...)` asks the server for the client's
format, and `kg.store.results.serialise` hands its answer on unchanged unless rows must be cut at
the limit. Bound values are joined into the query as a VALUES block (`kg.store.binding`), since
servers have no substitutions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TypeVar
from urllib.parse import parse_qs, urljoin, urlsplit, urlunsplit

import httpx
import pyoxigraph as ox

from kg.errors import QueryError, QueryTimeoutError, StoreError
from kg.query.prefixes import own_text
from kg.query.sparql_checks import returns_graph
from kg.query.syntax_errors import explain
from kg.rdf.namespace import PREFIXES
from kg.store import _EXPORT_FORMATS, MEMORY, Store, refuse_update
from kg.store.binding import bind_values
from kg.store.interface import PLAIN, QueryOptions
from kg.store.query_result import Boolean, Constructed, QueryResult, Solutions, rows_of
from kg.store.results import GRAPH_FORMATS, SOLUTION_FORMATS, TRUNCATED_HEADER
from kg.store.terms import Bindings, Triples, ntriples, written

DEFAULT_TIMEOUT = 120.0
"""Seconds to wait for the server on any one request (the API passes its own query limit)."""

ENDPOINTS = {"query": "query", "update": "update", "store": "store"}
"""Each endpoint's path relative to the store URL, as `oxigraph serve` has them."""

NEWSKG_ENDPOINTS = {"query": "sparql", "update": "update", "store": "graphs"}
"""The same for newskg's own server (`kg serve`)."""

LAYOUTS = (ENDPOINTS, NEWSKG_ENDPOINTS)
"""The endpoint layouts tried, in order, for a URL that names none."""

SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/",
    "http://localuriqaserver/",
    "http://www.w3.org/ns/ldp#",
    "http://www.w3.org/2002/07/owl#",
    "urn:activitystreams-owl:map",
    "urn:core:services:sparql",
)
"""Prefixes of the graphs a server keeps for itself (Virtuoso's: its RDF views, its LDP and OWL
schemas, its service descriptions): never newskg's, left out of `graphs()` and `count()`."""

_ONE_TRIPLE = "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1"
_GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
_NTRIPLES = ox.RdfFormat.N_TRIPLES
_VIRTUOSO_ASK = "__ASK_RETVAL"
"""The one column of the table Virtuoso 7 answers an ASK with, in place of a boolean."""
_Format = TypeVar("_Format", ox.QueryResultsFormat, ox.RdfFormat)


def _by_media_type(*formats: _Format) -> dict[str, _Format]:
    """Each format by its media type without parameters, as a response's Content-Type names it."""
    return {fmt.media_type.split(";")[0]: fmt for fmt in formats}


_PARSEABLE = _by_media_type(
    ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.XML, ox.QueryResultsFormat.TSV
)
_GRAPH_TYPES = _by_media_type(
    ox.RdfFormat.N_TRIPLES,
    ox.RdfFormat.TURTLE,
    ox.RdfFormat.RDF_XML,
    ox.RdfFormat.JSON_LD,
    ox.RdfFormat.N_QUADS,
    ox.RdfFormat.TRIG,
)


class RemoteStore:
    """A SPARQL 1.1 server with the Graph Store Protocol, used as newskg's store (a GraphStore)."""

    kind = "remote"
    version = None  # other clients of the server may write at any time: nothing read stays current

    def __init__(
        self,
        location: str,
        query_url: str,
        update_url: str,
        store_url: str,
        timeout: float = DEFAULT_TIMEOUT,
        token: str | None = None,
    ) -> None:
        self.location = location
        self.query_url = query_url
        self.update_url = update_url
        self.store_url = store_url
        self.timeout = timeout
        headers = {"Authorization": f"Bearer {token}"} if token else None
        self._client = httpx.Client(
            timeout=timeout, limits=httpx.Limits(max_connections=32), headers=headers
        )

    @classmethod
    def connect(
        cls, location: str, timeout: float = DEFAULT_TIMEOUT, token: str | None = None
    ) -> RemoteStore:
        """The server at `location` (endpoints as in the module docstring), checked with a
        query; StoreError saying how to start one if it does not answer. `token` is sent as
        the bearer of every request (newskg's server takes writes with it)."""
        parts = urlsplit(location)
        options = {name: values[-1] for name, values in parse_qs(parts.query).items()}
        unknown = sorted(set(options) - set(ENDPOINTS))
        if unknown:
            raise StoreError(
                f"Store URL '{location}' has unknown parameter(s) {', '.join(unknown)}; "
                "only query=, update= and store= (endpoint paths) are understood."
            )
        path = parts.path.rstrip("/")
        layouts: tuple[dict[str, str], ...] = LAYOUTS
        named = [layout for layout in LAYOUTS if path.endswith("/" + layout["query"])]
        if named and not options:  # the URL of a query endpoint: its server's base is above it
            path, layouts = path.rsplit("/", 1)[0], (named[0],)
        base = urlunsplit((parts.scheme, parts.netloc, path + "/", "", ""))
        if options:
            layouts = ({**ENDPOINTS, **options},)
        for layout in layouts:
            urls = {name: urljoin(base, layout[name]) for name in ENDPOINTS}
            store = cls(location, urls["query"], urls["update"], urls["store"], timeout, token)
            if store._answers():
                return store
            store.close()
        tried = ", ".join(urljoin(base, layout["query"]) for layout in layouts)
        raise StoreError(
            f"No SPARQL endpoint at '{location}': {tried} answered 404. Give the server's base "
            "URL (http://host:port for newskg's server and for oxigraph serve), or name its "
            "endpoints: URL?query=PATH&update=PATH&store=PATH."
        )

    def _answers(self) -> bool:
        """Whether the query endpoint answers a query (False: 404, no endpoint there); closed
        and StoreError if the server cannot be reached or fails."""
        try:
            probe = self._request("POST", self.query_url, data={"query": "ASK {}"}, ok=(404,))
        except StoreError:
            self.close()
            raise
        return probe.status_code != 404

    # Reading

    def query(
        self, sparql: str, bindings: Bindings | None = None, options: QueryOptions = PLAIN
    ) -> QueryResult:
        """Run a read-only query on the server: solutions, a boolean or triples, keeping the
        bytes it sent; QueryTimeoutError past the time limit of `options`. The server is asked
        for the formats `options` names (JSON and N-Triples if none), but for JSON in place of
        CSV or TSV: CSV cannot be read back, and Virtuoso's TSV quotes the variable names
        (pyoxigraph refuses them)."""
        dataset = self._held(options)
        if dataset == ((), ()):  # no graph the server holds: answer from an empty store
            return Store.open(MEMORY).query(
                sparql, bindings, QueryOptions(base_iri=options.base_iri)
            )
        solution_format, graph_format = options.formats or ("json", "ntriples")
        if solution_format in (None, "csv", "tsv"):
            solution_format = "json"
        accept = (SOLUTION_FORMATS[solution_format], GRAPH_FORMATS[graph_format or "ntriples"])
        return _parsed(
            self._query(sparql, bindings, dataset, accept, options.timeout, options.base_iri)
        )

    def has_graph(self, graph_iri: str) -> bool:
        """Whether the server has the named graph with a triple in it (newskg writes no empty
        graph; a server may keep none: Virtuoso answers `ASK { GRAPH <g> { } }` true for any)."""
        try:
            graph = ox.NamedNode(graph_iri)
        except ValueError:
            return False
        # A SELECT, not a Graph Store Protocol HEAD (oxigraph 0.5 sends a body with its 404 to
        # HEAD, which breaks the kept-alive connection) nor an ASK (Virtuoso 7 answers ASK as
        # a table, not a boolean, in JSON).
        return bool(rows_of(self.query(_ONE_TRIPLE, {"g": graph})))

    def graphs(self) -> list[str]:
        """The IRIs of the named graphs, sorted, less the server's own (`system_graph`)."""
        return sorted(self._graph_sizes())

    def count(self) -> int:
        """The number of quads in the named graphs, less the server's own (`system_graph`)."""
        return sum(self._graph_sizes().values())

    def _graph_sizes(self) -> dict[str, int]:
        return {
            str(row["g"]): int(row["n"] or 0)
            for row in rows_of(self.query(_GRAPH_SIZES))
            if row["g"] is not None and not system_graph(str(row["g"]))
        }

    def get_graph(self, graph_iri: str | None, format: ox.RdfFormat) -> bytes | None:
        """A named graph (None: the default graph) as the server serialises it; None if absent."""
        response = self._request(
            "GET",
            self.store_url,
            params=_target(graph_iri),
            headers={"Accept": format.media_type},
            ok=(404,),
        )
        return None if response.status_code == 404 else response.content

    def export(self, format: str) -> bytes:
        """The whole dataset: trig/nquads graph by graph, turtle/jsonld as their union."""
        rdf_format = _EXPORT_FORMATS.get(format)
        if rdf_format is None:
            raise StoreError(
                f"Unknown export format '{format}'. Use one of: {', '.join(_EXPORT_FORMATS)}."
            )
        quads: list[ox.Quad] = []
        for iri in self.graphs():  # not the server's own graphs
            body = self.get_graph(iri, _NTRIPLES) or b""
            name = ox.NamedNode(iri)
            quads.extend(
                ox.Quad(t.subject, t.predicate, t.object, name)
                for t in ox.parse(body, format=_NTRIPLES)
            )
        if format in ("trig", "nquads"):
            return written(ox.serialize(quads, format=rdf_format, prefixes=PREFIXES))
        union = dict.fromkeys(quad.triple for quad in quads)  # each triple once
        return written(ox.serialize(union, format=rdf_format, prefixes=PREFIXES))

    # Writing

    def put_graph(self, graph_iri: str, graph: Triples) -> None:
        """Replace the named graph `graph_iri` with `graph` (one Graph Store Protocol PUT)."""
        body = ntriples(graph).encode("utf-8")
        self._request(
            "PUT",
            self.store_url,
            params={"graph": graph_iri},
            content=body,
            headers={"Content-Type": _NTRIPLES.media_type},
        )

    def put_graphs(
        self, items: Iterable[tuple[str, Triples]], batch_size: int = 64, bulk: bool = False
    ) -> int:
        """Replace many named graphs, one PUT each (so each is replaced atomically)."""
        if batch_size < 1:
            raise StoreError(f"batch_size must be at least 1, got {batch_size}.")
        written = 0
        for graph_iri, graph in items:
            self.put_graph(graph_iri, graph)
            written += 1
        return written

    def update(self, sparql: str, options: QueryOptions = PLAIN) -> None:
        """Send a SPARQL 1.1 Update to the server's update endpoint (relative IRIs resolved
        against the base IRI of `options`, its dataset as using-graph-uri and
        using-named-graph-uri)."""
        form = {
            "update": _based(sparql, options.base_iri),
            "using-graph-uri": list(options.default_graphs),
            "using-named-graph-uri": list(options.named_graphs),
        }
        self._request("POST", self.update_url, data=form)

    def delete_graph(self, graph_iri: str | None) -> bool:
        """Remove a named graph (None: empty the default graph); False if there was none."""
        response = self._request("DELETE", self.store_url, params=_target(graph_iri), ok=(404,))
        return response.status_code != 404

    def add_to_graph(
        self, graph_iri: str | None, data: bytes, format: ox.RdfFormat, replace: bool = False
    ) -> bool:
        """Send `data` to a named graph (None: the default graph), replacing it if `replace`;
        return whether the named graph is new. QueryError if `data` does not parse."""
        base = graph_iri
        try:
            for _ in ox.parse(data, format=format, base_iri=base):
                pass
        except SyntaxError as exc:
            raise QueryError(f"The {format.name} body does not parse: {exc}") from exc
        existed = graph_iri is None or self.has_graph(graph_iri)
        self._request(
            "PUT" if replace else "POST",
            self.store_url,
            params=_target(graph_iri),
            content=data,
            headers={"Content-Type": format.media_type},
        )
        return not existed

    def snapshot(self, path: str) -> None:
        """Not for a server: it is read directly, concurrently, by the query pool's threads."""
        raise StoreError(
            f"The store at '{self.location}' is a SPARQL server: it cannot be snapshotted to "
            f"'{path}'. Use the server's own backup."
        )

    def close(self) -> None:
        """Close the connections to the server."""
        self._client.close()

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # HTTP

    def _held(self, options: QueryOptions) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """The dataset asked for, less the graphs the server lacks (they are empty, and a
        server asked for them might fetch them); None if none was asked for."""
        if not options.dataset:
            return None
        return (
            tuple(iri for iri in options.default_graphs or () if self.has_graph(iri)),
            tuple(iri for iri in options.named_graphs or () if self.has_graph(iri)),
        )

    def _query(
        self,
        sparql: str,
        bindings: Bindings | None,
        dataset: tuple[tuple[str, ...], tuple[str, ...]] | None,
        accept: tuple[ox.QueryResultsFormat, ox.RdfFormat],
        timeout: float | None = None,
        base_iri: str | None = None,
    ) -> httpx.Response:
        """POST the query; `accept` names the format for solutions and the one for graphs, and
        only the one for the query's form is asked for (Virtuoso answers a CONSTRUCT with a
        table if a table format is acceptable)."""
        refuse_update(sparql)
        form: dict[str, Any] = {"query": bind_values(_based(sparql, base_iri), bindings)}
        if dataset is not None:
            form["default-graph-uri"], form["named-graph-uri"] = dataset
        return self._request(
            "POST",
            self.query_url,
            data=form,
            headers={"Accept": accept[returns_graph(sparql)].media_type},
            timeout=timeout,
        )

    def _request(
        self,
        method: str,
        url: str,
        ok: tuple[int, ...] = (),
        timeout: float | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        try:
            response = self._client.request(
                method, url, timeout=timeout if timeout is not None else self.timeout, **kwargs
            )
        except httpx.TimeoutException as exc:
            raise QueryTimeoutError(
                f"The SPARQL server at '{self.location}' did not answer within "
                f"{timeout or self.timeout:g} s; narrow the query or add LIMIT."
            ) from exc
        except httpx.HTTPError as exc:
            raise StoreError(
                f"Cannot reach the SPARQL server at '{self.location}' ({url}): {exc}. Start it "
                "(for example `oxigraph serve --location DIR --union-default-graph`) or check "
                "the URL."
            ) from exc
        if response.is_success or response.status_code in ok:
            return response
        message = _detail(response.text.strip())
        if response.status_code in (400, 415):
            query = kwargs.get("data", {}).get("query") or kwargs.get("data", {}).get("update")
            message = explain(query, message)[:500] if query else message[:500]
            shown = f" in {_head(own_text(query)[0])!r}" if query else ""
            raise QueryError(f"The SPARQL server refused the request{shown}: {message}")
        raise StoreError(
            f"The SPARQL server at '{self.location}' answered {response.status_code} to "
            f"{method} {url}: {message[:500] or response.reason_phrase}"
        )


def system_graph(iri: str) -> bool:
    """Whether `iri` names one of the graphs a SPARQL server keeps for itself (SYSTEM_GRAPHS)."""
    return iri.startswith(SYSTEM_GRAPHS)


def _based(sparql: str, base_iri: str | None) -> str:
    """The text with a BASE declaration first (the protocol has no base parameter); a BASE of
    its own, later in the text, still wins."""
    if base_iri is None:
        return sparql
    return f"BASE {ox.NamedNode(base_iri)}\n{sparql}"


def _detail(message: str) -> str:
    """The `detail` of a JSON error body (newskg's server sends one), else the text as it is."""
    try:
        body = json.loads(message)
    except ValueError:
        return message
    return str(body["detail"]) if isinstance(body, dict) and "detail" in body else message


def _target(graph_iri: str | None) -> dict[str, str]:
    return {"default": ""} if graph_iri is None else {"graph": graph_iri}


def _media(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip().lower()


def _parsed(response: httpx.Response) -> QueryResult:
    """The response as solutions, a boolean or triples, with the bytes the server sent."""
    media = _media(response)
    sent = (response.content, media)
    if media in _PARSEABLE:
        parsed = ox.parse_query_results(response.content, format=_PARSEABLE[media])
        if isinstance(parsed, ox.QueryBoolean):
            return Boolean(bool(parsed))
        if [v.value for v in parsed.variables] == [_VIRTUOSO_ASK]:
            return Boolean(any(row[0] is not None and row[0].value != "0" for row in parsed))
        return Solutions(parsed, sent, response.headers.get(TRUNCATED_HEADER) == "true")
    if media in _GRAPH_TYPES:
        # Through a scratch store so that graph results are QueryTriples, as embedded ones are.
        scratch = ox.Store()
        scratch.load(response.content, format=_GRAPH_TYPES[media])
        triples = scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")
        assert isinstance(triples, ox.QueryTriples)  # a CONSTRUCT query gives triples
        return Constructed(triples, sent)
    raise StoreError(f"The SPARQL server answered with an unexpected media type {media!r}.")


__all__ = ["DEFAULT_TIMEOUT", "ENDPOINTS", "RemoteStore"]


def _head(sparql: str) -> str:
    """The start of a query, on one line, to show in a message."""
    text = " ".join(sparql.split())
    return text if len(text) <= 60 else text[:57] + "..."

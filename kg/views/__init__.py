"""Relationship views with networkx, built from SPARQL results so they work on any store.

`network` builds the meeting network, `analysis` finds paths, centrality and ego networks in it,
`export` writes node-link and Cytoscape.js JSON, and `answers` combines them into the one call
each graph endpoint of the API makes. networkx appears nowhere else in newskg.
"""

from kg.views.analysis import METRICS, Connection, Hop, Metric, centrality, ego, shortest_connection
from kg.views.export import FORMATS, GraphFormat, cytoscape, export, node_link
from kg.views.network import meeting_network, network_from_meetings

__all__ = [
    "FORMATS",
    "METRICS",
    "Connection",
    "GraphFormat",
    "Hop",
    "Metric",
    "centrality",
    "cytoscape",
    "ego",
    "export",
    "meeting_network",
    "network_from_meetings",
    "node_link",
    "shortest_connection",
]

"""Relationship views with networkx, built from SPARQL results so they work on any store.

`network` builds the meeting network and `affiliations` the bipartite affiliation network;
`analysis` finds paths, centrality, ego networks, components and communities in them; `timeline`
orders meetings by date; `export` writes node-link and Cytoscape.js JSON, GraphML and GEXF; and
`answers` combines them into the one call each graph endpoint of the API makes. networkx appears
nowhere else in newskg.
"""

from kg.views.affiliation_network import affiliation_groups, affiliation_network, network_from_ties
from kg.views.analysis import (
    METRICS,
    Connection,
    Hop,
    Metric,
    centrality,
    communities,
    components,
    ego,
    shortest_connection,
)
from kg.views.export import (
    FILE_FORMATS,
    FORMATS,
    FileFormat,
    GraphFormat,
    cytoscape,
    export,
    flat,
    gexf,
    graphml,
    node_link,
    write,
)
from kg.views.network import meeting_network, network_from_meetings
from kg.views.timeline import Timeline, meeting_timeline, timeline_from_meetings

__all__ = [
    "FILE_FORMATS",
    "FORMATS",
    "METRICS",
    "Connection",
    "FileFormat",
    "GraphFormat",
    "Hop",
    "Metric",
    "Timeline",
    "affiliation_groups",
    "affiliation_network",
    "centrality",
    "communities",
    "components",
    "cytoscape",
    "ego",
    "export",
    "flat",
    "gexf",
    "graphml",
    "meeting_network",
    "meeting_timeline",
    "network_from_meetings",
    "network_from_ties",
    "node_link",
    "shortest_connection",
    "timeline_from_meetings",
    "write",
]

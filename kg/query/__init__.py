"""Every read of the graph for users: actors, their ties, meetings, articles, linked data, the
named queries of `ontology/queries/`, and the checks on what the SPARQL endpoint accepts."""

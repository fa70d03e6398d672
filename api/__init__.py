"""The newskg HTTP API: SPARQL endpoint and actor look-ups over the graph store."""

"""`kg extract`: print the facts found in articles, without touching the store."""

from __future__ import annotations

import argparse
import json
import sys

from kg.cli import options
from kg.sources import read_articles

HELP = "Print the facts found in articles (the store is not touched)."
FORMATS = ("jsonl", "turtle", "trig")


def add_arguments(sub: argparse.ArgumentParser) -> None:
    """`kg extract`'s arguments."""
    sub.add_argument("paths", nargs="+", metavar="PATH", help=".txt/.json/.jsonl files or folders")
    sub.add_argument(
        "--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)"
    )
    options.add_model(sub)


def run(args: argparse.Namespace) -> int:
    """Print the facts of articles without touching the store."""
    from kg.extract import extract
    from kg.records import fact_record
    from kg.resolve import Resolver

    settings = options.settings(args)
    failures = options.Failures()
    nlp = options.nlp(settings)
    # Resolved across the files given, so one person is named one way in all of them.
    extractions = Resolver().resolve_all(extract(read_articles(args.paths, on_error=failures), nlp))
    out = sys.stdout
    if args.format == "jsonl":
        for extraction in extractions:
            for fact in extraction.facts:
                out.write(json.dumps(fact_record(extraction, fact), ensure_ascii=False) + "\n")
    else:  # through an in-memory store, so the RDF is written exactly as `kg export` writes it
        from kg.rdf import to_graph
        from kg.store import MEMORY, Store

        with Store.open(MEMORY) as store:
            store.put_graphs(to_graph(e, settings.base_iri) for e in extractions)
            out.write(store.export(args.format).decode("utf-8"))
    return 1 if failures.count else 0

"""`kg export`: the whole graph as RDF, or a network view of it for graph tools."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kg.cli import options
from kg.errors import NewsKGError

if TYPE_CHECKING:
    from kg.store.interface import GraphStore

HELP = "Write the whole graph as RDF, or with --view a network of it (GraphML, GEXF, JSON)."
RDF_FORMATS = ("turtle", "trig", "nquads", "jsonld")
VIEWS = ("meetings", "affiliations")
VIEW_FORMATS = ("graphml", "gexf", "json", "cytoscape")  # kg.views.FILE_FORMATS, without networkx


def add_arguments(sub: argparse.ArgumentParser) -> None:
    """`kg export`'s arguments."""
    sub.add_argument(
        "--view",
        choices=VIEWS,
        help="write this network instead of RDF: who met whom, or persons and what they lead, "
        "belong to and hold posts in",
    )
    sub.add_argument(
        "--format",
        choices=RDF_FORMATS + VIEW_FORMATS,
        help="RDF format (default: trig); with --view: graphml (default), gexf, json "
        "(node-link) or cytoscape (Cytoscape.js)",
    )
    sub.add_argument("-o", "--output", help="file to write (default: stdout)")
    sub.add_argument(
        "--from",
        dest="since",
        type=options.iso_date,
        metavar="YYYY-MM-DD",
        help="with --view: meetings on or after this date; affiliations stated by articles "
        "published on or after it",
    )
    sub.add_argument(
        "--to",
        dest="until",
        type=options.iso_date,
        metavar="YYYY-MM-DD",
        help="with --view: meetings on or before this date; affiliations stated by articles "
        "published on or before it",
    )
    options.add_store(sub)


def run(args: argparse.Namespace) -> int:
    """Write the whole graph in an RDF format, or a network view of it for graph tools."""
    from kg.query.named_queries import date_bindings
    from kg.store import Store

    settings = options.settings(args)
    if args.view is None:
        if args.since or args.until:
            raise NewsKGError(
                "kg export writes the whole RDF graph; --from and --to only select what a "
                "network view holds: add --view meetings or --view affiliations."
            )
        format = args.format or "trig"
        if format not in RDF_FORMATS:
            raise NewsKGError(
                f"'{format}' is not an RDF format (use one of {', '.join(RDF_FORMATS)}); "
                f"for a network file add --view {'|'.join(VIEWS)}."
            )
    else:
        format = args.format or "graphml"
        if format not in VIEW_FORMATS:
            raise NewsKGError(
                f"A network view is written as {', '.join(VIEW_FORMATS)}, not '{format}'; "
                "drop --view to export the RDF graph."
            )
        date_bindings(args.since, args.until)  # an empty range is refused before the store opens
    with Store.open(settings.store, reading=True) as store:
        if args.view is None:
            data = store.export(format)
        else:
            data = _view(store, args.view, format, args.since, args.until)
    if args.output:
        Path(args.output).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


def _view(
    store: GraphStore, view: str, format: str, since: date | None, until: date | None
) -> bytes:
    from kg.views import affiliation_network, meeting_network, write

    build = meeting_network if view == "meetings" else affiliation_network
    # `run` checked that `format` is one of VIEW_FORMATS, the FileFormat values.
    return write(build(store, since, until), format)  # type: ignore[arg-type]

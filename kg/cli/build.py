"""`kg build`: extract facts from articles and write them to the store."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from kg.cli import options
from kg.cli.progress import BuildProgress
from kg.settings import Settings
from kg.sources import read_articles

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.extractors import Extractor

HELP = "Extract facts from articles and write them to the store."
MAX_LISTED_FAILURES = 20


def add_arguments(sub: argparse.ArgumentParser) -> None:
    """`kg build`'s arguments."""
    sub.add_argument("paths", nargs="+", metavar="PATH", help=".txt/.json/.jsonl files or folders")
    sub.add_argument(
        "--batch-size",
        type=options.positive,
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
        type=options.positive,
        default=1,
        metavar="N",
        help="parse in N processes on this machine (spaCy n_process; default: 1)",
    )
    where.add_argument(
        "--dask-local",
        type=options.positive,
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
    options.add_store(sub)
    options.add_model(sub)


def run(args: argparse.Namespace) -> int:
    """Build the graph from articles into the store."""
    from kg.build import build
    from kg.sources import count_articles
    from kg.store import Store

    settings = options.settings(args)
    total = count_articles(args.paths)
    try:
        with (
            Store.open(settings.store, token=settings.token) as store,
            _extraction(args, settings) as (nlp, extractor),
            BuildProgress(total) as progress,  # once the pipeline is loaded, for a true rate
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
    plural = options.plural
    facts = ", ".join(f"{n} {p}" for p, n in sorted(summary.facts.items())) or "no facts"
    skipped = (
        f"; {plural(summary.skipped, 'article')} already in the store skipped "
        "(--force rebuilds them)"
        if summary.skipped
        else ""
    )
    print(
        f"kg: built {plural(summary.articles, 'article')} into {settings.store} "
        f"({plural(graphs, 'graph')} in store): {facts}{skipped}; "
        f"{plural(len(progress.failed), 'input')} failed",
        file=sys.stderr,
    )
    for reason in progress.failed[:MAX_LISTED_FAILURES]:
        print(f"  {reason}", file=sys.stderr)
    if len(progress.failed) > MAX_LISTED_FAILURES:
        print(f"  ... and {len(progress.failed) - MAX_LISTED_FAILURES} more", file=sys.stderr)
    return 1 if progress.failed else 0


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
        yield options.nlp(settings), None

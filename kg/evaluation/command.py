"""`kg eval`: score extraction against gold files, CoNLL04, WikiEvents or CrossRE (the `kg`
command's evaluation subcommand, kept with the evaluation it runs)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.cli import options
from kg.errors import NewsKGError
from kg.sources import read_articles
from kg.types import Article

if TYPE_CHECKING:
    from kg.evaluation.gold import GoldArticle

DATASETS = ("conll04", "wikievents", "crossre")
"""The datasets `kg eval` reads instead of gold folders, each an option naming its file."""

HELP = "Score extraction against gold files (precision/recall/F1 per relation)."


def add_arguments(sub: argparse.ArgumentParser) -> None:
    """`kg eval`'s arguments."""
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
        "--crossre",
        metavar="FILE",
        help="check party ties (member_of, leads) on CrossRE sentences (JSON Lines) instead",
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
    options.add_model(sub)


def run(args: argparse.Namespace) -> int:
    """Score extraction against gold files: precision, recall and F1 per relation."""
    datasets = [f"--{name}" for name in DATASETS if getattr(args, name)]
    if len(datasets) > 1:
        raise NewsKGError(f"kg eval takes one of {', '.join(datasets)}; run it once for each.")
    chooses_splits = args.split or args.splits or args.compare_splits
    if datasets and chooses_splits:
        raise NewsKGError(
            "--split, --splits and --compare-splits choose among the gold files of GOLD_DIR; "
            f"kg eval {datasets[0]} reads no splits file. Leave them out."
        )
    if datasets and (args.gold_dir or args.articles_dir):
        raise NewsKGError(
            f"kg eval {datasets[0]} takes no GOLD_DIR or ARTICLES_DIR (got '{args.gold_dir}'); "
            f"give either {datasets[0]} FILE or the two folders."
        )
    if args.conll04:
        return _eval_conll04(args)
    if args.wikievents:
        return _eval_wikievents(args)
    if args.crossre:
        return _eval_crossre(args)
    if not (args.gold_dir and args.articles_dir):
        raise NewsKGError(
            "kg eval needs GOLD_DIR and ARTICLES_DIR (the gold files and their articles), "
            "or --conll04 FILE to score on a CoNLL04 file in the SpERT JSON format, "
            "or --wikievents FILE to check meetings on WikiEvents documents, "
            "or --crossre FILE to check party ties on CrossRE sentences."
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
    nlp = options.nlp(options.settings(args))
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
    nlp = options.nlp(options.settings(args))
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

    sentences = read_conll04(Path(args.conll04))
    nlp = conll04_pipeline(options.settings(args).model)  # the NER fine-tuned on CoNLL04
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

    path = Path(args.wikievents)
    documents, coref = read_wikievents(path)
    nlp = options.nlp(options.settings(args))
    result = evaluate_wikievents(documents, lambda articles: extract(articles, nlp))
    text = f"{heading(result, path, coref)}\n{as_text(result, errors=args.errors)}"
    return _print(args, as_markdown(result), as_json(result), text)


def _eval_crossre(args: argparse.Namespace) -> int:
    """`kg eval --crossre FILE`: party ties scored against CrossRE's person-party relations."""
    from kg.evaluation.crossre import (
        as_json,
        as_markdown,
        as_text,
        evaluate_crossre,
        heading,
        read_crossre,
    )
    from kg.extract import extract

    path = Path(args.crossre)
    sentences = read_crossre(path)
    nlp = options.nlp(options.settings(args))
    result = evaluate_crossre(sentences, lambda articles: extract(articles, nlp))
    text = f"{heading(result, path)}\n{as_text(result, errors=args.errors)}"
    return _print(args, as_markdown(result), as_json(result), text)


def _print(args: argparse.Namespace, markdown: str, data: dict[str, Any], text: str) -> int:
    """Print a held-out check's result in the format asked for."""
    if args.format == "markdown":
        print(markdown)
    elif args.format == "json":
        print(json.dumps(data, indent=2))
    else:
        print(text)
    return 0


def _two_splits(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",")]
    if len(names) != 2 or not all(names) or names[0] == names[1]:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not two split names; write them like work,check."
        )
    return names

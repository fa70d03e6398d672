"""End-to-end cross-validation of `kg eval --conll04` on the CoNLL04 training split.

    python -m kg.evaluation.crossval_affiliations /path/to/conll04_train.json

How the choices `kg eval --conll04` depends on are made without reading the development split:
each fifth of the training file (sentence i in fold i % 5) is read by a name recogniser
fine-tuned on the other four fifths (as `train_names` does), and extracted with an affiliation
classifier trained on those four fifths as `train_affiliations` trains it (jackknifed within
them: five more fine-tunings per fold); it is scored strictly, as `kg eval --conll04` scores dev.
Printed: the scores with CoNLL04's affiliation sources (`data/conll04.json`) as shipped, and
with each predicate's sources changed to each other choice (rules, model, both): the numbers
those sources were chosen by. About 45 minutes on 2 cores; needs scikit-learn (`pip install
newskg[train]`). Deterministic.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from unittest.mock import patch

import spacy
from spacy.util import fix_random_seed

from kg.evaluation import train_affiliations, train_names
from kg.evaluation.conll04 import (
    MICRO,
    RELATIONS,
    evaluate_conll04,
    read_conll04,
    to_stderr,
    training_parser,
)
from kg.evaluation.conventions import (
    conll04_affiliation_rules,
    conll04_pipeline,
    conll04_rules,
)
from kg.evaluation.names import recogniser
from kg.evaluation.scores import Score, report
from kg.extract import affiliations, extract
from kg.extract.affiliations import LinearModel

FOLDS = 5
CHOICES: tuple[tuple[str, ...], ...] = (("model",), ("rules",), ("rules", "model"))
Sources = dict[str, tuple[str, ...]]


def variants(shipped: Sources) -> dict[str, Sources]:
    """The shipped sources, and each predicate's sources changed to each other choice."""
    found = {"as shipped": shipped}
    for predicate, sources in shipped.items():
        for choice in CHOICES:
            if choice != sources:
                found[f"{predicate}: {'+'.join(choice)}"] = {**shipped, predicate: choice}
    return found


def cross_validate(
    train_file: Path, model: str, log: Callable[[str], None] = print
) -> dict[str, dict[str, Score]]:
    """Strict scores summed over the five held-out fifths, for each variant of the sources."""
    sentences = read_conll04(train_file)
    news = spacy.load(model)  # the recogniser each fold starts from, as train_names does
    fix_random_seed(train_names.SEED)
    examples = [train_names.example(s, news) for s in sentences]
    news_ner = recogniser(news)
    start = news_ner.model.to_bytes()
    nlp = conll04_pipeline(model)
    rules, shipped = conll04_rules(), conll04_affiliation_rules()
    tried = variants(shipped.sources)
    totals = {name: {r: Score() for r in (*RELATIONS, MICRO)} for name in tried}
    for fold in range(FOLDS):
        news_ner.model.from_bytes(start)
        training = [eg for i, eg in enumerate(examples) if i % FOLDS != fold]
        train_names.fine_tune(news, training)
        recogniser(nlp).model.from_bytes(news_ner.model.to_bytes())
        seen = [s for i, s in enumerate(sentences) if i % FOLDS != fold]
        data = train_affiliations.jackknifed_examples(seen, model, log=lambda line: None)
        fitted = {p: train_affiliations.fit(d) for p, d in data.items()}
        linear = {
            p: LinearModel(m["weights"], float(m["bias"]), float(m["threshold"]))
            for p, m in fitted.items()
        }
        for name, sources in tried.items():
            chosen = replace(rules, affiliations=replace(shipped, sources=sources))
            with patch.object(affiliations, "load_model", lambda m=linear: m):
                scores = evaluate_conll04(
                    sentences[fold::FOLDS], partial(extract, nlp=nlp, rules=chosen)
                )
            for relation, score in scores.items():
                total = totals[name][relation]
                total.tp, total.fp, total.fn = (
                    total.tp + score.tp,
                    total.fp + score.fp,
                    total.fn + score.fn,
                )
        log(f"fold {fold + 1}/{FOLDS} done")
    return totals


def main(argv: Sequence[str] | None = None) -> int:
    """Cross-validate on a CoNLL04 training file and print the scores of each variant."""
    from kg.settings import default_model

    parser = training_parser("kg.evaluation.crossval_affiliations", __doc__.splitlines()[0])
    args = parser.parse_args(argv)
    totals = cross_validate(Path(args.train_file), args.model or default_model(), log=to_stderr)
    for name, scores in totals.items():
        print(f"\n{name}\n{report(scores)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

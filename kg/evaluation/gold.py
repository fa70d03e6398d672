"""Scoring extraction against hand-made gold files (schema: bbc-news-politics/gold/README.md).

Micro-averaged precision, recall and F1 per relation over all gold articles. Names match by
canonical name, a gold alias, or a surname unique among the article's persons; organisations by
name or alias with a trailing "party" ignored; post titles when one contains the other after
dropping national adjectives and "former".
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from kg.errors import EvalError
from kg.evaluation.scores import Pair, Score
from kg.extract.rules import load_rules
from kg.types import Article, Extraction, Fact

HONORIFICS = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Dame"}
RELATIONS = ("met", "planned_met", "leads", "member_of", "holds_position", "visited")
HELD = ("asserted", "past")
"""Statuses scored for leads, member_of and posts: gold lists past posts too ('former leader')."""


@dataclass(frozen=True)
class GoldArticle:
    """A gold file and the article text it annotates."""

    path: Path
    article_path: Path
    gold: dict[str, Any]


def find_gold(gold_dir: Path, articles_dir: Path) -> list[GoldArticle]:
    """Pair every `*.json` gold file in `gold_dir` with its article under `articles_dir`."""
    if not gold_dir.is_dir():
        raise EvalError(
            f"Gold directory '{gold_dir}' does not exist; pass the folder of *.json gold files."
        )
    pairs = []
    for path in sorted(gold_dir.glob("*.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise EvalError(f"Gold file '{path}' is not readable JSON: {exc}") from exc
        if not isinstance(gold, dict) or "article" not in gold:
            raise EvalError(f"Gold file '{path}' has no 'article' key naming its article file.")
        name = Path(gold["article"])
        candidates = [articles_dir / name, articles_dir / name.name, articles_dir.parent / name]
        article_path = next((c for c in candidates if c.is_file()), None)
        if article_path is None:
            raise EvalError(
                f"Gold file '{path}' names article '{gold['article']}', "
                f"not found under '{articles_dir}'."
            )
        pairs.append(GoldArticle(path, article_path, gold))
    if not pairs:
        raise EvalError(f"No *.json gold files in '{gold_dir}'.")
    return pairs


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().casefold()


class NameMatcher:
    """Maps extracted names onto one gold article's canonical names."""

    def __init__(self, gold: dict[str, Any]) -> None:
        persons = gold.get("persons", [])
        self.persons = {_norm(p): p for p in persons}
        self.person_aliases = {_norm(a): c for a, c in gold.get("person_aliases", {}).items()}
        surnames: dict[str, list[str]] = {}
        for person in persons:
            surnames.setdefault(_norm(person.split()[-1]), []).append(person)
        self.surnames = {s: ps[0] for s, ps in surnames.items() if len(ps) == 1}
        self.org_aliases = {self._org_key(a): c for a, c in gold.get("org_aliases", {}).items()}

    def person(self, name: str) -> str:
        """The gold canonical name for an extracted person name (or the name itself)."""
        key = _norm(name)
        if key in self.persons:
            return self.persons[key]
        if key in self.person_aliases:
            return self.person_aliases[key]
        words = [w for w in name.split() if w not in HONORIFICS]
        if len(words) == 1:  # a bare surname ("Blinken", "Mr Blair") unique in the article
            return self.surnames.get(_norm(words[0]), name)
        return name

    @staticmethod
    def _org_key(name: str) -> str:
        return re.sub(r"\s+party$", "", _norm(name))

    def org(self, name: str) -> str:
        """The gold canonical organisation for an extracted name."""
        key = self._org_key(name)
        return self._org_key(self.org_aliases.get(key, name))


def _title_key(title: str, demonyms: Iterable[str]) -> str:
    words = [
        w for w in _norm(title).replace("'s", "").split() if w not in ("former", "the", "a", "an")
    ]
    national = {_norm(d) for d in demonyms}
    kept = [w for w in words if w not in national]
    return " ".join(kept or words)


def _titles_match(a: str, b: str, demonyms: Iterable[str]) -> bool:
    ka, kb = _title_key(a, demonyms), _title_key(b, demonyms)
    return bool(ka and kb) and (f" {ka} " in f" {kb} " or f" {kb} " in f" {ka} ")


def _pairs(items: Iterable[Any]) -> list[Pair]:
    return [
        (item["a"], item["b"]) if isinstance(item, dict) else (item[0], item[1]) for item in items
    ]


def _unordered(pair: Pair) -> Pair:
    a, b = pair
    return (a, b) if a <= b else (b, a)


def score_article(
    extraction: Extraction, gold: dict[str, Any], scores: dict[str, Score], name: str
) -> None:
    """Add one article's counts to `scores`."""
    match = NameMatcher(gold)
    demonyms = load_rules().demonyms
    facts = extraction.facts

    def sentence(fact: Fact) -> str:
        return fact.evidence[0].sentence if fact.evidence else ""

    def symmetric(relation: str, status: str, gold_key: str, ignore: set[Pair]) -> None:
        predicted: dict[Pair, Fact] = {}
        for fact in facts:
            if fact.predicate == "met" and fact.status == status:
                pair = _unordered((match.person(fact.subject), match.person(fact.object)))
                if pair[0] != pair[1]:
                    predicted.setdefault(pair, fact)
        expected = {_unordered(p) for p in _pairs(gold.get(gold_key, []))}
        _count(scores[relation], name, predicted, expected, ignore, sentence)

    ignore = {_unordered(p) for p in _pairs(gold.get("ignore_met", []))}
    symmetric("met", "asserted", "met", ignore)
    symmetric("planned_met", "planned", "planned_met", set())

    for relation, gold_key in (("leads", "leads"), ("member_of", "member_of")):
        predicted = {
            (match.person(f.subject), match.org(f.object)): f
            for f in facts
            if f.predicate == relation and f.status in HELD
        }
        expected = {(p, match.org(o)) for p, o in _pairs(gold.get(gold_key, []))}
        _count(scores[relation], name, predicted, expected, set(), sentence)

    gold_posts = _pairs(gold.get("positions", []))
    predicted_posts = [
        (match.person(f.subject), f.object, f)
        for f in facts
        if f.predicate == "holds_position" and f.status in HELD
    ]
    score = scores["holds_position"]
    for person, title, fact in predicted_posts:
        if any(p == person and _titles_match(title, t, demonyms) for p, t in gold_posts):
            score.tp += 1
        else:
            score.fp += 1
            score.false_positives.append((name, (person, title), sentence(fact)))
    for person, title in gold_posts:
        if not any(
            p == person and _titles_match(title, t, demonyms) for p, t, _ in predicted_posts
        ):
            score.fn += 1
            score.false_negatives.append((name, (person, title)))

    predicted_visits = {
        (match.person(f.subject), _norm(f.object)): f
        for f in facts
        if f.predicate == "visited" and f.status == "asserted"
    }
    expected_visits = {(p, _norm(place)) for p, place in _pairs(gold.get("visited", []))}
    _count(scores["visited"], name, predicted_visits, expected_visits, set(), sentence)


def _count(
    score: Score,
    name: str,
    predicted: dict[Pair, Fact],
    expected: set[Pair],
    ignore: set[Pair],
    sentence: Callable[[Fact], str],
) -> None:
    for pair, fact in predicted.items():
        if pair in expected:
            score.tp += 1
        elif pair not in ignore:
            score.fp += 1
            score.false_positives.append((name, pair, sentence(fact)))
    for pair in sorted(expected - predicted.keys()):
        score.fn += 1
        score.false_negatives.append((name, pair))


def extract_gold(
    golds: list[GoldArticle],
    extract: Callable[[Iterable[Article]], Iterator[Extraction]],
    read: Callable[[Path], Article],
) -> Iterator[tuple[GoldArticle, Extraction]]:
    """Extract every gold article with `extract`; each extraction with its gold article."""
    by_article = {}
    for gold_article in golds:
        article = read(gold_article.article_path)
        published = gold_article.gold.get("published")
        if published and article.published is None:
            article = replace(article, published=date.fromisoformat(published))
        by_article[article.id] = (gold_article, article)
    for extraction in extract(article for _, article in by_article.values()):
        gold_article, _ = by_article[extraction.article.id]
        yield gold_article, extraction


def score_gold(extracted: Iterable[tuple[GoldArticle, Extraction]]) -> dict[str, Score]:
    """Score each extraction against its gold file, summed over all of them."""
    scores = {relation: Score() for relation in RELATIONS}
    for gold_article, extraction in extracted:
        score_article(extraction, gold_article.gold, scores, gold_article.article_path.name)
    return scores


def evaluate(
    golds: list[GoldArticle],
    extract: Callable[[Iterable[Article]], Iterator[Extraction]],
    read: Callable[[Path], Article],
) -> dict[str, Score]:
    """Extract every gold article with `extract` and score it against its gold file."""
    return score_gold(extract_gold(golds, extract, read))

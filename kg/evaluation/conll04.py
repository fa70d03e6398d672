"""Scoring newskg end to end on CoNLL04 (Roth & Yih 2004) in the SpERT JSON format.

Each sentence is detokenised into text and run through the normal extraction: our own entities,
our own facts, no gold entities. Facts map onto CoNLL04 relations (`RELATION_MAP`) and are scored
strictly, as in the literature: a predicted relation is correct when its type and both argument
spans match a gold relation exactly. Fact arguments are names, so each is mapped back to the
character spans where its name or one of its aliases occurs in the sentence. Kill is out of scope.
The pipeline and rules the sentences are read with follow CoNLL04's conventions
(`kg.evaluation.conventions`); extraction itself knows nothing of them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import EvalError
from kg.evaluation.scores import Score
from kg.types import Article, Entity, Extraction, Fact

RELATIONS = ("Work_For", "OrgBased_In", "Live_In", "Located_In")
EXCLUDED = ("Kill",)
ENTITY_TYPES = {"Peop": "person", "Org": "organization", "Loc": "place", "Other": "other"}
ORG_TYPES = ("organization", "party")
MICRO = "micro"

# No space before these tokens, none after the opening ones: the text reads like news again.
_ATTACH_LEFT = {",", ".", ":", ";", "?", "!", ")", "]", "}", "%", "''", "n't"}
_ATTACH_RIGHT = {"(", "[", "{", "`", "``", "$"}

Span = tuple[int, int]
Triple = tuple[str, Span, Span]


@dataclass(frozen=True)
class Sentence:
    """One CoNLL04 sentence: its text, gold entity spans (characters) and gold relations."""

    id: str
    text: str
    offsets: tuple[Span, ...]
    """Each token's character span in `text`."""
    entities: tuple[tuple[str, Span], ...]
    """Entity type and token span [start, end)."""
    relations: tuple[tuple[str, int, int], ...]

    def gold(self, relations: Iterable[str] = RELATIONS) -> set[Triple]:
        """Gold relations of the given types as (type, head span, tail span)."""
        wanted = set(relations)
        return {
            (kind, self.entities[head][1], self.entities[tail][1])
            for kind, head, tail in self.relations
            if kind in wanted
        }

    def quote(self, span: Span) -> str:
        """The sentence text a token span covers."""
        return self.text[self.offsets[span[0]][0] : self.offsets[span[1] - 1][1]]

    def tokens(self, chars: Span) -> Span:
        """The token span a character span falls on: every token it overlaps.

        Comparing token spans is the strict match of the literature: a mention "Studies" matches
        a gold token "Studies." (CoNLL04 glues a sentence's final period to its last word).
        """
        start, end = chars
        covered = [i for i, (s, e) in enumerate(self.offsets) if s < end and start < e]
        return (covered[0], covered[-1] + 1) if covered else (-1, -1)


def detokenise(tokens: list[str]) -> tuple[str, list[Span]]:
    """Join tokens into text and return each token's character span in it."""
    parts: list[str] = []
    offsets: list[Span] = []
    position = 0
    glue = True  # no space before the first token
    open_quote = False
    for token in tokens:
        attach = token in _ATTACH_LEFT or (token.startswith("'") and token != "`")
        if token == '"':
            attach, open_quote = open_quote, not open_quote
        if parts and not glue and not attach:
            parts.append(" ")
            position += 1
        offsets.append((position, position + len(token)))
        parts.append(token)
        position += len(token)
        glue = token in _ATTACH_RIGHT or (token == '"' and open_quote)
    return "".join(parts), offsets


def _sentence(record: dict[str, Any], number: int, path: Path) -> Sentence:
    try:
        tokens = [str(t) for t in record["tokens"]]
        text, offsets = detokenise(tokens)
        entities = tuple(
            (ENTITY_TYPES.get(e["type"], "other"), (int(e["start"]), int(e["end"])))
            for e in record["entities"]
        )
        for _, (start, end) in entities:
            offsets[start], offsets[end - 1]  # noqa: B018 - a span out of range fails here
        relations = tuple((r["type"], int(r["head"]), int(r["tail"])) for r in record["relations"])
        for _, head, tail in relations:
            entities[head], entities[tail]  # noqa: B018 - a dangling index fails here
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise EvalError(
            f"CoNLL04 file '{path}', sentence {number}: not in the SpERT format "
            f"(tokens, entities with start/end, relations with type/head/tail): {exc!r}."
        ) from exc
    ident = str(record.get("orig_id", number))
    return Sentence(f"conll04-{number}-{ident}", text, tuple(offsets), entities, relations)


def training_parser(
    module: str, description: str, output: tuple[Path, str] | None = None
) -> argparse.ArgumentParser:
    """The command line of a script that learns from a CoNLL04 file: `python -m <module>
    TRAIN_FILE [--model M] [-o OUTPUT]` (`output`: the default path and what is written there),
    to which each script adds its own options."""
    parser = argparse.ArgumentParser(prog=f"python -m {module}", description=description)
    parser.add_argument("train_file", metavar="TRAIN_FILE", help="conll04_train.json (SpERT)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: newskg's)")
    if output is not None:
        parser.add_argument("-o", "--output", default=str(output[0]), help=output[1])
    return parser


def to_stderr(line: str) -> None:
    """Where training scripts write their progress (stdout is kept for results)."""
    print(line, file=sys.stderr)


def read_conll04(path: Path) -> list[Sentence]:
    """Read a SpERT-format CoNLL04 JSON file (a JSON array of sentences)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"CoNLL04 file '{path}' is not readable JSON: {exc}") from exc
    if not isinstance(data, list):
        raise EvalError(f"CoNLL04 file '{path}' is not a JSON array of sentences.")
    return [_sentence(record, i, Path(path)) for i, record in enumerate(data)]


def conll04_relation(fact: Fact) -> str | None:
    """The CoNLL04 relation a fact states, if any."""
    if fact.status != "asserted":
        return None
    if fact.predicate in ("works_for", "member_of", "leads"):
        return "Work_For" if fact.object_type in ORG_TYPES else None
    if fact.predicate == "holds_position":
        return "Work_For" if fact.post_in_type in ORG_TYPES else None
    return {"based_in": "OrgBased_In", "lives_in": "Live_In", "located_in": "Located_In"}.get(
        fact.predicate
    )


def _object(fact: Fact) -> str:
    return fact.post_in if fact.predicate == "holds_position" and fact.post_in else fact.object


def mention_spans(name: str, entities: dict[str, Entity], text: str) -> list[Span]:
    """Where an entity (its name or an alias) is mentioned in `text`, longest forms first."""
    entity = entities.get(name)
    forms = {name, *(entity.aliases if entity else ())}
    spans: list[Span] = []
    for flags in (0, re.IGNORECASE):
        for form in sorted(forms, key=len, reverse=True):
            pattern = r"(?<!\w)" + re.escape(form) + r"(?!\w)"
            for match in re.finditer(pattern, text, flags):
                if not any(s <= match.start() < e for s, e in spans):
                    spans.append(match.span())
        if spans:
            break
    return spans


@dataclass(frozen=True)
class Prediction:
    """One predicted CoNLL04 relation: the candidate spans of its two arguments."""

    relation: str
    subject: str
    object: str
    subjects: tuple[Span, ...]
    objects: tuple[Span, ...]


def predictions(extraction: Extraction, sentence: Sentence) -> list[Prediction]:
    """The CoNLL04 relations an extraction states, one per (relation, subject, object).

    Argument spans are token spans of the sentence (see `Sentence.tokens`). CoNLL04 relates
    mentions written in the sentence: a fact whose argument the sentence does not write (a party
    named by a code, 'Jake Garn, R-Utah') is no CoNLL04 relation.
    """
    text = sentence.text
    entities = {e.name: e for e in extraction.entities}
    found: dict[tuple[str, str, str], Prediction] = {}
    for fact in extraction.facts:
        relation = conll04_relation(fact)
        if relation is None:
            continue
        obj = _object(fact)
        key = (relation, fact.subject, obj)
        subjects = tuple(sentence.tokens(m) for m in mention_spans(fact.subject, entities, text))
        objects = tuple(sentence.tokens(m) for m in mention_spans(obj, entities, text))
        if key not in found and subjects and objects:
            found[key] = Prediction(relation, fact.subject, obj, subjects, objects)
    return list(found.values())


def score_sentence(
    sentence: Sentence, predicted: list[Prediction], scores: dict[str, Score]
) -> None:
    """Add one sentence's strict-match counts to `scores` (a boundary mismatch is FP + FN)."""
    gold = sentence.gold()
    matched: set[Triple] = set()
    for p in predicted:
        hit = next(
            (
                g
                for g in sorted(gold - matched)
                if g[0] == p.relation and g[1] in p.subjects and g[2] in p.objects
            ),
            None,
        )
        score = scores[p.relation]
        if hit is not None:
            matched.add(hit)
            score.tp += 1
        else:
            score.fp += 1
            score.false_positives.append((sentence.id, (p.subject, p.object), sentence.text))
    for kind, head, tail in sorted(gold - matched):
        scores[kind].fn += 1
        scores[kind].false_negatives.append(
            (sentence.id, (sentence.quote(head), sentence.quote(tail)))
        )


def evaluate_conll04(
    sentences: list[Sentence],
    extract: Callable[[Iterable[Article]], Iterator[Extraction]],
) -> dict[str, Score]:
    """Extract every sentence with `extract` and score it; the last row is the micro average."""
    scores = {relation: Score() for relation in RELATIONS}
    by_id = {s.id: s for s in sentences}
    for extraction in extract(Article(s.id, s.text, source="conll04") for s in sentences):
        sentence = by_id[extraction.article.id]
        score_sentence(sentence, predictions(extraction, sentence), scores)
    scores[MICRO] = Score(
        tp=sum(s.tp for s in scores.values()),
        fp=sum(s.fp for s in scores.values()),
        fn=sum(s.fn for s in scores.values()),
    )
    return scores


def excluded_counts(sentences: list[Sentence]) -> dict[str, int]:
    """Gold relations of the types not scored (Kill), by type."""
    return {kind: sum(len(s.gold((kind,))) for s in sentences) for kind in EXCLUDED}


def error_lines(scores: dict[str, Score], sentences: list[Sentence]) -> list[str]:
    """Every false positive and negative, each with its sentence."""
    text = {s.id: s.text for s in sentences}
    lines: list[str] = []
    for relation, s in scores.items():
        for name, (a, b), sent in s.false_positives:
            lines.append(f"FP {relation} {name}: {a} — {b} | {sent}")
        for name, (a, b) in s.false_negatives:
            lines.append(f"FN {relation} {name}: {a} — {b} | {text.get(name, '')}")
    return lines


def as_json(scores: dict[str, Score], excluded: dict[str, int]) -> dict[str, Any]:
    """Scores as a JSON-ready dict, with the excluded relation types and their gold counts."""
    result: dict[str, Any] = {r: s.as_dict() for r, s in scores.items()}
    result["excluded"] = excluded
    return result

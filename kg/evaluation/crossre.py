"""A held-out check of party ties on CrossRE (Bassignana & Plank 2022) politics sentences.

CrossRE annotates single Wikipedia sentences with entity spans and relations between them. Each
sentence is detokenised (as CoNLL04's are) and run through the normal extraction, alone: our own
entities and facts, no gold ones. Gold ties are the pairs of a person (`politician` or `person`)
and a `politicalparty` the annotation relates by `role`, `part-of` or `general-affiliation`, in
either direction. CrossRE does not tell a member from a leader, a candidate or a founder, and
most of its ties are past, so an asserted or past `member_of` or `leads` fact counts alike, once
per pair.

A fact's names are found in the sentence (its name or an alias, `conll04.mention_spans`) and
match an annotated mention they overlap, so "Liberal Party" matches a gold "Liberal Party of
Canada". A tie between an annotated person and party the annotation does not relate so is a false
positive; a tie to a name the annotation does not mark is counted apart, neither right nor wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import EvalError
from kg.evaluation.conll04 import Span, detokenise, mention_spans
from kg.evaluation.gold import HELD
from kg.evaluation.scores import Score, json_lines, markdown, report
from kg.types import Article, Extraction

PERSON_TYPES = ("politician", "person")
PARTY_TYPE = "politicalparty"
TIE_TYPES = ("role", "part-of", "general-affiliation")
"""The CrossRE relations that tie a person to a party (not `opposite`, `win-defeat`, ...)."""
PREDICATES = ("member_of", "leads")
RELATION = "party tie"


Group = tuple[Span, ...]
"""The token spans [start, end) naming one entity: CrossRE joins them by its `named` relation
("the National Socialist German Workers' Party (NSDAP)")."""


@dataclass(frozen=True)
class Sentence:
    """One CrossRE sentence: its text, token offsets, annotated persons and parties, gold ties."""

    id: str
    text: str
    offsets: tuple[Span, ...]
    persons: tuple[Group, ...]
    parties: tuple[Group, ...]
    ties: frozenset[tuple[int, int]]
    """(index in `persons`, index in `parties`) of each gold tie."""

    def quote(self, group: Group) -> str:
        """The text of the longest span naming an entity."""
        start, end = max(group, key=lambda span: span[1] - span[0])
        return self.text[self.offsets[start][0] : self.offsets[end - 1][1]]

    def named(self, mentions: list[Span], groups: tuple[Group, ...]) -> set[int]:
        """The indices of the entities one of `mentions` (spans of characters) overlaps a
        mention of."""
        return {
            i
            for start, end in mentions
            for i, group in enumerate(groups)
            for first, last in group
            if self.offsets[first][0] < end and start < self.offsets[last - 1][1]
        }


def _groups(spans: list[Span], named: list[tuple[Span, Span]]) -> tuple[Group, ...]:
    """`spans` joined into entities by the `named` pairs, in the order of their first mention."""
    entity = {span: frozenset((span,)) for span in spans}
    for a, b in named:
        if a in entity and b in entity:
            joined = entity[a] | entity[b]
            entity.update(dict.fromkeys(joined, joined))
    return tuple(dict.fromkeys(tuple(sorted(entity[span])) for span in spans))


@dataclass
class Result:
    """The tie counts of a file, and every error and unscored fact with its sentence."""

    score: Score = field(default_factory=Score)
    sentences: int = 0
    unannotated: int = 0
    errors: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    """(kind, sentence id, person, party, sentence text); kind FP, FN or unannotated."""


def _sentence(record: Any, number: int, path: Path) -> Sentence:
    try:
        tokens = [str(t) for t in record["sentence"]]
        text, offsets = detokenise(tokens)
        kinds: dict[Span, str] = {}
        for start, end, kind in record["ner"]:
            offsets[int(start)], offsets[int(end)]  # noqa: B018 - a span out of range fails here
            kinds[(int(start), int(end) + 1)] = str(kind)
        relations = [
            ((int(a), int(b) + 1), (int(c), int(d) + 1), str(kind))
            for a, b, c, d, kind, *_ in record["relations"]
        ]
        ident = str(record.get("doc_key", number))
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise EvalError(
            f"CrossRE file '{path}', line {number}: not in the CrossRE format (sentence tokens, "
            f"ner [start, end, type], relations [start, end, start, end, type, ...]): {exc!r}."
        ) from exc
    named = [(head, tail) for head, tail, kind in relations if kind == "named"]
    persons = _groups([s for s, k in kinds.items() if k in PERSON_TYPES], named)
    parties = _groups([s for s, k in kinds.items() if k == PARTY_TYPE], named)
    ties = {
        (i, j)
        for head, tail, kind in relations
        if kind in TIE_TYPES
        for i, person in enumerate(persons)
        for j, party in enumerate(parties)
        if (head in person and tail in party) or (tail in person and head in party)
    }
    return Sentence(ident, text, tuple(offsets), persons, parties, frozenset(ties))


def read_crossre(path: Path) -> list[Sentence]:
    """Read a CrossRE JSON Lines file (one annotated sentence per line)."""
    sentences = [
        _sentence(record, number, Path(path))
        for number, record in json_lines(Path(path), "CrossRE file")
    ]
    if not sentences:
        raise EvalError(f"CrossRE file '{path}' holds no sentences.")
    return sentences


def score_sentence(extraction: Extraction, sentence: Sentence, result: Result) -> None:
    """Add one sentence's tie counts, errors and unscored facts to `result`."""
    entities = {e.name: e for e in extraction.entities}
    matched: set[tuple[int, int]] = set()
    seen: set[tuple[str, str]] = set()
    score = result.score
    result.sentences += 1
    for fact in extraction.facts:
        key = (fact.subject, fact.object)
        if fact.predicate not in PREDICATES or fact.status not in HELD or key in seen:
            continue
        seen.add(key)
        persons = sentence.named(mention_spans(key[0], entities, sentence.text), sentence.persons)
        parties = sentence.named(mention_spans(key[1], entities, sentence.text), sentence.parties)
        hits = sorted((a, b) for a in persons for b in parties if (a, b) in sentence.ties - matched)
        if hits:
            score.tp += 1
            matched.add(hits[0])
        elif persons and parties:
            score.fp += 1
            result.errors.append(("FP", sentence.id, *key, sentence.text))
        else:
            result.unannotated += 1
            result.errors.append(("unannotated", sentence.id, *key, sentence.text))
    for person, party in sorted(sentence.ties - matched):
        score.fn += 1
        pair = (sentence.quote(sentence.persons[person]), sentence.quote(sentence.parties[party]))
        result.errors.append(("FN", sentence.id, *pair, sentence.text))


def evaluate_crossre(
    sentences: list[Sentence],
    extract: Callable[[Iterable[Article]], Iterator[Extraction]],
) -> Result:
    """Extract every sentence with `extract` and score its party ties."""
    result = Result()
    by_id = {s.id: s for s in sentences}
    for extraction in extract(Article(s.id, s.text, source="crossre") for s in sentences):
        score_sentence(extraction, by_id[extraction.article.id], result)
    return result


def heading(result: Result, path: Path) -> str:
    """What was scored: the file, its sentences and gold ties."""
    gold = result.score.tp + result.score.fn
    return (
        f"{result.sentences} CrossRE sentences in {path}; {gold} gold ties of a person to a party"
    )


def _unscored(result: Result) -> str:
    return f"ties to a name the annotation does not mark (not scored): {result.unannotated}"


def as_text(result: Result, errors: bool = False) -> str:
    """The tie table, what it leaves out, and the errors if asked."""
    lines = [report({RELATION: result.score}), _unscored(result)]
    if errors:
        order = {"FP": 0, "FN": 1, "unannotated": 2}
        for kind, ident, person, party, text in sorted(result.errors, key=lambda e: order[e[0]]):
            lines.append(f"{kind} {ident}: {person} — {party} | {text}")
    return "\n".join(lines)


def as_markdown(result: Result) -> str:
    """The tie table in Markdown, then what it leaves out."""
    return f"{markdown({RELATION: result.score})}\n\n- {_unscored(result)}"


def as_json(result: Result) -> dict[str, Any]:
    """The figures as a JSON-ready dict."""
    return {
        "party_tie": result.score.as_dict(),
        "sentences": result.sentences,
        "gold_ties": result.score.tp + result.score.fn,
        "unannotated": result.unannotated,
    }

"""Candidate entity pairs of a sentence and the features the affiliation classifier reads.

The same function describes a pair at training time (gold CoNLL04 entity spans mapped onto spaCy
tokens) and at extraction time (the article's resolved entities), so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

SIGNATURES: dict[str, tuple[str, str]] = {
    "works_for": ("person", "organization"),
    "based_in": ("organization", "place"),
    "lives_in": ("person", "place"),
    "located_in": ("place", "place"),
}
"""Each affiliation predicate and the (subject, object) entity types it links."""

MAX_BETWEEN_WORDS = 10
MAX_MENTIONS_BETWEEN = 8
"""Mentions further apart are never paired: 1 of the 1,283 gold relations of CoNLL04 train has
more mentions between its two."""


@dataclass(frozen=True)
class Mention:
    """One entity mention: its tokens and its type (a party counts as an organisation)."""

    span: Span
    type: str
    key: str = ""
    """The resolved entity it refers to, so that two mentions of one entity are never paired."""


def pair_type(entity_type: str) -> str:
    """The type the classifier knows: parties are organisations."""
    return "organization" if entity_type == "party" else entity_type


def candidates(
    mentions: list[Mention], max_between: int | None = MAX_MENTIONS_BETWEEN
) -> Iterator[tuple[str, Mention, Mention, list[Mention]]]:
    """Every (predicate, subject, object) whose types fit one of `SIGNATURES`, with the mentions
    between the two; at most `max_between` of them (None: any number, as the classifier was
    trained), so that a sentence of thousands of names costs time in proportion to its length,
    not to its square."""
    ordered = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
    reach = len(ordered) if max_between is None else max_between + 1
    for i, a in enumerate(ordered):
        for j in range(max(0, i - reach), min(len(ordered), i + reach + 1)):
            b = ordered[j]
            if a is b or (a.key and a.key == b.key) or _overlap(a.span, b.span):
                continue
            between = ordered[min(i, j) + 1 : max(i, j)]
            for predicate, signature in SIGNATURES.items():
                if (a.type, b.type) == signature:
                    yield predicate, a, b, between


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12):
        if n <= limit:
            return str(limit)
    return "13+"


def _word(token: Token) -> str:
    return token.lemma_.lower() if token.pos_ in ("VERB", "AUX", "NOUN") else token.lower_


def _edge(token: Token) -> str:
    return f"{token.dep_}:{token.lower_}" if token.dep_ in ("prep", "agent") else token.dep_


def dependency_path(a: Token, b: Token) -> tuple[list[Token], list[Token], Token | None]:
    """Tokens from `a` up to below the lowest common ancestor, from `b` up to below it, and it."""
    up = [a, *a.ancestors]
    down = [b, *b.ancestors]
    common = next((t for t in up if t in down), None)
    if common is None:
        return [], [], None
    return up[: up.index(common)], down[: down.index(common)], common


def pair_features(a: Mention, b: Mention, others: list[Mention]) -> dict[str, float]:
    """Binary features of a candidate pair: types, order, distance, words, dependency path."""
    doc = a.span.doc
    features: dict[str, float] = {}

    def add(name: str) -> None:
        features[name] = 1.0

    types = f"{a.type}>{b.type}"
    first, second = (a, b) if a.span.start < b.span.start else (b, a)
    order = "ab" if first is a else "ba"
    between = doc[first.span.end : second.span.start]
    add(f"types={types}")
    add(f"order={order}")
    add(f"dist={_bucket(len(between))}")
    inside = sum(
        1 for m in others if first.span.end <= m.span.start and m.span.end <= second.span.start
    )
    add(f"ents_between={min(inside, 3)}")
    if len(between) <= MAX_BETWEEN_WORDS:
        words = [_word(t) for t in between]
        for word in words:
            add(f"bw={word}")
        add(f"between={order}:{' '.join(words)}")
        if words:
            add(f"bw_first={order}:{words[0]}")
            add(f"bw_last={order}:{words[-1]}")
    else:
        add("between=long")
    before = doc[first.span.start - 1] if first.span.start > 0 else None
    after = doc[second.span.end] if second.span.end < len(doc) else None
    add(f"before={_word(before) if before is not None else '<s>'}")
    add(f"after={_word(after) if after is not None else '</s>'}")
    add(f"a_head={a.type}:{a.span.root.lower_}")
    add(f"b_head={b.type}:{b.span.root.lower_}")

    rising, falling, common = dependency_path(a.span.root, b.span.root)
    if common is None:
        add("path=none")
        return features
    path = " ".join([f"^{_edge(t)}" for t in rising] + [f"v{_edge(t)}" for t in reversed(falling)])
    add(f"path={path}")
    add(f"path_len={_bucket(len(rising) + len(falling))}")
    if rising and falling:
        add(f"lca={common.pos_}:{_word(common)}")
        add(f"path_lca={path}|{_word(common)}")
    for token in rising[1:] + falling[1:]:
        add(f"pw={_word(token)}")
    return features

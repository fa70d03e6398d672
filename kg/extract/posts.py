"""Posts and the affiliations titles carry.

"Israeli Defense Minister Yoav Gallant" -> Gallant holds "Defense Minister" (in Israel);
"Tory leader Michael Howard" -> Howard holds "Tory leader" and leads the Conservatives;
"Labour MP Paul Flynn" -> member of Labour; "Israel's opposition leader, ... Yair Lapid" and
"Ben-Gvir, leader of the Otzma Yehudit party" (appositions). Title references ("the prime
minister", "the Israeli leader") then resolve to the person holding that title.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.entities import POSSESSIVE, EntityIndex, Resolved
from kg.extract.rules import Rules

BRIDGES = {"of", "-", "–"}


@dataclass(frozen=True)
class Post:
    """A title found for a person: its label, where the post is, and the party it names."""

    person: Resolved
    label: str
    country: str | None
    org: Resolved | None
    head: str
    sentence: Span
    title_start: int
    title_end: int


def _country(tokens: list[Token], rules: Rules) -> str | None:
    for token in tokens:
        text = token.text
        if text in rules.demonyms:
            return rules.demonyms[text]
        if token.ent_type_ in ("GPE", "NORP") and token.ent_iob_ == "B":
            ent = next(e for e in token.doc.ents if e.start == token.i)
            return rules.demonyms.get(ent.text, ent.text if token.ent_type_ == "GPE" else None)
    return None


def _title_like(token: Token, index: EntityIndex, rules: Rules) -> bool:
    entity = index.at(token)
    if entity is not None:
        return entity.type in ("party", "organization", "place")
    if token.text in rules.demonyms or token.ent_type_ == "NORP":
        return True
    lower = token.lower_
    if lower in rules.posts["heads"] or lower in rules.posts["modifiers"] or lower in BRIDGES:
        return True
    if token.text in POSSESSIVE:
        return True
    return token.is_title and token.pos_ in ("PROPN", "ADJ", "NOUN") and token.ent_type_ != "DATE"


def _label(tokens: list[Token], index: EntityIndex, rules: Rules) -> str:
    """The title as written, without national adjectives (kept when the rest is generic)."""
    national = {
        t.i
        for t in tokens
        if t.text in rules.demonyms
        or t.ent_type_ == "NORP"
        or (index.at(t) is not None and index.at(t).type == "place")  # type: ignore[union-attr]
        or t.text in POSSESSIVE
    }
    kept = [t for t in tokens if t.i not in national]
    if len(kept) == 1 and kept[0].lower_ in rules.posts["generic"]:
        kept = [t for t in tokens if t.text not in POSSESSIVE]
    return "".join(t.text_with_ws for t in kept).strip(" -")


def _post(
    person: Resolved, tokens: list[Token], sentence: Span, index: EntityIndex, rules: Rules
) -> Post | None:
    while tokens and (tokens[0].lower_ in BRIDGES or tokens[0].text in POSSESSIVE):
        tokens = tokens[1:]
    heads = [i for i, t in enumerate(tokens) if t.lower_ in rules.posts["heads"]]
    if not heads:
        return None
    tail = tokens[heads[-1] + 1 :]
    complement = " ".join(t.text for t in tail[1:])
    if tail and not (tail[0].lower_ == "of" and complement in rules.posts["of_complements"]):
        return None
    head = tokens[heads[-1]].lower_
    org = next(
        (index.at(t) for t in tokens if index.at(t) and index.at(t).type == "party"),  # type: ignore[union-attr]
        None,
    )
    label = _label(tokens, index, rules)
    if not label:
        return None
    return Post(
        person,
        label,
        _country(tokens, rules),
        org,
        head,
        sentence,
        tokens[0].i,
        tokens[-1].i + 1,
    )


def prefix_posts(sentence: Span, index: EntityIndex, rules: Rules) -> Iterator[Post]:
    """Titles written before a person's name: 'Israeli Defense Minister Yoav Gallant'."""
    doc = sentence.doc
    seen: set[tuple[int, int]] = set()
    honorifics = set(rules.posts["title_words_before_name"])
    for token in sentence:
        person = index.at(token)
        span = index.spans.get(token.i)
        if person is None or person.type != "person" or span is None or span in seen:
            continue
        seen.add(span)
        i = span[0] - 1
        while i >= sentence.start and doc[i].text in honorifics:
            i -= 1
        tokens: list[Token] = []
        while i >= sentence.start and _title_like(doc[i], index, rules):
            tokens.insert(0, doc[i])
            i -= 1
        if tokens and (post := _post(person, tokens, sentence, index, rules)):
            yield post


def appositive_posts(
    sentence: Span, index: EntityIndex, rules: Rules
) -> Iterator[tuple[Post, Resolved | None]]:
    """Titles in apposition: 'X, the opposition leader' and 'the opposition leader, X'.

    Yields the post and the organisation of an 'of' phrase ('leader of the X party'), if any.
    """
    heads = set(rules.posts["heads"]) | {"member"}
    for token in sentence:
        person = index.at(token)
        if person is None or person.type != "person":
            continue
        nouns = [c for c in token.children if c.dep_ == "appos" and c.lower_ in heads]
        if token.dep_ == "appos" and token.head.lower_ in heads and index.at(token.head) is None:
            nouns.append(token.head)
        for noun in nouns:
            modifiers = [
                c
                for c in noun.lefts
                if c.dep_ in ("compound", "amod", "poss", "nmod", "case") or c.text in POSSESSIVE
            ]
            of_org = next(
                (
                    index.at(p)
                    for prep in noun.children
                    if prep.dep_ == "prep" and prep.lower_ == "of"
                    for p in prep.subtree
                    if index.at(p) is not None and index.at(p).type in ("party", "organization")  # type: ignore[union-attr]
                ),
                None,
            )
            tokens = sorted({t for m in modifiers for t in m.subtree} | {noun}, key=lambda t: t.i)
            post = _post(person, tokens, sentence, index, rules)
            if post is not None:
                yield post, of_org


def _refers_to(post: Post, phrase: str, head: str, country: str | None, rules: Rules) -> bool:
    """Whether 'the [country] PHRASE' can name the holder of `post`."""
    label = post.label.lower()
    if country and post.country != country:
        return False
    return phrase in label or (
        head == "leader" and any(t in label for t in rules.posts["leader_titles"])
    )


def _last_mentioned(candidates: list[Resolved], before: int, index: EntityIndex) -> Resolved | None:
    """Of `candidates`, the one mentioned last before token `before`."""
    last = {
        id(index.entities[key]): i
        for i, key in sorted(index.by_token.items())
        if i < before and any(index.entities[key] is c for c in candidates)
    }
    if not last:
        return candidates[0] if len(candidates) == 1 else None
    chosen = max(last, key=lambda k: last[k])
    return next(c for c in candidates if id(c) == chosen)


def resolve_title_references(doc: Doc, posts: list[Post], index: EntityIndex, rules: Rules) -> None:
    """Make 'the prime minister', 'the secretary', 'the Israeli leader' refer to their holder.

    The reference names a post's head word (and maybe its country); of the persons holding such a
    post, the one mentioned most recently before the reference wins.
    """
    title_tokens = {i for p in posts for i in range(p.title_start, p.title_end)}
    heads = set(rules.posts["heads"])
    for token in doc:
        if token.lower_ not in heads or token.i in index.by_token or token.i in title_tokens:
            continue
        left = list(token.lefts)
        if not left or left[0].lower_ != "the":
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and index.at(after) is not None:
            continue  # "the prime minister Tony Blair" is a title before a name, not a reference
        words = [t for t in left[1:] if t.dep_ in ("amod", "compound")]
        country = _country(words, rules)
        phrase = " ".join(
            [*(t.lower_ for t in words if t.text not in rules.demonyms), token.lower_]
        )
        holders: list[Resolved] = []
        for post in posts:
            if _refers_to(post, phrase, token.lower_, country, rules) and all(
                post.person is not h for h in holders
            ):
                holders.append(post.person)
        chosen = _last_mentioned(holders, token.i, index) if holders else None
        if chosen is None:
            continue
        key = next(k for k, e in index.entities.items() if e is chosen)
        index.add_mention(key, left[0].i + 1, token.i + 1, via_title=True)
        chosen.aliases.add(doc[left[0].i : token.i + 1].text)


def most_specific(posts: list[Post]) -> list[Post]:
    """Drop a post whose title is part of a longer title of the same person ('Secretary')."""

    def covered(post: Post) -> bool:
        return any(
            other.person is post.person
            and other.label != post.label
            and post.label.lower() in other.label.lower()
            and post.country in (None, other.country)
            for other in posts
        )

    return [p for p in posts if not covered(p)]

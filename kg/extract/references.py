"""Title references resolved to their holder: 'the prime minister', 'the secretary', 'the Israeli
leader', 'a UKIP MEP' (then named in the next sentence), 'the former Labour leader' in a story
about Neil Kinnock.

Of the persons holding a post the reference names, the one mentioned most recently before it
wins. With no holder, the reference is resolved by where it stands: the lede's subject is the
person the headline names; a reference opening a sentence names the subject of the sentence
before; a lede's title names the person the next sentence introduces; failing those, a qualified
title names the article's dominant person. The posts found that way are returned.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from kg.extract.entities import EntityIndex, Resolved
from kg.extract.posts import (
    SUBJECTS,
    Post,
    complement_of,
    country_of,
    entity_at,
    make_post,
)
from kg.extract.role_verbs import describes, hypothetical
from kg.extract.rules import Rules
from kg.extract.text import POSSESSIVE, positions_of, tokens_at

PROTAGONIST_SHARE = 0.5
PROTAGONIST_MENTIONS = 4


def _refers_to(
    post: Post, phrase: str, head: str, qualifiers: str, country: str | None, rules: Rules
) -> bool:
    """Whether 'the [country] PHRASE' can name the holder of `post`: the label holds the phrase,
    or the phrase is a leader ('the leader', 'the Tory leader') and the label a leader's title
    that holds each word of the `qualifiers` before the head, a party's word as any of its names
    ('the Tory leader' is not the Leader of the Commons, and is the Conservative leader)."""
    label = post.label.lower()  # a title written short is written out in the label: "senator"
    if country and post.country != country:
        return False
    if phrase in label:
        return True
    if head != "leader" or not any(t in label for t in rules.posts["leader_titles"]):
        return False
    return set(_words(qualifiers, rules)) <= set(_words(label, rules))


def _words(text: str, rules: Rules) -> list[str]:
    """The words of a lowercase title, a party's names ('lib dem', 'tory') as its one name."""
    aliases = sorted(rules.party_alias_to_name.items(), key=lambda item: -len(item[0]))
    text = f" {text} "
    for alias, name in aliases:
        if f" {alias.lower()} " in text:
            text = text.replace(f" {alias.lower()} ", f" {name.lower().replace(' ', '_')} ")
    return text.split()


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


def headline_person(headline: str | None, index: EntityIndex) -> Resolved | None:
    """The one person of the article whose name or surname the headline uses, if exactly one."""
    if not headline:
        return None
    words = set(re.findall(r"[\w'’-]+", headline))
    named = [
        e for e in index.persons().values() if e.name.split()[-1] in words or e.name in headline
    ]
    return named[0] if len(named) == 1 else None


def resolve_title_references(
    doc: Doc,
    posts: list[Post],
    index: EntityIndex,
    rules: Rules,
    lede: Span | None = None,
    headline: Resolved | None = None,
) -> list[Post]:
    """Make 'the prime minister', 'the secretary', 'the Israeli leader' refer to their holder.

    The reference names a post's head word (and maybe its country); of the persons holding such a
    post, the one mentioned most recently before the reference wins. With no holder, a reference
    that is the subject of the lede (the first sentence) is the person the headline names
    ("Blair defends terror law" / "The prime minister has defended ..."): that gives a new post,
    returned.
    """
    title_tokens = {i for p in posts for i in range(p.title_start, p.title_end)}
    heads = rules.words("posts", "heads")
    found: list[Post] = []
    for token in tokens_at(doc, positions_of(doc, heads, LOWER)):
        if token.lower_ not in heads or token.i in index.by_token or token.i in title_tokens:
            continue
        if describes(token):
            continue  # "the highest-level official to visit China" describes; it names no post
        left = list(token.lefts)
        possessor = (  # "Scotland's first minister"
            left[0].dep_ == "poss" and entity_at(left[0], index, ("place",)) is not None
            if left
            else False
        )
        in_lede = lede is not None and lede.start <= token.i < lede.end
        indefinite = bool(left) and left[0].lower_ in ("a", "an") and in_lede
        if not left or (left[0].lower_ != "the" and not possessor and not indefinite):
            continue  # "the prime minister", "Scotland's first minister"
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and index.at(after) is not None:
            continue  # "the prime minister Tony Blair" is a title before a name, not a reference
        words = [t for t in left[1:] if t.dep_ in ("amod", "compound")]
        country = country_of(left if possessor else words, index, rules)
        phrase = " ".join(
            [*(t.lower_ for t in words if t.text not in rules.demonyms), token.lower_]
        )
        qualifiers = " ".join(
            t.lower_
            for t in doc[left[0].i + 1 : token.i]
            if t.text not in rules.demonyms and t.text not in POSSESSIVE
        )
        holders: list[Resolved] = []
        for post in [*posts, *found]:
            if _refers_to(post, phrase, token.lower_, qualifiers, country, rules) and all(
                post.person is not h for h in holders
            ):
                holders.append(post.person)
        chosen = None if indefinite else _last_mentioned(holders, token.i, index)
        start = left[0].i + 1
        lone = token.lower_ in rules.posts["body_heads"] and not any(
            t.lower_ in heads for t in words
        )  # "the Scottish Executive" is a body, "the chief executive" a person
        if chosen is None and not holders and not lone and not hypothetical(token):
            title = [t for t in doc[start : token.i + 1] if t.text not in POSSESSIVE]
            complement = complement_of(token, index, rules)
            known = [*posts, *found]
            if headline is not None and in_lede and token.dep_ in SUBJECTS:
                chosen = headline
            else:
                chosen = (
                    _named_before(token, index, known, rules, foreign=country is not None)
                    or _named_after(token, title, lede if in_lede else None, index, known, rules)
                    or _protagonist(token, title, index, known, rules)
                )
            for words in [title, *_coordinated(token, heads)]:
                if chosen is None:
                    break
                made = make_post(chosen, words, complement, token.sent, index, rules)
                if made is not None:
                    found.append(replace(made, country=made.country or country))
                complement = []
        if chosen is None:
            continue
        index.add_mention(index.key_of(chosen), start, token.i + 1, indirect=True)
        chosen.aliases.add(doc[left[0].i : token.i + 1].text)
    return found


def resolve_title_heads(doc: Doc, posts: list[Post], index: EntityIndex) -> None:
    """Make a title that heads its name's phrase refer to the holder: in 'met the leader of the
    Y Party Tom Reyes' the parser hangs the name on 'of', so 'leader' is what 'met' takes, and
    it is Tom Reyes. A title hung on its name ('Tory leader X') needs nothing."""
    for post in posts:
        if post.title_end >= len(doc) or index.at(doc[post.title_end]) is not post.person:
            continue
        title = doc[post.title_start : post.title_end]
        top = title.root
        name = index.spans[post.title_end]
        if top.i in index.by_token or not any(t.i == top.i for t in doc[name[1] - 1].ancestors):
            continue
        index.add_mention(index.key_of(post.person), top.i, top.i + 1)


def _coordinated(noun: Token, heads: frozenset[str]) -> list[list[Token]]:
    """Titles joined to a reference: 'the former UN commissioner for human rights and Irish
    president' also names a president."""
    return [
        [t for t in c.lefts if t.dep_ in ("amod", "compound")] + [c]
        for c in noun.children
        if c.dep_ == "conj" and c.lower_ in heads
    ]


def _subject_person(sentence: Span, index: EntityIndex, rules: Rules) -> Resolved | None:
    """The person named as the subject of a sentence's main verb, or of the speech verb that
    closes it ('..., Lord Falconer said', however the parser hangs 'said' on the clause)."""
    root = sentence.root
    verbs = [root] + [
        c
        for c in root.children
        if c.dep_ in ("advcl", "ccomp", "parataxis") and c.lemma_ in rules.quotes["verbs"]
    ]
    for verb in verbs:
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is None:
            continue
        if subject.i in index.indirect:
            return None
        person = entity_at(subject, index, ("person",))
        if person is not None:
            return person
    return None


def _previous_sentence(sentence: Span) -> Span | None:
    doc = sentence.doc
    i = sentence.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i].sent if i >= 0 else None


def _named_before(
    token: Token, index: EntityIndex, posts: list[Post], rules: Rules, foreign: bool = False
) -> Resolved | None:
    """A title reference that opens a sentence names the subject of the sentence before, when
    that person holds no post yet: 'Tony Blair has apologised ... The prime minister was
    commenting ...'. Never someone the sentence itself names, nor, for a title of a country
    (`foreign`: 'the Ukrainian president'), when the sentence before names someone else too
    ('Starmer met X in Kyiv. The Ukrainian president ...' may well be X). A reference that
    closes a quotation as its speaker ('"...," the Liberal senator said') names the one person
    the sentence before names, whatever posts that person holds."""
    sentence = token.sent
    if token.dep_ not in SUBJECTS or token.head != sentence.root:
        return None
    before = _previous_sentence(sentence)
    person = _subject_person(before, index, rules) if before is not None else None
    closing = token.head.lemma_ in rules.quotes["verbs"] and any(
        t.tag_ == "''" for t in sentence.doc[sentence.start : token.i]
    )  # '"...," the senator said': after the quotation's closing mark
    if person is None or (not closing and any(p.person is person for p in posts)):
        return None
    named_here = any(index.at(t) is person for t in sentence)
    others = before is not None and any(
        (e := index.at(t)) is not None and e.type == "person" and e is not person for t in before
    )
    return None if named_here or ((foreign or closing) and others) else person


def _protagonist(
    token: Token, title: list[Token], index: EntityIndex, posts: list[Post], rules: Rules
) -> Resolved | None:
    """The person an article is about, for a title reference nothing nearer resolves: 'the
    outgoing European Commissioner said ...' in a story that names Neil Kinnock ten times.

    Only a qualified title ('the former Labour leader', not 'the minister') as a subject; only when
    one person has at least `PROTAGONIST_SHARE` of the article's person mentions and at least
    `PROTAGONIST_MENTIONS` of them, is the last person named before the reference, and holds no
    post in another party than the title names ('the Tory leader' is not a Labour protagonist)."""
    definite = next(token.lefts, None)
    if token.dep_ not in SUBJECTS or len(title) < 2 or definite is None or definite.lower_ != "the":
        return None
    counts: dict[str, int] = {}
    last: str | None = None
    for i in sorted(index.by_token):
        key = index.by_token[i]
        if index.spans[i][0] != i or index.entities[key].type != "person":
            continue
        counts[key] = counts.get(key, 0) + 1
        if i < token.i:
            last = key
    if not counts:
        return None
    key, top = max(counts.items(), key=lambda item: item[1])
    dominant = top >= PROTAGONIST_MENTIONS and top >= PROTAGONIST_SHARE * sum(counts.values())
    if not dominant or key != last:
        return None
    person = index.entities[key]
    named = make_post(person, title, [], token.sent, index, rules)
    party = named.org if named is not None and named.org and named.org.type == "party" else None
    if party is not None and any(
        p.person is person and p.org is not None and p.org.type == "party" and p.org is not party
        for p in posts
    ):
        return None
    return person


def _named_after(
    token: Token,
    title: list[Token],
    lede: Span | None,
    index: EntityIndex,
    posts: list[Post],
    rules: Rules,
) -> Resolved | None:
    """The delayed identification of news ledes: 'A UKIP MEP suggested ... / Mike Nattrass, ...,
    made the comments'. The lede's title names the first person the next sentence introduces who
    holds no other post (or only posts in the same organisation)."""
    if lede is None or token.dep_ in ("attr", "appos", "oprd"):
        return None  # "he is the longest-serving chancellor" says it of "he"
    doc = token.doc
    i = lede.end
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i >= len(doc):
        return None
    following = doc[i].sent
    reference = make_post(Resolved("", "person"), title, [], lede, index, rules)
    org = reference.org if reference is not None else None
    seen_before = {index.by_token[k] for k in index.by_token if k < following.start}
    introduced: list[Resolved] = []
    for t in following:
        person = entity_at(t, index, ("person",))
        if person is None or t.i in index.indirect or index.key_of(person) in seen_before:
            continue
        own = [p for p in posts if p.person is person]
        if all(org is not None and p.org is org for p in own) and person not in introduced:
            introduced.append(person)
    return introduced[0] if len(introduced) == 1 else None  # two new names: no telling

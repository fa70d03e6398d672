"""Parties named by a word that is not their name.

Wires tag a name with its party ('Harry Reid, D-Nev.', 'Chuck Schumer (D-N.Y.)', 'Mr Smith
(Lab)'), and a party adjective or member noun stands before a title or a name ('Republican Sen.
Mitt Romney', 'Democratic leader X', 'Republican Lindsey Graham') or in apposition to one
('Dianne Feinstein, a California Democrat'). The codes, the words and the spaCy Matcher patterns
for tags are data (`rules/party_mentions.json`). `find_party_mentions` marks them on the doc
(`doc.spans`, labelled with the party's canonical name) for `entities` to add as mentions of the
party; `tagged_members` then says whom each makes a member.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.errors import MatchPatternError
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from kg.errors import RulesError
from kg.extract.rules import Rules
from kg.extract.text import POSSESSIVE, ents_of, positions_of, tokens_of

if TYPE_CHECKING:  # entities imports this module
    from kg.extract.entities import EntityIndex, Resolved

TAGS = "newskg_party_tags"
TAG_LENGTH = 7
"""Tokens after a name a tag may take: '(', code, '-', state, '.', ')' and one to spare."""
WORDS = "newskg_party_words"
_matchers: dict[int, Matcher] = {}


def tag_matcher(vocab: Vocab, rules: Rules) -> Matcher:
    """The Matcher of `tag_patterns`, built once per vocabulary; a malformed pattern is a
    RulesError naming the file and the pattern."""
    matcher = _matchers.get(id(vocab))
    # An id may be reused after a vocab dies. (spaCy's matcher.pyi lacks the `readonly vocab`
    # of matcher.pxd.)
    if matcher is None or matcher.vocab is not vocab:  # type: ignore[attr-defined]
        matcher = Matcher(vocab, validate=True)
        for k, pattern in enumerate(rules.party_mentions["tag_patterns"]):
            try:
                matcher.add(f"tag_{k}", [pattern])
            except MatchPatternError as exc:
                raise RulesError(
                    f"rules/party_mentions.json: tag_patterns[{k}] is not a spaCy Matcher "
                    f"pattern: {exc}"
                ) from exc
        _matchers[id(vocab)] = matcher
    return matcher


def find_party_mentions(doc: Doc, rules: Rules) -> list[tuple[Span, str]]:
    """Tags right after a person's name and party words outside other names, each with the
    canonical name of its party; also kept in `doc.spans` for `tagged_members`."""
    tags, words = rules.party_mentions["tags"], rules.party_mentions["words"]
    titles = rules.party_mentions["title_words"]
    tagged: list[Span] = []
    worded: list[Span] = []
    titled: list[Span] = []
    # Most articles hold no code and no party word: look them up in the Doc's array of word
    # ids before walking any token; the tag Matcher (its patterns test a regex on every token)
    # runs only on the few tokens after each person's name.
    codes = {a: name for a, name in rules.party_alias_to_name.items() if " " not in a}
    if positions_of(doc, (*tags, *words, *titles, *codes)):
        in_names = {i for e in ents_of(doc) if e.label_ != "NORP" for i in range(e.start, e.end)}
        # "Labor" tagged ORG before "senator", "Liberal" in "the Liberal leader"
        alone = {e.start for e in ents_of(doc) if len(e) == 1}
        person_ends = {ent.end for ent in ents_of(doc) if ent.label_ == "PERSON"}
        person_starts = {ent.start for ent in ents_of(doc) if ent.label_ == "PERSON"}
        matcher = tag_matcher(doc.vocab, rules)
        for end in sorted(person_ends):  # a tag counts only right after a name: match there
            if end >= len(doc) or doc[end].text not in ("(", ","):
                continue
            if not any(start == 0 for _, start, _ in matcher(doc[end : end + TAG_LENGTH])):
                continue
            code = doc[end + 1]
            # "(D-Nev.)", "(ANC)", "(Labour)", "(Labor)"
            party = (
                tags.get(code.text)
                or codes.get(code.text)
                or words.get(code.text)
                or titles.get(code.text)
            )
            if party:
                tagged.append(Span(doc, code.i, code.i + 1, label=party))
        every = tokens_of(doc)
        for t in (every[i] for i in positions_of(doc, (*titles, *words))):
            if t.text in titles and (t.i not in in_names or t.i in alone):
                if _before_a_title(t, rules) or _before_a_possessed_name(t, person_starts):
                    titled.append(Span(doc, t.i, t.i + 1, label=titles[t.text]))
            elif t.text in words and (t.i not in in_names or t.i in alone):
                worded.append(Span(doc, t.i, t.i + 1, label=words[t.text]))
    doc.spans[TAGS] = tagged
    doc.spans[WORDS] = worded
    return [(span, span.label_) for span in (*tagged, *worded, *titled)]


def _before_a_title(word: Token, rules: Rules) -> bool:
    """Whether a title's head follows `word`, past its modifiers: 'Labor leader', 'Labor
    frontbencher', not 'Labor Department' nor a portfolio's capitalised title ('Labor
    Secretary', a minister of labour)."""
    doc, i = word.doc, word.i + 1
    while i < len(doc) and doc[i].lower_ in rules.posts["modifiers"]:
        i += 1
    if i >= len(doc):
        return False
    head = doc[i]
    if head.is_title and head.lower_ in rules.posts["portfolio_heads"]:
        return False
    return head.lower_ in {*rules.posts["heads"], *rules.posts["party_member_nouns"]}


def _before_a_possessed_name(word: Token, person_starts: set[int]) -> bool:
    """Whether `word` possesses a person's name: 'Labor's Anthony Burke'."""
    i = word.i + 1
    return i + 1 < len(word.doc) and word.doc[i].text in POSSESSIVE and i + 1 in person_starts


def _copula_subjects(word: Token, rules: Rules) -> list[Token]:
    """The subjects a member noun completes with a copula: 'X is a Democrat', 'X and Y are
    Republicans' (not 'X is not a Democrat')."""
    verb = word.head
    if word.dep_ != "attr" or verb.lemma_ not in rules.posts["role_verbs"]["attr"]:
        return []
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return [t for s in subjects for t in (s, *s.conjuncts)]


def tagged_members(
    sentence: Span, index: EntityIndex, rules: Rules
) -> Iterator[tuple[Resolved, Resolved, bool]]:
    """(person, party, past) for each tag after a name, party word right before a name, or member
    noun in apposition to a name or completing a copula ('X is a Democrat') in `sentence` (past:
    'X, formerly a Democrat'); titles ('Republican Sen. X') are `posts`'s."""
    doc = sentence.doc
    past_words = rules.words("posts", "past_modifiers")
    for group in (TAGS, WORDS):
        for span in doc.spans.get(group, ()):
            if not sentence.start <= span.start < sentence.end:
                continue
            party = index.at(span[0])
            if party is None or party.type != "party":
                continue
            if group == TAGS:
                neighbours = [doc[span.start - 2]]  # "Reid" in "Reid, D-Nev." / "Reid (D-Nev.)"
            else:
                word = span[0]
                after = doc[span.end] if span.end < len(doc) else None
                neighbours = [after] if after is not None else []
                if word.dep_ == "appos":  # "Dianne Feinstein, a California Democrat"
                    neighbours.append(word.head)
                neighbours += _copula_subjects(word, rules)  # "X is a Democrat"
            past = any(c.lower_ in past_words for c in span[0].children)
            for token in neighbours:
                person = index.at(token)
                if person is not None and person.type == "person":
                    yield person, party, past

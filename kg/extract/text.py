"""A parsed article's text, tokens and words, made once per Doc.

spaCy rebuilds `Doc.text` from every token on each access, which costs as much as a pass of the
rules over the whole article, and makes a new `Token` object each time a token is read by
index or by iterating a Doc or Span, and new entity `Span`s from every token on each read of
`Doc.ents`; the stages read every token a dozen times. So the text, the tokens and the entities
are kept while the stages run, and a stage looking for its words ("met", "visit", "Mr") asks
`positions_of`, an index of the Doc's word ids, instead of reading each token's word: it then
tests only the few tokens found, as it tested every token before. It also holds the small
readings of tokens that stages from the name repair on share (a hyphen written after a word, the
examples 'including' gives, an infinitive clause on a noun)."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar, cast

from spacy.attrs import IS_TITLE, IS_UPPER, LEMMA, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

KEY = "newskg.text"
"""Where the text is kept in `Doc.user_data`."""
TOKENS = "newskg.tokens"
"""Where the tokens are kept in `Doc.user_data`, while the stages run."""
POSSESSIVE = {"'s", "’s", "'", "’"}
"""The possessive endings, as the tokenizer splits them off: "Labor's", "the Tories'"."""
ENTS = "newskg.ents"
"""Where the named entities are kept in `Doc.user_data`, while the stages run."""
CACHE = "newskg.cache"
"""Where `cached` keeps its values in `Doc.user_data`."""
WORDS = "words"
"""The key of `positions_of`'s index of the words of a Doc in `cached` (with the attribute)."""


def doc_text(doc: Doc) -> str:
    """`doc.text`, read once per Doc."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return text


def parsed_from(doc: Doc, text: str) -> Doc:
    """`doc`, knowing it was parsed from `text` (spaCy keeps the text verbatim: `doc.text == text`),
    so that `doc_text` never joins its tokens."""
    doc.user_data[KEY] = text
    return doc


def tokens_of(span: Doc | Span) -> list[Token]:
    """The tokens of a Doc or Span, as slices of one list made once per Doc (until
    `release_tokens`): `for token in tokens_of(sentence)` reads as `for token in sentence`."""
    doc = span if isinstance(span, Doc) else span.doc
    every = doc.user_data.get(TOKENS)
    if every is None:
        every = doc.user_data[TOKENS] = list(doc)
    return every if isinstance(span, Doc) else every[span.start : span.end]


def hyphen_after(token: Token) -> bool:
    """Whether a hyphen written without spaces joins `token` to the next word: 'Kilroy' in
    'Kilroy-Silk', 'Secretary' in 'Secretary-General', 'Min' in 'Park Min-jae'."""
    doc, i = token.doc, token.i
    return (
        i + 2 < len(doc)
        and not token.whitespace_
        and doc[i + 1].text == "-"
        and not doc[i + 1].whitespace_
    )


def ents_of(doc: Doc) -> Sequence[Span]:
    """`doc.ents`, made once per Doc (until `release_tokens`): spaCy reads every token to make
    them on each access. The stages never change a Doc's entities."""
    ents = doc.user_data.get(ENTS)
    if ents is None:
        ents = doc.user_data[ENTS] = doc.ents
    return ents


def positions_of(doc: Doc, words: Iterable[str], attr: int = ORTH) -> list[int]:
    """Where a token of the doc is one of `words`, in text order: as written (`ORTH`), in lower
    case (`LOWER`) or by its lemma in lower case (`LEMMA`). Read from an index of the Doc's
    word ids made once per Doc and attribute, not by making a `Token` for each word: the stages
    find the few tokens worth a look this way, then test those as before."""
    if attr == ORTH:  # found by the lower-case word, then read as written
        wanted = set(words)
        every = tokens_of(doc)
        lowered = {word.lower() for word in wanted}
        return [i for i in positions_of(doc, lowered, LOWER) if every[i].text in wanted]
    index = cached(doc, f"{WORDS}.{attr}", lambda: _word_index(doc, attr))
    return sorted({i for word in words for i in index.get(_word_id(word), ())})


def _word_index(doc: Doc, attr: int) -> dict[int, list[int]]:
    """The positions of each word id of the doc, by `attr` (a lemma lowered: 'Labour' is
    'labour')."""
    by_id: defaultdict[int, list[int]] = defaultdict(list)
    for i, word in enumerate(doc.to_array(attr).tolist()):
        by_id[word].append(i)
    if attr != LEMMA:
        return by_id
    lowered: dict[int, list[int]] = {}
    for word, positions in by_id.items():
        key = _lowered_id(doc, word)
        lowered[key] = lowered[key] + positions if key in lowered else positions
    return lowered


_IDS: dict[str, int] = {}
"""The ids of the words looked up so far (an id is the hash of its string, in every vocabulary)."""
_LOWERED: dict[int, int] = {}
"""The id of each lemma id's string in lower case, for the lemmas read so far."""
MAX_WORDS = 1_000_000  # a long-running process reading new words starts the two again


def _word_id(word: str) -> int:
    found = _IDS.get(word)
    if found is None:
        if len(_IDS) >= MAX_WORDS:
            _IDS.clear()
        found = _IDS[word] = get_string_id(word)
    return found


def _lowered_id(doc: Doc, word: int) -> int:
    found = _LOWERED.get(word)
    if found is None:
        if len(_LOWERED) >= MAX_WORDS:
            _LOWERED.clear()
        found = _LOWERED[word] = _word_id(doc.vocab.strings[word].lower())
    return found


def capitalised(doc: Doc) -> list[int]:
    """Where a word is capitalised ('Leeds') or in capitals ('NATO'): `Token.is_title` or
    `Token.is_upper`, read from the Doc's arrays once per Doc."""

    def find() -> list[int]:
        flags = doc.to_array([IS_TITLE, IS_UPPER])
        return [i for i, (title, upper) in enumerate(flags.tolist()) if title or upper]

    return cached(doc, "capitalised", find)


def cached(doc: Doc, key: str, make: Callable[[], T]) -> T:
    """`make()`, worked out once per Doc while the stages run (until `release_tokens`): for
    what a stage reads of the whole Doc from each of its sentences. `key` names the value for
    the run's one Rules (a value made with other rules is not told apart)."""
    values = doc.user_data.setdefault(CACHE, {})
    if key not in values:
        values[key] = make()
    return cast(T, values[key])


def tokens_at(span: Doc | Span, positions: list[int]) -> list[Token]:
    """The tokens of `span` at `positions` (sorted), in order: `positions_of` finds them."""
    if isinstance(span, Doc):
        every = tokens_of(span)
        return [every[i] for i in positions]
    every = tokens_of(span.doc)
    return [every[i] for i in within(positions, span)]


def within(positions: list[int], span: Span) -> list[int]:
    """The positions (sorted) inside `span`."""
    return positions[bisect_left(positions, span.start) : bisect_left(positions, span.end)]


def release_tokens(doc: Doc) -> None:
    """Forget what `tokens_of`, `ents_of`, `positions_of` and `cached` kept (tokens and
    entities refer back to the Doc)."""
    doc.user_data.pop(TOKENS, None)
    doc.user_data.pop(ENTS, None)
    doc.user_data.pop(CACHE, None)


def examples_of(noun: Token) -> list[Token]:
    """The words 'including' or 'such as' give as examples of `noun` ('leaders including X and
    Y': X), or a clause of 'include' on it ('a group that included X'), whose people are among
    the noun's."""
    return [
        obj
        for word in noun.children
        if (word.dep_ == "prep" and _gives_examples(word))
        or (word.dep_ == "relcl" and word.lemma_ == "include")
        for obj in word.children
        if obj.dep_ in ("pobj", "dobj")
    ]


def _gives_examples(prep: Token) -> bool:
    such = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
    return prep.lower_ == "including" or such


def infinitive_clause(clause: Token) -> bool:
    """Whether `clause` is an infinitive qualifying the noun it hangs on: 'to meet' in 'the first
    leader to meet X'."""
    return clause.dep_ in ("relcl", "acl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )

"""Who said what: quotations, reported speech and 'according to X', each with its speaker.

Three shapes, tried in this order (speech verbs and quote marks come from `rules/quotes.json`):

- direct: words in quote marks, set off by punctuation on both sides, whose speech verb is in the
  same sentence ('"...," she said', '"...," said Mr Thomas', 'Mr Howard said: "..."');
- continued: a quotation sentence right after (or right before) such an attribution in the same
  paragraph ('"...," she said. "It's not his job."');
- reported: the clause a speech verb governs ('X said (that) ...', 'X told the BBC ...') or the
  clause 'according to X' hangs from.

Words in quote marks that are not set off by punctuation ('remains 'ironclad'', a film title) are
a partial or scare quote, never a quotation of their own. A speaker is a person or organisation
the entity index resolved ('he' / 'she' included, see `pronouns`); 'his office said' names nobody,
so it yields nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from kg.extract.entities import EntityIndex, Resolved
from kg.extract.factuality import status_of
from kg.extract.rules import Rules
from kg.extract.text import cached, doc_text, positions_of, tokens_at
from kg.types import Status

SUBJECTS = {"nsubj", "nsubjpass"}
SPEAKER_LINKS = {"conj", "appos"}
CLIMB = {"conj", "advcl", "xcomp"}
"""A speech verb without a subject borrows its head's: 'arrived and said', 'adding that'."""
LEFT_SET_OFF = set(":,.!?;—–-") | set('”"’')
RIGHT_SET_OFF = set(",.!?…—–-:;")
SENTENCE_END = re.compile(r"[.!?…][”’\"]*\s*$")


@dataclass(frozen=True)
class Quote:
    """Words attributed to a speaker, with the sentences that show it."""

    speaker: Resolved
    text: str
    sentences: tuple[Span, ...]
    confidence: float
    status: Status = "asserted"
    words_at: tuple[int, int] | None = None
    """Where a direct quotation's words are in the text (characters), if it is one and its
    speaker is the attribution's only one: there 'I' and 'me' are the speaker."""


@dataclass(frozen=True)
class Marked:
    """Quoted text: the marks span [outer_start, outer_end), the words [start, end)."""

    outer_start: int
    outer_end: int
    start: int
    end: int
    direct: bool
    """Set off by punctuation on both sides: a quotation, not a scare quote or a title."""


@dataclass
class Attribution:
    """A speech verb (or 'according') outside quote marks, and who it says is speaking."""

    verb: Token
    sentence: Span
    speakers: list[tuple[Resolved, bool]]
    """Each speaker, and whether it was found through a pronoun."""
    confidence: float
    status: Status
    quoting: bool = False
    """It introduces a direct quotation, so its clause is not also reported speech."""


@cache
def _opening_marks(marks: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(mark) for mark in marks))


def quoted(text: str, start: int, end: int, rules: Rules) -> list[Marked]:
    """The quoted stretches of one paragraph, text[start:end]; an unclosed one runs to its end."""
    pairs = dict(rules.quotes["marks"])
    apostrophes = rules.words("quotes", "apostrophes")
    opening = _opening_marks(tuple(pairs))
    found: list[Marked] = []
    i = start
    while i < end:
        at = opening.search(text, i, end)
        if at is None:
            break
        i = at.start()
        if i > start and text[i - 1].isalnum():
            i += 1
            continue
        close = pairs[text[i]]
        j = i + 1  # the closing mark: not an apostrophe inside a word ('the party's')
        while (j := text.find(close, j, end)) >= 0:
            if not (close in apostrophes and j + 1 < end and text[j + 1].isalnum()):
                break
            j += 1
        if j < 0:
            j = end
        inner_end = min(j, end)
        outer_end = min(j + 1, end)
        before = text[start:i].rstrip()
        inner = text[i + 1 : inner_end].rstrip()
        after = text[outer_end:end].lstrip()
        direct = (not before or before[-1] in LEFT_SET_OFF) and (
            j >= end or (inner[-1:] in RIGHT_SET_OFF) or not after or after[0] in RIGHT_SET_OFF
        )
        found.append(Marked(i, outer_end, i + 1, inner_end, direct and bool(inner)))
        i = outer_end
    return found


def quoted_stretches(doc: Doc, rules: Rules) -> list[Marked]:
    """The quoted stretches of the whole text, paragraph by paragraph, in order (made once per
    Doc: the quotes and the pronouns both read them)."""

    def find() -> list[Marked]:
        text = doc_text(doc)
        paragraphs = (m.span() for m in re.finditer(r"[^\n]+", text))
        return [marked for start, end in paragraphs for marked in quoted(text, start, end, rules)]

    return cached(doc, "quoted", find)


def stretch_at(stretches: Sequence[Marked], starts: Sequence[int], char: int) -> Marked | None:
    """The stretch holding character `char`, if any, of `stretches` in text order (they do not
    overlap: `quoted`), whose outer starts are `starts`."""
    k = bisect_right(starts, char) - 1
    if k >= 0 and stretches[k].outer_start <= char < stretches[k].outer_end:
        return stretches[k]
    return None


def _clean(text: str) -> str:
    return " ".join(text.split()).strip().rstrip(",").strip()


@dataclass
class _Article:
    """One article's body sentences, paragraphs, quoted stretches and speakers so far."""

    body: Sequence[Span]
    index: EntityIndex
    rules: Rules
    marked: list[Marked] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = text = doc_text(self.body[0].doc) if self.body else ""
        self.paragraphs = [m.span() for m in re.finditer(r"[^\n]+", text)]
        if self.body:
            self.marked.extend(quoted_stretches(self.body[0].doc, self.rules))
        self.paragraph_starts = [start for start, _ in self.paragraphs]
        self.starts = [s.start_char for s in self.body]
        self.mark_starts = [m.outer_start for m in self.marked]

    # ------------------------------------------------------------ where things are

    def sentence_at(self, char: int) -> int:
        """The position in `body` of the sentence holding character `char`."""
        return max(bisect_right(self.starts, char) - 1, 0)

    def paragraph_of(self, char: int) -> int:
        """The number of the paragraph holding character `char`."""
        return bisect_right(self.paragraph_starts, char) - 1

    def inside(self, token: Token) -> Marked | None:
        """The quoted stretch a token is in, if any."""
        return stretch_at(self.marked, self.mark_starts, token.idx)

    def quotation(self, token: Token) -> bool:
        """Whether a token is inside a quotation (not a partial or scare quote)."""
        marked = self.inside(token)
        return marked is not None and marked.direct

    # ------------------------------------------------------------ who speaks

    def speakers_of(self, tokens: list[Token]) -> list[tuple[Resolved, bool]]:
        """The persons and organisations subject tokens name (pronouns already resolved)."""
        types = self.rules.quotes["speaker_types"]
        found: list[tuple[Resolved, bool]] = []
        stack = list(tokens)
        while stack:
            token = stack.pop(0)
            entity = self.index.at(token)
            via_pronoun = token.lower_ in self.rules.pronouns["pronouns"]
            if (
                entity is not None
                and entity.type in types
                and all(entity is not e for e, _ in found)
            ):
                found.append((entity, via_pronoun))
            stack.extend(c for c in token.children if c.dep_ in SPEAKER_LINKS)
        persons = [(e, p) for e, p in found if e.type == "person"]
        return persons or found  # "Roger Bennett, head of ELSPA, said": Bennett speaks

    def attribution(self, verb: Token, position: int) -> Attribution | None:
        """The speech verb's speakers (an empty list when it names nobody: 'his office said')."""
        quotes = self.rules.quotes
        if verb.lower_ == "according":
            tokens = [p for to in verb.children if to.lower_ == "to" for p in to.children]
            tokens = [t for t in tokens if t.dep_ == "pobj"]
            if not tokens:
                return None
            speakers = self.speakers_of(tokens)
            return Attribution(
                verb, self.body[position], speakers, quotes["according_to"], "asserted"
            )
        token = verb
        while True:
            subjects = [c for c in token.children if c.dep_ in SUBJECTS]
            if subjects or token.dep_ not in CLIMB or token.head is token:
                break
            token = token.head
        relative = quotes["relative_pronouns"]
        if token.dep_ == "relcl" and any(s.lower_ in relative for s in subjects):
            subjects = [token.head]
        speakers = self.speakers_of(subjects)
        confidence = quotes["verbs"][verb.lemma_.lower()]
        # Only a speaker's words are facts: a status nobody reads is not worked out.
        status = status_of(verb, self.rules) if speakers else "asserted"
        return Attribution(verb, self.body[position], speakers, confidence, status)

    def attributions(self) -> list[Attribution]:
        """Every speech verb outside quote marks, in text order."""
        verbs = self.rules.quotes["verbs"]
        found: list[Attribution] = []
        if not self.body:
            return found
        doc = self.body[0].doc
        words = sorted({*positions_of(doc, verbs, LEMMA), *positions_of(doc, ["according"], LOWER)})
        for position, sentence in enumerate(self.body):
            for token in tokens_at(sentence, words):
                speech = token.pos_ == "VERB" and token.lemma_.lower() in verbs
                if not speech and not (token.lower_ == "according" and token.dep_ == "prep"):
                    continue
                if self.inside(token) is None:
                    attribution = self.attribution(token, position)
                    if attribution is not None:
                        found.append(attribution)
        return found

    # ------------------------------------------------------------ what they said

    def sentences(self, start: int, end: int, *extra: Span) -> tuple[Span, ...]:
        first, last = self.sentence_at(start), self.sentence_at(max(end - 1, start))
        spans = {s.start: s for s in (*self.body[first : last + 1], *extra)}
        return tuple(spans[k] for k in sorted(spans))

    def own_attribution(self, quote: Marked, found: list[Attribution]) -> Attribution | None:
        """'"...," X said' (a verb after the quote) or 'X said: "..."' (a verb before it)."""
        text = self.text
        k = self.marked.index(quote)
        following = self.marked[k + 1].outer_start if k + 1 < len(self.marked) else len(text)
        preceding = self.marked[k - 1].outer_end if k > 0 else 0
        inner = text[quote.start : quote.end].rstrip()
        ends_sentence = inner.endswith(".") and not text[quote.outer_end :].startswith(",")
        close_sentence = self.body[self.sentence_at(quote.outer_end - 1)]
        if not ends_sentence:
            for a in found:
                if a.sentence is close_sentence and quote.outer_end <= a.verb.idx < following:
                    return a
        open_sentence = self.body[self.sentence_at(quote.outer_start)]
        lead = text[open_sentence.start_char : quote.outer_start].rstrip()
        if lead[-1:] in (":", ","):
            before = [
                a
                for a in found
                if a.sentence is open_sentence and preceding <= a.verb.idx < quote.outer_start
            ]
            if before:
                return before[-1]
        return None

    def continued(
        self, quote: Marked, found: list[Attribution], owners: dict[int, Attribution]
    ) -> Attribution | None:
        """The attribution right before a quotation sentence, or of the quotation right after."""
        text = self.text
        paragraph = self.paragraph_of(quote.outer_start)
        position = self.sentence_at(quote.outer_start)
        previous = [
            a
            for a in found
            if a.verb.idx < quote.outer_start and self.paragraph_of(a.verb.idx) == paragraph
        ]
        if previous:
            last = previous[-1]
            at_start = not text[self.body[position].start_char : quote.outer_start].strip()
            gap = text[last.verb.idx : quote.outer_start]
            follows = position > 0 and last.sentence is self.body[position - 1]
            if (follows and at_start) or (
                last.sentence is self.body[position] and SENTENCE_END.search(gap)
            ):
                return last
        k = self.marked.index(quote)
        if k + 1 < len(self.marked):
            after = self.marked[k + 1]
            between = text[quote.outer_end : after.outer_start]
            if not between.strip() and id(after) in owners:
                return owners[id(after)]
        return None

    def reported(self, attribution: Attribution) -> str | None:
        """The clause a speech verb governs ('said (that) ...'), or 'according to X' hangs from."""
        quotes = self.rules.quotes
        verb = attribution.verb
        if verb.lower_ == "according":
            clause = verb.head
            while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                clause = clause.head
            inner = list(verb.subtree)
            skip = {t.i for t in inner}
            for edge in (inner[0].i - 1, inner[-1].i + 1):  # the commas around 'according to X'
                if 0 <= edge < len(verb.doc) and verb.doc[edge].is_punct:
                    skip.add(edge)
            tokens = [t for t in clause.subtree if t.i not in skip and not self.quotation(t)]
        else:
            clauses = [c for c in verb.children if c.dep_ == "ccomp" and not self.quotation(c)]
            clauses += [  # 'said in a statement that ...' (parsed as the noun's clause)
                clause
                for prep in verb.children
                if prep.dep_ == "prep"
                for noun in prep.children
                for clause in noun.children
                if clause.dep_ == "acl" and any(m.lower_ == "that" for m in clause.children)
            ]
            if not clauses:
                return None
            tokens = list(clauses[0].subtree)
            if tokens[0].dep_ == "mark" and tokens[0].lower_ == "that":
                tokens = tokens[1:]
            # '... remains 'ironclad' but suggested ...': another speech verb is another report
            verbs = quotes["verbs"]
            cut = next(
                (t.i for t in tokens if t.dep_ == "conj" and t.lemma_.lower() in verbs), None
            )
            tokens = [t for t in tokens if cut is None or t.i < cut]
        marks = {m for pair in quotes["marks"] for m in pair}
        while tokens and (
            (tokens[-1].is_punct and tokens[-1].text not in marks)
            or tokens[-1].is_space
            or tokens[-1].dep_ == "cc"
        ):
            tokens.pop()
        while tokens and (tokens[0].is_punct and tokens[0].text not in marks or tokens[0].is_space):
            tokens.pop(0)
        if len(tokens) < 2:
            return None
        words = "".join(
            t.text + (t.whitespace_ or " " if n.i != t.i + 1 else t.whitespace_)
            for t, n in zip(tokens, tokens[1:], strict=False)
        )
        words = _clean(words + tokens[-1].text)
        if len(words) > 2 and (words[0], words[-1]) in {tuple(p) for p in quotes["marks"]}:
            words = words[1:-1]  # the whole clause is quoted: 'warned that "..."'
        return words

    def quotes(self) -> Iterator[Quote]:
        text = self.text
        found = self.attributions()
        shapes = self.rules.quotes["shapes"]
        owners: dict[int, Attribution] = {}
        for quote in self.marked:
            if quote.direct and (a := self.own_attribution(quote, found)) is not None:
                owners[id(quote)] = a
                a.quoting = True
        assigned: list[tuple[Marked, Attribution, float]] = [
            (q, owners[id(q)], shapes["direct"]) for q in self.marked if id(q) in owners
        ]
        for quote in self.marked:
            if (
                quote.direct
                and id(quote) not in owners
                and (a := self.continued(quote, found, owners)) is not None
            ):
                assigned.append((quote, a, shapes["continued"]))
        for quote, a, shape in assigned:
            words = _clean(text[quote.start : quote.end])
            sentences = self.sentences(quote.outer_start, quote.outer_end, a.sentence)
            at = (quote.start, quote.end) if len(a.speakers) == 1 else None
            yield from self._said(a, words, sentences, shape, at)
        for a in found:
            if not a.quoting and (reported := self.reported(a)) is not None:
                yield from self._said(a, reported, (a.sentence,), shapes["reported"])

    def _said(
        self,
        a: Attribution,
        words: str,
        sentences: tuple[Span, ...],
        shape: float,
        at: tuple[int, int] | None = None,
    ) -> Iterator[Quote]:
        if not words:
            return
        factor = self.rules.quotes["pronoun_factor"]
        for speaker, via_pronoun in a.speakers:
            confidence = a.confidence * shape * (factor if via_pronoun else 1.0)
            yield Quote(speaker, words, sentences, round(confidence, 3), a.status, at)


def quotes(body: Sequence[Span], index: EntityIndex, rules: Rules) -> Iterator[Quote]:
    """Who said what in an article's body sentences (captions and credits left out)."""
    yield from _Article(body, index, rules).quotes()

"""A held-out check of `met` on WikiEvents (Li et al. 2021) news documents.

Each document is rebuilt as text from its tokens (the spacing their character offsets show; a
sentence without final punctuation, like a headline or a subhead, ends its paragraph; a first
one is the title, as `kg.sources` reads a BBC headline) and run through the normal extraction:
our own entities, no gold ones. Gold meetings are the pairs of person participants of each
meeting event (`MEET_TYPES`); coreference clusters (`coref/<name>.jsonlines` next to the file)
join a participant's mentions into one entity. Our names match an entity by any of its mention
texts or by a surname only one annotated person has, as in `kg.evaluation.gold`.

Only asserted `met` facts count, as in `kg eval`. A met fact no meeting event explains is a false
positive when both names are annotated entities; between names the annotation does not mark it
is left out and counted apart. A false positive that a non-meeting Contact event (a broadcast, a
phone call, a statement) pairs is flagged as such.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from kg.errors import EvalError
from kg.evaluation.gold import HONORIFICS
from kg.evaluation.scores import Score, json_lines, markdown, report
from kg.sources import MAX_HEADLINE_WORDS
from kg.types import Article, Extraction

MEET_TYPES = ("Contact.Contact.Meet", "Contact.RequestCommand.Meet")
PARTICIPANT_ROLES = ("Participant", "Communicator", "Recipient")
"""The roles of the people taking part in a Contact event (Topic and Place are not people)."""
PERSON = "PER"

_FINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_DATE_IN_ID = re.compile(r"(?<!\d)(\d{4})[.-](\d{2})[.-](\d{2})(?!\d)")

Pair = frozenset[str]
"""Two entity keys of one document."""


@dataclass(frozen=True)
class Event:
    """A Contact event: its type, the sentence of its trigger and its participants' mention ids."""

    type: str
    sentence: int
    participants: tuple[str, ...]


@dataclass(frozen=True)
class Document:
    """One WikiEvents document as text for extraction, with its gold mentions and events."""

    id: str
    title: str | None
    text: str
    published: date | None
    sentences: tuple[str, ...]
    mentions: dict[str, tuple[str, str]]
    """Mention id to (text, entity type)."""
    entity_of: dict[str, str]
    """Mention id to its entity key (the first mention id of its coreference cluster)."""
    events: tuple[Event, ...]

    def article(self) -> Article:
        """The document as an article for `kg.extract`."""
        return Article(self.id, self.text, self.published, self.title, source="wikievents")

    def persons(self, event: Event) -> set[str]:
        """The entities of an event's participants annotated as persons."""
        return {self.entity_of[m] for m in event.participants if self.mentions[m][1] == PERSON}

    def names(self, entity: str) -> list[str]:
        """An entity's capitalised mentions other than pronouns: its names, if it has any."""
        return [t for t in self._texts(entity) if _is_name(t)]

    def name(self, entity: str) -> str:
        """An entity's display name: its longest name, else its longest mention."""
        return max(self.names(entity) or self._texts(entity), key=len)

    def _texts(self, entity: str) -> list[str]:
        return [t for m, (t, _) in self.mentions.items() if self.entity_of[m] == entity]


_PRONOUNS = {"he", "she", "i", "we", "they", "it", "who", "his", "her", "him", "them", "their"}


def _is_name(text: str) -> bool:
    return text[:1].isupper() and text.casefold() not in _PRONOUNS


def _sentence_text(tokens: list[Any]) -> str:
    parts: list[str] = []
    end = None
    for token, start, stop in tokens:
        if end is not None and int(start) > end:
            parts.append(" ")
        parts.append(str(token))
        end = int(stop)
    return "".join(parts)


def _layout(sentences: list[str]) -> tuple[str | None, str]:
    title = None
    first = sentences[0] if len(sentences) > 1 else ""
    if first and not _FINAL.search(first) and len(first.split()) <= MAX_HEADLINE_WORDS:
        title, sentences = first, sentences[1:]
    text = ""
    for sentence in sentences:
        if text:
            text += " " if _FINAL.search(text) else "\n\n"
        text += sentence
    return title, text


def published_in(doc_id: str) -> date | None:
    """The date a document id carries ("..._2014.06.04...."), if any."""
    match = _DATE_IN_ID.search(doc_id)
    if not match:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def _document(record: dict[str, Any], clusters: list[list[str]] | None) -> Document:
    doc_id = str(record["doc_id"])
    sentences = [_sentence_text(tokens) for tokens, _ in record["sentences"]]
    mentions = {
        str(m["id"]): (str(m["text"]), str(m["entity_type"])) for m in record["entity_mentions"]
    }
    entity_of = {m: m for m in mentions}
    if clusters is None:  # no coreference: mentions with the same text are one entity
        first: dict[str, str] = {}
        for m, (text, _) in mentions.items():
            entity_of[m] = first.setdefault(_key(text), m)
    else:
        for cluster in clusters:
            for m in cluster:
                if m in mentions:
                    entity_of[m] = cluster[0]
    events = []
    for e in record["event_mentions"]:
        sentence = int(e["trigger"]["sent_idx"])
        if not 0 <= sentence < len(sentences):
            raise IndexError(f"event {e.get('id')} has its trigger in sentence {sentence}")
        roles = [a for a in e["arguments"] if a["role"] in PARTICIPANT_ROLES]
        for a in e["arguments"]:
            mentions[a["entity_id"]]  # noqa: B018 - an argument naming no mention fails here
        events.append(Event(str(e["event_type"]), sentence, tuple(a["entity_id"] for a in roles)))
    title, text = _layout(sentences)
    return Document(
        doc_id,
        title,
        text,
        published_in(doc_id),
        tuple(sentences),
        mentions,
        entity_of,
        tuple(events),
    )


def coref_path(path: Path) -> Path:
    """Where WikiEvents keeps the coreference clusters of a split: `coref/<name>.jsonlines`."""
    return path.parent / "coref" / f"{path.stem}.jsonlines"


def read_wikievents(path: Path) -> tuple[list[Document], Path | None]:
    """Read a WikiEvents JSON Lines file and its coreference file, if there is one."""
    coref = coref_path(Path(path))
    clusters: dict[str, list[list[str]]] = {}
    if coref.is_file():
        for number, record in json_lines(coref, "WikiEvents coreference file"):
            if not isinstance(record.get("clusters"), list):
                raise EvalError(
                    f"WikiEvents coreference file '{coref}', line {number}: no 'clusters' list "
                    "of mention ids; give the coref/*.jsonlines file WikiEvents ships."
                )
            clusters[str(record.get("doc_key"))] = record["clusters"]
    documents = []
    for number, record in json_lines(Path(path), "WikiEvents file"):
        try:
            documents.append(_document(record, clusters.get(str(record.get("doc_id")))))
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise EvalError(
                f"WikiEvents file '{path}', line {number}: not in the WikiEvents format "
                "(doc_id, sentences of [token, start, end], entity_mentions, event_mentions "
                f"whose arguments name mentions): {exc!r}."
            ) from exc
    if not documents:
        raise EvalError(f"WikiEvents file '{path}' holds no documents; give a WikiEvents *.jsonl.")
    return documents, coref if coref.is_file() else None


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().casefold()


class EntityMatcher:
    """Maps our names onto one document's annotated entities."""

    def __init__(self, doc: Document) -> None:
        self.by_text: dict[str, set[str]] = {}
        self.by_surname: dict[str, set[str]] = {}
        for m, (text, kind) in doc.mentions.items():
            entity = doc.entity_of[m]
            self.by_text.setdefault(_key(text), set()).add(entity)
            if kind == PERSON and _is_name(text):
                self.by_surname.setdefault(_key(text.split()[-1]), set()).add(entity)

    def match(self, name: str) -> frozenset[str]:
        """The entities a name is a mention of, or whose surname it shares alone; else none."""
        if _key(name) in self.by_text:
            return frozenset(self.by_text[_key(name)])
        words = [w for w in name.split() if w not in HONORIFICS]
        found = self.by_surname.get(_key(words[-1]), set()) if words else set()
        return frozenset(found) if len(found) == 1 else frozenset()


@dataclass(frozen=True)
class Error:
    """One error line: kind (FP, FN or unannotated), document, the two names, sentence, note."""

    kind: str
    doc: str
    a: str
    b: str
    sentence: str
    note: str = ""


@dataclass
class Result:
    """Scores for `met`, the errors behind them and the facts left out."""

    score: Score = field(default_factory=Score)
    errors: list[Error] = field(default_factory=list)
    documents: int = 0
    meetings: int = 0
    unannotated: int = 0
    known: int = 0
    """False positives a non-meeting Contact event pairs."""
    other_status: int = 0
    """Planned, negated and reported met facts, left out of met."""


def gold_pairs(doc: Document) -> dict[Pair, Event]:
    """Every pair of person entities a meeting event joins, with the first such event."""
    pairs: dict[Pair, Event] = {}
    for event in doc.events:
        if event.type in MEET_TYPES:
            for a, b in combinations(sorted(doc.persons(event)), 2):
                pairs.setdefault(frozenset((a, b)), event)
    return pairs


def contact_pairs(doc: Document) -> dict[Pair, str]:
    """Pairs of entities a non-meeting Contact event joins, with its type."""
    pairs: dict[Pair, str] = {}
    for event in doc.events:
        if event.type.startswith("Contact.") and event.type not in MEET_TYPES:
            entities = sorted({doc.entity_of[m] for m in event.participants})
            for a, b in combinations(entities, 2):
                pairs.setdefault(frozenset((a, b)), event.type)
    return pairs


def _pairs(a: frozenset[str], b: frozenset[str]) -> list[Pair]:
    return sorted(({frozenset((x, y)) for x in a for y in b if x != y}), key=sorted)


def score_document(extraction: Extraction, doc: Document, result: Result) -> None:
    """Add one document's counts and errors to `result`."""
    match = EntityMatcher(doc)
    gold = gold_pairs(doc)
    contacts = contact_pairs(doc)
    matched: set[Pair] = set()
    seen: set[frozenset[Any]] = set()
    score = result.score
    result.documents += 1
    result.meetings += sum(e.type in MEET_TYPES for e in doc.events)
    for fact in extraction.facts:
        if fact.predicate != "met":
            continue
        if fact.status != "asserted":
            result.other_status += 1
            continue
        a, b = match.match(fact.subject), match.match(fact.object)
        key = frozenset((a, b)) if a and b else frozenset((fact.subject, fact.object))
        if (a and a == b) or key in seen:
            continue
        seen.add(key)
        sentence = fact.evidence[0].sentence if fact.evidence else ""
        hits = [p for p in _pairs(a, b) if p in gold]
        if hits:
            score.tp += 1
            matched.add(hits[0])
        elif a and b:
            score.fp += 1
            known = next((contacts[p] for p in _pairs(a, b) if p in contacts), "")
            result.known += bool(known)
            note = f"a {known} event, not a meeting" if known else ""
            result.errors.append(Error("FP", doc.id, fact.subject, fact.object, sentence, note))
        else:
            result.unannotated += 1
            unmarked = " and ".join(n for n, e in ((fact.subject, a), (fact.object, b)) if not e)
            note = f"not scored: {unmarked} not annotated"
            result.errors.append(
                Error("unannotated", doc.id, fact.subject, fact.object, sentence, note)
            )
    for pair, event in sorted(gold.items(), key=lambda item: sorted(item[0])):
        if pair not in matched:
            score.fn += 1
            x, y = sorted(doc.name(e) for e in pair)
            unnamed = [doc.name(e) for e in sorted(pair) if not doc.names(e)]
            note = f"never named: {', '.join(unnamed)}" if unnamed else ""
            result.errors.append(Error("FN", doc.id, x, y, doc.sentences[event.sentence], note))


def evaluate_wikievents(
    documents: list[Document],
    extract: Callable[[Iterable[Article]], Iterator[Extraction]],
) -> Result:
    """Extract every document with `extract` and score its met facts against the meetings."""
    result = Result()
    by_id = {d.id: d for d in documents}
    for extraction in extract(d.article() for d in documents):
        score_document(extraction, by_id[extraction.article.id], result)
    return result


def heading(result: Result, path: Path, coref: Path | None) -> str:
    """What was scored: the file, its coreference, the meetings and gold pairs."""
    clusters = f"coreference from {coref}" if coref else "no coreference file, mentions by text"
    gold = result.score.tp + result.score.fn
    return (
        f"{result.documents} WikiEvents documents in {path} ({clusters}); "
        f"{result.meetings} meeting events, {gold} gold pairs of persons"
    )


def summary(result: Result) -> list[str]:
    """What the met figures leave out or explain, one line each."""
    return [
        f"met facts between names the annotation does not mark (not scored): {result.unannotated}",
        f"false positives a non-meeting Contact event pairs: {result.known}",
        f"planned, negated or reported met facts (left out of met): {result.other_status}",
    ]


def error_lines(result: Result) -> list[str]:
    """Every false positive and negative, then the unscored facts, each with its sentence."""
    order = {"FP": 0, "FN": 1, "unannotated": 2}
    lines = []
    for e in sorted(result.errors, key=lambda e: order[e.kind]):
        note = f" ({e.note})" if e.note else ""
        lines.append(f"{e.kind} met {e.doc}: {e.a} — {e.b}{note} | {e.sentence}")
    return lines


def as_text(result: Result, errors: bool = False) -> str:
    """The met table, what it leaves out, and the errors if asked."""
    lines = [report({"met": result.score}), *summary(result)]
    return "\n".join(lines + (error_lines(result) if errors else []))


def as_markdown(result: Result) -> str:
    """The met table in Markdown, then what it was scored on and what it leaves out."""
    gold = result.score.tp + result.score.fn
    scored = f"{result.meetings} meeting events, {gold} gold pairs of persons"
    notes = "\n".join(f"- {line}" for line in [scored, *summary(result)])
    return f"{markdown({'met': result.score})}\n\n{notes}"


def as_json(result: Result) -> dict[str, Any]:
    """The figures as a JSON-ready dict."""
    return {
        "met": result.score.as_dict(),
        "documents": result.documents,
        "meeting_events": result.meetings,
        "gold_pairs": result.score.tp + result.score.fn,
        "unannotated": result.unannotated,
        "known_false_positives": result.known,
        "other_status": result.other_status,
    }

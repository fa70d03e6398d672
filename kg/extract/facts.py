"""Facts from what the stages found: relations, quotes, posts and credits become `Fact`s, a
caption confirms a meeting's date and place, and one relation stated twice is one fact with two
pieces of evidence."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span

from kg.extract.captions import Captions
from kg.extract.dates import resolve_date
from kg.extract.entities import EntityIndex
from kg.extract.posts import Post, most_specific
from kg.extract.quotes import Quote
from kg.extract.relations import Found
from kg.extract.rules import Rules
from kg.extract.text import doc_text
from kg.types import Article, Entity, Evidence, Extraction, Fact, Status


def _evidence(sentence: Span) -> Evidence:
    text = doc_text(sentence.doc)[
        sentence.start_char : sentence.end_char
    ]  # as Span.text, read once
    return Evidence(text.strip(), sentence.start_char, sentence.end_char)


def _fact(found: Found) -> Fact:
    a, b = found.subject, found.object
    if found.predicate == "met" and b.name < a.name:
        a, b = b, a
    return Fact(
        predicate=found.predicate,  # type: ignore[arg-type]
        subject=a.name,
        subject_type=a.type,
        object=b.name,
        object_type=b.type,
        evidence=(_evidence(found.sentence),),
        confidence=round(found.confidence, 3),
        status=found.status,
        date=found.date.isoformat() if found.date else None,
        place=found.place.name if found.place else None,
    )


def _quote_fact(quote: Quote) -> Fact:
    speaker = quote.speaker
    evidence = tuple(_evidence(s) for s in quote.sentences)
    return Fact(
        "said",
        speaker.name,
        speaker.type,
        quote.text,
        "quote",
        evidence,
        quote.confidence,
        status=quote.status,
    )


def _post_facts(post: Post, rules: Rules) -> Iterator[Fact]:
    """holds_position, and what the title says of its organisation (leads / member / works)."""
    evidence = (_evidence(post.sentence),)
    name = post.person.name
    status: Status = "past" if post.past else "asserted"
    post_in, post_in_type = (post.country, "place") if post.country else (None, None)
    if post.org is not None and (post_in is None or post.role is not None):
        post_in, post_in_type = post.org.name, post.org.type
    if post.head != "member":
        confidence = rules.triggers["holds_position"]["confidence"]
        yield Fact(
            "holds_position",
            name,
            "person",
            post.label,
            "post",
            evidence,
            confidence,
            status=status,
            post_in=post_in,
            post_in_type=post_in_type,  # type: ignore[arg-type]
        )
    if post.org is not None and post.role is not None:
        confidence = rules.triggers[post.role]["confidence"]
        org, org_type = post.org.name, post.org.type
        yield Fact(post.role, name, "person", org, org_type, evidence, confidence, status=status)
    if post.party is not None:
        confidence = rules.triggers["member_of"]["confidence"]
        party, party_type = post.party.name, post.party.type
        yield Fact(
            "member_of", name, "person", party, party_type, evidence, confidence, status=status
        )


def _credit_facts(captions: Captions, article: Article) -> tuple[list[Fact], list[Entity]]:
    facts: list[Fact] = []
    entities: list[Entity] = []
    for credit in captions.credits:
        evidence = (Evidence(credit.text, credit.start, credit.end),)
        entities.append(Entity(credit.name, "person"))
        facts.append(Fact("credited", credit.name, "person", article.id, "article", evidence, 0.95))
        if credit.agency:
            entities.append(Entity(credit.agency, "organization"))
            facts.append(
                Fact(
                    "works_for", credit.name, "person", credit.agency, "organization", evidence, 0.8
                )
            )
    return facts, entities


def _enrich_from_captions(
    facts: list[Fact], doc: Doc, captions: Captions, index: EntityIndex, article: Article
) -> list[Fact]:
    """A caption may confirm the date and place of a meeting the body states, never add one."""
    enriched = list(facts)
    text = doc_text(doc)
    for start, end in captions.descriptions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not any(t.lemma_.lower() in ("meet", "meeting") for t in span):
            continue
        names = {e.name for t in span if (e := index.at(t)) is not None and e.type == "person"}
        places = [e.name for t in span if (e := index.at(t)) is not None and e.type == "place"]
        dates = [
            resolve_date(ent.text, article.published) for ent in span.ents if ent.label_ == "DATE"
        ]
        day = next((d.isoformat() for d in dates if d), None)
        for i, fact in enumerate(enriched):
            if fact.predicate != "met" or fact.status != "asserted":
                continue
            if {fact.subject, fact.object} <= names and (fact.date in (None, day)):
                enriched[i] = replace(
                    fact,
                    date=fact.date or day,
                    place=fact.place or (places[-1] if places else None),
                    evidence=(*fact.evidence, Evidence(text[start:end].strip(), start, end)),
                )
    return enriched


def _key(fact: Fact) -> tuple:
    return (fact.predicate, fact.subject, fact.object, fact.status, fact.post_in)


def _compatible(a: Fact, b: Fact) -> bool:
    """Same relation, and no conflicting date or place."""
    return (
        _key(a) == _key(b)
        and (a.date is None or b.date is None or a.date == b.date)
        and (a.place is None or b.place is None or a.place == b.place)
    )


def merge_facts(facts: Iterable[Fact]) -> list[Fact]:
    """One fact per relation: the same relation stated twice keeps both pieces of evidence."""
    merged: list[Fact] = []
    for fact in facts:
        for i, kept in enumerate(merged):
            if _compatible(kept, fact):
                evidence = kept.evidence + tuple(e for e in fact.evidence if e not in kept.evidence)
                merged[i] = replace(
                    kept,
                    date=kept.date or fact.date,
                    place=kept.place or fact.place,
                    evidence=evidence,
                    confidence=max(kept.confidence, fact.confidence),
                )
                break
        else:
            merged.append(fact)
    return merged


def _without_event_places(found: list[Found]) -> list[Found]:
    """Drop 'lives in' / 'based in' a place the same sentence puts an event at: in 'Blinken met
    Herzog in Jerusalem' Herzog was in Jerusalem for the meeting, which says nothing of his home."""
    at_event: set[tuple[int, int, int]] = set()
    for f in found:
        if f.predicate == "met" and f.place is not None:
            for person in (f.subject, f.object):
                at_event.add((id(f.sentence), id(person), id(f.place)))
        if f.predicate == "visited":
            at_event.add((id(f.sentence), id(f.subject), id(f.object)))
    return [
        f
        for f in found
        if f.predicate not in ("lives_in", "based_in")
        or (id(f.sentence), id(f.subject), id(f.object)) not in at_event
    ]


def _without_denied_meetings(found: list[Found]) -> list[Found]:
    """Drop a meeting the same sentence also denies: 'A and B both attended the summit but did
    not meet' puts them at one gathering and says they did not meet there."""
    denied = {
        (id(f.sentence), frozenset((id(f.subject), id(f.object))))
        for f in found
        if f.predicate == "met" and f.status == "negated"
    }
    return [
        f
        for f in found
        if f.predicate != "met"
        or f.status != "asserted"
        or (id(f.sentence), frozenset((id(f.subject), id(f.object)))) not in denied
    ]


def extraction_of(
    doc: Doc,
    article: Article,
    rules: Rules,
    captions: Captions,
    index: EntityIndex,
    found: list[Found],
    said: list[Quote],
    posts: list[Post],
) -> Extraction:
    """The article's entities and merged facts from what the stages found."""
    facts = [_fact(f) for f in _without_denied_meetings(_without_event_places(found))]
    facts.extend(_quote_fact(q) for q in said)
    for post in most_specific(posts):
        facts.extend(_post_facts(post, rules))
    credit_facts, credit_entities = _credit_facts(captions, article)
    facts = _enrich_from_captions(merge_facts(facts), doc, captions, index, article)
    facts = merge_facts([*facts, *credit_facts])

    entities: dict[str, Entity] = {}
    for resolved in index.entities.values():
        entities.setdefault(resolved.name, resolved.freeze())
    for entity in credit_entities:
        entities.setdefault(entity.name, entity)
    return Extraction(article, tuple(entities.values()), tuple(facts))

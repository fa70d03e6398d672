"""Extraction: articles in, entities and facts with evidence out. spaCy types stay in here.

The stages per article, each a module of its own:

1. `captions`: photo captions, credits and contributor lines, found in the raw text;
2. `entities`: spaCy's mentions grouped into the article's entities (surnames, "Mr X", parties),
   and `relatives` named by a first name given their family name ("his wife Cherie");
3. `posts`: titles ("Defense Minister Yoav Gallant") and the affiliations they carry, and
   `memberships` stated by a phrase ("David Page, of Investec Securities"); then `references`:
   title references ("the prime minister") resolved to their holder;
4. `pronouns`: "he" / "she" as subjects, where the antecedent is unambiguous;
5. `quotes` (who said what), whose speakers then resolve "I" and "me" inside their quotations;
6. `relations` (met, visited, leads by verb; `events` for meetings told through an event noun)
   and `affiliations` (works for, based in, lives in, located in: rules and a trained
   classifier), then `company` for those who 'also joined' a company already met and
   `copresence` for those the text puts at one gathering ('also took part in the talks');
7. facts merged, so that one relation stated twice is one fact with two pieces of evidence.

Rules are data in `rules/*.json`; dates resolve against the published date (`dates`); the status
of a fact (asserted, planned, negated, reported) comes from `factuality`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.affiliations import affiliations_in
from kg.extract.captions import Captions, find_captions
from kg.extract.company import joined_company
from kg.extract.copresence import copresent
from kg.extract.dates import resolve_date
from kg.extract.entities import EntityIndex, resolve_entities
from kg.extract.memberships import affiliation_phrases, joined_by_verb
from kg.extract.party_mentions import tagged_members
from kg.extract.pipeline import load_pipeline
from kg.extract.posts import (
    Post,
    appositive_posts,
    most_specific,
    prefix_posts,
    pronoun_posts,
)
from kg.extract.pronouns import resolve_first_person, resolve_pronouns
from kg.extract.quotes import Quote, quotes
from kg.extract.references import headline_person, resolve_title_references
from kg.extract.relations import Found, led_by_verb, meetings, visits
from kg.extract.relatives import name_relatives
from kg.extract.rules import Rules, load_rules
from kg.extract.text import doc_text, parsed_from
from kg.types import Article, Entity, Evidence, Extraction, Fact

__all__ = ["extract", "extract_doc", "load_pipeline"]


def extract(
    articles: Iterable[Article], nlp: Language, rules: Rules | None = None, batch_size: int = 16
) -> Iterator[Extraction]:
    """Extract every article of a stream, parsing them in batches with `nlp.pipe`."""
    rules = rules or load_rules()
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_doc(parsed_from(doc, article.text), article, rules)


def _evidence(sentence: Span) -> Evidence:
    return Evidence(sentence.text.strip(), sentence.start_char, sentence.end_char)


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
    status = "past" if post.past else "asserted"
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
        party = post.party.name
        yield Fact("member_of", name, "person", party, "party", evidence, confidence, status=status)


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


def extract_doc(doc: Doc, article: Article, rules: Rules | None = None) -> Extraction:
    """Extract entities and facts from one parsed article."""
    rules = rules or load_rules()
    captions = find_captions(article.text, rules)
    index = resolve_entities(doc, captions, rules)
    name_relatives(doc, index, rules)
    body = [s for s in doc.sents if not captions.covers(s.start_char, s.end_char)]

    posts: list[Post] = []
    found: list[Found] = []
    for sentence in body:
        posts.extend(prefix_posts(sentence, index, rules))
        posts.extend(appositive_posts(sentence, index, rules))
        for role, person, org in affiliation_phrases(sentence, index, rules):
            confidence = rules.triggers[role]["confidence"]
            found.append(Found(role, person, org, sentence, confidence))
        for person, party in tagged_members(sentence, index):
            confidence = rules.triggers["member_of"]["confidence"]
            found.append(Found("member_of", person, party, sentence, confidence))
    lede = body[0] if body else None
    headline = headline_person(article.title, index)
    posts += resolve_title_references(doc, posts, index, rules, lede, headline)
    resolve_pronouns(body, index, rules)
    # One call over the whole body: a pronoun speaker and a quotation continued in the next
    # sentence need the neighbouring sentences.
    said = list(quotes(body, index, rules))
    resolve_first_person(said, doc, index, rules)
    posts.extend(post for sentence in body for post in pronoun_posts(sentence, index, rules))
    for sentence in body:
        found.extend(meetings(sentence, index, article.published, rules))
        found.extend(visits(sentence, index, article.published, rules))
        found.extend(led_by_verb(sentence, index, rules))
        found.extend(joined_by_verb(sentence, index, rules))
        found.extend(affiliations_in(sentence, index, rules))
    found.extend(list(joined_company(found)))
    found.extend(list(copresent(body, found, index, rules)))

    facts = [_fact(f) for f in _without_event_places(found)]
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

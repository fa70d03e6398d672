"""The extraction stages as registered spaCy components, run in this order on a parsed Doc.

- `newskg_captions` (captions): `doc._.newskg_captions`, and `doc._.newskg_body`, the sentences
  that are not captions or credits;
- `newskg_entities` (entities, relatives): `doc._.newskg_index`, the article's entities and the
  entity of each mention;
- `newskg_posts` (posts, memberships, party_mentions): `doc._.newskg_posts`, and the
  affiliations phrases state in `doc._.newskg_found`;
- `newskg_references` (references, groups, pronouns, quotes): title references, groups named by
  their posts and pronouns resolved in the index, `doc._.newskg_quotes`;
- `newskg_relations` (relations, events, verb_relations, affiliations, company, copresence):
  meetings, visits, leading, joining and affiliations added to `doc._.newskg_found`;
- `newskg_party_ties` (party_ties): leading and membership ties a trained classifier finds
  between a person and an organisation the rules left undecided, added to `doc._.newskg_found`;
- `newskg_facts` (facts): `doc._.newskg_extraction`, the `Extraction` that crosses the stage
  boundary.

Each component reads the annotations of the ones before it and the article and rules the caller
set (`prepare`: `doc._.newskg_article`, `doc._.newskg_rules`), so each can be run and tested
alone on a Doc prepared that far. `extraction_pipeline` puts them in a `Language` of their own,
next to the parsing pipeline (`kg.extract.pipeline`): parsing may run in other processes
(`n_process`), and the rules run where the parse comes back.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.abroad import away_from_home, visits_abroad
from kg.extract.affiliations import affiliations_in, through_places
from kg.extract.captions import find_captions
from kg.extract.company import joined_company
from kg.extract.copresence import copresent
from kg.extract.counterparts import resolve_counterparts
from kg.extract.entities import EntityIndex, resolve_entities
from kg.extract.facts import extraction_of
from kg.extract.groups import resolve_delegations, resolve_groups
from kg.extract.memberships import affiliation_phrases
from kg.extract.party_mentions import tagged_members
from kg.extract.party_ties import party_ties
from kg.extract.posts import Post, appositive_posts, prefix_posts, pronoun_posts
from kg.extract.pronouns import resolve_first_person, resolve_pronouns
from kg.extract.quotes import quotes
from kg.extract.references import (
    headline_person,
    resolve_title_heads,
    resolve_title_references,
)
from kg.extract.relations import Found, guests, meetings, there_for, visitors, visits
from kg.extract.relatives import name_relatives
from kg.extract.rules import Rules, load_rules
from kg.extract.text import positions_of, within
from kg.extract.verb_relations import verb_relations
from kg.types import Article, Status

STAGES = (
    "newskg_captions",
    "newskg_entities",
    "newskg_posts",
    "newskg_references",
    "newskg_relations",
    "newskg_party_ties",
    "newskg_facts",
)
"""The components, in the order they run."""

EXTENSIONS = (
    "newskg_article",
    "newskg_rules",
    "newskg_captions",
    "newskg_body",
    "newskg_index",
    "newskg_posts",
    "newskg_found",
    "newskg_quotes",
    "newskg_extraction",
)
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def prepare(doc: Doc, article: Article, rules: Rules | None = None) -> Doc:
    """Give a parsed Doc the article and rules the components read."""
    doc._.newskg_article = article
    doc._.newskg_rules = rules or load_rules()
    return doc


@Language.component("newskg_captions")
def captions_stage(doc: Doc) -> Doc:
    """Photo captions, credits and contributor lines; the body is every other sentence."""
    captions = find_captions(doc._.newskg_article.text, doc._.newskg_rules)
    doc._.newskg_captions = captions
    doc._.newskg_body = [s for s in doc.sents if not captions.covers(s.start_char, s.end_char)]
    return doc


@Language.component("newskg_entities")
def entities_stage(doc: Doc) -> Doc:
    """The article's entities, and relatives named by a first name."""
    rules = doc._.newskg_rules
    index = resolve_entities(doc, doc._.newskg_captions, rules)
    name_relatives(doc, index, rules)
    doc._.newskg_index = index
    return doc


def with_people(body: list[Span], index: EntityIndex, rules: Rules) -> list[Span]:
    """The sentences of `body` that name a person or a group of them, or that may refer to a
    group named before ('the two men', 'both', 'the three leaders'): the only ones a post, a
    person's affiliation, a meeting or a visit can be read from (half of a typical article's
    sentences)."""
    if not body:
        return []
    met = rules.triggers["met"]
    pair_words = positions_of(body[0].doc, {*met["pair_words"], *met["group_sizes"]}, LOWER)
    return [
        sentence
        for sentence in body
        if index.names_a_person(sentence) or within(pair_words, sentence)
    ]


@Language.component("newskg_posts")
def posts_stage(doc: Doc) -> Doc:
    """Titles and what they carry; affiliations stated by a phrase or a party's code."""
    rules, index = doc._.newskg_rules, doc._.newskg_index
    posts: list[Post] = []
    found: list[Found] = []
    for sentence in with_people(doc._.newskg_body, index, rules):
        posts.extend(prefix_posts(sentence, index, rules))
        posts.extend(appositive_posts(sentence, index, rules))
        for role, person, org, held in affiliation_phrases(sentence, index, rules):
            confidence = rules.triggers[role]["confidence"]
            found.append(Found(role, person, org, sentence, confidence, held))
        for person, party, past in tagged_members(sentence, index, rules):
            confidence = rules.triggers["member_of"]["confidence"]
            status: Status = "past" if past else "asserted"
            found.append(Found("member_of", person, party, sentence, confidence, status))
    doc._.newskg_posts = posts
    doc._.newskg_found = found
    return doc


@Language.component("newskg_references")
def references_stage(doc: Doc) -> Doc:
    """Title references, counterparts and pronouns resolved, quotes and their speakers, pronouns'
    posts."""
    rules, index, body = doc._.newskg_rules, doc._.newskg_index, doc._.newskg_body
    article: Article = doc._.newskg_article
    posts = doc._.newskg_posts
    lede = body[0] if body else None
    headline = headline_person(article.title, index)
    resolve_title_heads(doc, posts, index)
    posts += resolve_title_references(doc, posts, index, rules, lede, headline)
    posts += resolve_counterparts(doc, posts, index, rules)
    resolve_groups(doc, posts, index, rules)
    resolve_delegations(doc, index, rules)
    resolve_pronouns(body, index, rules)
    # One call over the whole body: a pronoun speaker and a quotation continued in the next
    # sentence need the neighbouring sentences.
    said = list(quotes(body, index, rules))
    resolve_first_person(said, doc, index, rules)
    posts.extend(post for sentence in body for post in pronoun_posts(sentence, index, rules))
    doc._.newskg_quotes = said
    return doc


@Language.component("newskg_relations")
def relations_stage(doc: Doc) -> Doc:
    """Meetings, visits, leading and joining by verb, affiliations; then company, presence and
    the visits a meeting abroad implies."""
    rules, index, body = doc._.newskg_rules, doc._.newskg_index, doc._.newskg_body
    published = doc._.newskg_article.published
    found: list[Found] = doc._.newskg_found
    peopled = with_people(body, index, rules)
    starts = {sentence.start for sentence in peopled}
    for sentence in body:
        if sentence.start in starts:
            found.extend(meetings(sentence, index, published, rules))
            found.extend(visits(sentence, index, published, rules))
            found.extend(visitors(sentence, index, published, rules))
            found.extend(guests(sentence, index, published, rules))
            found.extend(there_for(sentence, index, published, rules))
        found.extend(affiliations_in(sentence, index, rules))  # also where organisations are
    found.extend(verb_relations(peopled, index, rules))
    found.extend(through_places(found, ("visited",)))  # the temple in Amritsar: Amritsar too
    found.extend(list(joined_company(found)))
    found.extend(list(copresent(body, found, index, rules)))
    found.extend(list(visits_abroad(found, doc._.newskg_posts, rules)))  # "met Y in Ankara"
    found[:] = away_from_home(found, doc._.newskg_posts)  # "Chinese Premier X left Beijing"
    return doc


@Language.component("newskg_party_ties")
def party_ties_stage(doc: Doc) -> Doc:
    """Leading and membership ties the classifier finds where the rules found none."""
    found: list[Found] = doc._.newskg_found
    body, index, posts = doc._.newskg_body, doc._.newskg_index, doc._.newskg_posts
    found.extend(list(party_ties(body, index, found, posts, doc._.newskg_rules)))
    return doc


@Language.component("newskg_facts")
def facts_stage(doc: Doc) -> Doc:
    """The `Extraction`: entities and merged facts with their evidence."""
    doc._.newskg_extraction = extraction_of(
        doc,
        doc._.newskg_article,
        doc._.newskg_rules,
        doc._.newskg_captions,
        doc._.newskg_index,
        doc._.newskg_found,
        doc._.newskg_quotes,
        doc._.newskg_posts,
    )
    return doc


@cache
def extraction_pipeline() -> Language:
    """The extraction components in order, in a `Language` of their own."""
    pipeline = spacy.blank("en")
    for stage in STAGES:
        pipeline.add_pipe(stage)
    return pipeline

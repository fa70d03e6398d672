"""Extraction: articles in, entities and facts with evidence out. spaCy types stay in here.

Two spaCy pipelines run on each article. The parsing pipeline (`pipeline.load_pipeline`: the
trained model, a party ruler, `newskg_sentences`, `newskg_misparses`, `newskg_name_repair`)
gives the Doc; the extraction pipeline (`components.extraction_pipeline`) runs newskg's stages
on it as registered components, in this order:

1. `newskg_captions`: photo captions, credits and contributor lines, found in the raw text;
2. `newskg_entities`: spaCy's mentions grouped into the article's entities (surnames, "Mr X",
   parties and the codes wires give them), and `relatives` named by a first name;
3. `newskg_posts`: titles ("Defense Minister Yoav Gallant") and the affiliations they carry, and
   `memberships` stated by a phrase ("Ann Pike, of Barclays Capital");
4. `newskg_references`: title references ("the prime minister") resolved to their holder,
   "he" / "she" where the antecedent is unambiguous, `quotes` (who said what) whose speakers then
   resolve "I" and "me" inside their quotations;
5. `newskg_relations`: `relations` (met, visited; `events` for meetings told through an event
   noun), `verb_relations` (leads, joins: DependencyMatcher patterns as data), `affiliations`
   (works for, based in, lives in, located in: rules and a trained classifier), then `company`
   for those who 'also joined' a company already met and `copresence` for those the text puts
   at one gathering;
6. `newskg_facts`: `facts` merged, so that one relation stated twice is one fact with two pieces
   of evidence.

Rules are data in `rules/*.json`; dates resolve against the published date (`dates`); the status
of a fact (asserted, planned, negated, reported, past) comes from `factuality` and `posts`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components import extraction_pipeline, prepare
from kg.extract.pipeline import load_pipeline
from kg.extract.rules import Rules, load_rules
from kg.extract.text import parsed_from, release_tokens
from kg.types import Article, Extraction

__all__ = ["extract", "extract_doc", "load_pipeline"]


def extract(
    articles: Iterable[Article], nlp: Language, rules: Rules | None = None, batch_size: int = 16
) -> Iterator[Extraction]:
    """Extract every article of a stream, parsing them in batches with `nlp.pipe`."""
    rules = rules or load_rules()
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_doc(parsed_from(doc, article.text), article, rules)


def extract_doc(doc: Doc, article: Article, rules: Rules | None = None) -> Extraction:
    """Extract entities and facts from one parsed article: the extraction components in order."""
    doc = extraction_pipeline()(prepare(doc, article, rules))
    release_tokens(doc)
    return doc._.newskg_extraction

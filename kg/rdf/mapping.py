"""Map one article's Extraction to its named graph in the newskg ontology."""

from __future__ import annotations

import re
from datetime import date as Date
from decimal import Decimal
from itertools import count
from typing import TYPE_CHECKING
from uuid import uuid4

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.rdf import iris
from kg.rdf.namespace import KG, ORG, PREFIXES, PROV, RDF, RDFS, SCHEMA, SKOS, XSD
from kg.settings import DEFAULT_BASE_IRI
from kg.types import Entity, EntityType, Extraction, Fact

if TYPE_CHECKING:
    from kg.store.terms import Triple, Triples

ENTITY_CLASSES: dict[EntityType, tuple[URIRef, ...]] = {
    "person": (SCHEMA.Person,),
    "organization": (SCHEMA.Organization,),
    "party": (SCHEMA.Organization, KG.PoliticalParty),
    "place": (SCHEMA.Place,),
}

EDGE_PREDICATES: dict[str, URIRef] = {
    "leads": ORG.headOf,
    "member_of": ORG.memberOf,
    "works_for": SCHEMA.worksFor,
    "holds_position": ORG.holds,
    "located_in": SCHEMA.containedInPlace,
    "based_in": SCHEMA.location,
    "lives_in": SCHEMA.homeLocation,
    "credited": SCHEMA.contributor,
}
"""Facts that become a direct edge plus a statement node carrying their evidence."""

# Terms written for every fact and piece of evidence, looked up once: an attribute of an rdflib
# namespace is checked against its list of terms on every read, a third of the mapping's time.
TYPE, LABEL, STATUS, DERIVED_FROM = RDF.type, RDFS.label, KG.status, PROV.wasDerivedFrom
EVIDENCE, EVIDENCE_CLASS, SENTENCE = KG.evidence, KG.Evidence, KG.sentence
CHAR_START, CHAR_END, CONFIDENCE = KG.charStart, KG.charEnd, KG.confidence

_BLANK_PREFIX = f"b{uuid4().hex}"
_blank_numbers = count()


def _blank() -> BNode:
    """A new blank node, unique in this process and across processes: rdflib's `BNode()` draws a
    uuid4 from the operating system for each node, a tenth of the mapping's time."""
    return BNode(f"{_BLANK_PREFIX}{next(_blank_numbers)}")


_PARTIAL_DATES = ((re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth), (re.compile(r"\d{4}"), XSD.gYear))


def to_graph(extraction: Extraction, base_iri: str = DEFAULT_BASE_IRI) -> tuple[str, Graph]:
    """The article's IRI (its named graph) and its triples: article, entities, facts, evidence."""
    iri, found = to_triples(extraction, base_iri)
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for triple in found:
        graph.add(triple)
    return iri, graph


def to_triples(extraction: Extraction, base_iri: str = DEFAULT_BASE_IRI) -> tuple[str, Triples]:
    """`to_graph`'s IRI and triples without building the rdflib Graph, which costs more than the
    mapping itself: what `kg build` hands the store."""
    return _Mapper(extraction, base_iri).run()


def date_literal(value: str) -> Literal:
    """`YYYY-MM-DD` as xsd:date; `YYYY-MM` and `YYYY` as xsd:gYearMonth and xsd:gYear."""
    try:
        return Literal(Date.fromisoformat(value).isoformat(), datatype=XSD.date)
    except ValueError:
        for pattern, datatype in _PARTIAL_DATES:
            if pattern.fullmatch(value):
                return Literal(value, datatype=datatype)
        raise ValueError(
            f"Fact date {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY; normalise it when extracting."
        ) from None


def _qualified(person: Entity) -> str | None:
    """The one longer form of a one-word name among its aliases ('Hannah Lamb' for the 'Hannah'
    the article names as 'his wife Hannah'): the name the graph gives that person, so that every
    article's 'Hannah' does not become one node."""
    if " " in person.name:
        return None
    longer = [a for a in person.aliases if a.startswith(person.name + " ")]
    return longer[0] if len(longer) == 1 else None


class _Mapper:
    def __init__(self, extraction: Extraction, base: str) -> None:
        self.extraction = extraction
        self.base = base
        # Insertion-ordered and without repeats, as the Graph would hold them.
        self.triples: dict[Triple, None] = {}
        self.labelled: set[Node] = set()
        self.article = iris.article_iri(extraction.article.id, base)
        self.entity_types = {entity.name: entity.type for entity in extraction.entities}
        self.qualified = {
            entity.name: full
            for entity in extraction.entities
            if entity.type == "person" and (full := _qualified(entity)) is not None
        }

    def _add(self, triple: Triple) -> None:
        self.triples[triple] = None
        if triple[1] == LABEL:
            self.labelled.add(triple[0])

    def run(self) -> tuple[str, Triples]:
        self._article()
        for entity in self.extraction.entities:
            node = self._entity(entity.name, entity.type)
            self._add((self.article, SCHEMA.mentions, node))
            label = self.qualified.get(entity.name, entity.name)
            for alias in (entity.name, *entity.aliases):
                if alias != label:
                    self._add((node, SKOS.altLabel, Literal(alias)))
        for fact in self.extraction.facts:
            if fact.predicate == "met":
                self._meeting(fact)
            elif fact.predicate == "visited":
                self._visit(fact)
            elif fact.predicate == "said":
                self._statement(fact)
            else:
                self._edge(fact)
        return str(self.article), list(self.triples)

    def _article(self) -> None:
        article = self.extraction.article
        add = self._add
        add((self.article, TYPE, SCHEMA.NewsArticle))
        add((self.article, SCHEMA.identifier, Literal(article.id)))
        if article.title:
            add((self.article, SCHEMA.headline, Literal(article.title)))
        if article.published:
            published = Literal(article.published.isoformat(), datatype=XSD.date)
            add((self.article, SCHEMA.datePublished, published))
        if article.url:
            add((self.article, SCHEMA.url, iris.web_iri(article.url)))

    def _entity(self, name: str, entity_type: EntityType) -> URIRef:
        if entity_type == "person":
            name = self.qualified.get(name, name)  # "Hannah" -> "Hannah Lamb"
        node = iris.entity_iri(name, entity_type, self.base)
        for cls in ENTITY_CLASSES[entity_type]:
            self._add((node, TYPE, cls))
        # Two spellings can share a slug ("Ben-Gvir", "Ben Gvir"): the first is the label.
        if node not in self.labelled:
            self._add((node, LABEL, Literal(name)))
        elif (node, LABEL, Literal(name)) not in self.triples:
            self._add((node, SKOS.altLabel, Literal(name)))
        return node

    def _object(self, fact: Fact) -> URIRef:
        if fact.object_type == "article":
            return self.article
        if fact.object_type == "post":
            return self._post(fact)
        if fact.object_type == "quote":  # a quote is a statement's text (`_statement`)
            raise ValueError(f"A quote is not a node of the graph: {fact!r}")
        return self._entity(fact.object, fact.object_type)

    def _post(self, fact: Fact) -> URIRef:
        holder = self.qualified.get(fact.subject, fact.subject)
        post = iris.post_iri(fact.object, fact.post_in, self.base, holder=holder)
        self._add((post, TYPE, ORG.Post))
        if post not in self.labelled:
            self._add((post, LABEL, Literal(fact.object)))
        if fact.post_in:
            where_type = fact.post_in_type or self.entity_types.get(fact.post_in, "place")
            self._add((post, ORG.postIn, self._entity(fact.post_in, where_type)))
        return post

    def _meeting(self, fact: Fact) -> None:
        a = self._entity(fact.subject, fact.subject_type)
        b = self._object(fact)
        if fact.status == "asserted":
            self._add((a, KG.met, b))
            self._add((b, KG.met, a))
        participants = (fact.subject, fact.object)
        meeting = iris.meeting_iri(
            self.extraction.article.id,
            participants,
            fact.date,
            fact.status,
            self.base,
            event=fact.event,
        )
        self._add((meeting, TYPE, KG.Meeting))
        if fact.place:
            self._add((meeting, SCHEMA.location, self._entity(fact.place, "place")))
        self._event(meeting, fact, [a, b])

    def _visit(self, fact: Fact) -> None:
        person = self._entity(fact.subject, fact.subject_type)
        place = self._object(fact)
        if fact.status == "asserted":
            self._add((person, KG.visited, place))
        visit = iris.visit_iri(
            self.extraction.article.id, fact.subject, fact.object, fact.date, fact.status, self.base
        )
        self._add((visit, TYPE, KG.Visit))
        self._add((visit, SCHEMA.location, place))
        self._event(visit, fact, [person])

    def _statement(self, fact: Fact) -> None:
        speaker = self._entity(fact.subject, fact.subject_type)
        statement = iris.statement_iri(
            self.extraction.article.id, fact.subject, fact.object, fact.status, self.base
        )
        self._add((statement, TYPE, KG.Statement))
        self._add((statement, KG.speaker, speaker))
        self._add((statement, KG.quote, Literal(fact.object)))
        self._provenance(statement, fact)

    def _event(self, event: URIRef, fact: Fact, participants: list[URIRef]) -> None:
        for participant in participants:
            self._add((event, KG.participant, participant))
        if fact.date:
            self._add((event, SCHEMA.startDate, date_literal(fact.date)))
        self._provenance(event, fact)

    def _edge(self, fact: Fact) -> None:
        predicate = EDGE_PREDICATES[fact.predicate]
        subject: Node = self._entity(fact.subject, fact.subject_type)
        obj: Node = self._object(fact)
        if fact.predicate == "credited":
            subject, obj = self.article, subject
        if fact.status == "asserted":
            self._add((subject, predicate, obj))
        statement = _blank()
        add = self._add
        add((statement, TYPE, RDF.Statement))
        add((statement, RDF.subject, subject))
        add((statement, RDF.predicate, predicate))
        add((statement, RDF.object, obj))
        self._provenance(statement, fact)

    def _provenance(self, node: Node, fact: Fact) -> None:
        add = self._add
        add((node, STATUS, Literal(fact.status)))
        add((node, DERIVED_FROM, self.article))
        confidence = Literal(Decimal(str(round(float(fact.confidence), 4))))
        for evidence in fact.evidence:
            evidence_node = _blank()
            add((node, EVIDENCE, evidence_node))
            add((evidence_node, TYPE, EVIDENCE_CLASS))
            add((evidence_node, SENTENCE, Literal(evidence.sentence)))
            add((evidence_node, CHAR_START, Literal(evidence.start)))
            add((evidence_node, CHAR_END, Literal(evidence.end)))
            add((evidence_node, CONFIDENCE, confidence))


__all__ = ["EDGE_PREDICATES", "ENTITY_CLASSES", "date_literal", "to_graph", "to_triples"]

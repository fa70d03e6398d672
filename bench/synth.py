"""A synthetic news graph in the shape newskg builds: one named graph per article.

    python -m bench.synth [TRIPLES] > news.nq

Each article graph holds what `kg.rdf.to_graph` writes for a real article: the article (identifier,
date, mentions), the persons it names (type, label, alias, posts held), their parties (with
`rdf:Statement` evidence for memberOf / headOf), posts, places, meetings (participants, status,
date, place, evidence sentence with offsets and confidence, `kg:met` both ways for asserted ones)
and visits. Persons, parties and places are drawn with a skewed popularity, so a few people are in
many meetings, as in news. The same seed gives the same graph.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass

KG = "https://w3id.org/newskg/ontology#"
ID = "https://w3id.org/newskg/id/"
SCHEMA = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"

TRIPLES_PER_ARTICLE = 152
"""About how many triples one synthetic article adds (measured on the generator's output)."""

_FIRST = "Anna Ben Carla David Elena Farid Grace Hugo Irina Jonas Karim Lena Marco Nadia Omar "
_FIRST += "Petra "
_FIRST += "Quentin Rosa Samir Tara Umar Vera Walter Ximena Yusuf Zoe Antony Benjamin Mahmoud Yoav"
_LAST = "Abbas Blinken Carter Dubois Eriksen Fischer Garcia Haddad Ivanova Jansen Kowalski Lapid "
_LAST += "Moreau Novak Okafor Petrov Quinn Rossi Schmidt Tanaka Ueda Varga Weber Xu Yilmaz Zimmer"
_POSTS = (
    "Prime Minister",
    "Foreign Minister",
    "Defense Minister",
    "Finance Minister",
    "President",
    "Secretary of State",
    "opposition leader",
    "party leader",
    "Interior Minister",
    "Health Minister",
)


def _iri(kind: str, slug: str) -> str:
    return f"<{ID}{kind}/{slug}>"


def _lit(text: str, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"' if datatype is None else f'"{escaped}"^^<{XSD}{datatype}>'


A = f"<{RDF}type>"
LABEL = f"<{RDFS}label>"


@dataclass(frozen=True)
class Shape:
    """How big the world of the synthetic news is."""

    articles: int
    persons: int
    parties: int
    places: int
    meetings_per_article: int = 5
    persons_per_article: int = 9

    @classmethod
    def for_triples(cls, triples: int) -> Shape:
        """A world of about `triples` triples, with persons and articles in news proportions."""
        articles = max(triples // TRIPLES_PER_ARTICLE, 10)
        return cls(
            articles=articles,
            persons=max(articles * 6, 50),
            parties=max(articles // 50, 10),
            places=max(articles // 10, 20),
        )


class World:
    """Names of persons, parties and places, and who belongs to which party."""

    def __init__(self, shape: Shape, seed: int = 0) -> None:
        self.shape = shape
        rng = random.Random(seed)
        first, last = _FIRST.split(), _LAST.split()
        self.persons = [f"{rng.choice(first)} {rng.choice(last)} {i}" for i in range(shape.persons)]
        self.parties = [f"Party {i}" for i in range(shape.parties)]
        self.places = [f"City {i}" for i in range(shape.places)]
        self.party_of = [rng.randrange(shape.parties) for _ in range(shape.persons)]
        self.post_of = [rng.randrange(len(_POSTS) * 4) for _ in range(shape.persons)]

    def person_slug(self, index: int) -> str:
        return self.persons[index].lower().replace(" ", "-")


def _popular(rng: random.Random, n: int) -> int:
    """An index in range(n), small ones far more often: the first person is in about one
    article in twenty, as a secretary of state is in foreign news."""
    return int(n * rng.random() ** 2)


def articles(shape: Shape, seed: int = 0) -> Iterator[tuple[str, list[str]]]:
    """(graph IRI, N-Triples lines) for each synthetic article."""
    world = World(shape, seed)
    rng = random.Random(seed + 1)
    for number in range(shape.articles):
        yield _article(world, rng, number)


def _article(world: World, rng: random.Random, number: int) -> tuple[str, list[str]]:
    shape = world.shape
    article_id = f"{number:016x}"
    article = _iri("article", article_id)
    year = 2015 + number * 10 // shape.articles
    month = rng.randint(1, 12)
    published = f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
    lines = [
        f"{article} {A} <{SCHEMA}NewsArticle> .",
        f"{article} <{SCHEMA}identifier> {_lit(article_id)} .",
        f"{article} <{SCHEMA}datePublished> {_lit(published, 'date')} .",
    ]
    people = sorted({_popular(rng, shape.persons) for _ in range(shape.persons_per_article)})
    places = {_popular(rng, shape.places) for _ in range(2)}
    evidence_count = 0

    def evidence(subject: str, sentence: str, confidence: str) -> None:
        nonlocal evidence_count
        node = f"_:e{evidence_count}"
        evidence_count += 1
        start = rng.randrange(4000)
        lines.extend(
            (
                f"{subject} <{KG}evidence> {node} .",
                f"{node} {A} <{KG}Evidence> .",
                f"{node} <{KG}sentence> {_lit(sentence)} .",
                f"{node} <{KG}charStart> {_lit(str(start), 'integer')} .",
                f"{node} <{KG}charEnd> {_lit(str(start + len(sentence)), 'integer')} .",
                f"{node} <{KG}confidence> {_lit(confidence, 'decimal')} .",
            )
        )

    for index in people:
        person = _iri("person", world.person_slug(index))
        name = world.persons[index]
        lines.extend(
            (
                f"{article} <{SCHEMA}mentions> {person} .",
                f"{person} {A} <{SCHEMA}Person> .",
                f"{person} {LABEL} {_lit(name)} .",
                f"{person} <{SKOS}altLabel> {_lit(name.split()[1])} .",
            )
        )
        if rng.random() < 0.3:
            party_index = world.party_of[index]
            party = _iri("org", f"party-{party_index}")
            relation = "headOf" if index % 40 == 0 else "memberOf"
            statement = f"_:s{index}"
            lines.extend(
                (
                    f"{party} {A} <{KG}PoliticalParty> .",
                    f"{party} {A} <{SCHEMA}Organization> .",
                    f"{party} {LABEL} {_lit(world.parties[party_index])} .",
                    f"{person} <{ORG}{relation}> {party} .",
                    f"{statement} {A} <{RDF}Statement> .",
                    f"{statement} <{RDF}subject> {person} .",
                    f"{statement} <{RDF}predicate> <{ORG}{relation}> .",
                    f"{statement} <{RDF}object> {party} .",
                    f"{statement} <{KG}status> {_lit('asserted')} .",
                    f"{statement} <{PROV}wasDerivedFrom> {article} .",
                )
            )
            evidence(statement, f"{name}, of {world.parties[party_index]}, said.", "0.9")
        if rng.random() < 0.2:
            post_index = world.post_of[index]
            post = _iri("post", f"post-{post_index}")
            lines.extend(
                (
                    f"{person} <{ORG}holds> {post} .",
                    f"{post} {A} <{ORG}Post> .",
                    f"{post} {LABEL} {_lit(_POSTS[post_index % len(_POSTS)])} .",
                )
            )
    for index in places:
        place = _iri("place", f"city-{index}")
        lines.extend(
            (
                f"{article} <{SCHEMA}mentions> {place} .",
                f"{place} {A} <{SCHEMA}Place> .",
                f"{place} {LABEL} {_lit(world.places[index])} .",
            )
        )
    people_list = list(people)
    for m in range(shape.meetings_per_article if len(people_list) > 1 else 0):
        a, b = rng.sample(people_list, 2)
        meeting = _iri("meeting", f"{article_id}-{m}")
        status = "asserted" if rng.random() < 0.85 else rng.choice(("planned", "negated"))
        pa, pb = _iri("person", world.person_slug(a)), _iri("person", world.person_slug(b))
        lines.extend(
            (
                f"{meeting} {A} <{KG}Meeting> .",
                f"{meeting} <{KG}status> {_lit(status)} .",
                f"{meeting} <{KG}participant> {pa} .",
                f"{meeting} <{KG}participant> {pb} .",
                f"{meeting} <{PROV}wasDerivedFrom> {article} .",
            )
        )
        if rng.random() < 0.7:
            day = f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
            lines.append(f"{meeting} <{SCHEMA}startDate> {_lit(day, 'date')} .")
        if places and rng.random() < 0.5:
            place = _iri("place", f"city-{rng.choice(sorted(places))}")
            lines.append(f"{meeting} <{SCHEMA}location> {place} .")
        if status == "asserted":
            lines.append(f"{pa} <{KG}met> {pb} .")
            lines.append(f"{pb} <{KG}met> {pa} .")
        sentence = f"{world.persons[a]} met {world.persons[b]} on Monday."
        evidence(meeting, sentence, "0.8")
    if people_list and places:
        visitor = _iri("person", world.person_slug(people_list[0]))
        visit = _iri("visit", article_id)
        place = _iri("place", f"city-{min(places)}")
        lines.extend(
            (
                f"{visit} {A} <{KG}Visit> .",
                f"{visit} <{KG}status> {_lit('asserted')} .",
                f"{visit} <{KG}participant> {visitor} .",
                f"{visit} <{SCHEMA}location> {place} .",
                f"{visit} <{PROV}wasDerivedFrom> {article} .",
                f"{visitor} <{KG}visited> {place} .",
            )
        )
    return article[1:-1], lines


def nquads(shape: Shape, seed: int = 0) -> Iterator[str]:
    """The whole synthetic dataset as N-Quads lines (blank nodes labelled apart per article)."""
    for number, (graph, lines) in enumerate(articles(shape, seed)):
        tag = f"_:a{number}"
        for line in lines:
            yield line.replace("_:", tag)[:-1] + f"<{graph}> .\n"


def popular_person(shape: Shape, seed: int = 0) -> tuple[str, str]:
    """The IRI and name of the person in the most meetings (index 0 by construction)."""
    world = World(shape, seed)
    return f"{ID}person/{world.person_slug(0)}", world.persons[0]


def main() -> None:
    triples = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    out = sys.stdout
    for line in nquads(Shape.for_triples(triples)):
        out.write(line)


if __name__ == "__main__":
    main()

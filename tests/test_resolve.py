"""Cross-article resolution: one person and one meeting, whichever article names them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from kg.build import build
from kg.rdf.mapping import to_graph
from kg.rdf.namespace import KG, RDF
from kg.resolve import HONORIFICS, MeetingIndex, NameIndex, Resolver, from_store
from kg.settings import DEFAULT_BASE_IRI
from kg.sources import read_articles
from kg.store import Store
from kg.types import Article, Entity, Evidence, Extraction, Fact

PREFIXES = """
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

MEETINGS = (
    PREFIXES
    + """
SELECT ?meeting (GROUP_CONCAT(DISTINCT STR(?date)) AS ?dates)
       (COUNT(DISTINCT ?sentence) AS ?sentences) (COUNT(DISTINCT ?article) AS ?articles)
WHERE {
  ?meeting a kg:Meeting ; kg:participant ?a, ?b ; kg:evidence/kg:sentence ?sentence ;
           prov:wasDerivedFrom ?article .
  ?a rdfs:label "Tony Blair" . ?b rdfs:label "Gordon Brown" .
  OPTIONAL { ?meeting schema:startDate ?date }
}
GROUP BY ?meeting ORDER BY ?dates
"""
)


def _extraction(
    article_id: str,
    entities: tuple[Entity, ...],
    *facts: Fact,
    published: date | None = date(2005, 3, 2),
) -> Extraction:
    text = " ".join(e.sentence for f in facts for e in f.evidence) or "No facts."
    return Extraction(Article(article_id, text, published), entities, facts)


def _met(
    a: str, b: str, day: str | None = None, status: str = "asserted", sentence: str = ""
) -> Fact:
    a, b = sorted((a, b))
    evidence = Evidence(sentence or f"{a} met {b}.", 0, len(sentence or f"{a} met {b}."))
    return Fact("met", a, "person", b, "person", (evidence,), 0.9, status=status, date=day)  # type: ignore[arg-type]


BLAIR = Entity("Tony Blair", "person")
BROWN = Entity("Gordon Brown", "person")
MR_BLAIR = Entity("Blair", "person", ("Mr Blair",))


def _article_a() -> Extraction:
    return _extraction("a", (BLAIR, BROWN), _met("Tony Blair", "Gordon Brown"))


def _article_b() -> Extraction:
    return _extraction(
        "b",
        (MR_BLAIR, BROWN),
        _met(
            "Blair", "Gordon Brown", "2005-02-28", sentence="Mr Blair met Gordon Brown on Monday."
        ),
    )


# Names


@pytest.mark.parametrize(
    ("known", "name", "expected"),
    [
        pytest.param(["Tony Blair"], "Blair", "Tony Blair", id="surname"),
        pytest.param(["Tony Blair"], "Mr Blair", "Tony Blair", id="honorific"),
        pytest.param(["Recep Tayyip Erdoğan"], "Erdogan", "Recep Tayyip Erdoğan", id="accents"),
        pytest.param(["Martin Luther King Jr"], "King", "Martin Luther King Jr", id="suffix"),
        pytest.param(["Michael Howard", "John Howard"], "Howard", None, id="ambiguous"),
        pytest.param(["Tony Blair", "Tony  Blair"], "Blair", "Tony Blair", id="same-person"),
        pytest.param(["Tony Blair"], "Brown", None, id="unknown"),
        pytest.param(["Tony Blair"], "Cherie Blair", None, id="full-names-are-left-alone"),
        pytest.param(["Blair"], "Blair", None, id="one-word-names-are-not-known"),
    ],
)
def test_name_index_full_name(known: list[str], name: str, expected: str | None) -> None:
    index = NameIndex()
    for full in known:
        index.add(full)
    assert index.full_name(name) == expected


def test_name_index_resolve_renames_facts_and_keeps_short_form_as_alias() -> None:
    index = NameIndex()
    index.learn(_article_a())
    resolved = index.resolve(_article_b())
    assert resolved.entities == (Entity("Tony Blair", "person", ("Blair", "Mr Blair")), BROWN)
    (fact,) = resolved.facts
    # `met` stays in name order after the rename.
    assert (fact.subject, fact.object) == ("Gordon Brown", "Tony Blair")


def test_name_index_resolve_merges_with_the_full_name_in_the_same_article() -> None:
    index = NameIndex()
    index.add("Tony Blair")
    extraction = _extraction(
        "c",
        (BLAIR, MR_BLAIR),
        Fact("said", "Blair", "person", "we will win", "quote", (Evidence("x", 0, 1),), 0.8),
        _met("Blair", "Tony Blair"),
    )
    resolved = index.resolve(extraction)
    assert resolved.entities == (Entity("Tony Blair", "person", ("Blair", "Mr Blair")),)
    # The quote follows the rename; a meeting of a person with themselves is dropped.
    assert [(f.predicate, f.subject) for f in resolved.facts] == [("said", "Tony Blair")]


def test_name_index_resolve_ambiguous_surname_stays_unresolved() -> None:
    index = NameIndex()
    index.add("Michael Howard")
    index.add("John Howard")
    extraction = _extraction(
        "h", (Entity("Howard", "person"), BROWN), _met("Howard", "Gordon Brown")
    )
    assert index.resolve(extraction) == extraction


def test_resolver_resolve_article_own_full_names_make_a_surname_ambiguous() -> None:
    resolver = Resolver()
    resolver.resolve(_article_a())
    cherie = Entity("Cherie Blair", "person")
    extraction = _extraction("c", (cherie, MR_BLAIR), _met("Blair", "Cherie Blair"))
    (fact,) = resolver.resolve(extraction).facts
    assert (fact.subject, fact.object) == ("Blair", "Cherie Blair")


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_resolver_resolve_all_works_in_both_orders_within_a_batch(order: str) -> None:
    articles = {"a": _article_a(), "b": _article_b()}
    resolved = {x.article.id: x for x in Resolver().resolve_all(articles[k] for k in order)}
    assert {e.name for e in resolved["b"].entities} == {"Tony Blair", "Gordon Brown"}
    assert resolved["a"].facts[0].event == resolved["b"].facts[0].event


def test_honorifics_match_the_extraction_rules() -> None:
    from kg.extract.rules import load_rules

    assert set(load_rules().posts["title_words_before_name"]) == HONORIFICS


# Meetings


def test_meeting_index_dated_and_undated_reports_are_one_event() -> None:
    index = MeetingIndex()
    one = index.resolve(_extraction("a", (), _met("Tony Blair", "Gordon Brown")))
    two = index.resolve(_extraction("b", (), _met("Tony Blair", "Gordon Brown", "2005-02-28")))
    three = index.resolve(_extraction("c", (), _met("Gordon Brown", "Tony Blair")))
    events = {x.facts[0].event for x in (one, two, three)}
    assert len(events) == 1
    assert None not in events


def test_meeting_index_conflicting_dates_are_two_events() -> None:
    index = MeetingIndex()
    undated = index.resolve(_extraction("a", (), _met("Tony Blair", "Gordon Brown")))
    monday = index.resolve(_extraction("b", (), _met("Tony Blair", "Gordon Brown", "2005-02-28")))
    # The undated meeting now has Monday's date, so Wednesday is another meeting.
    wednesday = index.resolve(
        _extraction("c", (), _met("Tony Blair", "Gordon Brown", "2005-03-02"))
    )
    assert undated.facts[0].event == monday.facts[0].event != wednesday.facts[0].event


def test_meeting_index_prefers_the_meeting_with_the_equal_date() -> None:
    index = MeetingIndex()
    index.resolve(_extraction("a", (), _met("Tony Blair", "Gordon Brown")))
    index.resolve(_extraction("b", (), _met("Tony Blair", "Gordon Brown", "2005-02-28")))
    wednesday = index.resolve(
        _extraction("c", (), _met("Tony Blair", "Gordon Brown", "2005-03-02"))
    )
    again = index.resolve(_extraction("d", (), _met("Tony Blair", "Gordon Brown", "2005-03-02")))
    assert again.facts[0].event == wednesday.facts[0].event


@pytest.mark.parametrize(
    ("other", "shared"),
    [
        pytest.param(_met("Tony Blair", "Gordon Brown", status="planned"), False, id="planned"),
        pytest.param(_met("Tony Blair", "John Prescott"), False, id="other-pair"),
        pytest.param(_met("Tony Blair", "Gordon Brown"), True, id="same"),
    ],
)
def test_meeting_index_event_needs_same_pair_and_status(other: Fact, shared: bool) -> None:
    index = MeetingIndex()
    first = index.resolve(_extraction("a", (), _met("Tony Blair", "Gordon Brown")))
    second = index.resolve(_extraction("b", (), other))
    assert (first.facts[0].event == second.facts[0].event) is shared


def test_meeting_index_negated_meetings_stay_in_their_article() -> None:
    index = MeetingIndex()
    resolved = index.resolve(
        _extraction("a", (), _met("Tony Blair", "Gordon Brown", status="negated"))
    )
    assert resolved.facts[0].event is None


def test_meeting_index_rebuilding_an_article_keeps_its_event() -> None:
    index = MeetingIndex()
    first = index.resolve(_extraction("a", (), _met("Tony Blair", "Gordon Brown", "2005-02-28")))
    index.resolve(_extraction("b", (), _met("Tony Blair", "Gordon Brown")))
    # Article a now gives another date: its old report is dropped, b's undated one is joined.
    rebuilt = index.resolve(_extraction("a", (), _met("Tony Blair", "Gordon Brown", "2005-03-02")))
    assert rebuilt.facts[0].event == first.facts[0].event


def test_to_graph_meeting_of_two_articles_is_one_node() -> None:
    resolver = Resolver()
    graphs = [to_graph(resolver.resolve(x))[1] for x in (_article_a(), _article_b())]
    meetings = [set(g.subjects(RDF.type, KG.Meeting)) for g in graphs]
    assert len(meetings[0]) == 1
    assert meetings[0] == meetings[1]


# Through the store


def _put(store: Store, resolver: Resolver, *extractions: Extraction) -> None:
    for extraction in extractions:
        store.put_graph(*to_graph(resolver.resolve(extraction)))


def _meetings(store: Store) -> list[dict]:
    return store.query(MEETINGS).rows()


def test_from_store_knows_persons_and_meetings_of_earlier_builds() -> None:
    store = Store.open("memory:")
    _put(store, from_store(store, DEFAULT_BASE_IRI), _article_a())
    _put(store, from_store(store, DEFAULT_BASE_IRI), _article_b())
    rows = store.query(
        PREFIXES + 'SELECT ?p ?alias WHERE { ?p a schema:Person ; rdfs:label "Tony Blair" ; '
        "skos:altLabel ?alias }"
    ).rows()
    assert {r["alias"] for r in rows} == {"Blair", "Mr Blair"}
    assert len({r["p"] for r in rows}) == 1
    assert not store.query(PREFIXES + 'SELECT ?p WHERE { ?p rdfs:label "Blair" }').rows()
    assert [(m["dates"], m["sentences"], m["articles"]) for m in _meetings(store)] == [
        ("2005-02-28", 2, 2)
    ]


def test_from_store_rebuilding_an_article_leaves_one_meeting() -> None:
    store = Store.open("memory:")
    _put(store, from_store(store, DEFAULT_BASE_IRI), _article_a(), _article_b())
    _put(store, from_store(store, DEFAULT_BASE_IRI), _article_b())
    _put(store, from_store(store, DEFAULT_BASE_IRI), _article_a())
    assert [(m["dates"], m["sentences"], m["articles"]) for m in _meetings(store)] == [
        ("2005-02-28", 2, 2)
    ]


def test_from_store_conflicting_dates_are_two_meetings() -> None:
    store = Store.open("memory:")
    _put(store, from_store(store, DEFAULT_BASE_IRI), _article_a(), _article_b())
    wednesday = _extraction("c", (BLAIR, BROWN), _met("Tony Blair", "Gordon Brown", "2005-03-02"))
    _put(store, from_store(store, DEFAULT_BASE_IRI), wednesday)
    assert [(m["dates"], m["articles"]) for m in _meetings(store)] == [
        ("2005-02-28", 2),
        ("2005-03-02", 1),
    ]


def test_from_store_ignores_meetings_minted_under_another_base() -> None:
    store = Store.open("memory:")
    store.put_graph(*to_graph(Resolver().resolve(_article_a()), "http://other.test/"))
    resolver = from_store(store, DEFAULT_BASE_IRI)
    assert resolver.meetings.resolve(_article_a()).facts[0].event is not None
    assert resolver.names.full_name("Blair") == "Tony Blair"


# End to end, through `build` and the trained pipeline

ARTICLE_A = (
    "date 2005-03-02\n"
    "Tony Blair met Gordon Brown at Chequers to settle their differences. "
    "The Tories called the talks a stunt.\n"
)
ARTICLE_B = (
    "date 2005-03-02\n"
    "Mr Blair met Gordon Brown on Monday to discuss the budget. "
    "The Conservatives criticised the talks.\n"
)


@pytest.fixture
def two_articles(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    return a, b


def test_build_one_person_one_party_and_one_meeting_across_articles(
    nlp: Language, two_articles: tuple[Path, Path]
) -> None:
    a, b = two_articles
    store = Store.open("memory:")
    # Two builds: the second knows the first only through the store.
    build(read_articles([a]), store, nlp, DEFAULT_BASE_IRI)
    build(read_articles([b]), store, nlp, DEFAULT_BASE_IRI)

    persons = store.query(
        PREFIXES + "SELECT ?p ?label ?alias WHERE { ?p a schema:Person ; rdfs:label ?label "
        "OPTIONAL { ?p skos:altLabel ?alias } }"
    ).rows()
    assert len({r["p"] for r in persons}) == 2
    assert {r["label"] for r in persons} == {"Tony Blair", "Gordon Brown"}
    blair = {r["alias"] for r in persons if r["label"] == "Tony Blair"}
    assert blair == {"Blair", "Mr Blair"}
    parties = store.query(
        PREFIXES + "SELECT DISTINCT ?party ?article WHERE { "
        "?party a kg:PoliticalParty . ?article schema:mentions ?party }"
    ).rows()
    assert len({r["party"] for r in parties}) == 1
    assert len({r["article"] for r in parties}) == 2
    assert [(m["dates"], m["sentences"], m["articles"]) for m in _meetings(store)] == [
        ("2005-02-28", 2, 2)
    ]

    # Rebuilding an article replaces its graph; the shared meeting stays one.
    build(read_articles([b]), store, nlp, DEFAULT_BASE_IRI)
    build(read_articles([a, b]), store, nlp, DEFAULT_BASE_IRI)
    assert [(m["dates"], m["sentences"], m["articles"]) for m in _meetings(store)] == [
        ("2005-02-28", 2, 2)
    ]


def test_build_one_batch_resolves_in_either_order(
    nlp: Language, two_articles: tuple[Path, Path]
) -> None:
    a, b = two_articles
    store = Store.open("memory:")
    build(read_articles([b, a]), store, nlp, DEFAULT_BASE_IRI)
    labels = store.query(
        PREFIXES + "SELECT DISTINCT ?l WHERE { ?p a schema:Person ; rdfs:label ?l }"
    ).rows()
    assert sorted(r["l"] for r in labels) == ["Gordon Brown", "Tony Blair"]
    assert len(_meetings(store)) == 1


def test_cli_extract_names_one_person_one_way_across_files(
    nlp: Language, two_articles: tuple[Path, Path]
) -> None:
    import contextlib
    import io
    import json

    import kg.cli
    import kg.cli.options

    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out):
        patch.setattr(kg.cli.options, "nlp", lambda settings: nlp)
        status = kg.cli.main(["extract", *map(str, two_articles), "--format", "jsonl"])
    assert status == 0
    met = [json.loads(line) for line in out.getvalue().splitlines()]
    met = [r for r in met if r["predicate"] == "met"]
    assert {(r["subject"], r["object"]) for r in met} == {("Gordon Brown", "Tony Blair")}
    assert len({r["article"] for r in met}) == 2
    assert len({r["event"] for r in met}) == 1

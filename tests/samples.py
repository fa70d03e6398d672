"""Hand-built extractions shared by the RDF tests, and helpers the extraction tests share (not a
test module)."""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.language import Language

from kg.extract import extract
from kg.types import Article, Entity, Evidence, Extraction, Fact, ObjectType, Predicate

TEXT = (
    "US Secretary of State Antony Blinken met Palestinian President Mahmoud Abbas in Ramallah "
    "on Tuesday. Itamar Ben-Gvir, who leads Otzma Yehudit, criticised the visit. "
    "Defense Minister Yoav Gallant said Israel would respond. "
    "Blinken is due to meet Benjamin Netanyahu next week."
)


def _evidence(sentence: str) -> Evidence:
    start = TEXT.index(sentence)
    return Evidence(sentence=sentence, start=start, end=start + len(sentence))


MET = _evidence(
    "US Secretary of State Antony Blinken met Palestinian President Mahmoud Abbas in Ramallah "
    "on Tuesday."
)
LEADS = _evidence("Itamar Ben-Gvir, who leads Otzma Yehudit, criticised the visit.")
HOLDS = _evidence("Defense Minister Yoav Gallant said Israel would respond.")
PLANNED = _evidence("Blinken is due to meet Benjamin Netanyahu next week.")


def blinken_abbas() -> Extraction:
    """Blinken met Abbas in Ramallah; Ben-Gvir leads a party; Gallant holds a post; a plan."""
    return Extraction(
        article=Article(
            id="ap-2023-01-31-blinken",
            text=TEXT,
            published=date(2023, 1, 31),
            title="Blinken meets Abbas in Ramallah",
            url="https://example.org/news/blinken-abbas",
        ),
        entities=(
            Entity("Antony Blinken", "person", ("Blinken",)),
            Entity("Mahmoud Abbas", "person", ("Abbas",)),
            Entity("Itamar Ben-Gvir", "person", ("Ben-Gvir",)),
            Entity("Yoav Gallant", "person", ("Gallant",)),
            Entity("Benjamin Netanyahu", "person"),
            Entity("Otzma Yehudit", "party"),
            Entity("Ramallah", "place"),
            Entity("Israel", "place"),
        ),
        facts=(
            Fact(
                "met",
                "Antony Blinken",
                "person",
                "Mahmoud Abbas",
                "person",
                (MET,),
                0.9,
                date="2023-01-31",
                place="Ramallah",
            ),
            Fact("leads", "Itamar Ben-Gvir", "person", "Otzma Yehudit", "party", (LEADS,), 0.8),
            Fact(
                "holds_position",
                "Yoav Gallant",
                "person",
                "Defense Minister",
                "post",
                (HOLDS,),
                0.85,
                post_in="Israel",
                post_in_type="place",
            ),
            Fact(
                "met",
                "Antony Blinken",
                "person",
                "Benjamin Netanyahu",
                "person",
                (PLANNED,),
                0.7,
                status="planned",
            ),
        ),
    )


def visits_and_credit() -> Extraction:
    """Blinken visited Cairo, did not visit Gaza; Jane Doe is credited on the article."""
    evidence = (Evidence("Blinken visited Cairo.", 0, 22),)
    return Extraction(
        article=Article(id="a2", text="Blinken visited Cairo. He did not go to Gaza."),
        facts=(
            Fact(
                "visited",
                "Antony Blinken",
                "person",
                "Cairo",
                "place",
                evidence,
                0.9,
                date="2023-01-29",
            ),
            Fact(
                "visited",
                "Antony Blinken",
                "person",
                "Gaza",
                "place",
                evidence,
                0.6,
                status="negated",
            ),
            Fact("credited", "Jane Doe", "person", "a2", "article", evidence, 1.0),
        ),
    )


SAID_TEXT = (
    "“Your visit comes at a critical time,” Gallant said. "
    "The Foreign Office said the embassy would reopen."
)
QUOTE = Evidence("“Your visit comes at a critical time,” Gallant said.", 0, 52)
REPORTED = Evidence("The Foreign Office said the embassy would reopen.", 53, 102)


def statements() -> Extraction:
    """Gallant said a quotation; the Foreign Office reported something; a denied statement."""
    return Extraction(
        article=Article(id="a3", text=SAID_TEXT, published=date(2023, 1, 31)),
        entities=(
            Entity("Yoav Gallant", "person", ("Gallant",)),
            Entity("Foreign Office", "organization"),
        ),
        facts=(
            Fact(
                "said",
                "Yoav Gallant",
                "person",
                "Your visit comes at a critical time",
                "quote",
                (QUOTE,),
                0.95,
            ),
            Fact(
                "said",
                "Foreign Office",
                "organization",
                "the embassy would reopen",
                "quote",
                (REPORTED,),
                0.81,
            ),
            Fact(
                "said",
                "Foreign Office",
                "organization",
                "the embassy would close",
                "quote",
                (REPORTED,),
                0.7,
                status="negated",
            ),
        ),
    )


def extracted_facts(nlp: Language, text: str, published: date = date(2005, 3, 9)) -> list[Fact]:
    """The facts `kg extract` finds in `text` (published on Wednesday 2005-03-09 by default)."""
    article = Article(id="t", text=text, published=published)
    return list(next(extract([article], nlp)).facts)


def met_pairs(facts: list[Fact], status: str = "asserted") -> set[frozenset[str]]:
    """The pairs that met, with `status`, each as a set of two names."""
    return {
        frozenset((f.subject, f.object))
        for f in facts
        if f.predicate == "met" and f.status == status
    }


# Two invented articles about an invented party, for the pages of parties, persons and places.
HARBOUR_TEXT = (
    "Harbour Party leader Ada Quill met Ben Rook of the Harbour Party in Port Ellen on Monday. "
    "Cara Vell, a Harbour Party member, joined them. "
    "“We are ready,” said Dan Moss, the party's treasurer. "
    "Eve Stone, who works for the Harbour Party, organised the trip. "
    "Quill will meet Finn Hale next week. "
    "Quill did not meet Gus Orr. "
    "Quill visited Port Ellen on Monday."
)
HARBOUR_LATER_TEXT = "Ada Quill still leads the Harbour Party, which Hal Penn has joined."


def _sentences(text: str) -> list[Evidence]:
    found, start = [], 0
    for sentence in text.replace(". ", ".\n").split("\n"):
        start = text.index(sentence, start)
        found.append(Evidence(sentence, start, start + len(sentence)))
    return found


def harbour_party() -> tuple[Extraction, Extraction]:
    """Ada Quill leads the Harbour Party (both articles); Ben Rook, Cara Vell (the first) and Hal
    Penn (the second, published later) are members; Dan Moss is its treasurer and said something;
    Eve Stone works for it; Quill met Rook in Port Ellen, will meet Hale, did not meet Orr and
    visited Port Ellen."""
    met, member, said, works, planned, negated, visited = _sentences(HARBOUR_TEXT)
    party = "Harbour Party"

    def fact(
        predicate: Predicate, subject: str, obj: str, kind: ObjectType, line: Evidence, **more: Any
    ) -> Fact:
        return Fact(predicate, subject, "person", obj, kind, (line,), 0.9, **more)

    first = Extraction(
        article=Article(id="harbour-1", text=HARBOUR_TEXT, published=date(2024, 3, 6)),
        entities=(
            Entity("Ada Quill", "person", ("Quill",)),
            *(Entity(name, "person") for name in ("Ben Rook", "Cara Vell", "Dan Moss")),
            *(Entity(name, "person") for name in ("Eve Stone", "Finn Hale", "Gus Orr")),
            Entity(party, "party"),
            Entity("Port Ellen", "place"),
        ),
        facts=(
            fact("leads", "Ada Quill", party, "party", met),
            fact("member_of", "Ben Rook", party, "party", met),
            fact("member_of", "Cara Vell", party, "party", member),
            fact("holds_position", "Dan Moss", "Treasurer", "post", said, post_in=party),
            fact("said", "Dan Moss", "We are ready", "quote", said),
            fact("works_for", "Eve Stone", party, "party", works),
            fact(
                "met", "Ada Quill", "Ben Rook", "person", met, date="2024-03-04", place="Port Ellen"
            ),
            fact("met", "Ada Quill", "Finn Hale", "person", planned, status="planned"),
            fact("met", "Ada Quill", "Gus Orr", "person", negated, status="negated"),
            fact("visited", "Ada Quill", "Port Ellen", "place", visited, date="2024-03-04"),
        ),
    )
    (later,) = _sentences(HARBOUR_LATER_TEXT)
    second = Extraction(
        article=Article(id="harbour-2", text=HARBOUR_LATER_TEXT, published=date(2024, 5, 10)),
        entities=(
            Entity("Ada Quill", "person"),
            Entity("Hal Penn", "person"),
            Entity(party, "party"),
        ),
        facts=(
            fact("leads", "Ada Quill", party, "party", later),
            fact("member_of", "Hal Penn", party, "party", later),
        ),
    )
    return first, second

"""Parses the small model gets wrong in a known way (kg.extract.misparses), on sentences written
for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.misparses import COMPONENT
from tests.samples import extracted_facts


def test_the_parse_is_mended_before_the_entities_are_read(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("lemmatizer") < names.index(COMPONENT) < names.index("ner")


def test_a_visiting_leader_is_the_subject_not_the_object_of_a_clause(nlp: Language) -> None:
    doc = nlp("Visiting Finnish Prime Minister Anna Berg met Chancellor Jonas Weber in Berlin.")
    berg, visiting = doc[5], doc[0]
    assert (berg.dep_, berg.head.text) == ("nsubj", "met")
    assert (visiting.dep_, visiting.head.text) == ("amod", "Berg")
    assert [s.text for s in doc.sents] == [doc.text]


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        pytest.param(
            "Visiting Finnish Prime Minister Anna Berg met Chancellor Jonas Weber in Berlin.",
            {("met", "Anna Berg", "Jonas Weber"), ("visited", "Anna Berg", "Berlin")},
            id="visiting-leader-met-and-visited",
        ),
        pytest.param(
            "Visiting Chancellor Jonas Weber held talks with President Anna Berg in Helsinki.",
            {("met", "Jonas Weber", "Anna Berg"), ("visited", "Jonas Weber", "Helsinki")},
            id="visiting-leader-held-talks",
        ),
        pytest.param(
            "Premier Lin Hao held talks with visiting Chilean President Marta Rojas in Shanghai.",
            {("met", "Lin Hao", "Marta Rojas"), ("visited", "Marta Rojas", "Shanghai")},
            id="talks-with-a-visiting-leader",
        ),
        pytest.param(
            "Premier Lin Hao met with visiting Chilean President Marta Rojas on Monday.",
            {("met", "Lin Hao", "Marta Rojas")},
            id="met-with-a-visiting-leader",
        ),
        pytest.param(
            "President Lin Hao received visiting Chilean Foreign Minister Marta Rojas in Xiamen.",
            {("met", "Lin Hao", "Marta Rojas"), ("visited", "Marta Rojas", "Xiamen")},
            id="received-a-visiting-minister",
        ),
        pytest.param(
            "Governor Tim Ek had breakfast with visiting Senator Rosa Lind in Duluth.",
            {("met", "Tim Ek", "Rosa Lind"), ("visited", "Rosa Lind", "Duluth")},
            id="the-place-parsed-on-the-visitor",
        ),
    ],
)
def test_visiting_leaders_meet_and_visit(nlp: Language, text: str, facts: set) -> None:
    found = {(f.predicate, f.subject, f.object) for f in extracted_facts(nlp, text)}
    assert facts <= found | {(p, b, a) for p, a, b in found}


def test_a_visit_set_off_by_a_comma_stays_a_clause(nlp: Language) -> None:
    text = "Visiting Berlin, Chancellor Jonas Weber said the talks went well."
    assert nlp(text)[0].dep_ != "amod"  # "Visiting Berlin" is Weber's visit, not a title
    found = {(f.predicate, f.subject, f.object) for f in extracted_facts(nlp, text)}
    assert ("visited", "Jonas Weber", "Berlin") in found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Chancellor Jonas Weber was criticised for visiting North Korea.", "North Korea"),
        ("Chancellor Jonas Weber began visiting Lisbon every summer.", "Lisbon"),
    ],
)
def test_a_gerund_after_other_words_stays_a_gerund(nlp: Language, text: str, place: str) -> None:
    visiting = next(t for t in nlp(text) if t.lower_ == "visiting")
    assert visiting.dep_ != "amod"
    found = {(f.predicate, f.subject, f.object) for f in extracted_facts(nlp, text)}
    assert ("visited", "Jonas Weber", place) in found


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, Tom Reyes, president of the Harbour Party, met Helen Carter in Oslo.",
        "In Oslo, Tom Reyes, the harbour minister, met Helen Carter on Monday.",
    ],
)
def test_a_name_after_a_fronted_phrase_is_the_subject(nlp: Language, text: str) -> None:
    reyes = next(t for t in nlp(text) if t.text == "Reyes")
    assert (reyes.dep_, reyes.head.text) == ("nsubj", "met")
    found = {(f.predicate, f.subject, f.object) for f in extracted_facts(nlp, text)}
    assert ("met", "Helen Carter", "Tom Reyes") in found


def test_a_name_in_apposition_to_a_fronted_place_with_a_subject_stays(nlp: Language) -> None:
    doc = nlp("In the capital, Oslo, officials met Tom Reyes on Monday.")
    oslo = next(t for t in doc if t.text == "Oslo")
    assert oslo.dep_ != "nsubj"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Tom Reyes MP said the plan would fail.", "MP"),
        ("The report was written by Helen Carter MEP.", "MEP"),
    ],
)
def test_a_title_in_capitals_after_a_name_is_in_apposition(
    nlp: Language, text: str, title: str
) -> None:
    facts = extracted_facts(nlp, text)
    name = "Tom Reyes" if "Reyes" in text else "Helen Carter"
    assert ("holds_position", name, title) in {(f.predicate, f.subject, f.object) for f in facts}
    assert all(title not in f.subject for f in facts)


@pytest.mark.parametrize(
    "text", ["Labour MP Helen Carter said no.", "Helen Carter, a prospective Labour MP, said no."]
)
def test_a_title_in_capitals_before_a_name_or_with_its_article_stays(
    nlp: Language, text: str
) -> None:
    posts = {f.object for f in extracted_facts(nlp, text) if f.predicate == "holds_position"}
    assert any("Labour MP" in post for post in posts)


@pytest.mark.parametrize(
    "text",
    ["Tom Reyes QC said the ruling was unclear.", "Mr Reyes OBE said the ruling was unclear."],
)
def test_the_letters_of_an_honour_after_a_name_are_no_part_of_it(nlp: Language, text: str) -> None:
    facts = extracted_facts(nlp, f"Tom Reyes arrived in Lima. {text}")
    said = {f.subject for f in facts if f.predicate == "said"}
    assert said == {"Tom Reyes"}


@pytest.mark.parametrize(
    ("text", "post"),
    [
        pytest.param(
            "Tom Reyes met the Chancellor, Kenji Mori, and the Foreign Secretary, Helen Carter.",
            ("Kenji Mori", "Chancellor"),
            id="a-title-and-its-name-in-a-list",
        ),
        pytest.param(
            "The Prime Minister, Tom Reyes, and the Irish Taoiseach, Kenji Mori, held talks in "
            "London.",
            ("Kenji Mori", "Taoiseach"),
            id="after-another-title-and-its-name",
        ),
    ],
)
def test_misparses_a_name_set_off_after_a_title_is_in_apposition(
    nlp: Language, text: str, post: tuple[str, str]
) -> None:
    """The parser joins the name to 'the Chancellor' as a conjunct; set off by commas, it is
    the title's holder."""
    facts = extracted_facts(nlp, text)
    assert post in {(f.subject, f.object) for f in facts if f.predicate == "holds_position"}


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister, Tom Reyes, has promoted Helen Carter to chancellor.",
        "Tom Reyes promoted Helen Carter to minister on Monday.",
        "The party elevated Helen Carter to chancellor.",
    ],
)
def test_misparses_a_title_after_to_read_as_a_verb_is_the_post_given(
    nlp: Language, text: str
) -> None:
    """The parser reads 'to chancellor' as an infinitive; after a verb that gives its object a
    post with 'to', the title is that post, and the person the verb's object."""
    facts = extracted_facts(nlp, text)
    posts = {(f.subject, f.object) for f in facts if f.predicate == "holds_position"}
    assert {p for p in posts if p[0] == "Helen Carter"} == {
        ("Helen Carter", text.split(" to ")[1].split()[0].rstrip("."))
    }


def test_misparses_a_title_verb_with_an_object_stays_a_verb(nlp: Language) -> None:
    doc = nlp("The party appointed Helen Carter to head the inquiry.")
    assert (doc[6].dep_, doc[6].head.text) == ("xcomp", "appointed")


def test_misparses_a_preposition_s_object_read_as_an_infinitive_s_subject(nlp: Language) -> None:
    """'Sat down with House Speaker X to coordinate': the parser leaves 'with' without an object
    and makes X the subject of 'to coordinate'; X is the object of 'with'."""
    text = "Helen Carter sat down separately with House Speaker Carla Hess to coordinate strategy."
    doc = nlp(text)
    hess = doc[9]
    assert (hess.dep_, hess.head.text) == ("pobj", "with")
    pairs = {
        frozenset((f.subject, f.object)) for f in extracted_facts(nlp, text) if f.predicate == "met"
    }
    assert pairs == {frozenset(("Helen Carter", "Carla Hess"))}


@pytest.mark.parametrize(
    "text",
    [
        "Helen Carter and Kenji Mori were photographed shaking hands.",
        "Helen Carter and Kenji Mori were pictured holding talks in Lima.",
    ],
)
def test_misparses_a_gerund_read_as_an_adjective_on_its_object(nlp: Language, text: str) -> None:
    """'Photographed shaking hands': the parser makes 'shaking' modify 'hands'; the gerund is a
    clause whose subjects are the verb's."""
    pairs = {
        frozenset((f.subject, f.object)) for f in extracted_facts(nlp, text) if f.predicate == "met"
    }
    assert pairs == {frozenset(("Helen Carter", "Kenji Mori"))}


def test_misparses_a_title_in_apposition_to_a_body_before_it_is_the_bodys(nlp: Language) -> None:
    """The parser sets 'MP' in apposition to 'Party'; the party's name modifies the title."""
    text = "Helen Carter, Harbour Party MP for Dunmore, spoke."
    doc = nlp(text)
    party, title = doc[4], doc[5]
    assert (party.dep_, party.head.text, title.dep_, title.head.text) == (
        "compound",
        "MP",
        "appos",
        "Carter",
    )
    facts = {(f.predicate, f.subject, f.object) for f in extracted_facts(nlp, text)}
    assert ("member_of", "Helen Carter", "Harbour Party") in facts


def test_misparses_a_title_after_a_name_in_apposition_stays_the_names(nlp: Language) -> None:
    text = "The leader, Jane Hill MP, said no."
    facts = {(f.predicate, f.subject, f.object) for f in extracted_facts(nlp, text)}
    assert ("holds_position", "Jane Hill", "MP") in facts


def test_misparses_a_name_set_off_after_a_joined_title_is_the_titles(nlp: Language) -> None:
    """'accompanied by X and the local MP, Y,': the parser hangs Y on X; Y is the MP."""
    text = (
        "Ms Lowe, accompanied by Transport Minister Kenji Mori and the local Greens MP, "
        "Lena Moss, toured the port."
    )
    facts = {(f.predicate, f.subject, f.object) for f in extracted_facts(nlp, text)}
    assert ("holds_position", "Lena Moss", "local Greens MP") in facts
    assert ("holds_position", "Kenji Mori", "local Greens MP") not in facts

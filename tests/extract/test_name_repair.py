"""Person names the small tagger gets wrong (kg.extract.name_repair), and names resolution must
keep apart or join (family names written first, honorifics of the other gender: kg.extract.
entities), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract import extract
from kg.extract.name_repair import repair_names
from kg.extract.rules import load_rules
from kg.types import Article
from tests.samples import extracted_facts, met_pairs


def _met(nlp: Language, text: str) -> set[frozenset[str]]:
    return met_pairs(extracted_facts(nlp, text, published=date(2024, 4, 8)))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        pytest.param(
            "Olaf Scholz met Prime Minister Petteri Orpo in Helsinki on Monday.",
            {"Olaf Scholz", "Petteri Orpo"},
            id="sentence-initial-name-typed-org",
        ),
        pytest.param(
            "Ursula von der Leyen met the Danish premier, Mette Frederiksen, in Brussels.",
            {"Ursula von der Leyen", "Mette Frederiksen"},
            id="particles-inside-a-name",
        ),
        pytest.param(
            "Olaf Brenner met Luc Moreau on Monday.",
            {"Olaf Brenner", "Luc Moreau"},
            id="first-name-tagged-a-nationality",
        ),
        pytest.param(
            "In a meeting with Li Wen on Monday, Hiro Tanaka raised the issue of fishing rights.",
            {"Hiro Tanaka", "Li Wen"},
            id="subject-of-a-clause-set-in-a-meeting-typed-org",
        ),
        pytest.param(
            "The German chancellor, Olaf Scholz, and the French president, Emmanuel Macron, "
            "held talks in Paris.",
            {"Olaf Scholz", "Emmanuel Macron"},
            id="name-typed-org-in-apposition-to-a-title",
        ),
        pytest.param(
            "Foreign ministers Emi Sato and Penny Holt met in Tokyo.",
            {"Emi Sato", "Penny Holt"},
            id="names-after-a-plural-title",
        ),
        pytest.param(
            "The two foreign ministers, Emi Sato and Penny Holt, met in Tokyo.",
            {"Emi Sato", "Penny Holt"},
            id="names-in-apposition-to-a-plural-title",
        ),
    ],
)
def test_name_repair_gives_the_whole_name(nlp: Language, text: str, pair: set[str]) -> None:
    assert frozenset(pair) in _met(nlp, text)


def test_name_repair_a_place_before_a_title_stays_a_place(nlp: Language) -> None:
    doc = nlp("Deputy U.S. Ambassador Ana Faria announced the delay on Monday.")
    assert ("U.S. Ambassador", "PERSON") not in [(e.text, e.label_) for e in doc.ents]


def test_name_repair_a_name_a_verb_of_address_takes_is_a_persons() -> None:
    words = ["Anna", "Berg", "spoke", "to", "Olek", "Marchuk", "by", "phone", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 2, 2, 2, 5, 3, 2, 6, 2],
        deps=["compound", "nsubj", "ROOT", "prep", "compound", "pobj", "prep", "pobj", "punct"],
        pos=["PROPN", "PROPN", "VERB", "ADP", "PROPN", "PROPN", "ADP", "NOUN", "PUNCT"],
        lemmas=["Anna", "Berg", "speak", "to", "Olek", "Marchuk", "by", "phone", "."],
    )
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 4, 6, label="ORG")]
    repaired = [(e.text, e.label_) for e in repair_names(doc, load_rules()).ents]
    assert ("Olek Marchuk", "PERSON") in repaired


def _described(relative: str, label: str | None) -> list[tuple[str, str]]:
    """'Olek Marchuk, <relative> arrived on Monday, spoke.', hand-parsed, the name tagged `label`
    (or untagged); the names the repair leaves."""
    words = ["Olek", "Marchuk", ",", relative, "arrived", "on", "Monday", ",", "spoke", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 8, 1, 4, 1, 4, 5, 1, 8, 8],
        deps=["compound", "nsubj", "punct", "nsubj", "relcl", "prep", "pobj", "punct", "ROOT"]
        + ["punct"],
        pos=["PROPN", "PROPN", "PUNCT", "PRON", "VERB", "ADP", "PROPN", "PUNCT", "VERB", "PUNCT"],
    )
    doc.ents = [Span(doc, 0, 2, label=label)] if label else []
    return [(e.text, e.label_) for e in repair_names(doc, load_rules()).ents]


@pytest.mark.parametrize("label", ["ORG", None])
def test_name_repair_a_name_who_describes_is_a_persons(label: str | None) -> None:
    assert ("Olek Marchuk", "PERSON") in _described("who", label)


def test_name_repair_which_describes_no_person() -> None:
    assert _described("which", "ORG") == [("Olek Marchuk", "ORG")]
    assert _described("which", None) == []


@pytest.mark.parametrize(
    ("age", "label", "found"),
    [
        ("61", None, "PERSON"),
        ("61", "ORG", "PERSON"),
        ("1987", "ORG", "ORG"),  # a year, no age
    ],
)
def test_name_repair_a_name_with_an_age_is_a_persons(
    age: str, label: str | None, found: str
) -> None:
    """'Marchuk, 61, spoke.', hand-parsed, the name untagged or tagged an organisation: an age
    set off by commas after a name is a person's."""
    words = ["Marchuk", ",", age, ",", "spoke", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[4, 0, 0, 0, 4, 4],
        deps=["nsubj", "punct", "appos", "punct", "ROOT", "punct"],
        pos=["PROPN", "PUNCT", "NUM", "PUNCT", "VERB", "PUNCT"],
    )
    doc.ents = [Span(doc, 0, 1, label=label)] if label else []
    assert [(e.text, e.label_) for e in repair_names(doc, load_rules()).ents] == [
        ("Marchuk", found)
    ]


@pytest.mark.parametrize(
    ("title", "found"), [("minister", [("Olek Marchuk", "PERSON")]), ("favourite", [])]
)
def test_name_repair_an_untagged_name_a_verb_gives_a_post_is_a_persons(
    title: str, found: list[tuple[str, str]]
) -> None:
    """'Olek Marchuk was sworn in as <title>.', hand-parsed, the name untagged: only a person
    is sworn in as a minister."""
    words = ["Olek", "Marchuk", "was", "sworn", "in", "as", title, "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 3, 3, 3, 3, 3, 5, 3],
        deps=["compound", "nsubjpass", "auxpass", "ROOT", "prt", "prep", "pobj", "punct"],
        pos=["PROPN", "PROPN", "AUX", "VERB", "ADP", "ADP", "NOUN", "PUNCT"],
        lemmas=["Olek", "Marchuk", "be", "swear", "in", "as", title, "."],
    )
    assert [(e.text, e.label_) for e in repair_names(doc, load_rules()).ents] == found


def _listed(noun: str) -> list[tuple[str, str]]:
    """'Three <noun>, including Olek Marchuk and Anna Berg, voted.', hand-parsed, the first name
    tagged an organisation and the second a person; the names the repair leaves."""
    words = [
        "Three",
        noun,
        ",",
        "including",
        "Olek",
        "Marchuk",
        "and",
        "Anna",
        "Berg",
        ",",
        "voted",
    ]
    doc = Doc(
        spacy.blank("en").vocab,
        words=[*words, "."],
        heads=[1, 10, 1, 1, 5, 3, 5, 8, 5, 1, 10, 10],
        deps=["nummod", "nsubj", "punct", "prep", "compound", "pobj", "cc", "compound", "conj"]
        + ["punct", "ROOT", "punct"],
        pos=["NUM", "NOUN", "PUNCT", "VERB", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PUNCT"]
        + ["VERB", "PUNCT"],
    )
    doc.ents = [Span(doc, 4, 6, label="ORG"), Span(doc, 7, 9, label="PERSON")]
    return [(e.text, e.label_) for e in repair_names(doc, load_rules()).ents]


def test_name_repair_a_name_listed_with_a_person_among_office_holders_is_a_persons() -> None:
    assert ("Olek Marchuk", "PERSON") in _listed("MPs")
    assert ("Olek Marchuk", "PERSON") in _listed("backbenchers")


def test_name_repair_a_name_listed_with_a_person_among_others_stays() -> None:
    """'Three investors, including X and Y': investors may be firms."""
    assert ("Olek Marchuk", "ORG") in _listed("investors")


def _tied(
    words: list[str], heads: list[int], deps: list[str], party: tuple[int, int], label: str = "ORG"
) -> Doc:
    """A hand-parsed sentence whose subject, tagged `label`, does something with a party the
    party ruler found (an entity id)."""
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    lemmas = {"defected": "defect", "quit": "quit"}
    for token in doc:
        token.pos_ = "PROPN" if token.is_title else ("VERB" if token.i == 2 else "X")
        token.lemma_ = lemmas.get(token.text, token.lower_)
    doc.ents = [Span(doc, 0, 2, label=label), Span(doc, *party, label="ORG", span_id="Labour")]
    return doc


@pytest.mark.parametrize("label", ["ORG", "PRODUCT"])
def test_name_repair_a_name_a_party_verb_ties_to_a_party_is_a_persons(label: str) -> None:
    doc = _tied(
        ["Ines", "Varga", "defected", "to", "Labour", "in", "2001", "."],
        [1, 2, 2, 2, 3, 2, 5, 2],
        ["compound", "nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
        (4, 5),
        label,
    )
    repaired = [(e.text, e.label_) for e in repair_names(doc, load_rules()).ents]
    assert ("Ines Varga", "PERSON") in repaired


def _one_word(verb: str, lemma: str) -> list[tuple[str, str]]:
    """'Dunmore <verb> for Labour in 2001.', hand-parsed, 'Dunmore' tagged an organisation."""
    doc = Doc(
        spacy.blank("en").vocab,
        words=["Dunmore", verb, "for", "Labour", "in", "2001", "."],
        heads=[1, 1, 1, 2, 1, 4, 1],
        deps=["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
        pos=["PROPN", "VERB", "ADP", "PROPN", "ADP", "NUM", "PUNCT"],
        lemmas=["Dunmore", lemma, "for", "Labour", "in", "2001", "."],
    )
    doc.ents = [Span(doc, 0, 1, label="ORG"), Span(doc, 3, 4, label="ORG", span_id="Labour")]
    return [(e.text, e.label_) for e in repair_names(doc, load_rules()).ents]


def test_name_repair_a_one_word_name_a_candidacy_ties_to_a_party_is_a_persons() -> None:
    assert ("Dunmore", "PERSON") in _one_word("stood", "stand")


def test_name_repair_a_one_word_organisation_that_campaigns_for_a_party_stays() -> None:
    assert ("Dunmore", "ORG") in _one_word("campaigned", "campaign")


def test_name_repair_quitting_something_of_a_party_is_no_sign_of_a_person() -> None:
    doc = _tied(
        ["Acme", "Foods", "quit", "the", "Labour", "campaign", "."],
        [1, 2, 2, 5, 5, 2, 2],
        ["compound", "nsubj", "ROOT", "det", "compound", "dobj", "punct"],
        (4, 5),
    )
    repaired = [(e.text, e.label_) for e in repair_names(doc, load_rules()).ents]
    assert ("Acme Foods", "ORG") in repaired


def test_name_repair_subject_of_a_planned_meeting_typed_org(nlp: Language) -> None:
    facts = extracted_facts(nlp, "Hiro Tanaka plans to meet Li Wen at the summit.", published=None)
    assert met_pairs(facts, status="planned") == {frozenset({"Hiro Tanaka", "Li Wen"})}


def test_name_repair_family_name_first_joins_the_full_name(nlp: Language) -> None:
    text = (
        "Chinese President Xi Jinping arrived in Madrid on Tuesday. "
        "The Spanish prime minister, Pedro Sanchez, met Xi at the palace."
    )
    assert _met(nlp, text) == {frozenset({"Xi Jinping", "Pedro Sanchez"})}


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("The World Bank met creditors in Paris, said Ana Ruiz.", "World Bank"),
        ("Amnesty International wants to meet Ana Ruiz in Lima.", "Amnesty International"),
        ("General Motors plans to meet union leaders, Ana Ruiz said.", "General Motors"),
    ],
)
def test_name_repair_leaves_organisations_that_act(
    nlp: Language, text: str, organisation: str
) -> None:
    facts = extracted_facts(nlp, text, published=None)
    people = {f.subject for f in facts if f.subject_type == "person"}
    assert not any(word in name for name in people for word in organisation.split())
    assert not any(f.predicate in ("met", "holds_position") for f in facts)


def _hand_parsed(words: list[str], proper: set[int], person: tuple[int, int]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words)
    for token in doc:
        token.pos_ = "PROPN" if token.i in proper else "X"
    doc.ents = [Span(doc, *person, label="PERSON")]
    return doc


def test_name_repair_third_word_of_a_family_name_first_name() -> None:
    doc = _hand_parsed(["Yoon", "Suk", "Yeol", "spoke", "."], {0, 1, 2}, (0, 2))
    assert [(e.text, e.label_) for e in repair_names(doc, load_rules()).ents] == [
        ("Yoon Suk Yeol", "PERSON")
    ]


def test_name_repair_family_name_left_out_before_a_given_name() -> None:
    doc = _hand_parsed(["Han", "Lijun", "spoke", "."], {0, 1}, (1, 2))
    assert [(e.text, e.label_) for e in repair_names(doc, load_rules()).ents] == [
        ("Han Lijun", "PERSON")
    ]


def test_name_repair_no_family_name_before_other_names() -> None:
    doc = _hand_parsed(["Acme", "Lijun", "spoke", "."], {0, 1}, (1, 2))
    assert [(e.text, e.label_) for e in repair_names(doc, load_rules()).ents] == [
        ("Lijun", "PERSON")
    ]


def test_name_repair_hyphenated_given_name_of_a_family_name_first_name() -> None:
    doc = Doc(
        spacy.blank("en").vocab,
        words=["Park", "Min", "-", "jae", "spoke"],
        spaces=[True, False, False, True, False],
    )
    for token in doc:
        token.pos_ = "PROPN" if token.i < 2 else "X"
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    assert [e.text for e in repair_names(doc, load_rules()).ents] == ["Park Min-jae"]


def test_name_repair_no_third_word_for_other_names() -> None:
    doc = _hand_parsed(["Tony", "Blair", "Hits", "Back"], {0, 1, 2, 3}, (0, 2))
    assert [e.text for e in repair_names(doc, load_rules()).ents] == ["Tony Blair"]


def test_name_repair_untagged_name_with_a_title_in_apposition(nlp: Language) -> None:
    facts = extracted_facts(
        nlp,
        'Harriet May, Tory shadow transport secretary, said: "The plan fails."',
        published=date(2024, 4, 8),
    )
    posts = {(f.subject, f.object) for f in facts if f.predicate == "holds_position"}
    assert posts == {("Harriet May", "Tory shadow transport secretary")}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        pytest.param(
            "Okonjo held a bilateral meeting with Chancellor Olaf Scholz in Berlin.",
            {"Okonjo", "Olaf Scholz"},
            id="untagged-subject-of-held-a-meeting",
        ),
    ],
)
def test_name_repair_more_participants(nlp: Language, text: str, pair: set[str]) -> None:
    assert frozenset(pair) in _met(nlp, text)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        pytest.param(
            "Netanyahu, who met Biden last week, said the talks were productive.",
            {"Netanyahu", "Biden"},
            id="one-word-name-tagged-a-place",
        ),
        pytest.param(
            "Ruth Adair and Okonjo held a joint news conference in Lagos.",
            {"Ruth Adair", "Okonjo"},
            id="conjunct-of-a-subject",
        ),
        pytest.param(
            "Albanese had a bilateral meeting with Chinese President Xi Jinping in Lima.",
            {"Albanese", "Xi Jinping"},
            id="one-word-name-tagged-a-nationality",
        ),
        pytest.param(
            "Modi met Albanese in Delhi.",
            {"Modi", "Albanese"},
            id="untagged-name-opposite-a-repaired-one",
        ),
        pytest.param(
            "Ursula von der Leyen and Giorgia Meloni held talks in Rome on Sunday.",
            {"Ursula von der Leyen", "Giorgia Meloni"},
            id="conjunct-hung-on-a-word-inside-the-other-name",
        ),
    ],
)
def test_name_repair_one_word_names_in_a_meeting(nlp: Language, text: str, pair: set) -> None:
    assert frozenset(pair) in _met(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Chinese met the Americans in Geneva.", id="peoples"),
        pytest.param("A Democrat met the Republicans in Ohio.", id="party-words"),
    ],
)
def test_name_repair_nationalities_stay_nationalities(nlp: Language, text: str) -> None:
    assert _met(nlp, text) == set()


def test_name_repair_untagged_word_without_a_person_opposite(nlp: Language) -> None:
    assert _met(nlp, "Okonjo held a meeting with the unions in Abuja.") == set()


def test_name_repair_a_portfolio_after_a_party_is_no_person(nlp: Language) -> None:
    facts = extracted_facts(
        nlp, "Lib Dem Rural Affairs spokesman Ian Hunt said: 'It is wrong.'", published=None
    )
    persons = {f.subject for f in facts}
    assert "Rural Affairs" not in persons
    assert ("Ian Hunt", "Liberal Democrats") in {
        (f.subject, f.object) for f in facts if f.predicate == "member_of"
    }


def test_name_repair_name_cut_after_its_title() -> None:
    doc = _hand_parsed(["Minister", "Salem", "Al", "Nouri", "spoke"], {1, 2, 3}, (2, 4))
    assert [e.text for e in repair_names(doc, load_rules()).ents] == ["Salem Al Nouri"]


def test_name_repair_no_run_back_without_a_title() -> None:
    doc = _hand_parsed(["Yesterday", "Salem", "Al", "Nouri", "spoke"], {1, 2, 3}, (2, 4))
    assert [e.text for e in repair_names(doc, load_rules()).ents] == ["Al Nouri"]


def test_honorific_of_the_other_gender_is_another_person(nlp: Language) -> None:
    text = (
        "Baroness Fenwick met Jack Straw on Monday. Later Tom Fenwick criticised the deal, "
        "and Mr Fenwick called for a vote."
    )
    assert _met(nlp, text) == {frozenset({"Baroness Fenwick", "Jack Straw"})}


def test_a_peer_with_no_plain_form_is_the_full_name(nlp: Language) -> None:
    text = "Neil Harwood spoke first. Lord Harwood then met Tony Blair."
    assert _met(nlp, text) == {frozenset({"Neil Harwood", "Tony Blair"})}


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        pytest.param(
            "FAC", [("the Golden Gate Bridge", "FAC"), ("San Francisco", "GPE")], id="split"
        ),
        pytest.param(
            "PERSON", [("the Golden Gate Bridge in San Francisco", "PERSON")], id="person"
        ),
    ],
)
def test_name_repair_place_run_on_after_a_name(
    nlp: Language, label: str, expected: list[tuple[str, str]]
) -> None:
    """A name tagged with 'in' + a place the gazetteer knows is two names."""
    doc = nlp.make_doc("They saw the Golden Gate Bridge in San Francisco.")
    doc.ents = [Span(doc, 2, 9, label=label)]
    repaired = repair_names(doc, load_rules())
    assert [(e.text, e.label_) for e in repaired.ents] == expected


def test_name_repair_unknown_place_after_in_keeps_the_name(nlp: Language) -> None:
    doc = nlp.make_doc("They joined the Society of Friends in Mordovia Flats.")
    doc.ents = [Span(doc, 2, 9, label="ORG")]
    assert [e.text for e in repair_names(doc, load_rules()).ents] == [
        "the Society of Friends in Mordovia Flats"
    ]


def test_name_repair_a_place_after_a_title_is_a_persons_name(nlp: Language) -> None:
    facts = extracted_facts(
        nlp, "Members of the Left Bloc, including deputy Ana Faria, staged a protest."
    )
    assert ("member_of", "Ana Faria", "Left Bloc") in {
        (f.predicate, f.subject, f.object) for f in facts
    }


def test_a_double_barrelled_name_stays_one_persons(nlp: Language) -> None:
    text = (
        "Tom Hale and Lisa Brandt backed the bill. Anna Hale-Brandt opposed it. "
        "Ms Hale-Brandt met David Moore on Friday."
    )
    assert _met(nlp, text) == {frozenset({"Anna Hale-Brandt", "David Moore"})}


@pytest.mark.parametrize(
    "text",
    [
        "Secretary of State Ana Ruiz (L) meets with President Tom Hale in Lima on Monday.",
        "Foreign Minister Ana Ruiz (L) meets with President Tom Hale in Lima on Monday.",
    ],
)
def test_name_repair_a_caption_letter_or_a_title_is_no_person(nlp: Language, text: str) -> None:
    extraction = next(extract([Article(id="t", text=text)], nlp))
    assert {e.name for e in extraction.entities if e.type == "person"} == {"Ana Ruiz", "Tom Hale"}


@pytest.mark.parametrize(
    ("text", "royal"),
    [
        pytest.param(
            "Jordan's King Hamza III held talks with Joe Barden in Amman.",
            "King Hamza III",
            id="a-regnal-number",
        ),
        pytest.param(
            "Emir Sheikh Nasser bin Khalid Al Sabah met Joe Barden in Kuwait City.",
            "Emir Sheikh Nasser bin Khalid Al Sabah",
            id="two-titles-and-particles",
        ),
    ],
)
def test_name_repair_a_royal_title_begins_a_name(nlp: Language, text: str, royal: str) -> None:
    assert frozenset((royal, "Joe Barden")) in _met(nlp, text)


def test_name_repair_a_royal_title_before_an_organisation_word_is_no_name(nlp: Language) -> None:
    extraction = next(
        extract([Article(id="t", text="Queen Anne College said fees would rise.")], nlp)
    )
    assert not [e for e in extraction.entities if e.type == "person"]


@pytest.mark.parametrize(
    "text",
    [
        "President Amos Kiprop welcomed Ugandan President Neema Mollel to State House on Tuesday.",
        "President Ruto met Ugandan President Yoweri Museveni on Tuesday.",
    ],
)
def test_name_repair_a_national_adjective_tagged_a_person_is_no_one(
    nlp: Language, text: str
) -> None:
    extraction = next(extract([Article(id="t", text=text)], nlp))
    assert "Ugandan" not in {e.name for e in extraction.entities}
    assert not any(f.object == "Ugandan" or f.subject == "Ugandan" for f in extraction.facts)
    assert len(met_pairs(extraction.facts)) == 1  # the two presidents, and no third


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        pytest.param(
            "Tom Reyes, general secretary of the Communist Party of Vietnam, met Kenji Mori.",
            ("leads", "Tom Reyes", "Communist Party of Vietnam"),
            id="known-name-before-another-country",
        ),
        pytest.param(
            "Helen Carter, a member of the Socialist Party of Serbia, spoke first.",
            ("member_of", "Helen Carter", "Socialist Party of Serbia"),
            id="generic-party-of-a-country",
        ),
        pytest.param(
            "Lena Moss joined the Communist Party of China in 1990.",
            ("member_of", "Lena Moss", "Communist Party"),
            id="a-known-alias-keeps-its-party",
        ),
        pytest.param(
            "Kenji Mori, who leads the Green Party of Ohio, met Helen Carter.",
            ("leads", "Kenji Mori", "Green Party of Ohio"),
            id="a-state-party",
        ),
        pytest.param(
            "Tom Reyes, a lawmaker from the opposition Indonesian Democratic Party of Struggle, "
            "spoke first.",
            ("member_of", "Tom Reyes", "Indonesian Democratic Party of Struggle"),
            id="words-no-other-name-holds",
        ),
    ],
)
def test_name_repair_a_party_of_a_country_is_one_name(
    nlp: Language, text: str, fact: tuple[str, str, str]
) -> None:
    assert fact in {(f.predicate, f.subject, f.object) for f in extracted_facts(nlp, text)}
    parties = [e.text for e in nlp(text).ents if e.label_ == "ORG"]
    assert not any(p.endswith(" of") for p in parties)


@pytest.mark.parametrize(
    ("text", "member", "party"),
    [
        pytest.param(
            "Tom Reyes, a member of the Liberal-Republican Party, spoke first.",
            "Tom Reyes",
            "Liberal-Republican Party",
            id="a-known-party-s-name-after-a-hyphen",
        ),
        pytest.param(
            "Members of the ruling Zanu-PF party, including Tom Reyes and Helen Carter, "
            "walked out.",
            "Helen Carter",
            "Zanu-PF",
            id="letters-after-a-hyphen",
        ),
    ],
)
def test_name_repair_a_name_joined_by_a_hyphen_is_one_name(
    nlp: Language, text: str, member: str, party: str
) -> None:
    members = {
        (f.subject, f.object) for f in extracted_facts(nlp, text) if f.predicate == "member_of"
    }
    assert (member, party) in members
    assert not [m for m in members if m[0] == member and m[1] != party]


def test_name_repair_a_known_party_is_not_run_on_after_it(nlp: Language) -> None:
    facts = extracted_facts(nlp, "Tom Reyes, a Labour-IRA critic and Labour MP, spoke.")
    assert ("Tom Reyes", "Labour") in {
        (f.subject, f.object) for f in facts if f.predicate == "member_of"
    }


def test_name_repair_a_prefix_before_a_hyphen_is_no_part_of_the_name(nlp: Language) -> None:
    facts = extracted_facts(nlp, "Ex-Labour MP Oren Dalqvist has joined the Harbour Party.")
    members = {(f.subject, f.object, f.status) for f in facts if f.predicate == "member_of"}
    assert ("Oren Dalqvist", "Labour", "past") in members


def test_name_repair_a_party_of_a_person_is_the_party(nlp: Language) -> None:
    doc = nlp("Helen Carter said the Labour Party of Tom Reyes had lost its way.")
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == ["Labour Party"]


def test_name_repair_an_untagged_title_in_a_meeting_is_no_one(nlp: Language) -> None:
    """'the Irish Taoiseach, Kenji Mori': two capitalised words ending in a title name no one."""
    text = (
        "The Prime Minister, Tom Reyes, and the Irish Taoiseach, Kenji Mori, held talks in "
        "London on Wednesday."
    )
    assert met_pairs(extracted_facts(nlp, text)) == {frozenset(("Tom Reyes", "Kenji Mori"))}


def test_name_repair_a_name_ends_on_no_preposition(nlp: Language) -> None:
    text = "Tom Reyes received Helen Carter at the Great Hall of the People on Friday."
    visited = {
        (f.subject, f.object) for f in extracted_facts(nlp, text) if f.predicate == "visited"
    }
    assert visited == {("Helen Carter", "Great Hall of the People")}


def _untagged_meeting(words: list[str]) -> list[tuple[str, str]]:
    """'[A] B met C D.', hand-parsed, nothing tagged; the names the repair leaves."""
    first = len(words) - 5  # 1 when the subject has two words, else 0
    heads = [1 + first, 1 + first, 3 + first, 1 + first, 1 + first]
    deps = ["nsubj", "ROOT", "compound", "dobj", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "PROPN", "PUNCT"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1] * first + heads,
        deps=["compound"] * first + deps,
        pos=["PROPN"] * first + pos,
        lemmas=[w if w != "met" else "meet" for w in words],
    )
    return [(e.text, e.label_) for e in repair_names(doc, load_rules()).ents]


def test_name_repair_two_untagged_names_a_meeting_puts_opposite_each_other() -> None:
    repaired = _untagged_meeting(["Oren", "Dalqvist", "met", "Imre", "Szabados", "."])
    assert repaired == [("Oren Dalqvist", "PERSON"), ("Imre Szabados", "PERSON")]


def test_name_repair_a_one_word_untagged_name_is_no_one_opposite_another() -> None:
    assert _untagged_meeting(["Dalqvist", "met", "Imre", "Szabados", "."]) == []


def test_a_surname_with_a_particle_capitalised_at_a_sentence_start_is_the_full_name(
    nlp: Language,
) -> None:
    text = "Tom Reyes met Luiz Carlos da Costa on Monday. Da Costa, a former governor, said no."
    posts = {
        (f.subject, f.object) for f in extracted_facts(nlp, text) if f.predicate == "holds_position"
    }
    assert posts == {("Luiz Carlos da Costa", "former governor")}


@pytest.mark.parametrize(
    ("words", "label"),
    [
        (["She", "joined", "the", "conservative", "Harbour", "Caucus", "."], "ORG"),
        (["She", "met", "Margaret", "Court", "."], "PERSON"),
    ],
)
def test_name_repair_a_person_name_after_the_that_ends_in_an_organisation_word(
    words: list[str], label: str
) -> None:
    """A name tagged a person's that 'the' (and describing words) opens and a word organisations
    are named with ends is an organisation's; a name without 'the' stays a person's."""
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        pos=[
            {"She": "PRON", "the": "DET", "conservative": "ADJ", ".": "PUNCT"}.get(w, "PROPN")
            if w not in ("joined", "met")
            else "VERB"
            for w in words
        ],
    )
    doc.ents = [Span(doc, len(words) - 3, len(words) - 1, label="PERSON")]
    assert [e.label_ for e in repair_names(doc, load_rules()).ents] == [label]

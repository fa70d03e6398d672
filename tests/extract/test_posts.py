"""Posts and the affiliations titles and phrases carry, on sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from spacy.language import Language

from kg.extract import extract
from kg.extract.captions import find_captions
from kg.extract.entities import EntityIndex, Resolved, resolve_entities
from kg.extract.posts import Post, prefix_posts
from kg.extract.rules import load_rules
from kg.types import Article, Fact
from tests.samples import extracted_facts


def _facts(nlp: Language, text: str) -> list[Fact]:
    return extracted_facts(nlp, text, published=date(2024, 3, 5))


def _triples(facts: list[Fact]) -> set[tuple[str, str, str]]:
    """Posts held now or once ('the former home secretary'; tests/extract/test_past_posts.py
    tells them apart)."""
    held = ("asserted", "past")
    return {(f.predicate, f.subject, f.object) for f in facts if f.status in held}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Maria Lopez, chief executive of Green Futures Trust, said the plan was flawed.",
            {
                ("holds_position", "Maria Lopez", "chief executive of Green Futures Trust"),
                ("leads", "Maria Lopez", "Green Futures Trust"),
            },
            id="apposition-with-of-complement-leads",
        ),
        pytest.param(
            "The Liberal Democrats met in Harrogate. Their leader was joined by the party's "
            "health spokesman Paul Renwick.",
            {
                ("holds_position", "Paul Renwick", "health spokesman"),
                ("member_of", "Paul Renwick", "Liberal Democrats"),
            },
            id="the-party-s-spokesman-names-the-party-last-named",
        ),
        pytest.param(
            "Sen. Ruth Calloway and Gov. Peter Marsh signed the bill.",
            {
                ("holds_position", "Ruth Calloway", "Senator"),
                ("holds_position", "Peter Marsh", "Governor"),
            },
            id="abbreviated-us-titles",
        ),
        pytest.param(
            "Labour peer Lord Pennick resigned from the party on Monday.",
            {
                ("holds_position", "Pennick", "Labour peer"),
                ("member_of", "Pennick", "Labour"),
            },
            id="party-peer-untagged-after-an-honorific",
        ),
        pytest.param(
            "NATO Secretary General Tom Reyes said the alliance was united.",
            {("leads", "Tom Reyes", "NATO")},
            id="secretary-general-of-an-acronym-leads-it",
        ),
        pytest.param(
            "Tom Reyes, the Taliban's supreme leader, issued a decree.",
            {("leads", "Tom Reyes", "Taliban")},
            id="supreme-leader-leads",
        ),
        pytest.param(
            "Tom Reyes, Oxfam's executive director, said the aid was not enough.",
            {("leads", "Tom Reyes", "Oxfam")},
            id="executive-director-leads",
        ),
        pytest.param(
            "Tom Hardy, the Labour MP for Leeds North, backed the bill.",
            {("member_of", "Tom Hardy", "Labour")},
            id="apposition-party-mp-is-member",
        ),
        pytest.param(
            "Helen Carter, the Labour MP for Leeds Central, said the cuts were wrong.",
            {("member_of", "Helen Carter", "Labour")},
            id="a-seat-the-tagger-took-for-an-organisation",
        ),
        pytest.param(
            "Peter Grant, UKIP's deputy leader, spoke in Hull.",
            {
                ("holds_position", "Peter Grant", "deputy leader"),
                ("member_of", "Peter Grant", "UK Independence Party"),
            },
            id="possessive-party-deputy-is-member-not-leader",
        ),
        pytest.param(
            "SNP Westminster leader Angus Reid criticised the budget.",
            {("member_of", "Angus Reid", "Scottish National Party")},
            id="leader-of-a-group-within-a-party-is-member",
        ),
        pytest.param(
            "Tory leader Michael Howard said the tax was unfair.",
            {
                ("holds_position", "Michael Howard", "Tory leader"),
                ("leads", "Michael Howard", "Conservatives"),
            },
            id="party-leader-leads",
        ),
        pytest.param(
            "Labour election co-ordinator Alan Milburn said the campaign was ready.",
            {("member_of", "Alan Milburn", "Labour")},
            id="hyphenated-head-word",
        ),
        pytest.param(
            "Jane Doe, another co-chairman of the Rural Alliance, welcomed the vote.",
            {("leads", "Jane Doe", "Rural Alliance")},
            id="hyphenated-co-chairman-leads",
        ),
        pytest.param(
            "David Page, of Investec Securities, said the forecast was optimistic.",
            {("member_of", "David Page", "Investec Securities")},
            id="of-organisation-after-comma",
        ),
        pytest.param(
            "Susan Kramer, for the Liberal Democrats, called for an audit.",
            {("member_of", "Susan Kramer", "Liberal Democrats")},
            id="for-party-after-comma",
        ),
        pytest.param(
            "The result was a triumph for Harold Wilson's Labour Party.",
            {("leads", "Harold Wilson", "Labour")},
            id="persons-party-leads",
        ),
        pytest.param(
            "Anna Berg, whose Harbour Party won the vote, said it was close.",
            {("leads", "Anna Berg", "Harbour Party")},
            id="whose-party-leads",
        ),
        pytest.param(
            "Colin Pryce, whose Northfield Alliance party is rising in the polls, spoke first.",
            {("leads", "Colin Pryce", "Northfield Alliance")},
            id="whose-party-named-by-a-party-the-rules-do-not-know",
        ),
        pytest.param(
            "The Scottish National Party's Holyrood leader Nicola Sturgeon wrote to him.",
            {
                ("holds_position", "Nicola Sturgeon", "Holyrood leader"),
                ("member_of", "Nicola Sturgeon", "Scottish National Party"),
            },
            id="possessive-party-name-dropped-from-label",
        ),
        pytest.param(
            "Roger Bennett, head of gaming industry body ELSPA, said the ban was wrong.",
            {("leads", "Roger Bennett", "ELSPA")},
            id="organisation-right-after-the-complement",
        ),
        pytest.param(
            "Sarah Jones is the chairwoman of the Harbour Trust.",
            {("leads", "Sarah Jones", "Harbour Trust")},
            id="copula-title",
        ),
        pytest.param(
            "Plaid Cymru's leader Ieuan Wyn Jones said the result was good.",
            {("leads", "Ieuan Wyn Jones", "Plaid Cymru")},
            id="possessive-party-leader-leads",
        ),
        pytest.param(
            "The CBI's director general, Digby Jones, welcomed the budget.",
            {
                ("holds_position", "Digby Jones", "director general"),
                ("leads", "Digby Jones", "CBI"),
            },
            id="possessive-organisation-director-general-leads",
        ),
        pytest.param(
            "Alan Milburn, Labour's election co-ordinator, attacked the Tories.",
            {
                ("holds_position", "Alan Milburn", "election co-ordinator"),
                ("member_of", "Alan Milburn", "Labour"),
            },
            id="possessive-party-in-an-apposition-with-a-hyphenated-head",
        ),
        pytest.param(
            "Norfolk police chief Andy Hayman backed the plan.",
            {
                ("holds_position", "Andy Hayman", "Norfolk police chief"),
                ("leads", "Andy Hayman", "Norfolk police"),
            },
            id="body-named-by-a-place",
        ),
        pytest.param(
            "Lib Dem constitutional affairs committee chairman Alan Beith warned of the risks.",
            {
                ("leads", "Alan Beith", "constitutional affairs committee"),
                ("member_of", "Alan Beith", "Liberal Democrats"),
            },
            id="body-named-by-two-words-after-a-party",
        ),
        pytest.param(
            "Li Wen, a member of the Standing Committee and director of the Office of the "
            "Central Foreign Affairs Commission, met the delegation.",
            {
                (
                    "holds_position",
                    "Li Wen",
                    "director of the Office of the Central Foreign Affairs Commission",
                ),
            },
            id="a-second-title-joined-to-an-apposition-with-a-long-named-complement",
        ),
        pytest.param(
            "The UN special rapporteur on housing, Lena Moss, said rents were rising.",
            {("holds_position", "Lena Moss", "UN special rapporteur on housing")},
            id="a-rapporteur",
        ),
        pytest.param(
            "Tom Reyes, the government's chief negotiator, said talks had stalled.",
            {("holds_position", "Tom Reyes", "chief negotiator")},
            id="a-negotiator",
        ),
        pytest.param(
            "Canadian Trade Representative Kenji Mori met Helen Carter.",
            {("holds_position", "Kenji Mori", "Trade Representative")},
            id="a-trade-representative",
        ),
        pytest.param(
            "The Harbour Party's candidate for mayor of Dunmore, Lev Tomas, was barred.",
            {
                ("holds_position", "Lev Tomas", "candidate for mayor of Dunmore"),
                ("member_of", "Lev Tomas", "Harbour Party"),
            },
            id="a-candidate-for-a-post-named-on-the-posts-place",
        ),
        pytest.param(
            "The government of Prime Minister Lena Moss denied any motive.",
            {("holds_position", "Lena Moss", "Prime Minister")},
            id="a-title-after-of-and-a-common-noun",
        ),
        pytest.param(
            "Tom Reyes is one of the Harbour Party's most senior figures.",
            {("member_of", "Tom Reyes", "Harbour Party")},
            id="one-of-a-partys-figures",
        ),
        pytest.param(
            "Tom Reyes, a senior official in the Harbour Party, spoke.",
            {("member_of", "Tom Reyes", "Harbour Party")},
            id="an-official-in-a-party",
        ),
        pytest.param(
            "Tom Reyes, a Harbour Party colleague of Helen Carter, spoke.",
            {("member_of", "Tom Reyes", "Harbour Party")},
            id="a-party-colleague",
        ),
        pytest.param(
            "Tom Reyes, the MP for Carrow Vale, said no.",
            {("holds_position", "Tom Reyes", "MP for Carrow Vale")},
            id="a-seat-the-tagger-took-for-a-person",
        ),
        pytest.param(
            "Tom Reyes, who is running for the Harbour Party nomination, spoke.",
            {("member_of", "Tom Reyes", "Harbour Party")},
            id="running-for-a-partys-nomination",
        ),
        pytest.param(
            "Tom Reyes, a Democrat from Ohio who chairs the Senate ethics committee, spoke.",
            {("leads", "Tom Reyes", "Senate ethics committee")},
            id="a-clause-on-an-apposition-describes-the-name",
        ),
        pytest.param(
            "Tom Reyes won the Harbour Party's nomination for governor.",
            {("member_of", "Tom Reyes", "Harbour Party")},
            id="won-a-partys-nomination",
        ),
    ],
)
def test_posts_affiliations(nlp: Language, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= _triples(_facts(nlp, text))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        pytest.param(
            "Peter Grant, UKIP's deputy leader, spoke in Hull.",
            ("leads", "Peter Grant", "UK Independence Party"),
            id="deputy-does-not-lead",
        ),
        pytest.param(
            "Alan Milburn, Labour's head of elections strategy, spoke.",
            ("leads", "Alan Milburn", "Labour"),
            id="head-of-something-else-does-not-lead-the-party",
        ),
        pytest.param(
            "Tom Reyes, the head of Amnesty International's Asia office, spoke.",
            ("leads", "Tom Reyes", "Amnesty International"),
            id="head-of-an-organisations-office-does-not-lead-it",
        ),
        pytest.param(
            "Lena Moss, director of the Asia division at Harbour Watch, said no.",
            ("leads", "Lena Moss", "Harbour Watch"),
            id="director-of-a-division-at-an-organisation-does-not-lead-it",
        ),
        pytest.param(
            "Tom Reyes, head of the press office of the Harbour Bank, spoke.",
            ("leads", "Tom Reyes", "Harbour Bank"),
            id="head-of-an-office-of-an-organisation-does-not-lead-it",
        ),
        pytest.param(
            "Anna Berg from Leeds said the plan was flawed.",
            ("member_of", "Anna Berg", "Leeds"),
            id="from-a-place-is-no-membership",
        ),
        pytest.param(
            "The tax rose over the head of Gordon Brown last year.",
            ("holds_position", "Gordon Brown", "head of"),
            id="idiom-head-of-is-no-post",
        ),
        pytest.param(
            "Helen Carter, the MEP, said the law was wrong.",
            ("member_of", "Helen Carter", "MEP"),
            id="a-title-tagged-as-an-organisation-is-no-organisation",
        ),
        pytest.param(
            "Local council leader Derek Simpson criticised the plan.",
            ("leads", "Derek Simpson", "Local council"),
            id="one-common-word-names-no-body",
        ),
        pytest.param(
            "Tom Dube, who is also ANC president, met DA leader Ann Lowe.",
            ("leads", "Ann Lowe", "African National Congress"),
            id="a-leader-of-a-party-named-by-initials-the-tagger-missed",
        ),
        pytest.param(
            "Helen Carter, the Labour MP for Leeds Central, said the cuts were wrong.",
            ("member_of", "Helen Carter", "Leeds Central"),
            id="a-seat-is-no-organisation",
        ),
        pytest.param(
            "Kenji Mori, the Labor member for Harbridge, said no.",
            ("member_of", "Kenji Mori", "Harbridge"),
            id="the-member-for-a-seat-is-no-member-of-it",
        ),
        pytest.param(
            "The Harbour Party's candidate for mayor of Dunmore, Lev Tomas, was barred.",
            ("holds_position", "Lev Tomas", "mayor of Dunmore"),
            id="a-candidate-for-mayor-is-no-mayor",
        ),
        pytest.param(
            "The government of Prime Minister Lena Moss denied any motive.",
            ("holds_position", "Lena Moss", "government of Prime Minister"),
            id="a-common-noun-before-of-is-no-part-of-the-title",
        ),
        pytest.param(
            "Ann Lowe, whose father was a Labour MP, joined the Greens.",
            ("member_of", "Ann Lowe", "Labour"),
            id="a-relatives-post-set-off-by-commas",
        ),
        pytest.param(
            "The mayors, including Republican Mayor Tom Reyes of Dayton and Democratic Mayor "
            "Lena Moss of Toledo, signed it.",
            ("member_of", "Tom Reyes", "Democratic Party"),
            id="the-next-names-party-is-not-anothers-place",
        ),
    ],
)
def test_posts_not_claimed(nlp: Language, text: str, absent: tuple[str, str, str]) -> None:
    assert absent not in _triples(_facts(nlp, text))


@pytest.mark.parametrize(
    ("text", "role"),
    [
        pytest.param(
            "Ravi Nair, a senior leader of the Green Party, opposed the plan.",
            ("member_of", "Ravi Nair", "Green Party"),
            id="a-leader-is-one-of-its-leaders",
        ),
        pytest.param(
            "Ravi Nair, the leader of the Green Party, opposed the plan.",
            ("leads", "Ravi Nair", "Green Party"),
            id="the-leader-leads",
        ),
        pytest.param(
            "Ravi Nair, a co-chairman of the Green Party, opposed the plan.",
            ("leads", "Ravi Nair", "Green Party"),
            id="a-co-chairman-leads",
        ),
    ],
)
def test_posts_one_of_several_leaders_is_a_member(
    nlp: Language, text: str, role: tuple[str, str, str]
) -> None:
    affiliations = {t for t in _triples(_facts(nlp, text)) if t[0] in ("leads", "member_of")}
    assert affiliations == {role}


def test_posts_a_complement_ends_where_another_description_is_joined_on(nlp: Language) -> None:
    """'president of the X party and son of a prime minister': the post is of the party."""
    text = (
        "Oren Dalqvist, president of the Nordic Socialist Movement party and son and grandson "
        "of Prime Ministers, won."
    )
    facts = _triples(_facts(nlp, text))
    assert ("leads", "Oren Dalqvist", "Nordic Socialist Movement") in facts
    post = ("holds_position", "Oren Dalqvist", "president of the Nordic Socialist Movement party")
    assert post in facts


def test_posts_title_inside_a_name_is_split_off(nlp: Language) -> None:
    facts = _facts(nlp, "The row was between MEP Nigel Farage and the party's treasurer.")
    posts = {(f.subject, f.object) for f in facts if f.predicate == "holds_position"}
    assert ("Nigel Farage", "MEP") in posts


def test_posts_royal_title_is_part_of_the_name(nlp: Language) -> None:
    facts = _facts(nlp, "Prince Charles and his wife visited the hospital in Leeds.")
    assert not [f for f in facts if f.predicate == "holds_position"]


def test_posts_name_after_a_title_is_a_person(nlp: Language) -> None:
    text = "Holyrood leader Nicola Sturgeon wrote to the first minister."
    extraction = next(extract([Article(id="t", text=text)], nlp))
    assert ("Nicola Sturgeon", "person") in {(e.name, e.type) for e in extraction.entities}


def _titled(nlp: Language, title: str, text: str) -> set[tuple[str, str]]:
    extraction = next(extract([Article(id="t", text=text, title=title)], nlp))
    return {(f.subject, f.object) for f in extraction.facts if f.predicate == "holds_position"}


def test_posts_lede_title_refers_to_the_headline_person(nlp: Language) -> None:
    posts = _titled(
        nlp,
        "Blair defends school trips",
        "The prime minister has defended school trips. Tony Blair said they were safe.",
    )
    assert ("Tony Blair", "prime minister") in posts


def test_posts_lede_possessive_country_title(nlp: Language) -> None:
    posts = _titled(
        nlp,
        "Jamieson warns football fans",
        "Scotland's justice minister has warned football fans. Cathy Jamieson said so.",
    )
    assert ("Cathy Jamieson", "justice minister") in posts


def test_posts_party_leader_reference_skips_another_kind_of_leader(nlp: Language) -> None:
    facts = _triples(
        extract_titled(
            nlp,
            "Okafor answers his critics",
            "Ruth Okafor dismissed a remark by Dan Price, the Leader of the House, that the Tory "
            "leader had lost his nerve.",
        )
    )
    assert ("holds_position", "Ruth Okafor", "Tory leader") in facts
    assert ("leads", "Ruth Okafor", "Conservatives") in facts
    assert not {f for f in facts if f[1] == "Dan Price" and "Tory" in f[2]}


def test_posts_party_leader_reference_finds_the_leader_by_another_party_name(
    nlp: Language,
) -> None:
    text = (
        "Liberal Democrat leader Sam Irving visited Leeds on Monday. Jo Wren, the Leader of the "
        "Lords, stayed in London. The Lib Dem leader later spoke to students."
    )
    extraction = next(extract([Article(id="t", text=text)], nlp))
    mentions = {e.name: e.aliases for e in extraction.entities}
    assert "The Lib Dem leader" in mentions["Sam Irving"]


def extract_titled(nlp: Language, title: str, text: str) -> list[Fact]:
    return next(extract([Article(id="t", text=text, title=title)], nlp)).facts


@pytest.mark.parametrize(
    ("title", "text"),
    [
        pytest.param(
            "Blair and Brown defend budget",
            "The prime minister has defended the budget. Tony Blair and Gordon Brown spoke.",
            id="headline-names-two",
        ),
        pytest.param(
            "Blair defends budget",
            "Tony Blair spoke on Monday. Critics said later that the prime minister left early.",
            id="not-the-lede",
        ),
    ],
)
def test_posts_lede_title_needs_one_headline_person(nlp: Language, title: str, text: str) -> None:
    assert not {p for p in _titled(nlp, title, text) if p[1] == "prime minister"}


@pytest.mark.parametrize(
    ("text", "post"),
    [
        pytest.param(
            "Gordon Brown became chancellor in 1997.", ("Gordon Brown", "chancellor"), id="became"
        ),
        pytest.param(
            "Ruth Kelly was appointed education secretary in December.",
            ("Ruth Kelly", "education secretary"),
            id="was-appointed",
        ),
        pytest.param(
            "John Prescott served as deputy prime minister.",
            ("John Prescott", "deputy prime minister"),
            id="served-as",
        ),
        pytest.param(
            "Gordon Brown gained his first post as shadow chief secretary.",
            ("Gordon Brown", "shadow chief secretary"),
            id="post-as",
        ),
        pytest.param(
            "Gordon Brown entered Parliament in 1983. He became shadow chancellor in 1992.",
            ("Gordon Brown", "shadow chancellor"),
            id="resolved-pronoun-became",
        ),
        pytest.param(
            '"I was appointed chairman of the British Council last year," Neil Kinnock said.',
            ("Neil Kinnock", "chairman of the British Council"),
            id="first-person-in-a-quotation-was-appointed",
        ),
        pytest.param(
            "Sarah Kemp was promoted to chief whip in the reshuffle.",
            ("Sarah Kemp", "chief whip"),
            id="promoted-to",
        ),
        pytest.param(
            "Premier Tom Hill promoted Sarah Kemp to deputy leader.",
            ("Sarah Kemp", "deputy leader"),
            id="promoted-someone-to",
        ),
        pytest.param(
            "Sarah Kemp was re-elected as party chairwoman in May.",
            ("Sarah Kemp", "party chairwoman"),
            id="re-elected-as",
        ),
        pytest.param(
            "The committee chose Sarah Kemp as its new chairwoman.",
            ("Sarah Kemp", "chairwoman"),
            id="chose-someone-as",
        ),
        pytest.param(
            "Sarah Kemp has been nominated as the party's candidate for mayor.",
            ("Sarah Kemp", "candidate for mayor"),
            id="nominated-as",
        ),
        pytest.param(
            "The former finance minister, Oren Dalqvist, has been appointed governor of the "
            "central bank.",
            ("Oren Dalqvist", "governor of the central bank"),
            id="a-subject-named-in-apposition",
        ),
        pytest.param(
            "Oren Dalqvist was reelected chairman of the Harbour Trust in May.",
            ("Oren Dalqvist", "chairman of the Harbour Trust"),
            id="reelected-without-a-hyphen",
        ),
        pytest.param(
            "Among the new faces is Luc Gagnon, the 34-year-old MP for Harrowfield, who becomes "
            "housing minister.",
            ("Luc Gagnon", "housing minister"),
            id="a-relative-clause-after-an-apposition",
        ),
    ],
)
def test_posts_given_by_a_verb(nlp: Language, text: str, post: tuple[str, str]) -> None:
    assert ("holds_position", *post) in _triples(_facts(nlp, text))


def test_posts_as_a_title_of_someone_else_or_a_description_is_no_post(nlp: Language) -> None:
    for text in (
        "Oren Dalqvist described Helen Carter as a minister of great talent.",
        "Oren Dalqvist built his career as the most prominent leader of the left.",
    ):
        assert not [f for f in _facts(nlp, text) if f.predicate == "holds_position"], text


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Kenji Mori is the first Peruvian leader to address the assembly in a decade.",
            id="the-first-to",
        ),
    ],
)
def test_posts_a_description_a_verb_gives_is_no_post(nlp: Language, text: str) -> None:
    """'The first leader to address ...' says what someone did, not which post he holds."""
    assert not [f for f in _facts(nlp, text) if f.predicate == "holds_position"]


@pytest.mark.parametrize(
    ("text", "post"),
    [
        pytest.param(
            "The prime minister's deputy, Omar Vance, chaired the meeting.",
            ("Omar Vance", "deputy"),
            id="a-possessor-of-two-words-is-no-part-of-it",
        ),
        pytest.param(
            "The visiting governor, Ines Pardo, laid a wreath.",
            ("Ines Pardo", "governor"),
            id="visiting-is-no-part-of-it",
        ),
        pytest.param(
            "Ines Pardo, also party treasurer, signed the cheque.",
            ("Ines Pardo", "party treasurer"),
            id="an-adverb-is-no-part-of-it",
        ),
        pytest.param(
            "Ines Pardo, the Scottish National Party candidate, spoke first.",
            ("Ines Pardo", "Scottish National Party candidate"),
            id="a-party-name-keeps-its-national-adjective",
        ),
        pytest.param(
            "Jonah Reyes, Mr Pardo's chief of staff, met the negotiators.",
            ("Jonah Reyes", "chief of staff"),
            id="a-person-possessing-a-generic-title-is-no-part-of-it",
        ),
        pytest.param(
            "Minister for Europe Sarah Kemp said the treaty was safe.",
            ("Sarah Kemp", "Minister for Europe"),
            id="a-title-before-a-name-goes-on-with-for",
        ),
        pytest.param(
            "Chief Secretary to the Treasury Sarah Kemp announced the cuts.",
            ("Sarah Kemp", "Chief Secretary to the Treasury"),
            id="a-title-before-a-name-goes-on-with-to-the",
        ),
        pytest.param(
            "Secretary of State for Wales Sarah Kemp opened the bridge.",
            ("Sarah Kemp", "Secretary of State for Wales"),
            id="a-title-before-a-name-goes-on-with-of-and-for",
        ),
        pytest.param(
            "A spokesman for the Tory leader Sarah Kemp denied the report.",
            ("Sarah Kemp", "Tory leader"),
            id="for-before-another-title-is-no-part-of-it",
        ),
        pytest.param(
            "Ines Pardo, the 52-year-old governor of Lima, opened the bridge.",
            ("Ines Pardo", "governor of Lima"),
            id="an-age-is-no-part-of-it",
        ),
        pytest.param(
            "Ines Pardo, a six-month-old minister, opened the bridge.",
            ("Ines Pardo", "minister"),
            id="an-age-in-months-is-no-part-of-it",
        ),
        pytest.param(
            "Harbour Trust chief of staff Ines Pardo opened the bridge.",
            ("Ines Pardo", "Harbour Trust chief of staff"),
            id="chief-of-staff-before-a-name",
        ),
        pytest.param(
            "Harbour Party housing spokesman Ines Pardo opened the bridge.",
            ("Ines Pardo", "Harbour Party housing spokesman"),
            id="a-portfolio-in-lower-case",
        ),
        pytest.param(
            "Work and Pensions Secretary Ines Pardo opened the bridge.",
            ("Ines Pardo", "Work and Pensions Secretary"),
            id="a-portfolio-of-two-words-joined-by-and",
        ),
    ],
)
def test_posts_labelled_with_the_title_alone(
    nlp: Language, text: str, post: tuple[str, str]
) -> None:
    posts = {t[1:] for t in _triples(_facts(nlp, text)) if t[0] == "holds_position"}
    assert posts == {post}


@pytest.mark.parametrize(
    "text",
    [
        "Labour MPs Sarah Kemp, Frank Dobbs and Diane Abbot signed the letter.",
        "Sarah Kemp, Frank Dobbs and Diane Abbot are Labour MPs.",
    ],
)
def test_posts_a_plural_title_is_each_names(nlp: Language, text: str) -> None:
    posts = {t[1:] for t in _triples(_facts(nlp, text)) if t[0] == "holds_position"}
    assert posts == {(name, "Labour MP") for name in ("Sarah Kemp", "Frank Dobbs", "Diane Abbot")}


def test_posts_promoting_someone_gives_the_subject_no_post(nlp: Language) -> None:
    facts = _facts(nlp, "Premier Tom Hill promoted Sarah Kemp to deputy leader.")
    assert ("holds_position", "Tom Hill", "deputy leader") not in _triples(facts)


@pytest.mark.parametrize(
    ("text", "posts"),
    [
        (
            "Tom Briggs named Anna Berg as his foreign minister.",
            {("Anna Berg", "foreign minister")},
        ),
        # the parser makes the name the object's predicate ('oprd')
        (
            "Tom Briggs also named Senator Lena Moss, of the centrist Harbour Movement, as "
            "planning minister.",
            {("Lena Moss", "Senator"), ("Lena Moss", "planning minister")},
        ),
    ],
)
def test_posts_given_by_an_appointing_verb_are_its_objects(
    nlp: Language, text: str, posts: set[tuple[str, str]]
) -> None:
    facts = _triples(_facts(nlp, text))
    assert {f[1:] for f in facts if f[0] == "holds_position"} == posts


def test_posts_an_organisation_electing_its_own_leader(nlp: Language) -> None:
    facts = _triples(_facts(nlp, "The Harbour Party elected Anna Berg as its new leader."))
    assert ("leads", "Anna Berg", "Harbour Party") in facts
    assert not any(f[0] == "holds_position" and "its" in f[2].split() for f in facts)


def test_posts_copula_without_title_is_no_post(nlp: Language) -> None:
    facts = _facts(nlp, "Tony Blair is a man of conviction.")
    assert not [f for f in facts if f.predicate == "holds_position"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Helen Clark has apologised to the families. The prime minister was speaking in "
            "Wellington.",
            ("Helen Clark", "prime minister"),
            id="subject-of-the-sentence-before",
        ),
        pytest.param(
            "The water rules were a mistake, David Blunkett said. The former home secretary "
            "outlined his plans on Monday.",
            ("David Blunkett", "former home secretary"),
            id="speaker-of-the-sentence-before",
        ),
    ],
)
def test_posts_title_reference_names_the_subject_before(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert ("holds_position", *expected) in _triples(_facts(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Finance Minister Ruth Richardson spoke first. The prime minister then left.",
            id="subject-before-holds-another-post",
        ),
        pytest.param(
            "Helen Clark arrived late. The prime minister greeted Helen Clark at the door.",
            id="named-in-the-same-sentence",
        ),
        pytest.param(
            "Helen Clark arrived late. Reporters said the prime minister had gone home.",
            id="reference-not-the-subject",
        ),
    ],
)
def test_posts_title_reference_before_needs_a_free_subject(nlp: Language, text: str) -> None:
    assert not {f for f in _facts(nlp, text) if f.object == "prime minister"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The health secretary has promised more nurses for rural hospitals. Alan Milburn "
            "told the conference the money was ready.",
            {("holds_position", "Alan Milburn", "health secretary")},
            id="definite",
        ),
        pytest.param(
            "A Labour MP has called for a ban on smoking in pubs. Kate Hoey told the BBC the "
            "ban would save lives.",
            {
                ("holds_position", "Kate Hoey", "Labour MP"),
                ("member_of", "Kate Hoey", "Labour"),
            },
            id="indefinite",
        ),
    ],
)
def test_posts_lede_title_names_the_person_the_next_sentence_introduces(
    nlp: Language, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _triples(_facts(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "A judge should review the case, campaigners say. Sir Alan Budd said he agreed.",
            id="supposed-not-stated",
        ),
        pytest.param(
            "He is the longest serving chancellor of modern times. Only David Lloyd George "
            "served longer.",
            id="said-of-a-pronoun",
        ),
    ],
)
def test_posts_lede_title_needs_a_stated_holder(nlp: Language, text: str) -> None:
    assert not [f for f in _facts(nlp, text) if f.predicate == "holds_position"]


def test_posts_reference_to_a_body_is_no_post(nlp: Language) -> None:
    text = "Nicola Sturgeon wrote to the minister. The Scottish Executive said it would reply."
    assert not [f for f in _facts(nlp, text) if f.predicate == "holds_position"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Green Party met in Brighton. Party leader Jo Grant said the vote was close.",
            ("leads", "Jo Grant", "Green Party"),
            id="party-leader-after-a-party",
        ),
        pytest.param(
            "The Green Party hopes to win Tory-held seats. Party leader Jo Grant said so.",
            ("leads", "Jo Grant", "Green Party"),
            id="party-leader-after-a-party-and-a-party-word-in-a-modifier",
        ),
        pytest.param(
            "Peter Dunn added that the reason was his appointment as chairman of the Arts Council.",
            ("leads", "Peter Dunn", "Arts Council"),
            id="his-appointment-as-chairman",
        ),
        pytest.param(
            "Ann Reid joined the Fair Fares Group, of which Mr Bell is a co-chairman, in May.",
            ("leads", "Bell", "Fair Fares Group"),
            id="of-which-x-is-a-co-chairman",
        ),
    ],
)
def test_posts_leads_without_a_named_organisation_in_the_title(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _triples(_facts(nlp, text))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        pytest.param(
            "Party leader Jo Grant said the vote was close.",
            "leads",
            id="party-leader-with-no-party-named",
        ),
        pytest.param(
            "Peter Dunn criticised her appointment as chairman of the Arts Council.",
            "holds_position",
            id="her-appointment-not-reported-speech",
        ),
        pytest.param(
            "Mr Dunn said that her appointment as chairman of the Arts Council was wise.",
            "holds_position",
            id="her-is-not-mr-dunn",
        ),
        pytest.param(
            "If she wins, Anna Kerr would be the chairman of the Arts Council.",
            "holds_position",
            id="would-be-is-supposed",
        ),
        pytest.param(
            "Joan Walsh, Leader of the House of Lords, defended the bill.",
            "leads",
            id="leader-of-the-house-is-a-post-not-a-body",
        ),
    ],
)
def test_posts_not_stated(nlp: Language, text: str, absent: str) -> None:
    assert not [f for f in _facts(nlp, text) if f.predicate == absent]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The SNP's Nicola Sturgeon demanded an inquiry. Ms Sturgeon said ministers failed.",
            ("member_of", "Nicola Sturgeon", "Scottish National Party"),
            id="party-possessive",
        ),
        pytest.param(
            "For the Liberal Democrats, Sarah Teather said the plan would fail.",
            ("member_of", "Sarah Teather", "Liberal Democrats"),
            id="for-the-party-comma",
        ),
        pytest.param(
            "For the Conservatives, shadow health secretary Andrew Lansley said the plan "
            "would fail.",
            ("member_of", "Andrew Lansley", "Conservatives"),
            id="for-the-party-then-a-title",
        ),
        pytest.param(
            "John Walker, one of the Rolling Stones, welcomed the ruling.",
            ("member_of", "John Walker", "Rolling Stones"),
            id="x-one-of-the-group",
        ),
        pytest.param(
            "One of the Rolling Stones, John Walker, welcomed the ruling.",
            ("member_of", "John Walker", "Rolling Stones"),
            id="one-of-the-group-x",
        ),
    ],
)
def test_affiliation_phrases_membership(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _triples(_facts(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Sarah Teather said the Liberal Democrats, for their part, would abstain.",
            id="for-phrase-not-next-to-the-person",
        ),
        pytest.param(
            "John Walker welcomed a ruling on one of the Rolling Stones.",
            id="one-of-with-no-apposition",
        ),
    ],
)
def test_affiliation_phrases_membership_not_stated(nlp: Language, text: str) -> None:
    assert not [f for f in _facts(nlp, text) if f.predicate == "member_of"]


@pytest.mark.parametrize(
    ("text", "members"),
    [
        pytest.param(
            "Rosa Lindqvist, who is a member of the Valley Farmers Party, opened the fair.",
            {"Rosa Lindqvist"},
            id="relative-clause-copula",
        ),
        pytest.param(
            "Rosa Lindqvist and Omar Haddad, who are both members of the Valley Farmers Party, "
            "opened the fair.",
            {"Rosa Lindqvist", "Omar Haddad"},
            id="relative-clause-about-two-names",
        ),
        pytest.param(
            "Rosa Lindqvist and Omar Haddad are both members of the Valley Farmers Party.",
            {"Rosa Lindqvist", "Omar Haddad"},
            id="plural-copula",
        ),
        pytest.param(
            "Rosa Lindqvist and Omar Haddad, members of the Valley Farmers Party, opened the fair.",
            {"Rosa Lindqvist", "Omar Haddad"},
            id="plural-apposition",
        ),
        pytest.param(
            "Rosa Lindqvist, a veteran of the Valley Farmers Party, opened the fair.",
            {"Rosa Lindqvist"},
            id="party-member-noun-of",
        ),
        pytest.param(
            "Rosa Lindqvist is a senior figure in the Valley Farmers Party.",
            {"Rosa Lindqvist"},
            id="party-member-noun-in",
        ),
        pytest.param(
            "Rosa Lindqvist, a Valley Farmers Party activist, opened the fair.",
            {"Rosa Lindqvist"},
            id="activist-after-the-party",
        ),
        pytest.param(
            "Rosa Lindqvist, the farm minister and a member of the Valley Farmers Party, spoke.",
            {"Rosa Lindqvist"},
            id="joined-to-an-apposition",
        ),
        pytest.param(
            "Omar Haddad met the farm minister and a member of the Valley Farmers Party.",
            set(),
            id="joined-to-an-object",
        ),
        pytest.param(
            "Rosa Lindqvist is a lawyer and a member of the Valley Farmers Party.",
            {"Rosa Lindqvist"},
            id="joined-to-a-copulas-complement",
        ),
    ],
)
def test_affiliation_phrases_member_nouns(nlp: Language, text: str, members: set[str]) -> None:
    facts = _facts(nlp, text)
    found = {
        f.subject
        for f in facts
        if f.predicate == "member_of" and f.object == "Valley Farmers Party"
    }
    assert found == members


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Rosa Lindqvist, who is not a member of the Valley Farmers Party, opened the fair.",
            id="negated-relative-clause",
        ),
        pytest.param(
            "Rosa Lindqvist, a veteran of the Gulf War, praised the Valley Farmers Party.",
            id="veteran-of-something-else",
        ),
        pytest.param(
            "Rosa Lindqvist and Omar Haddad, whose brother is a member of the Valley Farmers "
            "Party, opened the fair.",
            id="a-relative-clause-about-someone-else",
        ),
    ],
)
def test_affiliation_phrases_member_nouns_not_stated(nlp: Language, text: str) -> None:
    assert not [f for f in _facts(nlp, text) if f.predicate == "member_of"]


def test_posts_employer_before_a_title_stays_an_organisation(nlp: Language) -> None:
    text = "FAA spokesman Fred Farrar said the planes were safe."
    extraction = next(extract([Article(id="t", text=text)], nlp))
    assert ("FAA", "organization") in {(e.name, e.type) for e in extraction.entities}


def test_posts_portfolio_before_minister_is_part_of_the_title(nlp: Language) -> None:
    text = "National Missions Minister Orit Strock objected to the plan."
    triples = _triples(_facts(nlp, text))
    assert ("holds_position", "Orit Strock", "National Missions Minister") in triples
    assert not [t for t in triples if t[0] == "works_for"]


KINNOCK_STORY = (
    "Neil Kinnock has accepted a seat in the House of Lords.\n\n"
    "Mr Kinnock said the Lords needed reform. Kinnock added that he would speak often. "
    "Critics said Mr Kinnock had changed his mind.{more}\n\n"
    "But the {title} said {rest}."
)


def test_posts_unresolved_title_reference_names_the_protagonist(nlp: Language) -> None:
    text = KINNOCK_STORY.format(more="", title="former Labour leader", rest="his views were clear")
    triples = _triples(_facts(nlp, text))
    assert ("holds_position", "Neil Kinnock", "former Labour leader") in triples
    assert ("leads", "Neil Kinnock", "Labour") in triples


@pytest.mark.parametrize(
    ("more", "title", "opening"),
    [
        pytest.param("", "minister", "", id="bare-title"),
        pytest.param(
            " Critics cited a speech by John Smith.", "former Labour leader", "", id="not-last"
        ),
        pytest.param("", "Tory leader", "Labour MP ", id="another-party"),
        pytest.param(
            " Roy Hattersley, Denis Healey and John Smith said so. Roy Hattersley and Denis "
            "Healey and John Smith wrote. Many peers welcomed it.",
            "former Labour leader",
            "",
            id="no-dominant-person",
        ),
    ],
)
def test_posts_protagonist_needs_a_qualified_title_last_named_and_dominant(
    nlp: Language, more: str, title: str, opening: str
) -> None:
    text = opening + KINNOCK_STORY.format(more=more, title=title, rest="his views were clear")
    posts = {o for p, s, o in _triples(_facts(nlp, text)) if p == "holds_position"}
    assert title not in posts


def test_posts_short_name_of_an_organisation_named_in_full(nlp: Language) -> None:
    text = (
        "Lembit Opik is co-chairman of the Middle Way Group. Tory MP Peter Luff, another "
        "co-chairman of Middle Way, said the law was poorly drafted."
    )
    assert ("leads", "Peter Luff", "Middle Way Group") in _triples(_facts(nlp, text))


def test_posts_short_name_where_a_place_is_said_stays_the_place(nlp: Language) -> None:
    text = (
        "Peter Luff travelled to the Lake District on Monday. The Lake District Trust welcomed him."
    )
    assert ("visited", "Peter Luff", "Lake District") in _triples(_facts(nlp, text))


ACRONYM_TEXT = (
    "Digby Jones, director general of the Confederation of British Industry, spoke on Monday. "
    "The CBI said the budget was fair, and the TUC agreed."
)


def _organisations(nlp: Language, text: str, join_acronyms: bool = True) -> dict[str, set[str]]:
    rules = replace(load_rules(), join_acronyms=join_acronyms)
    doc = nlp(text)
    index = resolve_entities(doc, find_captions(text, rules), rules)
    return {e.name: e.aliases for e in index.entities.values() if e.type == "organization"}


def test_entities_acronym_is_the_organisation_it_spells(nlp: Language) -> None:
    organisations = _organisations(nlp, ACRONYM_TEXT)
    assert "CBI" in organisations["Confederation of British Industry"]
    assert "CBI" not in organisations
    assert "TUC" in organisations  # spells no organisation of the text: its own


def test_entities_capitals_in_brackets_after_a_name_are_its_short_name(nlp: Language) -> None:
    """'the Harbour Workers Federation (HWF-P)': the letters need not spell the name."""
    text = (
        "Tom Reyes, a lawmaker from the Harbour Workers Federation of Struggle (HWF-P), spoke. "
        "Carla Hess, an HWF-P legislator, agreed."
    )
    organisations = {
        name: aliases
        for name, aliases in _organisations(nlp, text).items()
        if name.startswith("Harbour") or name.startswith("HWF")
    }
    assert list(organisations) == ["Harbour Workers Federation of Struggle"]
    assert "HWF-P" in organisations["Harbour Workers Federation of Struggle"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        pytest.param(
            "Tom Reyes, a senior figure in the United Democratic Alliance (UDA), spoke.",
            "United Democratic Alliance",
            id="the-letters-spell-the-longer-name",
        ),
        pytest.param(
            "Tom Reyes, a senior figure in the Democratic Alliance (DA), spoke.",
            "Democratic Alliance",
            id="the-letters-spell-the-known-name",
        ),
    ],
)
def test_entities_a_known_party_inside_a_longer_name_is_not_that_party(
    nlp: Language, text: str, party: str
) -> None:
    facts = _facts(nlp, text)
    assert {(f.subject, f.object) for f in facts if f.predicate == "member_of"} == {
        ("Tom Reyes", party)
    }


def test_entities_name_after_known_as_is_the_persons(nlp: Language) -> None:
    text = (
        "Regional governor Bintang Sutomo, known as Tomo, opened the port on Monday. "
        "Tomo later flew to Makassar."
    )
    rules = load_rules()
    index = resolve_entities(nlp(text), find_captions(text, rules), rules)
    persons = {e.name: e.aliases for e in index.entities.values() if e.type == "person"}
    assert "Tomo" in persons["Bintang Sutomo"]
    assert all(e.name != "Tomo" for e in index.entities.values())
    assert ("visited", "Bintang Sutomo", "Makassar") in _triples(_facts(nlp, text))


def test_entities_acronym_stays_apart_when_rules_do_not_join_acronyms(nlp: Language) -> None:
    assert "CBI" in _organisations(nlp, ACRONYM_TEXT, join_acronyms=False)


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        pytest.param("Lord Pennick spoke in the debate.", {"Pennick"}, id="lord"),
        pytest.param("Ms Ashby-Grant spoke in the debate.", {"Ashby-Grant"}, id="hyphenated"),
        pytest.param("Mr Speaker called for order.", set(), id="a-post-not-a-name"),
        pytest.param("The Lord Chancellor spoke in the debate.", set(), id="a-title"),
    ],
)
def test_entities_untagged_name_after_an_honorific_is_a_person(
    nlp: Language, text: str, persons: set[str]
) -> None:
    rules = load_rules()
    index = resolve_entities(nlp(text), find_captions(text, rules), rules)
    assert {e.name for e in index.persons().values()} == persons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Greens unveiled their manifesto, with leader Anna Holt promising free buses.",
            {("leads", "Anna Holt", "Green Party")},
            id="one-party-in-the-sentence",
        ),
        pytest.param(
            "Labour and the Tories traded blows, with leader Anna Holt watching.",
            set(),
            id="two-parties-no-guess",
        ),
        pytest.param(
            "The Greens met President Omar Diaz on Monday.",
            set(),
            id="a-president-leads-no-party",
        ),
    ],
)
def test_posts_bare_leader_leads_the_party_its_sentence_names(
    nlp: Language, text: str, expected: set
) -> None:
    assert {t for t in _triples(_facts(nlp, text)) if t[0] == "leads"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Rural Payments Agency was criticised. The agency's chief executive Lena Marsh "
            "apologised.",
            {("leads", "Lena Marsh", "Rural Payments Agency")},
            id="the-agency-is-the-last-agency-named",
        ),
        pytest.param(
            "The Rural Payments Agency was criticised. The council's chief executive Lena Marsh "
            "apologised.",
            set(),
            id="no-council-named-no-guess",
        ),
        pytest.param(
            "The Ferry Workers' Union called a strike. The union's general secretary Ray Pole "
            "said talks had failed.",
            {("leads", "Ray Pole", "Ferry Workers' Union")},
            id="the-union-is-the-last-union-named",
        ),
        pytest.param(
            "Norfolk police chief Dan Wells said the plans were sound.",
            {("leads", "Dan Wells", "Norfolk police")},
            id="a-place-the-tagger-calls-an-organisation-names-the-body",
        ),
    ],
)
def test_posts_body_named_by_a_common_noun(nlp: Language, text: str, expected: set) -> None:
    assert {t for t in _triples(_facts(nlp, text)) if t[0] == "leads"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Orbix CEO Dana Whitley resigned on Friday.",
            {
                ("holds_position", "Dana Whitley", "Orbix CEO"),
                ("leads", "Dana Whitley", "Orbix"),
            },
            id="chief-executive-abbreviated",
        ),
        pytest.param(
            "Polls say voters will welcome it after Edward becomes king.",
            set(),
            id="a-post-still-to-come",
        ),
        pytest.param(
            "Edward Marsh became chairman in 2019, when the board met.",
            {("holds_position", "Edward Marsh", "chairman")},
            id="a-post-taken",
        ),
    ],
)
def test_posts_titles_of_the_wider_world(nlp: Language, text: str, expected: set) -> None:
    assert {t for t in _triples(_facts(nlp, text)) if t[0] != "works_for"} == expected


def test_posts_title_set_off_by_commas_whatever_the_parse(nlp: Language) -> None:
    text = 'Helen Ward, Tory shadow transport secretary, said: "The plan is wrong."'
    assert {t for t in _triples(_facts(nlp, text)) if t[0] != "said"} == {
        ("holds_position", "Helen Ward", "Tory shadow transport secretary"),
        ("member_of", "Helen Ward", "Conservatives"),
    }


def test_posts_the_mp_for_a_seat_then_the_name(nlp: Language) -> None:
    text = "She rented a flat with the new MP for Barnsley, Tom Carver."
    posts = {t for t in _triples(_facts(nlp, text)) if t[0] == "holds_position"}
    assert posts == {("holds_position", "Tom Carver", "MP for Barnsley")}


def test_posts_a_title_in_a_place_then_the_name(nlp: Language) -> None:
    """The parser hangs the name on the place: 'candidate in Exeter, X' is X's title."""
    text = "UKIP's candidate in Exeter, Luc Gagnon, is a former Labour councillor."
    assert {t for t in _triples(_facts(nlp, text)) if t[2] != "Exeter"} >= {
        ("member_of", "Luc Gagnon", "UK Independence Party"),
        ("member_of", "Luc Gagnon", "Labour"),
    }


def test_posts_the_body_a_title_is_of_comes_before_its_possessor(nlp: Language) -> None:
    text = "Ruth Adair, chairman of the BBC's Trust Board, criticised the quota."
    leads = {t for t in _triples(_facts(nlp, text)) if t[0] == "leads"}
    assert leads == {("leads", "Ruth Adair", "Trust Board")}


def _untagged_org_posts(nlp: Language, text: str, name: str) -> list[Post]:
    """The prefix posts of `text` with only the person `name` known, as when the tagger misses
    the organisation its title names."""
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == name.split()[0])
    index = EntityIndex()
    index.entities[f"person:{name}"] = Resolved(name, "person", {name})
    index.add_mention(f"person:{name}", start, start + len(name.split()))
    return list(prefix_posts(next(iter(doc.sents)), index, load_rules()))


def test_posts_untagged_organisation_named_in_a_title(nlp: Language) -> None:
    (post,) = _untagged_org_posts(
        nlp,
        "Federation of Small Bakers president Omar Haddad said the tax was unfair.",
        "Omar Haddad",
    )
    assert (post.org.name, post.org.type, post.role) == (
        "Federation of Small Bakers",
        "organization",
        "leads",
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Deputy Chief Constable Omar Haddad said the roads were shut.", id="all-title"
        ),
        pytest.param("Senior Health Minister Omar Haddad said the wards were full.", id="no-body"),
    ],
)
def test_posts_untagged_title_words_are_no_organisation(nlp: Language, text: str) -> None:
    posts = _untagged_org_posts(nlp, text, "Omar Haddad")
    assert all(post.org is None for post in posts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Carla Hess, secretary-general of the Liberal Democratic Party, said taxes would rise.",
            ("leads", "Carla Hess", "Liberal Democratic Party"),
            id="hyphenated-head-after-a-name",
        ),
        pytest.param(
            "Liberal Democratic Party secretary-general Carla Hess said taxes would rise.",
            ("leads", "Carla Hess", "Liberal Democratic Party"),
            id="hyphenated-head-before-a-name",
        ),
        pytest.param(
            "Opposition Labour Party leader Carla Hess said taxes would rise.",
            ("leads", "Carla Hess", "Labour"),
            id="descriptor-run-into-a-known-party",
        ),
    ],
)
def test_posts_leaders_as_wires_write_them(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    facts = _triples(_facts(nlp, text))
    assert expected in facts
    assert ("member_of", *expected[1:]) not in facts


def test_posts_an_organisations_secretary_general_leads_it(nlp: Language) -> None:
    facts = _triples(_facts(nlp, "Harbour Trust Secretary-General Ana Faria met the families."))
    assert ("leads", "Ana Faria", "Harbour Trust") in facts


def test_posts_the_irish_head_of_government_is_a_title(nlp: Language) -> None:
    facts = _triples(_facts(nlp, "Carla Hess met Taoiseach Brian Kelly in Dublin."))
    assert ("holds_position", "Brian Kelly", "Taoiseach") in facts
    assert ("met", "Brian Kelly", "Carla Hess") in facts or (
        "met",
        "Carla Hess",
        "Brian Kelly",
    ) in facts


def test_posts_a_title_after_a_wire_party_tag_is_the_names(nlp: Language) -> None:
    text = "Sen. Dale Hutchins, R-Texas, chairman of the Senate Harbour Committee, spoke first."
    facts = _triples(_facts(nlp, text))
    assert ("leads", "Dale Hutchins", "Senate Harbour Committee") in facts
    assert ("member_of", "Dale Hutchins", "Republican Party") in facts


@pytest.mark.parametrize(
    "text",
    [
        "Senate Republican leader Dale Hutchins met the governor on Tuesday.",
        "Holyrood Labour leader Dale Hutchins met the governor on Tuesday.",
    ],
)
def test_posts_a_partys_leader_in_a_chamber_leads_its_group_not_the_party(
    nlp: Language, text: str
) -> None:
    facts = _triples(_facts(nlp, text))
    assert not any(f[0] == "leads" and f[1] == "Dale Hutchins" for f in facts)
    assert any(f[0] == "member_of" and f[1] == "Dale Hutchins" for f in facts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Carla Hess, who quit the Conservatives to join UKIP, said the vote was fair.",
            {
                ("member_of", "Carla Hess", "Conservatives", "past"),
                ("member_of", "Carla Hess", "UK Independence Party", "asserted"),
            },
            id="quit-one-party-for-another",
        ),
        pytest.param(
            "Carla Hess, who defected from Labour to the Liberal Democrats, spoke first.",
            {
                ("member_of", "Carla Hess", "Labour", "past"),
                ("member_of", "Carla Hess", "Liberal Democrats", "asserted"),
            },
            id="defected-from",
        ),
        pytest.param(
            "Carla Hess will quit the Conservatives next month.",
            {("member_of", "Carla Hess", "Conservatives", "asserted")},
            id="will-quit-is-a-member-still",
        ),
        pytest.param(
            "Carla Hess was expelled from the Green Party in 2011.",
            {("member_of", "Carla Hess", "Green Party", "past")},
            id="expelled-from",
        ),
        pytest.param(
            "The Green Party suspended Carla Hess last year.",
            {("member_of", "Carla Hess", "Green Party", "past")},
            id="the-party-suspended-her",
        ),
        pytest.param(
            "Carla Hess is a member of the Green Party.",
            {("member_of", "Carla Hess", "Green Party", "asserted")},
            id="is-a-member-of",
        ),
        pytest.param(
            "Carla Hess succeeded Omar Haddad as leader of the Green Party in 2001.",
            {
                ("leads", "Carla Hess", "Green Party", "asserted"),
                ("leads", "Omar Haddad", "Green Party", "past"),
            },
            id="succeeded-as-leader",
        ),
        pytest.param(
            "Oren Dalqvist succeeded Tom Reyes as leader of the Liberal Democrats.",
            {
                ("leads", "Oren Dalqvist", "Liberal Democrats", "asserted"),
                ("leads", "Tom Reyes", "Liberal Democrats", "past"),
            },
            id="succeeded-with-as-on-the-one-succeeded",
        ),
        pytest.param(
            "Carla Hess is likely to succeed Omar Haddad as leader of the Green Party.",
            {("leads", "Omar Haddad", "Green Party", "asserted")},
            id="likely-to-succeed-leaves-the-post",
        ),
        pytest.param(
            "Tory MPs Carla Hess and Omar Haddad said the vote was fair.",
            {
                ("member_of", "Carla Hess", "Conservatives", "asserted"),
                ("member_of", "Omar Haddad", "Conservatives", "asserted"),
            },
            id="plural-title-before-two-names",
        ),
        pytest.param(
            "Carla Hess and Omar Haddad, both Labour MPs, opposed the new rules.",
            {
                ("member_of", "Carla Hess", "Labour", "asserted"),
                ("member_of", "Omar Haddad", "Labour", "asserted"),
            },
            id="plural-title-after-two-names",
        ),
        pytest.param(
            "Labour backbenchers including Carla Hess and Omar Haddad criticised the plan.",
            {
                ("member_of", "Carla Hess", "Labour", "asserted"),
                ("member_of", "Omar Haddad", "Labour", "asserted"),
            },
            id="plural-member-noun-with-examples",
        ),
        pytest.param(
            "Tory rebels Carla Hess and Omar Haddad criticised the plan.",
            {
                ("member_of", "Carla Hess", "Conservatives", "asserted"),
                ("member_of", "Omar Haddad", "Conservatives", "asserted"),
            },
            id="plural-member-noun-before-names",
        ),
        pytest.param(
            "The town has had two Labour mayors: Carla Hess and Omar Haddad, and three"
            " Conservatives: Tom Reyes, Lena Moss and Luc Gagnon.",
            {
                ("member_of", "Carla Hess", "Labour", "asserted"),
                ("member_of", "Omar Haddad", "Labour", "asserted"),
                ("member_of", "Tom Reyes", "Conservatives", "asserted"),
                ("member_of", "Lena Moss", "Conservatives", "asserted"),
                ("member_of", "Luc Gagnon", "Conservatives", "asserted"),
            },
            id="a-list-after-a-colon-ends-at-the-next-colon",
        ),
        pytest.param(
            "In recent years, Harbovia has had three Liberal presidents: Tom Reyes, Lena Moss and"
            " Luc Gagnon, and three Nationalists: Kenji Mori, Helen Carter and Oren Dalqvist.",
            {
                ("member_of", "Tom Reyes", "Liberal Party", "asserted"),
                ("member_of", "Lena Moss", "Liberal Party", "asserted"),
                ("member_of", "Luc Gagnon", "Liberal Party", "asserted"),
            },
            id="names-in-apposition-end-at-the-next-colon",
        ),
        pytest.param(
            "Carla Hess joined the Valley Farmers Party in 1990 and became its leader in 2006.",
            {
                ("member_of", "Carla Hess", "Valley Farmers Party", "asserted"),
                ("leads", "Carla Hess", "Valley Farmers Party", "asserted"),
            },
            id="a-joined-verb-shares-the-subject",
        ),
        pytest.param(
            "Carla Hess, a lawmaker with the ruling Valley Farmers Party, voted no.",
            {("member_of", "Carla Hess", "Valley Farmers Party", "asserted")},
            id="a-lawmaker-with-a-party",
        ),
        pytest.param(
            "Carla Hess, a lawmaker with 20 years of experience, voted no.",
            set(),
            id="a-lawmaker-with-experience",
        ),
        pytest.param(
            "Carla Hess, leader of the main opposition Upper Harbour Valley Farmers Party, won.",
            {("leads", "Carla Hess", "Upper Harbour Valley Farmers Party", "asserted")},
            id="a-long-name-in-a-complement-is-one-word",
        ),
        pytest.param(
            "Carla Hess, chairman of the Commons harbour affairs committee, said no.",
            {("leads", "Carla Hess", "Commons harbour affairs committee", "asserted")},
            id="a-committee-a-complement-names-by-its-noun",
        ),
        pytest.param(
            "Carla Hess, chairman of the committee, said no.",
            set(),
            id="a-bare-committee-names-no-body",
        ),
    ],
)
def test_posts_ties_begun_held_and_ended(nlp: Language, text: str, expected: set) -> None:
    facts = _facts(nlp, text)
    ties = {
        (f.predicate, f.subject, f.object, f.status)
        for f in facts
        if f.predicate in ("leads", "member_of")
    }
    assert ties == expected


def test_posts_a_joined_verb_after_another_name_is_not_the_first_subjects(nlp: Language) -> None:
    # the small parser hangs Omar Haddad on the party and leaves "became" without a subject
    text = "Carla Hess joined the Valley Farmers Party and Omar Haddad became its leader."
    assert ("leads", "Carla Hess", "Valley Farmers Party") not in _triples(_facts(nlp, text))


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param(
            "Helen Carter stood for the Valley Farmers Party in 2019.", "asserted", id="stood-for"
        ),
        pytest.param(
            "Helen Carter, who is standing for the Valley Farmers Party in Weston, spoke first.",
            "asserted",
            id="standing-for-in-a-relative-clause",
        ),
        pytest.param(
            "Helen Carter ran for governor as the Valley Farmers Party candidate.",
            "asserted",
            id="ran-as-the-party-candidate",
        ),
        pytest.param(
            "Helen Carter stood as a candidate for the Valley Farmers Party last year.",
            "asserted",
            id="stood-as-a-candidate-for",
        ),
        pytest.param(
            "Helen Carter ran on the Valley Farmers Party ticket in 2016.", "asserted", id="ticket"
        ),
        pytest.param(
            "Helen Carter won the Weston seat for the Valley Farmers Party in 2019.",
            "asserted",
            id="won-the-seat-for",
        ),
        pytest.param(
            "Helen Carter was elected to the assembly for the Valley Farmers Party in 2005.",
            "asserted",
            id="elected-for",
        ),
        pytest.param(
            "Helen Carter will stand for the Valley Farmers Party next year.",
            "planned",
            id="will-stand",
        ),
        pytest.param(
            "Helen Carter ran for the chairmanship of the Valley Farmers Party in 2010.",
            "asserted",
            id="ran-for-a-party-office",
        ),
        pytest.param(
            "Helen Carter is standing for the Valley Farmers Party leadership.",
            "asserted",
            id="standing-for-the-party-leadership",
        ),
    ],
)
def test_posts_a_candidacy_makes_a_member(nlp: Language, text: str, status: str) -> None:
    ties = {(f.predicate, f.subject, f.object, f.status) for f in _facts(nlp, text)}
    assert ("member_of", "Helen Carter", "Valley Farmers Party", status) in ties


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Helen Carter said the Valley Farmers Party stands for fairness.", id="party-stands-for"
        ),
        pytest.param(
            "Helen Carter ran the Valley Farmers Party campaign in Weston.", id="ran-a-campaign"
        ),
        pytest.param(
            "Helen Carter won the seat from the Valley Farmers Party in 2019.",
            id="won-the-seat-from",
        ),
        pytest.param(
            "Helen Carter ran for the presidency of the Valley Farmers Union.",
            id="ran-for-an-office-of-no-party",
        ),
    ],
)
def test_posts_no_candidacy_no_member(nlp: Language, text: str) -> None:
    assert not [f for f in _facts(nlp, text) if f.predicate == "member_of"]


def test_posts_plural_title_is_each_holders_singular_post(nlp: Language) -> None:
    facts = _triples(_facts(nlp, "Tory MPs Carla Hess and Omar Haddad said the vote was fair."))
    assert {
        ("holds_position", "Carla Hess", "Tory MP"),
        ("holds_position", "Omar Haddad", "Tory MP"),
    } <= facts


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        pytest.param(
            "Veteran Green Party leader Tom Ashby spoke at the rally.",
            {
                ("leads", "Tom Ashby", "Green Party"),
                ("holds_position", "Tom Ashby", "Green Party leader"),
            },
            ("leads", "Tom Ashby", "Veteran Green Party"),
            id="describing-word-before-the-name-is-no-part-of-it",
        ),
        pytest.param(
            "The scandal cost Harbour Trust chairman Alan Pike, director-general Mary Stott and "
            "reporter Tim Vale their jobs.",
            {
                ("leads", "Alan Pike", "Harbour Trust"),
                ("leads", "Mary Stott", "Harbour Trust"),
                ("works_for", "Tim Vale", "Harbour Trust"),
            },
            ("leads", "Tim Vale", "Harbour Trust"),
            id="a-list-of-titles-within-the-organisation-named-first",
        ),
        pytest.param(
            "Tory leader Sam Hale and prime minister Ruth Dane met on Friday.",
            {
                ("leads", "Sam Hale", "Conservatives"),
                ("holds_position", "Ruth Dane", "prime minister"),
            },
            ("member_of", "Ruth Dane", "Conservatives"),
            id="a-countrys-post-in-the-list-is-not-the-partys",
        ),
        pytest.param(
            "Members of the Harbour Party, including Helen Carter and David Moore, walked out.",
            {
                ("member_of", "Helen Carter", "Harbour Party"),
                ("member_of", "David Moore", "Harbour Party"),
            },
            ("leads", "Helen Carter", "Harbour Party"),
            id="members-of-an-organisation-named-as-examples",
        ),
        pytest.param(
            "Tamsin Okonkwo-Brandt, a member of the Harbour Party, is seeking the leadership.",
            {("member_of", "Tamsin Okonkwo-Brandt", "Harbour Party")},
            ("leads", "Tamsin Okonkwo-Brandt", "Harbour Party"),
            id="an-untagged-name-beside-a-member-of",
        ),
        pytest.param(
            "The Harbour Party's new leader, Helen Carter, spoke in Leeds.",
            {("leads", "Helen Carter", "Harbour Party")},
            ("member_of", "Helen Carter", "Harbour Party"),
            id="a-new-leader-leads",
        ),
        pytest.param(
            "Helen Carter took over the leadership of the Harbour Party last year.",
            {("leads", "Helen Carter", "Harbour Party")},
            ("member_of", "Helen Carter", "Harbour Party"),
            id="taking-over-the-leadership-of",
        ),
        pytest.param(
            "The Harbour Party, which Helen Carter leads, won the vote.",
            {("leads", "Helen Carter", "Harbour Party")},
            ("member_of", "Helen Carter", "Harbour Party"),
            id="a-relative-clause-says-who-leads-it",
        ),
        pytest.param(
            "Helen Carter took the helm of the Harbour Trust in May.",
            {("leads", "Helen Carter", "Harbour Trust")},
            ("member_of", "Helen Carter", "Harbour Trust"),
            id="taking-the-helm-of",
        ),
        pytest.param(
            "Helen Carter of the Harbour Workers' Party spoke in Oslo.",
            {("member_of", "Helen Carter", "Harbour Workers' Party")},
            ("works_for", "Helen Carter", "Harbour Workers' Party"),
            id="an-unknown-party-is-a-party-no-one-works-for",
        ),
        pytest.param(
            "Ms Orme's party, the Northfield Alliance, said it would appeal.",
            {("member_of", "Orme", "Northfield Alliance")},
            ("leads", "Orme", "Northfield Alliance"),
            id="a-persons-party-named-in-apposition",
        ),
    ],
)
def test_posts_as_lists_and_descriptions_write_them(
    nlp: Language, text: str, expected: set[tuple[str, str, str]], absent: tuple[str, str, str]
) -> None:
    facts = _triples(_facts(nlp, text))
    assert expected <= facts
    assert absent not in facts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Under Helen Carter, the Valley Farmers Party has moved left.", id="under-x"),
        pytest.param(
            "The Valley Farmers Party, under Helen Carter, won 40 seats.", id="the-party-under-x"
        ),
        pytest.param(
            "Under the leadership of Helen Carter, the Valley Farmers Party won 40 seats.",
            id="under-the-leadership-of-x",
        ),
        pytest.param(
            "Under Helen Carter's stewardship, the Valley Farmers Party won 40 seats.",
            id="under-xs-stewardship",
        ),
        pytest.param(
            "The Valley Farmers Party was in government from 1990 to 1998 under Helen Carter.",
            id="under-x-after-a-time-span",
        ),
    ],
)
def test_posts_a_party_under_a_person_is_led_by_her(nlp: Language, text: str) -> None:
    assert ("leads", "Helen Carter", "Valley Farmers Party") in _triples(_facts(nlp, text))


@pytest.mark.parametrize(
    ("text", "body"),
    [
        pytest.param(
            "The Harbour Workers Union, under Helen Carter, won a pay rise.",
            "Harbour Workers Union",
            id="a-union-under-x",
        ),
        pytest.param(
            "The Valley Farmers Movement was founded in 1990 under the leadership of Helen Carter.",
            "Valley Farmers Movement",
            id="a-movement-under-the-leadership-of-x",
        ),
    ],
)
def test_posts_an_organisation_under_a_person_is_led_by_her(
    nlp: Language, text: str, body: str
) -> None:
    assert ("leads", "Helen Carter", body) in _triples(_facts(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Under Helen Carter, unemployment fell sharply.", id="no-party"),
        pytest.param("Under Helen Carter, Norway's economy grew.", id="a-place-is-led-by-no-one"),
        pytest.param(
            "Under pressure from Helen Carter, the Valley Farmers Party backed the plan.",
            id="under-pressure-from",
        ),
    ],
)
def test_posts_under_a_person_without_a_party_acting(nlp: Language, text: str) -> None:
    assert not [f for f in _facts(nlp, text) if f.predicate in ("leads", "member_of")]


def test_posts_a_party_tag_in_brackets_makes_a_member(nlp: Language) -> None:
    text = "Helen Carter (Valley Farmers Party) won the seat."
    assert ("member_of", "Helen Carter", "Valley Farmers Party") in _triples(_facts(nlp, text))


def test_posts_all_of_whom_describes_each_name_of_the_list(nlp: Language) -> None:
    text = (
        "Helen Carter, David Moore and Sarah Quinn, all of whom are members of the Valley "
        "Farmers Party, voted against."
    )
    members = {f.subject for f in _facts(nlp, text) if f.predicate == "member_of"}
    assert members == {"Helen Carter", "David Moore", "Sarah Quinn"}


def test_posts_names_in_brackets_after_a_plural_party_title(nlp: Language) -> None:
    text = "Two Labour MPs (Helen Carter and David Moore) voted against the bill."
    members = {(f.subject, f.object) for f in _facts(nlp, text) if f.predicate == "member_of"}
    assert members == {("Helen Carter", "Labour"), ("David Moore", "Labour")}


def test_posts_a_partys_first_leader_led_it(nlp: Language) -> None:
    text = "Helen Carter was the Valley Farmers Party's first leader."
    assert ("leads", "Helen Carter", "Valley Farmers Party") in _triples(_facts(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Helen Carter, leader of the main opposition party, the Valley Farmers Party, spoke.",
            ("leads", "Helen Carter", "Valley Farmers Party"),
            id="the-party-named-after-a-generic-complement",
        ),
        pytest.param(
            "The critic was Helen Carter, chairwoman of the largest party, the Valley Farmers "
            "Party.",
            ("leads", "Helen Carter", "Valley Farmers Party"),
            id="named-after-a-complement-that-ends-the-sentence",
        ),
        pytest.param(
            "The Northern Water Agency will appeal, said Helen Carter, a spokeswoman for the "
            "agency.",
            ("member_of", "Helen Carter", "Northern Water Agency"),
            id="the-agency-named-before",
        ),
    ],
)
def test_posts_a_body_a_generic_complement_stands_for(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _triples(_facts(nlp, text))


def test_posts_a_generic_complement_names_no_other_body(nlp: Language) -> None:
    text = (
        "The Northern Water Agency will appeal, said Helen Carter, a spokeswoman for the "
        "regional agency."
    )
    assert not [f for f in _facts(nlp, text) if f.predicate in ("member_of", "works_for")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Valley Farmers Party launched its manifesto. Its leader, Helen Carter, spoke.",
            ("leads", "Helen Carter", "Valley Farmers Party"),
            id="its-leader-x",
        ),
        pytest.param(
            "The Valley Farmers Party launched its manifesto. Helen Carter, its deputy leader, "
            "spoke.",
            ("member_of", "Helen Carter", "Valley Farmers Party"),
            id="x-its-deputy-leader",
        ),
        pytest.param(
            "The Valley Farmers Party launched its manifesto. Helen Carter, who leads the party, "
            "spoke.",
            ("leads", "Helen Carter", "Valley Farmers Party"),
            id="who-leads-the-party",
        ),
        pytest.param(
            "Labour held the seat. Helen Carter, who joined the party in 1990, was elected.",
            ("member_of", "Helen Carter", "Labour"),
            id="joined-the-party",
        ),
        pytest.param(
            "The Liberal Democrats launched their manifesto. Their leader, Helen Carter, spoke.",
            ("leads", "Helen Carter", "Liberal Democrats"),
            id="their-leader-x",
        ),
        pytest.param(
            "The Valley Farmers Party launched its manifesto. Its deputy leader Helen Carter "
            "spoke.",
            ("member_of", "Helen Carter", "Valley Farmers Party"),
            id="its-title-before-the-name",
        ),
        pytest.param(
            "The Liberal Democrats said their spokeswoman Helen Carter would reply.",
            ("member_of", "Helen Carter", "Liberal Democrats"),
            id="their-title-before-the-name",
        ),
    ],
)
def test_posts_its_and_the_party_mean_the_body_named_last(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _triples(_facts(nlp, text))


def test_posts_its_after_a_place_is_no_bodys(nlp: Language) -> None:
    text = "The EU urged Britain to act. Its prime minister, Helen Carter, said she would."
    assert not [f for f in _facts(nlp, text) if f.predicate in ("leads", "member_of")]


@pytest.mark.parametrize(
    "text",
    [
        "The Liberal Democrats met Tom Reyes and Ann Lee. Their spokesman, Helen Carter, said "
        "the talks went well.",
        "The Liberal Democrats met Tom Reyes and Ann Lee. Their spokesman Helen Carter said the "
        "talks went well.",
    ],
)
def test_posts_their_after_persons_is_no_bodys(nlp: Language, text: str) -> None:
    assert not [f for f in _facts(nlp, text) if f.predicate in ("leads", "member_of")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Helen Carter spoke on Monday. The Carter-led Valley Farmers Party won 40 seats.",
            id="surname-led",
        ),
        pytest.param(
            "Helen Carter won the Valley Farmers Party leadership contest.",
            id="won-the-leadership-contest",
        ),
    ],
)
def test_posts_more_ways_of_leading(nlp: Language, text: str) -> None:
    assert ("leads", "Helen Carter", "Valley Farmers Party") in _triples(_facts(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Helen Carter spoke on Monday. The Labour-led council raised taxes.",
            id="a-party-led-body",
        ),
        pytest.param(
            "Helen Carter lost the Valley Farmers Party leadership contest.", id="lost-the-contest"
        ),
    ],
)
def test_posts_no_leading_stated(nlp: Language, text: str) -> None:
    assert not [f for f in _facts(nlp, text) if f.predicate == "leads"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Helen Carter, who chairs the Valley Farmers Party's policy council, spoke.",
            id="chairs-the-partys-council",
        ),
        pytest.param(
            "Helen Carter heads the Valley Farmers Party's election campaign.",
            id="heads-the-partys-campaign",
        ),
        pytest.param(
            "Helen Carter heads one of the Valley Farmers Party's smaller factions.",
            id="heads-one-of-the-partys-factions",
        ),
    ],
)
def test_posts_leading_a_partys_own_body_makes_a_member(nlp: Language, text: str) -> None:
    ties = _triples(_facts(nlp, text))
    assert ("member_of", "Helen Carter", "Valley Farmers Party") in ties
    assert ("leads", "Helen Carter", "Valley Farmers Party") not in ties


@pytest.mark.parametrize(
    ("text", "ties"),
    [
        pytest.param(
            "Tom Reyes, who chairs the Commons transport committee, said fares would rise.",
            {("leads", "Tom Reyes", "Commons transport committee")},
            id="chairs-a-committee-its-modifiers-name",
        ),
        pytest.param(
            "Lena Moss sits on the public accounts committee.",
            {("member_of", "Lena Moss", "public accounts committee")},
            id="sits-on-a-committee",
        ),
        pytest.param(
            "The chairman of the Harbour Council's youth affairs committee, Tom Reyes, spoke.",
            {
                ("leads", "Tom Reyes", "Harbour Council's youth affairs committee"),
                ("member_of", "Tom Reyes", "Harbour Council"),
            },
            id="chairman-of-an-organisations-committee",
        ),
        pytest.param(
            "Lena Moss chairs the Harbour Party's policy council.",
            {
                ("leads", "Lena Moss", "Harbour Party's policy council"),
                ("member_of", "Lena Moss", "Harbour Party"),
            },
            id="chairs-a-partys-council",
        ),
        pytest.param("Lena Moss chairs the committee.", set(), id="no-modifier-names-no-body"),
        pytest.param(
            "Lena Moss chairs the party's committee.", set(), id="an-unnamed-owner-names-no-body"
        ),
    ],
)
def test_posts_a_body_a_common_noun_names(
    nlp: Language, text: str, ties: set[tuple[str, str, str]]
) -> None:
    """A committee or council its modifiers name is an organisation its chair leads."""
    found = {t for t in _triples(_facts(nlp, text)) if t[0] in ("leads", "member_of")}
    assert found == ties


@pytest.mark.parametrize(
    ("text", "post"),
    [
        pytest.param(
            "LIMA - President Kenji Mori met Tom Reyes on Monday.",
            ("Kenji Mori", "President", None),
            id="a-dateline-before-a-dash",
        ),
        pytest.param(
            "Lima Mayor Kenji Mori met Tom Reyes on Monday.",
            ("Kenji Mori", "Mayor", "Lima"),
            id="a-place-in-the-title",
        ),
    ],
)
def test_posts_a_spaced_dash_ends_a_title(
    nlp: Language, text: str, post: tuple[str, str, str | None]
) -> None:
    """A dash set off by spaces ends what stands before a name (a hyphen joins)."""
    facts = _facts(nlp, text)
    assert {(f.subject, f.object, f.post_in) for f in facts if f.predicate == "holds_position"} == {
        post
    }


def test_posts_a_title_after_whose_is_of_what_the_clause_describes(nlp: Language) -> None:
    text = "The Harbour Party, whose leader Tom Reyes toured Lima last week, gained seats."
    facts = _facts(nlp, text)
    assert {(f.subject, f.object, f.post_in) for f in facts if f.predicate == "holds_position"} == {
        ("Tom Reyes", "leader", "Harbour Party")
    }
    assert ("leads", "Tom Reyes", "Harbour Party") in _triples(facts)


@pytest.mark.parametrize(
    "text",
    [
        "Tom Reyes, the founder and chief executive of the Harbour Trust, said no.",
        "Tom Reyes is the founder and chief executive of the Harbour Trust.",
    ],
)
def test_posts_titles_joined_before_their_complement_share_it(nlp: Language, text: str) -> None:
    posts = {t[2] for t in _triples(_facts(nlp, text)) if t[0] == "holds_position"}
    assert posts == {"founder of the Harbour Trust", "chief executive of the Harbour Trust"}


def test_posts_a_title_after_another_persons_name_is_not_joined(nlp: Language) -> None:
    facts = _facts(nlp, "Tom Reyes was elected leader and Helen Carter deputy.")
    assert ("holds_position", "Tom Reyes", "deputy") not in _triples(facts)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Kazakh President Tom Reyes met Helen Carter in Astana.", "Kazakhstan"),
        ("Thai Prime Minister Tom Reyes met Helen Carter in Lima.", "Thailand"),
    ],
)
def test_posts_a_national_adjective_that_is_also_a_towns_name_gives_the_country(
    nlp: Language, text: str, country: str
) -> None:
    facts = _facts(nlp, text)
    assert {
        f.post_in for f in facts if f.subject == "Tom Reyes" and f.predicate == "holds_position"
    } == {country}
    assert not [f for f in facts if f.predicate == "leads"]


def test_posts_a_founder_holds_the_post_and_does_not_lead(nlp: Language) -> None:
    """Founding an organisation says nothing of who leads it now."""
    ties = _triples(_facts(nlp, "Tom Reyes, the founder of the Harbour Trust, said no."))
    assert ("holds_position", "Tom Reyes", "founder of the Harbour Trust") in ties
    assert ("leads", "Tom Reyes", "Harbour Trust") not in ties

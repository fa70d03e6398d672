"""Parties named by a code or a word (kg.extract.party_mentions), on sentences written here."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
import spacy
from spacy.language import Language

from kg.errors import RulesError
from kg.extract.party_mentions import tag_matcher
from kg.extract.rules import load_rules
from kg.types import Fact
from tests.samples import extracted_facts


def _asserted(nlp: Language, text: str, predicate: str) -> set[tuple[str, str]]:
    facts: list[Fact] = extracted_facts(nlp, text, published=date(2024, 5, 2))
    return {
        (f.subject, f.object) for f in facts if f.predicate == predicate and f.status == "asserted"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Sen. Walter Brennan, D-Ore., voted against the measure.",
            {("Walter Brennan", "Democratic Party")},
            id="wire-tag-after-comma",
        ),
        pytest.param(
            "Rep. Laura Whitfield (R-Texas) and Sen. Omar Delgado (D-N.M.) wrote the amendment.",
            {("Laura Whitfield", "Republican Party"), ("Omar Delgado", "Democratic Party")},
            id="wire-tags-in-parentheses",
        ),
        pytest.param(
            "Republican Sen. Dale Hutchins said the vote would be close.",
            {("Dale Hutchins", "Republican Party")},
            id="party-adjective-before-title",
        ),
        pytest.param(
            "Republican Carla Mendes won the seat, beating Tom Reyes.",
            {("Carla Mendes", "Republican Party")},
            id="party-noun-before-name",
        ),
        pytest.param(
            "Senator Ruth Adler, a Nevada Democrat, chaired the hearing.",
            {("Ruth Adler", "Democratic Party")},
            id="member-noun-in-apposition",
        ),
        pytest.param(
            "Janet Morrow (Lab) asked the minister about the hospital.",
            {("Janet Morrow", "Labour")},
            id="british-party-code",
        ),
        pytest.param(
            "Janet Morrow (Labour) and Colin Pryce (Conservative) asked about the hospital.",
            {("Janet Morrow", "Labour"), ("Colin Pryce", "Conservatives")},
            id="party-name-in-parentheses",
        ),
        pytest.param(
            "Senator Dean Fowler (Labor) opposed the bill.",
            {("Dean Fowler", "Australian Labor Party")},
            id="party-title-word-in-parentheses",
        ),
        pytest.param(
            "Colin Pryce, a Tory, asked about the hospital.",
            {("Colin Pryce", "Conservatives")},
            id="party-name-in-apposition",
        ),
        pytest.param(
            "Republicans including Dale Hutchins and Carla Mendes voted against the bill.",
            {("Dale Hutchins", "Republican Party"), ("Carla Mendes", "Republican Party")},
            id="party-name-with-members-as-examples",
        ),
        pytest.param(
            "Councillors from the Green Party, including John Ostrow and Mary Vidal, walked out.",
            {("John Ostrow", "Green Party"), ("Mary Vidal", "Green Party")},
            id="members-from-a-party-as-examples",
        ),
        pytest.param(
            "Tory veteran Sir Roger Blake warned ministers against the plan.",
            {("Roger Blake", "Conservatives")},
            id="member-noun-then-honorific",
        ),
        pytest.param(
            "Among the Tory rebels were Giles Ware and Fiona Kerr.",
            {("Giles Ware", "Conservatives"), ("Fiona Kerr", "Conservatives")},
            id="inverted-copula-with-among",
        ),
        pytest.param(
            "Giles Ware is among the Tory rebels.",
            {("Giles Ware", "Conservatives")},
            id="copula-with-among",
        ),
    ],
)
def test_party_mentions_make_members(nlp: Language, text: str, expected: set) -> None:
    assert _asserted(nlp, text, "member_of") == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The Democratic Republic of Congo signed the accord with Rwanda.", id="country-name"
        ),
        pytest.param("Troops left sector (D) of the zone, said Paul Okafor.", id="code-not-a-tag"),
        pytest.param("The Republican primary is in March, Helen Cho said.", id="adjective-alone"),
    ],
)
def test_party_mentions_make_no_member_without_a_name(nlp: Language, text: str) -> None:
    assert _asserted(nlp, text, "member_of") == set()


def test_party_mentions_adjective_before_leader_title_leads(nlp: Language) -> None:
    text = "Democratic leader Frank Osei promised to block the bill."
    assert _asserted(nlp, text, "leads") == {("Frank Osei", "Democratic Party")}


def test_party_word_the_tagger_took_for_an_organisation_leads(nlp: Language) -> None:
    text = "Ann Pike, the Liberal leader, said she would vote against."
    assert _asserted(nlp, text, "leads") == {("Ann Pike", "Liberal Party")}
    assert _asserted(nlp, text, "works_for") == set()


def test_party_word_alone_is_the_party_the_article_reads_it_as(nlp: Language) -> None:
    text = (
        "Labor leader Helen Carter met Tom Reyes on Monday. Tom Reyes, who joined Labor in "
        "1996, led Labor to victory in 2022."
    )
    facts = {(f.predicate, f.subject, f.object) for f in extracted_facts(nlp, text)}
    assert ("member_of", "Tom Reyes", "Australian Labor Party") in facts
    assert ("leads", "Tom Reyes", "Australian Labor Party") in facts
    assert not [f for f in facts if f[2] == "Labor"]


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("Helen Carter is a Democrat.", {"Helen Carter"}),
        ("Helen Carter and Tom Reyes are Republicans from Ohio.", {"Helen Carter", "Tom Reyes"}),
        ("Helen Carter is not a Democrat.", set()),
    ],
)
def test_party_member_noun_completing_a_copula(nlp: Language, text: str, members: set) -> None:
    facts = extracted_facts(nlp, text)
    assert {f.subject for f in facts if f.predicate == "member_of"} == members


def test_party_mentions_bad_pattern_is_a_clear_error() -> None:
    rules = load_rules()
    bad = {**rules.party_mentions, "tag_patterns": [[{"ORHT": "("}]]}
    broken = replace(rules, party_mentions=bad)
    with pytest.raises(RulesError, match=r"(?s)tag_patterns\[0\].*ORHT"):
        tag_matcher(spacy.blank("en").vocab, broken)


@pytest.mark.parametrize(
    ("text", "expected", "status"),
    [
        pytest.param(
            "Lib Dem Kate Farrow said the plan was flawed.",
            {("Kate Farrow", "Liberal Democrats")},
            "asserted",
            id="party-right-before-a-name",
        ),
        pytest.param(
            "Tory backbencher Giles Ware said he would vote against.",
            {("Giles Ware", "Conservatives")},
            "asserted",
            id="party-before-a-member-noun",
        ),
        pytest.param(
            "Veteran Labour left-winger Giles Ware said he would stand down.",
            {("Giles Ware", "Labour")},
            "asserted",
            id="a-hyphenated-member-noun",
        ),
        pytest.param(
            "Several Labour MPs, including Oren Dalqvist and Priya Nandan, said they would vote "
            "against the bill.",
            {("Oren Dalqvist", "Labour"), ("Priya Nandan", "Labour")},
            "asserted",
            id="examples-of-a-plural-title-one-tagged-an-organisation",
        ),
        pytest.param(
            "The Tory rebel, Giles Ware, said he would vote against.",
            {("Giles Ware", "Conservatives")},
            "asserted",
            id="a-name-in-apposition-to-the-member-noun",
        ),
        pytest.param(
            "Her Labour shadow, Giles Ware, said the plan would fail.",
            {("Giles Ware", "Labour")},
            "asserted",
            id="a-party-s-shadow",
        ),
        pytest.param(
            "Labour's Oren Dalqvist said the figures were wrong.",
            {("Oren Dalqvist", "Labour")},
            "asserted",
            id="a-name-after-a-party-s-possessive",
        ),
        pytest.param(
            "The Tories' Oren Dalqvist said the figures were wrong.",
            {("Oren Dalqvist", "Conservatives")},
            "asserted",
            id="a-name-after-a-plural-party-s-possessive",
        ),
        pytest.param(
            "Giles Ware, a Tory rebel, said he would vote against.",
            {("Giles Ware", "Conservatives")},
            "asserted",
            id="member-noun-in-apposition",
        ),
        pytest.param(
            "Giles Ware, a senior Tory figure, said he would vote against.",
            {("Giles Ware", "Conservatives")},
            "asserted",
            id="a-party-figure",
        ),
        pytest.param(
            "Giles Ware, a senior Liberal, said he would vote against.",
            {("Giles Ware", "Liberal Party")},
            "asserted",
            id="a-party-word-in-apposition",
        ),
        pytest.param(
            "Giles Ware, a Liberal Democrat, said he would vote against.",
            {("Giles Ware", "Liberal Democrats")},
            "asserted",
            id="a-two-word-party-name-in-apposition",
        ),
        pytest.param(
            "The Green Party's Ann Pike and Giles Ware launched the manifesto.",
            {("Ann Pike", "Green Party"), ("Giles Ware", "Green Party")},
            "asserted",
            id="a-possessor-party-of-two-names",
        ),
        pytest.param(
            "The Green Party's Ann Pike and Tory Giles Ware clashed on air.",
            {("Ann Pike", "Green Party"), ("Giles Ware", "Conservatives")},
            "asserted",
            id="a-possessor-party-not-of-a-name-with-its-own",
        ),
        pytest.param(
            "Giles Ware, who has been a Tory member for 30 years, voted against.",
            {("Giles Ware", "Conservatives")},
            "asserted",
            id="a-party-member-said-of-a-name",
        ),
        pytest.param(
            "Giles Ware is a Tory rebel.",
            {("Giles Ware", "Conservatives")},
            "asserted",
            id="a-member-noun-after-a-copula",
        ),
        pytest.param(
            "Ann Pike and Giles Ware are Tories.",
            {("Ann Pike", "Conservatives"), ("Giles Ware", "Conservatives")},
            "asserted",
            id="a-party-name-after-a-copula-of-two",
        ),
        pytest.param(
            "Ann Pike and Giles Ware, both Tories, voted against.",
            {("Ann Pike", "Conservatives"), ("Giles Ware", "Conservatives")},
            "asserted",
            id="both-party-members",
        ),
        pytest.param(
            "Tories Ann Pike and Giles Ware voted against.",
            {("Ann Pike", "Conservatives"), ("Giles Ware", "Conservatives")},
            "asserted",
            id="a-plural-party-name-before-two-names",
        ),
        pytest.param(
            "Greens Ann Pike and Tory Giles Ware clashed on air.",
            {("Ann Pike", "Green Party"), ("Giles Ware", "Conservatives")},
            "asserted",
            id="a-plural-party-name-not-before-a-name-with-its-own",
        ),
        pytest.param(
            "Tory MPs including Ann Pike and Giles Ware voted against.",
            {("Ann Pike", "Conservatives"), ("Giles Ware", "Conservatives")},
            "asserted",
            id="a-plural-title-including-names",
        ),
        pytest.param(
            "Councillor Ann Pike defected to the Greens in March.",
            {("Ann Pike", "Green Party")},
            "asserted",
            id="defected-to",
        ),
        pytest.param(
            "Ann Pike will join the Liberal Democrats next month.",
            {("Ann Pike", "Liberal Democrats")},
            "planned",
            id="will-join-is-planned",
        ),
        pytest.param(
            "Ann Pike declared her candidacy in the Harbour Party's presidential election.",
            {("Ann Pike", "Harbour Party")},
            "asserted",
            id="a-candidacy-in-a-partys-election",
        ),
        pytest.param(
            "Ann Pike launched her bid for the Harbour Party leadership on Monday.",
            {("Ann Pike", "Harbour Party")},
            "asserted",
            id="a-bid-for-a-partys-leadership",
        ),
        pytest.param(
            "Ann Pike entered the Harbour Party leadership race on Monday.",
            {("Ann Pike", "Harbour Party")},
            "asserted",
            id="entered-a-partys-leadership-race",
        ),
        pytest.param(
            "Ann Pike is running in the Harbour Party's leadership election.",
            {("Ann Pike", "Harbour Party")},
            "asserted",
            id="running-in-a-partys-leadership-election",
        ),
        pytest.param(
            "Ann Pike, who sits on the Harbour Party's national executive, voted against.",
            {("Ann Pike", "Harbour Party")},
            "asserted",
            id="sits-on-a-partys-body",
        ),
        pytest.param(
            "Ann Pike, elected on the Harbour Party ticket in 2010, voted against.",
            {("Ann Pike", "Harbour Party")},
            "asserted",
            id="elected-on-a-partys-ticket",
        ),
        pytest.param(
            "Ann Pike served on the board of the Harbour Trust for a decade.",
            {("Ann Pike", "Harbour Trust")},
            "asserted",
            id="served-on-the-board-of",
        ),
    ],
)
def test_party_membership_by_phrase_and_verb(
    nlp: Language, text: str, expected: set, status: str
) -> None:
    facts: list[Fact] = extracted_facts(nlp, text, published=date(2024, 5, 2))
    found = {(f.subject, f.object) for f in facts if f.predicate == "member_of"}
    assert found == expected
    assert {f.status for f in facts if f.predicate == "member_of"} == {status}


def test_party_membership_of_a_party_s_body_is_of_the_party(nlp: Language) -> None:
    text = (
        "Giles Ware, a member of the Standing Committee of the Political Bureau of the Harbour "
        "Party Central Committee, spoke."
    )
    assert ("Giles Ware", "Harbour Party") in _asserted(nlp, text, "member_of")
    text = "Giles Ware, a member of the committee investigating the Harbour Party, spoke."
    assert ("Giles Ware", "Harbour Party") not in _asserted(nlp, text, "member_of")


def test_party_membership_backing_someone_elses_bid_is_not_membership(nlp: Language) -> None:
    text = "Ann Pike backed Giles Ware's bid for the Harbour Party leadership."
    assert ("Ann Pike", "Harbour Party") not in _asserted(nlp, text, "member_of")


def test_party_membership_sitting_on_something_about_a_party_is_not_membership(
    nlp: Language,
) -> None:
    text = "Ann Pike sat on a panel on the Harbour Party's future."
    assert _asserted(nlp, text, "member_of") == set()


def test_party_membership_joining_a_company_is_not_membership(nlp: Language) -> None:
    assert _asserted(nlp, "Ann Pike joined Barclays in 2019.", "member_of") == set()


def test_party_membership_formerly_is_past(nlp: Language) -> None:
    facts: list[Fact] = extracted_facts(
        nlp, "Mayor Ed Palmer, formerly a Democrat, now sits as an independent.", published=None
    )
    assert {(f.subject, f.object, f.status) for f in facts if f.predicate == "member_of"} == {
        ("Ed Palmer", "Democratic Party", "past")
    }


def test_party_membership_of_a_post_from_a_party(nlp: Language) -> None:
    text = "Aiko Mori, a lawmaker from the ruling Liberal Democratic Party, criticised the plan."
    assert _asserted(nlp, text, "member_of") == {("Aiko Mori", "Liberal Democratic Party")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Labor MP Dana Reid criticised the budget.",
            {("Dana Reid", "Australian Labor Party")},
            id="party-word-before-a-title",
        ),
        pytest.param(
            "Dana Reid, the Labor senator, criticised the budget.",
            {("Dana Reid", "Australian Labor Party")},
            id="party-word-the-tagger-took-for-an-organisation",
        ),
        pytest.param(
            "Labor's Dana Reid criticised the budget.",
            {("Dana Reid", "Australian Labor Party")},
            id="party-word-possessing-a-name",
        ),
        pytest.param(
            "Secretary of Labor Dana Reid criticised the budget.", set(), id="a-portfolio"
        ),
        pytest.param(
            "Labor Secretary Dana Reid criticised the budget.", set(), id="a-portfolio-title"
        ),
        pytest.param("The Labor Department hired Dana Reid.", set(), id="a-department"),
        pytest.param("Labor's new rules angered Dana Reid.", set(), id="possessing-no-name"),
    ],
)
def test_party_title_words_only_before_a_title(nlp: Language, text: str, expected: set) -> None:
    assert _asserted(nlp, text, "member_of") == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Green Party, led by Helen Clarke, won four seats.", id="participle"),
        pytest.param("The Green Party is led by Helen Clarke.", id="passive"),
    ],
)
def test_party_led_by_in_the_passive(nlp: Language, text: str) -> None:
    assert _asserted(nlp, text, "leads") == {("Helen Clarke", "Green Party")}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        pytest.param(
            "Carla Hess (ANC) said the vote was fair.", "African National Congress", id="anc"
        ),
        pytest.param(
            "Carla Hess (UKIP) said the vote was fair.", "UK Independence Party", id="ukip"
        ),
        pytest.param(
            "Carla Hess, who belongs to the ruling African National Congress, spoke first.",
            "African National Congress",
            id="belongs-to",
        ),
        pytest.param(
            "Carla Hess, who represents the Green Party in parliament, spoke first.",
            "Green Party",
            id="represents",
        ),
    ],
)
def test_party_mentions_a_party_short_name_or_belonging(
    nlp: Language, text: str, party: str
) -> None:
    assert _asserted(nlp, text, "member_of") == {("Carla Hess", party)}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        pytest.param(
            "Senate Republicans, led by Tom Hale, blocked the bill.",
            "Republican Party",
            id="a-party-in-a-chamber",
        ),
        pytest.param(
            "Labour MEPs, led by Tom Hale, voted against.", "Labour", id="a-party-s-members"
        ),
    ],
)
def test_party_a_group_of_its_members_led_by_someone(nlp: Language, text: str, party: str) -> None:
    """The leader of some of a party's members is one of them, not the party's leader (nor the
    chamber's)."""
    facts = extracted_facts(nlp, text)
    assert _asserted(nlp, text, "member_of") == {("Tom Hale", party)}
    assert not [f for f in facts if f.predicate == "leads"]


def test_party_mentions_a_code_no_party_has_is_none(nlp: Language) -> None:
    assert not _asserted(nlp, "Carla Hess (AP) said the vote was fair.", "member_of")


def test_party_membership_denied_by_a_copula_is_none(nlp: Language) -> None:
    assert _asserted(nlp, "Giles Ware is not a Tory.", "member_of") == set()


def test_party_named_x_party_in_capitals_is_a_party(nlp: Language) -> None:
    text = "Tom Hale's Forward UK party won five seats."
    assert _asserted(nlp, text, "leads") == {("Tom Hale", "Forward UK")}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ruling party lawmaker Tom Hale said the bill would pass.", id="ruling"),
        pytest.param("Governing party officials and Tom Hale backed the bill.", id="governing"),
    ],
)
def test_party_a_capitalised_common_word_before_party_names_none(nlp: Language, text: str) -> None:
    """At a sentence's start 'Ruling party' is written with a capital; it names no party."""
    facts = extracted_facts(nlp, text)
    assert not [f for f in facts if "party" in (f.subject_type, f.object_type)]


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        pytest.param(
            "Rosa Mbeki, leader of the opposition People's Renewal Party, rejected the budget.",
            "leads",
            {("Rosa Mbeki", "People's Renewal Party")},
            id="people's",
        ),
        pytest.param(
            "Lars Eklund, a Farmers' Party deputy, voted with the government.",
            "member_of",
            {("Lars Eklund", "Farmers' Party")},
            id="farmers'",
        ),
    ],
)
def test_party_named_with_a_collective_in_the_possessive(
    nlp: Language, text: str, predicate: str, expected: set
) -> None:
    assert _asserted(nlp, text, predicate) == expected


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        pytest.param(
            "Keiko Arai of the Constitutional Democratic Party of Japan questioned the minister.",
            "member_of",
            {("Keiko Arai", "Constitutional Democratic Party of Japan")},
            id="japan",
        ),
        pytest.param(
            "Keiko Arai, a member of the Liberal Democratic Party of Japan, questioned the "
            "minister.",
            "member_of",
            {("Keiko Arai", "Liberal Democratic Party")},
            id="a-full-name-holding-another-party-s-name",
        ),
        pytest.param(
            "Nationals leader Tom Birch said the drought package was too small.",
            "leads",
            {("Tom Birch", "National Party")},
            id="australia",
        ),
        pytest.param(
            "Sipho Dlamini, the Economic Freedom Fighters leader, walked out of the debate.",
            "leads",
            {("Sipho Dlamini", "Economic Freedom Fighters")},
            id="south-africa",
        ),
    ],
)
def test_party_of_another_country_is_a_party(
    nlp: Language, text: str, predicate: str, expected: set
) -> None:
    # a known party is a party, not an employer: no works_for for it
    assert _asserted(nlp, text, predicate) == expected
    assert _asserted(nlp, text, "works_for") == set()


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        pytest.param(
            "President Oren Dalqvist of the ruling Harbovian National Union called elections.",
            "member_of",
            {("Oren Dalqvist", "Harbovian National Union")},
            id="ruling",
        ),
        pytest.param(
            "Luc Gagnon, a senior figure in the opposition Movement for Renewal, said no.",
            "member_of",
            {("Luc Gagnon", "Movement for Renewal")},
            id="opposition",
        ),
        pytest.param(
            "Piotr Lasko, a senior figure in the centre-right Civic Union, said no.",
            "member_of",
            {("Piotr Lasko", "Civic Union")},
            id="a-place-in-the-taggers-eyes",
        ),
        pytest.param(
            "Lena Moss, a veteran of the far-right Harbour Movement, said no.",
            "member_of",
            {("Lena Moss", "Harbour Movement")},
            id="far-right",
        ),
    ],
)
def test_party_an_organisation_said_to_rule_or_oppose_is_a_party(
    nlp: Language, text: str, predicate: str, expected: set
) -> None:
    """Only a party is 'the ruling X', 'the opposition X' or 'the centre-right X', whatever its
    name."""
    assert _asserted(nlp, text, predicate) == expected
    assert _asserted(nlp, text, "works_for") == set()

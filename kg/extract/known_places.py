"""Places the tagger missed: a name the gazetteer knows, written where the text says a place.

The small English model takes towns it has not seen for people ("Mr Blair visited Sedgefield",
"toured Evesham and Kidderminster") or leaves them untagged ("talks in Cardiff"). A capitalised
name the gazetteer (`kg.extract.gazetteer`) knows is a place where it is the object of a
preposition of place ('in', 'at': `triggers.json` "place_prepositions") or of a verb of travel
as `triggers.json` "visited" links them ('visited X', 'flew to X'). A name the text also gives a
person ('Mr Howard', 'Michael Howard') stays a person's. So is the name in capitals that opens
a wire dateline ('JERUSALEM (Reuters) -'), which the tagger often takes for an organisation, and
a seat a title holds ('MP for Leeds Central'), known to the gazetteer or not, and a name the
tagger left untagged or took for an organisation where a journey goes ('a visit to Lismore',
'flew to Harbridge').
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.gazetteer import load_gazetteer
from kg.extract.rules import Rules
from kg.extract.text import capitalised, ents_of, tokens_at


def says_a_place(token: Token, rules: Rules) -> bool:
    """Whether the text puts a place at `token` (a name's head): 'in X', 'visited X', 'flew to
    X', 'a visit to X', 'MP for X' (a seat), and the names joined to those ('toured X and Y')."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    visits: dict[str, list[str]] = rules.triggers["visited"]["verbs"]
    head = token.head
    if token.dep_ == "dobj":
        return "dobj" in visits.get(head.lemma_.lower(), ())
    if token.dep_ != "pobj" or head.dep_ not in ("prep", "dative"):
        return False
    preposition = head.lower_
    title = head.head.lower_
    seat = (preposition in ("for", "of") and title in rules.posts["seat_titles"]) or (
        preposition == "for" and title in rules.posts["for_seat_titles"]
    )
    trips: dict[str, list[str]] = rules.triggers["visited"]["nouns"]
    guests: dict[str, list[str]] = rules.triggers["visited"]["guest_verbs"]  # "sent X to Y"
    return (
        seat  # "MP for Sedgefield": a constituency
        or preposition in rules.triggers["place_prepositions"]
        or preposition in visits.get(head.head.lemma_.lower(), ())
        or preposition in guests.get(head.head.lemma_.lower(), ())
        or preposition in trips.get(head.head.lower_, ())  # "a visit to Kyiv"
    )


def names_a_seat(span: Span, rules: Rules) -> bool:
    """Whether a capitalised name is the seat a seat title holds with 'for' ('MP for Leeds
    Central', 'senator for Victoria', 'the member for Blaxland'): a constituency or state,
    whether the gazetteer knows it or not."""
    root = span.root
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "for"
        and prep.head.lower_ in (*rules.posts["seat_titles"], *rules.posts["for_seat_titles"])
        and span[0].is_title
    )


def opens_a_dateline(span: Span) -> bool:
    """Whether a name in capitals opens its sentence before '(' or ',': the dateline of wire
    copy, which names a place ('JERUSALEM (Reuters) -', 'LONDON, March 3 (AP) -')."""
    doc = span.doc
    return (
        bool(span[0].is_sent_start)
        and all(t.is_upper and t.is_alpha for t in span)
        and span.end < len(doc)
        and doc[span.end].text in ("(", ",")
    )


def person_names(doc: Doc) -> set[str]:
    """The words of the doc's names of two words or more tagged PERSON ('Michael Howard')."""
    return {t.text for ent in ents_of(doc) if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}


def is_known_place(span: Span, rules: Rules, persons: set[str]) -> bool:
    """Whether a name (tagged otherwise, or untagged) is a place the text states: known to the
    gazetteer, and either a dateline or capitalised, said where a place goes and no word of it a
    person's name here."""
    return load_gazetteer().knows(span.text) and (
        opens_a_dateline(span)
        or (
            all(t.is_title and t.pos_ == "PROPN" for t in span)
            and not any(t.text in persons for t in span)
            and says_a_place(span.root, rules)
        )
    )


MISTAKEN_LABELS = frozenset({"WORK_OF_ART", "PRODUCT"})
"""Labels the small model gives names of places it has not seen ('a visit to Lismore' as a work
of art): such a name counts as untagged here."""


def untagged_places(doc: Doc, rules: Rules, persons: set[str]) -> list[Span]:
    """Names no entity covers that are places the text states ('talks in Cardiff'): a capitalised
    proper noun with the capitalised proper nouns compounded to it ('Milton Keynes')."""
    tagged = {
        i
        for ent in ents_of(doc)
        if ent.label_ not in MISTAKEN_LABELS
        for i in range(ent.start, ent.end)
    }
    found: list[Span] = []
    for token in tokens_at(doc, capitalised(doc)):
        if token.i in tagged or token.dep_ == "compound" or not (token.is_title or token.is_upper):
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == token:
            start -= 1
        span = doc[start : token.i + 1]
        if any(i in tagged for i in range(span.start, span.end)):
            continue
        if is_known_place(span, rules, persons) or journeyed_to(span, rules, persons):
            found.append(span)
    return found


def journeyed_to(span: Span, rules: Rules, persons: set[str]) -> bool:
    """Whether a name the gazetteer does not know, untagged or taken for an organisation, is
    where a journey goes: 'a visit to flood-ravaged Lismore', 'flew to Harbridge' (a town too
    small for the gazetteer); not a place gone back to ('returned to X': maybe home), nor a name
    with its article, nor one the text gives a person."""
    root, visited = span.root, rules.triggers["visited"]
    if (
        root.dep_ != "pobj"
        or root.head.lower_ != "to"
        or any(c.dep_ == "det" for c in root.children)
    ):
        return False  # nor 'going to the Lordy'
    if not all(t.is_title and t.pos_ == "PROPN" and t.text not in persons for t in span):
        return False
    journey = root.head.head
    word = journey.lemma_.lower()
    if journey.pos_ == "NOUN":
        return "to" in visited["nouns"].get(journey.lower_, ())
    homeward = visited["home_side"].get(word, ())
    return (
        journey.pos_ == "VERB" and "to" in visited["verbs"].get(word, ()) and "to" not in homeward
    )

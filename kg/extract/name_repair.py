"""Names the small tagger gets wrong, repaired on the doc right after its NER.

- A name cut at a particle: 'Ursula von der' + 'Leyen' (tagged a place), 'Charles' + 'de Gaulle';
- a name written family name first cut before its last word: 'Yoon Suk' + 'Yeol' (untagged),
  'Park Min' + '-jae';
- a name cut after its title: 'Minister' + 'Salem' (untagged) + 'Al Nouri', or untagged (or
  tagged an organisation) after a party or its possessive: 'Lib Dem' + 'Kate Farrow', 'Labour's'
  + 'Kate Farrow'; a title the tagger took into the name: 'MPs Jane Hill';
- a name left untagged though a post title stands in apposition to it ('Jane Hill, shadow
  transport secretary, said');
- a person typed as an organisation (or a product), a place or a nationality where a meeting puts
  a person ('Olaf Scholz met ...', 'held talks with Yair Lapid', 'X plans to meet ...'), a verb of
  address does ('spoke to X by phone'), a title stands beside ('the German chancellor, Olaf
  Scholz'), a verb ties it to a party ('X stood for the Y Party'), 'who' describes it ('X,
  who ...', `person_names.personal_relatives`) or a list gives it beside a person's as one of a
  title's holders ('Labour MPs, including X and Y'): capitalised words and particles, none of them a
  word organisations are named with, nor a place the gazetteer knows; or left untagged where a
  meeting puts a person, opposite one the tagger found ('Modi held talks with Putin') or another
  untagged name of two words or more ('Xi Jinping met Joko Widodo'; not words ending in a title,
  'the Irish Taoiseach'), where 'who' describes it ('Modi, who arrived ...'), an age follows it
  ('Verma, 61, said') or a verb gives it a post ('X was sworn in as chief minister'); a first name
  tagged alone runs on to its surname
  ('Olaf' + 'Scholz');
- a name run on over a describing word that starts the sentence: 'Veteran Green Party leader ...'
  names the Green Party (the words are the titles' `dropped_modifiers`, rules/posts.json);
- a place's or building's name run on over where it is: 'the Golden Gate Bridge in San
  Francisco' is the bridge, and San Francisco, a place the gazetteer knows;
- a name run on over a preposition, determiner or conjunction at its end: 'the Great Hall of
  the People on' Friday is the Great Hall of the People;
- a party's name cut before the country or state it is of: 'the Communist Party' + 'of' +
  'Vietnam', 'Green Party' + 'of' + 'Ohio' are one name (a country or state the gazetteer
  knows, or capitalised words no other name holds, 'of Struggle'; 'the Labour Party of' a person
  stays the party);
- an organisation's name that ends in a word for a building, where a verb of travel takes it
  ('toured the X Hospital'), is the building: a place (`visited.building_words`);
- a name tagged a person's that 'the' (and describing words) opens and an organisation word ends
  is an organisation's ('the conservative Freedom Caucus').

The particles, the organisation words and the verbs are data (`rules/person_names.json`,
`rules/triggers.json`); the component is `newskg_name_repair`, after `ner` in `load_pipeline`.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.extract.gazetteer import load_gazetteer
from kg.extract.rules import Rules, load_rules
from kg.extract.text import POSSESSIVE, examples_of, hyphen_after

COMPONENT = "newskg_name_repair"
PLACE_LABELS = ("GPE", "LOC", "FAC")


def _name_word(token: Token) -> bool:
    return token.is_title and token.pos_ == "PROPN"


def _extended(ent: Span, particles: frozenset[str], family_name_first: frozenset[str]) -> Span:
    """The person's name `ent` begins, run on over particles and the capitalised words after
    them, and, for a name written family name first, over an untagged third word or back over
    the untagged family name before a one-word name ('Han' + 'Zheng')."""
    doc, end = ent.doc, ent.end
    while end < len(doc) and doc[end].lower_ in particles and doc[end].is_lower:
        end += 1  # "Charles" + "de" ...
    if end > ent.end or ent[-1].lower_ in particles:
        while end < len(doc) and _name_word(doc[end]) and doc[end].ent_type_ != "PERSON":
            end += 1  # ... + "Gaulle"; "Ursula von der" + "Leyen"
        return doc[ent.start : end] if _name_word(doc[end - 1]) else ent
    after = doc[end] if end < len(doc) else None
    family_first = ent[0].text in family_name_first and len(ent) == 2
    if family_first and after is not None and _name_word(after) and after.ent_type_ == "":
        return doc[ent.start : end + 1]  # "Yoon Suk" + "Yeol"
    syllable = hyphen_after(doc[end - 1]) and doc[end + 1].is_alpha and doc[end + 1].is_lower
    if family_first and syllable:
        return doc[ent.start : end + 2]  # "Park Min" + "-jae"
    before = doc[ent.start - 1] if ent.start > 0 else None
    if (
        len(ent) == 1
        and before is not None
        and before.text in family_name_first
        and _name_word(before)
        and before.ent_type_ in ("", "NORP")  # "Han" tagged a people
    ):
        return doc[ent.start - 1 : end]  # "Han" + "Zheng", the family name left out
    return ent


def _without_titles(ent: Span, rules: Rules) -> Span:
    """The person's name `ent` holds, without title words the tagger took in ('MPs' in 'Tory
    MPs Jane Hill and ...', 'Minister' in 'Minister Salem Nouri', 'MP' in 'Jane Hill MP': a
    title written in capitals after the name, and the letters of honours, 'QC' in 'Jane Hill
    QC': `person_names.postnominals`)."""
    heads, letters = rules.posts["heads"], rules.person_names["postnominals"]
    start, end = ent.start, ent.end
    while start < end - 1 and (
        (word := ent.doc[start].lower_) in heads or (word.endswith("s") and word[:-1] in heads)
    ):
        start += 1
    while (
        end - 1 > start
        and ent.doc[end - 1].is_upper
        and (ent.doc[end - 1].lower_ in heads or ent.doc[end - 1].text in letters)
    ):
        end -= 1
    return ent.doc[start:end] if (start, end) != (ent.start, ent.end) else ent


def _titles(rules: Rules) -> set[str]:
    """Title heads and honorifics, lower-cased: the words a person's name may follow."""
    return {*rules.posts["heads"], *(w.lower() for w in rules.posts["title_words_before_name"])}


def _after_title(ent: Span, rules: Rules) -> Span:
    """The person's name `ent` ends, run back over one or two untagged capitalised words to the
    title or honorific before them: 'Minister' + 'Salem' + 'Al Nouri'."""
    doc, start = ent.doc, ent.start
    titles = _titles(rules)
    while start > max(0, ent.start - 2) and _name_word(doc[start - 1]):
        if doc[start - 1].ent_type_ or doc[start - 1].lower_ in titles:
            break
        start -= 1
    titled = start > 0 and doc[start - 1].lower_ in titles
    return doc[start : ent.end] if start < ent.start and titled else ent


def _in_a_meeting(name: Token, rules: Rules) -> bool:
    """Whether a name stands where a meeting puts a person: the subject of a meeting or travel
    verb ('X met', 'X visited', 'X held talks'), the object of a meeting verb ('met X'), or after
    'with' on a meeting verb or noun ('held talks with X', 'a meeting with X')."""
    met = rules.triggers["met"]
    name = _entity_root(name)
    while name.dep_ in ("conj", "appos") and name.head.i != name.i:
        # "Macron and Scholz held talks": Scholz stands where Macron does, and so does the
        # name in apposition to a word ("the chancellor, Scholz, met"), or on a word inside
        # another name ("Ursula von der" + "Leyen and Giorgia Meloni")
        name = _entity_root(name.head)
    head = name.head
    if name.dep_ == "nsubj":
        return _meeting_clause(head, rules, MEETING_CLAUSE_DEPTH)
    if name.dep_ == "dobj":  # "visited X" may be a place, "hosted X" a guest
        guests = set(met["verbs"]) - set(met["place_verbs"]) | set(met["host_verbs"])
        return head.lemma_.lower() in guests
    if name.dep_ == "pobj" and head.lower_ == "with":
        trigger = head.head
        words = {*met["verbs"], *met["with_verbs"], *met["light_verbs"], *met["nouns"]}
        nouns = {n for ns in met["light_verbs"].values() for n in ns}
        return trigger.lemma_.lower() in words or trigger.lower_ in nouns | set(met["nouns"])
    return False


def _entity_root(token: Token) -> Token:
    """The root of the entity the tagger made `token` part of, or the token."""
    if not token.ent_type_:
        return token
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].root


MEETING_CLAUSE_DEPTH = 2
"""How many clauses down a subject's meeting may lie: 'X plans to meet', 'X is expected to
hold talks'."""


def _meeting_clause(verb: Token, rules: Rules, depth: int) -> bool:
    """Whether the clause `verb` heads tells of its subject meeting or travelling: a meeting or
    travel verb ('X met', 'X visited'), a meeting held ('X held talks'), one the subject plans or
    is due to have ('X plans to meet', 'X is expected to hold talks': an open clause, `depth`
    deep), or one the clause is set in ('In a meeting with Y, X raised ...')."""
    met = rules.triggers["met"]
    verbs = {*met["verbs"], *met["with_verbs"], *rules.triggers["visited"]["verbs"]}
    nouns = met["light_verbs"].get(verb.lemma_.lower(), [])
    if verb.lemma_.lower() in verbs or any(
        c.dep_ == "dobj" and c.lower_ in nouns for c in verb.children
    ):
        return True
    for child in verb.children:
        if child.dep_ == "xcomp" and depth > 0 and _meeting_clause(child, rules, depth - 1):
            return True
        if child.dep_ == "prep" and any(
            n.dep_ == "pobj"
            and n.lower_ in met["nouns"]
            and any(w.dep_ == "prep" and w.lower_ in ("with", "between") for w in n.children)
            for n in child.children
        ):
            return True  # "In a meeting with Y, X raised ..."
    return False


def _acting_person(ent: Span, rules: Rules) -> bool:
    """Whether a name tagged an organisation (or a product), a place or a nationality is a
    person's: where a meeting or a verb of address puts a person, beside a title, where a verb
    ties it to a party or gives it a post, where 'who' describes it or an age follows it, two to
    four capitalised words or particles (one will do for a place or a nationality, where a
    candidacy ties it to a party or with an age), none an
    organisation word or a known party, for a place none the gazetteer knows, and for a
    nationality a first word that names no country, people or party ('Albanese held talks with
    X' tagged a nationality; not 'Chinese', 'Republicans')."""
    names = rules.person_names
    tied = _tied_to_a_party(ent.root, rules)
    # One word will do for a place ("met Biden" tagged a place) and where a candidacy ties the
    # name to a party ("X stood as the Y Party candidate": only a person stands).
    candidacy = tied and ent.root.head.lemma_.lower() in names["candidacy_verbs"]
    aged = _aged(ent.root)  # "Verma, 61, said": only a person has an age
    shortest = 2 if ent.label_ in ("ORG", "PRODUCT") and not (candidacy or aged) else 1
    if ent.label_ == "NORP" and not _lone_surname(ent[:1], rules):
        return False
    return (
        shortest <= len(ent) <= 4
        and len(ent.text) > 1  # not a caption's "(L)"
        and _name_word(ent[0])
        and _name_word(ent[-1])
        and all(_name_word(t) or t.lower_ in names["particles"] for t in ent)
        and not ent[0].ent_id_
        and not any(t.text in names["organisation_words"] for t in ent)
        and (
            _in_a_meeting(ent.root, rules)
            or _addressed(ent.root, rules)
            or _beside_a_title(ent, rules)
            or tied
            or _described_as_someone(ent.root, rules)
            or _among_holders(ent.root, rules)
            or aged
            or _given_a_post(ent.root, rules)
        )
        and (ent.label_ not in PLACE_LABELS or load_gazetteer().find(ent.text) is None)
    )


def _among_holders(name: Token, rules: Rules) -> bool:
    """Whether a name is listed beside a person's as one of the holders of a title or a party's
    members that 'including' or 'such as' gives examples of ('Labour MPs, including X and Y';
    not 'investors, including X and Y')."""
    first = name
    while first.dep_ == "conj":
        first = first.head
    if not any(t.ent_type_ == "PERSON" for t in [first, *first.conjuncts] if t.i != name.i):
        return False
    noun = first.head.head
    if first.dep_ != "pobj" or first not in examples_of(noun):
        return False
    singular = noun.lower_[:-1] if noun.lower_.endswith("s") else noun.lower_
    return singular in rules.words("posts", "heads", "party_member_nouns")


def _visited_building(ent: Span, rules: Rules) -> bool:
    """Whether a name tagged an organisation ends in a word for a building
    (`visited.building_words`) and a verb of travel takes it where it takes the place gone to
    ('toured the X Hospital', 'arrived at the Y Palace'; not 'returned to the Z School'): the
    building, a place."""
    spec = rules.triggers["visited"]
    if ent[-1].text not in spec["building_words"]:
        return False
    root = ent.root
    if root.dep_ == "dobj":
        verb, link = root.head, "dobj"
    elif root.dep_ == "pobj":
        verb, link = root.head.head, root.head.lower_
    else:
        return False
    word = verb.lemma_.lower()  # not where one goes back to: "returned to the X School"
    return link in spec["verbs"].get(word, ()) and link not in spec["home_side"].get(word, ())


def _addressed(name: Token, rules: Rules) -> bool:
    """Whether a name stands where a verb of address puts a person: 'spoke to X by phone',
    'thanked X' (`person_names.addressed_verbs`)."""
    verbs = rules.person_names["addressed_verbs"]
    if name.dep_ == "dobj":
        return "dobj" in verbs.get(name.head.lemma_.lower(), ())
    prep = name.head
    return name.dep_ == "pobj" and prep.lower_ in verbs.get(prep.head.lemma_.lower(), ())


def _tied_to_a_party(name: Token, rules: Rules) -> bool:
    """Whether a name is the subject of a verb that ties a person to a party the party ruler
    found where the verb puts it (`person_names.party_verbs`): 'X stood for the Y Party', 'X
    joined Labour', or a member of it, 'X ran as the Y candidate'; not 'X joined the Labour
    campaign'."""
    if name.dep_ != "nsubj":
        return False
    slots = rules.person_names["party_verbs"].get(name.head.lemma_.lower(), ())
    objects = [c for c in name.head.children if c.dep_ == "dobj" and "dobj" in slots]
    objects += [
        o
        for prep in name.head.children
        if prep.dep_ == "prep" and prep.lower_ in slots
        for o in prep.children
        if o.dep_ == "pobj"
    ]
    members = rules.words("posts", "member_heads")
    return any(
        o.ent_id_ or (o.lower_ in members and any(t.ent_id_ for t in o.subtree)) for o in objects
    )


def _beside_a_title(ent: Span, rules: Rules) -> bool:
    """Whether a title stands in apposition to the name ('the German chancellor, Olaf Scholz',
    'Olaf Scholz, the German chancellor') or right before it ('Chancellor Olaf Scholz'); a name
    joined to another by 'and' stands where the first does, beside a title in the plural
    ('Foreign ministers A and B', 'the two ministers, A and B')."""
    heads = rules.words("posts", "heads")

    def titled(word: Token) -> bool:
        return word.lower_ in heads or (word.tag_ == "NNS" and word.lemma_.lower() in heads)

    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if root.dep_ == "appos" and titled(root.head):
        return True
    if any(c.dep_ == "appos" and titled(c) for c in root.children):
        return True
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in _titles(rules)


def _run_on_to_head(ent: Span, rules: Rules) -> Span:
    """`ent` run on over the one or two untagged capitalised words its last word is a compound
    of, none a title: 'Olaf' (tagged a nationality) + 'Scholz' (not 'U.S.' + 'Ambassador')."""
    doc, head = ent.doc, ent[-1].head
    if ent[-1].dep_ != "compound" or not ent.end <= head.i < ent.end + 2:
        return ent
    titles = _titles(rules)
    words = doc[ent.end : head.i + 1]
    if all(_name_word(t) and not t.ent_type_ and t.lower_ not in titles for t in words):
        return doc[ent.start : head.i + 1]
    return ent


def _titled_unknown_place(ent: Span, rules: Rules) -> bool:
    """Whether a name tagged a place follows a title, past one or two untagged capitalised words
    ('deputy Ana Faria', 'Senator Faria'), and the gazetteer knows no such place."""
    titled = _after_title(ent, rules) is not ent or (
        ent.start > 0 and ent.doc[ent.start - 1].lower_ in _titles(rules)
    )
    return titled and load_gazetteer().find(ent.text) is None


def _lone_surname(ent: Span, rules: Rules) -> bool:
    """One singular word that is no country's or people's name and no party's word."""
    word = ent.text
    return (
        len(ent) == 1
        and not word.endswith("s")
        and word not in rules.demonyms
        and word not in rules.party_mentions["words"]
        and word not in rules.party_alias_to_name
    )


def _titled_names(doc: Doc, rules: Rules) -> list[Span]:
    """Untagged names a post title stands beside: 'Jane Hill, Tory shadow transport
    secretary, said', 'Jane Hill, a member of the Y party' (two or three capitalised words, a
    date's 'May' too), the title in apposition as parsed, or set off by commas and ending in one
    of the title heads."""
    heads = rules.words("posts", "heads")
    person_nouns = heads | set(rules.posts["member_heads"])  # "X, a member of the Y party"
    found = []
    for title in doc:  # as the parser reads it: an apposition headed by a title
        name = title.head
        if title.dep_ != "appos" or title.lower_ not in person_nouns or not _name_word(name):
            continue
        start = name.i
        while start > 0 and _name_word(doc[start - 1]) and doc[start - 1].dep_ == "compound":
            start -= 1
        span = doc[start : name.i + 1]
        if 2 <= len(span) <= 3 and all(t.ent_type_ in ("", "DATE") for t in span):
            found.append(Span(doc, span.start, span.end, label="PERSON"))
    for comma in doc:  # from the words alone, where the parser missed the apposition
        if comma.text != ",":
            continue
        end = comma.i
        start = end
        while start > max(0, end - 3) and _name_word(doc[start - 1]):
            start -= 1
        span = doc[start:end]
        if not 2 <= len(span) <= 3 or any(t.ent_type_ not in ("", "DATE") for t in span):
            continue
        if start > 0 and (_name_word(doc[start - 1]) or doc[start - 1].ent_type_):
            continue  # the name goes on, or something named stands right before it
        after = doc[end + 1 : end + 10]
        closing = next((t.i for t in after if t.text == ","), None)
        if closing is not None and closing > end + 1 and doc[closing - 1].lower_ in heads:
            found.append(Span(doc, span.start, span.end, label="PERSON"))
    return found


def _after_a_party(doc: Doc, rules: Rules) -> list[Span]:
    """Two or three capitalised words right after a known party or its possessive, untagged or
    tagged an organisation as a whole: 'Lib Dem' + 'Kate Farrow', 'Labour's' + 'Kate Farrow'
    (none an organisation word: 'Tory Central Office', 'Labour's National Executive Committee'
    are no one)."""
    found = []
    for ent in doc.ents:
        if not ent.ent_id_:  # the party ruler's mentions carry the party's id
            continue
        start = ent.end + 1 if ent.end < len(doc) and doc[ent.end].text in POSSESSIVE else ent.end
        end = start
        while end < len(doc) and end - start < 3 and _name_word(doc[end]):
            end += 1
        span = doc[start:end]
        if (
            len(span) >= 2
            and span[-1].dep_ != "compound"  # "Lib Dem Rural Affairs spokesman": a portfolio
            and (not any(t.ent_type_ for t in span) or _one_organisation(span))
            and not any(t.text in rules.person_names["organisation_words"] for t in span)
        ):
            found.append(Span(doc, span.start, span.end, label="PERSON"))
    return found


def _one_organisation(span: Span) -> bool:
    """Whether the tagger took exactly these words for one organisation's name."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return (
        span[0].ent_iob_ == "B"
        and all(t.ent_type_ == "ORG" for t in span)
        and (after is None or after.ent_iob_ != "I")
    )


ROYAL_NAME_LENGTH = 6
"""The most words a royal name takes after its title: 'Sheikh' + 'Tamim bin Hamad Al Thani'."""
REGNAL_NUMBER = re.compile(r"^[IVX]{1,4}$")


def _royal_names(doc: Doc, rules: Rules) -> list[Span]:
    """A royal title and the name after it, with its particles and regnal number: 'King Abdullah
    II', 'Prince Mohammed bin Salman', 'Emir Sheikh Tamim bin Hamad Al Thani' (the title is part
    of the name: `person_names.royal_titles`), none an organisation word ('Queen Mary
    University')."""
    royal = rules.person_names["royal_titles"]
    ids = {doc.vocab.strings[w] for w in royal}
    if ids.isdisjoint(doc.to_array(ORTH).tolist()):  # most articles name no royal
        return []
    particles = rules.words("person_names", "particles")
    words = rules.person_names["organisation_words"]
    found = []
    for title in doc:
        if title.text not in royal or (title.i > 0 and doc[title.i - 1].text in royal):
            continue
        end = title.i + 1
        while end < len(doc) and doc[end].text in royal:
            end += 1  # "Crown Prince", "Emir Sheikh"
        named = end
        while (
            end < len(doc)
            and end - named < ROYAL_NAME_LENGTH
            and (
                _name_word(doc[end])
                or doc[end].lower_ in particles
                or REGNAL_NUMBER.match(doc[end].text)
            )
        ):
            end += 1
        while (
            end > named
            and not _name_word(doc[end - 1])
            and not REGNAL_NUMBER.match(doc[end - 1].text)
        ):
            end -= 1  # a name ends on a name, not a particle
        if (
            end > named
            and _name_word(doc[named])
            and not any(t.text in words for t in doc[named:end])
        ):
            found.append(Span(doc, title.i, end, label="PERSON"))
    return found


def _described_as_someone(name: Token, rules: Rules) -> bool:
    """Whether a relative clause only a person takes describes the name, right after it: 'Modi,
    who arrived' (not a clause the parser hangs on a word further back)."""
    relatives = rules.person_names["personal_relatives"]
    doc = name.doc
    after = name.i + 2 if name.i + 1 < len(doc) and doc[name.i + 1].text == "," else name.i + 1
    return any(
        clause.dep_ == "relcl"
        and any(w.i == after and w.lower_ in relatives for w in clause.children)
        for clause in name.children
    )


def _aged(name: Token) -> bool:
    """Whether an age is set off by commas right after the name: 'Verma, 61, said' (a number a
    person can be old)."""
    doc = name.doc
    if name.i + 3 >= len(doc) or doc[name.i + 1].text != "," or doc[name.i + 3].text != ",":
        return False
    age = doc[name.i + 2]
    return age.is_digit and 18 <= int(age.text) <= 110


def _given_a_post(name: Token, rules: Rules) -> bool:
    """Whether the name is the subject of a verb that gives it a post: 'X was sworn in as chief
    minister', 'X was appointed minister', 'X was promoted to chief whip' (only a person
    holds one; `posts.json` `role_verbs`)."""
    if name.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb, roles = name.head, rules.posts["role_verbs"]
    lemma = verb.lemma_.lower()
    linked = [p for p in ("as", "to") if lemma in roles[p]]
    titles = [c for c in verb.children if c.dep_ == "oprd" and lemma in roles["oprd"]]
    titles += [
        t
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in linked
        for t in prep.children
        if t.dep_ == "pobj"
    ]
    return any(t.lower_ in rules.words("posts", "heads") for t in titles)


def _untagged_participants(doc: Doc, rules: Rules, persons: list[Span]) -> list[Span]:
    """Untagged names where a meeting puts a person, opposite one of `persons` (the names found
    so far) in the sentence ('Modi held talks with Putin') or opposite another such name of two
    words or more ('Xi Jinping met Joko Widodo', neither tagged), that a relative clause only a
    person takes describes ('Modi, who arrived in Washington'), with an age ('Verma, 61,') or
    given a post by a verb ('X was sworn in as chief minister'): one to three capitalised words,
    none a place the gazetteer knows or an organisation word, not ending in a title."""
    found: list[Span] = []
    if not doc.has_annotation("DEP"):
        return found
    with_person = {p.sent.start for p in persons}
    meeting: list[Span] = []
    for root in doc:
        if root.ent_type_ or not _name_word(root) or root.dep_ == "compound":
            continue
        start = root.i
        while start > 0 and doc[start - 1].dep_ == "compound" and _name_word(doc[start - 1]):
            start -= 1
        span = doc[start : root.i + 1]
        if (
            len(span) > 3
            or len(span.text) <= 1  # not a caption's "(L)"
            or any(t.ent_type_ for t in span)
            or any(t.text in rules.person_names["organisation_words"] for t in span)
            or root.lower_ in rules.words("posts", "heads")  # "the Irish Taoiseach": a title
        ):
            continue
        described = _described_as_someone(root, rules) or _aged(root) or _given_a_post(root, rules)
        if not described and not _in_a_meeting(root, rules):
            continue
        if load_gazetteer().find(span.text) is None:
            (found if described else meeting).append(span)
    untagged_pairs = Counter(s.sent.start for s in meeting if len(s) > 1)
    for span in meeting:
        sentence = span.sent.start
        if sentence in with_person or (len(span) > 1 and untagged_pairs[sentence] > 1):
            found.append(span)
    return [Span(doc, span.start, span.end, label="PERSON") for span in found]


def _split_at_place(ent: Span) -> list[Span]:
    """`ent` as tagged, or, when it ends 'in' + a place the gazetteer knows ('the Golden Gate
    Bridge in San Francisco'), the name before 'in' and the place."""
    if ent.label_ == "PERSON":
        return [ent]
    for k in range(1, len(ent) - 1):
        if ent[k].lower_ == "in" and ent[k - 1].is_title and ent[k + 1].is_title:
            place = ent[k + 1 :]
            if load_gazetteer().find(place.text) is not None:
                return [
                    Span(ent.doc, ent.start, ent.start + k, label=ent.label_),
                    Span(ent.doc, place.start, place.end, label="GPE"),
                ]
    return [ent]


PARTY_OF_KINDS = ("country", "state")
"""The places a party's name can end with ('the Socialist Party of Serbia')."""


def _with_country(ent: Span) -> Span:
    """`ent`, or, when it is a party's name ending 'Party' and 'of' and a country or state the
    gazetteer knows follow ('Communist Party' + 'of Vietnam'), or words in capitals no other
    name holds ('Democratic Party' + 'of Struggle'), the whole name, a party of its own (its id,
    which `entities` reads as a party's name, is the whole name, not the party the first words
    name). No person's name is cut for it ('of Georgia Hall', 'of Tony Blair')."""
    doc, start = ent.doc, ent.end + 1
    if ent.label_ != "ORG" or ent[-1].lower_ != "party" or start >= len(doc):
        return ent
    if doc[ent.end].lower_ != "of":
        return ent
    if doc[start].lower_ == "the":
        start += 1  # "the Communist Party of the Philippines"
    end = start
    while end - start < 3 and end < len(doc) and doc[end].is_title:
        if doc[end].ent_type_ == "PERSON":
            break
        end += 1
    gazetteer = load_gazetteer()
    for stop in range(end, start, -1):
        place = gazetteer.find(doc[start:stop].text)
        if place is not None and place.kind in PARTY_OF_KINDS:
            name = doc[ent.start : stop]
            return Span(doc, name.start, name.end, label="ORG", span_id=name.text)
    if end > start and not any(t.ent_type_ for t in doc[start:end]):
        name = doc[ent.start : end]  # "Democratic Party" + "of Struggle": no other name's words
        return Span(doc, name.start, name.end, label="ORG", span_id=name.text)
    return ent


def _hyphen_joined(ent: Span, rules: Rules) -> Span:
    """An organisation's name with the capitalised words a hyphen without spaces joins to it:
    'Democratic' + '-' + 'Republican Party', 'Zanu' + '-' + 'PF party', 'PDI' + '-' + 'P' (its
    own name, not the party the tagged part names); never a known party run on to the right
    ('a Sinn Fein-IRA critic' names Sinn Fein), nor over a prefix ('Ex-Labour MP')."""
    if ent.label_ != "ORG":
        return ent
    prefixes = rules.words("posts", "word_prefixes", "past_modifiers")
    doc, start, end = ent.doc, ent.start, ent.end
    while start >= 2 and doc[start - 1].text == "-" and hyphen_after(doc[start - 2]):
        word = doc[start - 2]
        if not (word.is_title or word.is_upper) or word.lower_ in prefixes:
            break
        start -= 2
    while not ent.ent_id_ and end + 1 < len(doc) and hyphen_after(doc[end - 1]):
        if not (doc[end + 1].is_title or doc[end + 1].is_upper):
            break
        end += 2
    if (start, end) == (ent.start, ent.end):
        return ent
    name = doc[start:end].text
    if ent.ent_id_ and name.endswith(" party"):  # the party ruler's "X party" is the party X
        name = name[: -len(" party")]
    return Span(doc, start, end, label="ORG", span_id=name)


LOOSE_ENDS = ("ADP", "DET", "CCONJ", "SCONJ")
"""Words no name ends with, that the tagger sometimes runs a name on to ('the Great Hall of
the People on' Friday, 'the Senate Committee on')."""


def _a_named_body(ent: Span, rules: Rules) -> bool:
    """Whether a name tagged a person's is an organisation's: after 'the' and any describing
    words, it ends in a word organisations are named with ('the conservative Freedom Caucus';
    not 'Margaret Court')."""
    if len(ent) < 2 or ent[-1].text not in rules.person_names["organisation_words"]:
        return False
    before = ent.start - 1
    while before >= 0 and ent.doc[before].pos_ == "ADJ":
        before -= 1
    return before >= 0 and ent.doc[before].lower_ == "the"


def _without_loose_end(ent: Span) -> Span:
    """`ent` without the lowercase prepositions, determiners and conjunctions it ends with."""
    end = ent.end
    while end - ent.start > 1 and ent.doc[end - 1].is_lower and ent.doc[end - 1].pos_ in LOOSE_ENDS:
        end -= 1
    return ent if end == ent.end else Span(ent.doc, ent.start, end, label=ent.label_)


def _without_description(ent: Span, rules: Rules) -> Span:
    """`ent` without a describing word the tagger took into it at the start of a sentence
    ('Veteran' in 'Veteran Green Party leader X'); articles are left to the name's reader."""
    first = ent[0]
    if (
        len(ent) > 1
        and first.is_sent_start
        and first.pos_ != "DET"
        and first.lower_ in rules.posts["dropped_modifiers"]
    ):
        return Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)
    return ent


def repair_names(doc: Doc, rules: Rules) -> Doc:
    """Set the doc's entities with the person names repaired (see the module docstring)."""
    particles = rules.words("person_names", "particles")
    family_name_first = rules.words("person_names", "family_name_first")
    repaired = [*_titled_names(doc, rules), *_after_a_party(doc, rules), *_royal_names(doc, rules)]
    for ent in (part for tagged in doc.ents for part in _split_at_place(tagged)):
        ent = _with_country(_without_description(_without_loose_end(ent), rules))
        ent = _hyphen_joined(ent, rules)
        whole = _run_on_to_head(ent, rules)
        one_word = ent.label_ != "NORP" or len(ent) == 1  # "Olaf" (+ "Scholz"), not "South Korean"
        if (
            ent.label_ in ("ORG", "PRODUCT", "NORP", *PLACE_LABELS)
            and one_word
            and _acting_person(whole, rules)
        ):
            ent = Span(doc, whole.start, whole.end, label="PERSON")
        elif ent.label_ in PLACE_LABELS and _titled_unknown_place(ent, rules):
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # "deputy Ana" + "Faria"
        elif ent.label_ == "ORG" and _visited_building(ent, rules):
            ent = Span(doc, ent.start, ent.end, label="FAC")  # "toured the X Hospital"
        elif ent.label_ == "PERSON" and _a_named_body(ent, rules):
            ent = Span(doc, ent.start, ent.end, label="ORG")  # "the conservative X Caucus"
        if ent.label_ == "PERSON":
            ent = _after_title(
                _extended(_without_titles(ent, rules), particles, family_name_first), rules
            )
            ent = Span(doc, ent.start, ent.end, label="PERSON")
        repaired.append(ent)
    repaired += _untagged_participants(doc, rules, [e for e in repaired if e.label_ == "PERSON"])
    people = [e for e in repaired if e.label_ == "PERSON"]
    taken = {i for e in people for i in range(e.start, e.end)}
    others = [
        e for e in repaired if e.label_ != "PERSON" and not taken & set(range(e.start, e.end))
    ]
    doc.ents = filter_spans([*people, *others])
    return doc


@Language.component(COMPONENT)
def name_repair(doc: Doc) -> Doc:
    """The pipeline component: `repair_names` with the shipped rules."""
    return repair_names(doc, load_rules())

"""Relatives named by a first name: the family name of the person they are related to.

'Tony Blair met his wife Cherie', 'Gordon Brown's wife Sarah': the article names 'Cherie' and
'Sarah' alone, and a graph of many articles would join every 'Sarah' into one node that
dominates the network. A one-word person in apposition to a kinship noun (`posts.json`
`kinship`) whose possessor is a person, named ('Brown's wife') or 'his' / 'her' for the one
person the clause has as its subject, gets the alias 'Cherie Blair', 'Sarah Brown'. Facts keep
the name as the article writes it ('Sarah'); the graph names the person by that alias
(`kg.rdf.mapping`), so two articles' Sarahs stay two people.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.entities import EntityIndex, Resolved
from kg.extract.participants import subjects_of
from kg.extract.rules import Rules

POSSESSIVE_PRONOUNS = ("his", "her")


def _possessor(kin: Token, index: EntityIndex) -> Resolved | None:
    """The person whose relative `kin` ('wife', 'son') is: its named possessor, or for 'his' /
    'her' the one person subject of its clause."""
    poss = next((c for c in kin.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    if poss.lower_ not in POSSESSIVE_PRONOUNS:
        owner = index.at(poss)
        return owner if owner is not None and owner.type == "person" else None
    verb = next((t for t in kin.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    subjects = {id(p): p for p, _ in subjects_of(verb, index)}  # "X met Y and his wife Z": X's
    return next(iter(subjects.values())) if len(subjects) == 1 else None


def _family_name(person: Resolved, rules: Rules) -> str:
    """The family name: what follows an honorific in the text ('Mr Lloyd George'), else the last
    word of the name."""
    honorifics = rules.words("posts", "title_words_before_name")
    written = [
        rest
        for alias in person.aliases
        if " " in alias
        for title, rest in [alias.split(" ", 1)]
        if title in honorifics and (person.name == rest or person.name.endswith(" " + rest))
    ]
    return max(written, key=len) if written else person.name.split()[-1]


def name_relatives(doc: Doc, index: EntityIndex, rules: Rules) -> None:
    """Give one-word relatives the family name of the person they are related to, as an alias."""
    kinship = rules.words("posts", "kinship")
    for i, key in list(index.by_token.items()):  # the tokens of mentions, not every token
        relative = index.entities[key]
        if relative.type != "person" or " " in relative.name:
            continue
        token = doc[i]
        kin = token.head
        if token.dep_ != "appos" or kin.lower_ not in kinship:
            continue
        owner = _possessor(kin, index)
        if owner is None or owner is relative or " " not in owner.name:
            continue
        full = f"{relative.name} {_family_name(owner, rules)}"
        if not any(e.name == full for e in index.entities.values()):
            relative.aliases.add(full)  # the article names no one so: the graph's name for them

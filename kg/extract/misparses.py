"""Parses the small model gets wrong in a known way, mended on the doc right after its parser.

- A participle before a titled name read as a clause of its own: in 'Visiting Japanese Prime
  Minister X met Y' the parser makes 'Visiting' the clausal subject of 'met', with X its object
  (so 'met' has no subject) or X the subject beside it. The name is the subject and the
  participle describes it. Only the `visited.visitor_modifiers` words (rules/triggers.json),
  only when the name follows the word at once, and never where the word has a subject of its
  own or the clause is set off by a comma ('Visiting Berlin, X said').

The component is `newskg_misparses`, after `parser` in `load_pipeline`; the stages after it,
`newskg_name_repair` among them, read the mended parse.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.extract.rules import Rules, load_rules

COMPONENT = "newskg_misparses"


def _described(participle: Token) -> Token | None:
    """The name a participle parsed as a clausal subject describes, if it is one: its object
    ('Visiting' + object 'X' + 'met'), or the subject of its verb when the parser gave the verb
    both ('Visiting' + 'X' + 'met', X the subject)."""
    if participle.dep_ != "csubj" or participle.tag_ != "VBG":
        return None
    verb = participle.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    objects = [c for c in participle.children if c.dep_ == "dobj"]
    names = subjects if subjects else objects
    if len(names) != 1 or any(c.dep_ in ("nsubj", "nsubjpass") for c in participle.children):
        return None
    name = names[0]
    # tags, not parts of speech: the attribute ruler that sets those runs after this
    if name.tag_ not in ("NNP", "NNPS") or name.left_edge.i != participle.i + 1:
        return None
    after = name.right_edge.i + 1
    if after < len(participle.doc) and participle.doc[after].text == ",":
        return None  # "Visiting Berlin, X said": a clause after all
    return name


def mend_parse(doc: Doc, rules: Rules) -> Doc:
    """The doc with the misparses above mended."""
    # Read the words as ids: a Token is made only where a modifier stands (few docs have one).
    modifiers = {doc.vocab.strings[w] for w in rules.triggers["visited"]["visitor_modifiers"]}
    for i, word in enumerate(doc.to_array(LOWER).tolist()):
        if word in modifiers and (name := _described(token := doc[i])) is not None:
            name.head, name.dep_ = token.head, "nsubj"
            token.head, token.dep_ = name, "amod"
    return doc


@Language.component(COMPONENT)
def misparses_component(doc: Doc) -> Doc:
    """The registered component: `mend_parse` with the shipped rules."""
    return mend_parse(doc, load_rules())

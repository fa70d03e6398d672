"""Parses the small model gets wrong in a known way, mended on the doc right after its lemmatizer.

- A participle before a titled name read as a clause of its own: in 'Visiting Japanese Prime
  Minister X met Y' the parser makes 'Visiting' the clausal subject of 'met', with X its object
  (so 'met' has no subject) or X the subject beside it. The name is the subject and the
  participle describes it. Only the `visited.visitor_modifiers` words (rules/triggers.json),
  only when the name follows the word at once, and never where the word has a subject of its
  own or the clause is set off by a comma ('Visiting Berlin, X said').
- The same participle after one of `met.with_prepositions`, read as a gerund with the name its
  object: in 'Y met with visiting Kenyan President X in Nairobi' the name is the object of
  'with' and the participle describes it; what the gerund governed ('in Nairobi') is the
  clause's. Only right after the preposition and with a proper name right after the word
  ('criticised for visiting North Korea' is a gerund: 'for' is no meeting preposition).
- The same participle right after one of `met.verbs` that has no object of its own, read as
  the verb's complement: in 'Y received visiting Kenyan President X in Nairobi' the name is the
  verb's object ('began visiting Paris' is a gerund: 'begin' is no meeting verb).

- A name after a fronted phrase read as in apposition or conjunction to the phrase's noun,
  leaving the verb without a subject: in 'On Monday, X, the party's leader, met Y' the parser
  hangs X (and the title after it) on 'Monday', in 'Following a summit in Lima, X and Y
  issued' on 'Lima'. The name is the verb's subject, and what stood in apposition or
  conjunction after it is its. Only a proper name after a comma, only where the phrase runs
  up to the verb and the verb has no subject at all.

- A title written in capitals after a name read as the head of the name's phrase: in 'Jane Hill
  MP said' the parser makes 'MP' the subject and the name its compound. The name is the head and
  the title in apposition to it, as in 'Jane Hill, MP, said' (a title head of
  rules/posts.json in capitals, or one of `person_names.postnominals`, 'Jane Hill QC', right
  after a proper noun).

- A name set off by commas after a title joined to another name, hung on that other name: in
  'accompanied by X and the local MP, Y, toured' the parser makes Y stand in apposition to X.
  Y is the MP's name. Only a proper name, right after the comma that ends the phrase of a title
  head of rules/posts.json with its article.

- A title set in apposition to the name of a body right before it: in 'X, Harbour Party MP for
  Y, said' the parser makes 'Party' stand in apposition to X and 'MP' to 'Party'. The body's
  name modifies the title, as in 'X, the Harbour Party MP for Y'. Only a title head of
  rules/posts.json right after a capitalised `membership_nouns` word ('Party', 'Alliance').

- A title after 'to' read as an infinitive: in 'X promoted Y to chancellor' the parser makes
  'chancellor' a verb, its clause the complement of 'promoted' (with Y its subject, or the
  verb's object). After a verb that gives its object a post with 'to' (`posts.json`
  `role_verbs.to`), a title head with no object of its own ('appointed Y to head the inquiry'
  is a verb) is the object of 'to', and Y the verb's object.

- A preposition's object read as the subject of an infinitive after it: in 'X sat down with
  House Speaker Y to coordinate strategy' the parser leaves 'with' without an object and makes Y
  the subject of 'to coordinate'. The noun phrase right after a preposition that has no object,
  the subject of a 'to' infinitive later on, is the preposition's object.

- A gerund with its object read as an adjective on it: in 'A and B were photographed shaking
  hands' the parser makes 'shaking' modify 'hands', the object of 'photographed'. A gerund of
  one of `met.light_verbs` right before one of its nouns, so read, is a clause on the verb with
  the noun its object (as in 'were seen shaking hands').

The component is `newskg_misparses`, after `lemmatizer` in `load_pipeline` (it reads lemmas,
never entities); the stages after it, `newskg_name_repair` among them, read the mended parse.
"""

from __future__ import annotations

from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token

from kg.extract.rules import Rules, load_rules
from kg.extract.text import positions_of

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
    if name.tag_ not in ("NNP", "NNPS") or name.left_edge.i != participle.i + 1:
        return None
    after = name.right_edge.i + 1
    if after < len(participle.doc) and participle.doc[after].text == ",":
        return None  # "Visiting Berlin, X said": a clause after all
    return name


def _object_after(participle: Token) -> Token | None:
    """The participle's one object, if it is a proper name that follows it at once."""
    objects = [c for c in participle.children if c.dep_ == "dobj"]
    if participle.tag_ != "VBG" or len(objects) != 1 or objects[0].tag_ not in ("NNP", "NNPS"):
        return None
    name = objects[0]
    return name if name.left_edge.i == participle.i + 1 else None


def _accompanied(participle: Token, prepositions: set[str]) -> Token | None:
    """The name a participle parsed as a gerund right after a meeting preposition describes:
    its object ('with' + 'visiting' + object 'X')."""
    preposition = participle.head
    if participle.dep_ != "pcomp" or preposition.lower_ not in prepositions:
        return None
    return _object_after(participle) if preposition.i == participle.i - 1 else None


def _received(participle: Token, verbs: set[str]) -> Token | None:
    """The name a participle parsed as the complement of a meeting verb right before it
    describes, when the verb has no object of its own: 'received' + 'visiting' + object 'X'."""
    verb = participle.head
    if participle.dep_ != "xcomp" or verb.lemma_ not in verbs or verb.i != participle.i - 1:
        return None
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    return _object_after(participle)


def _clause_of(token: Token) -> Token:
    """The verb whose clause `token` is in ('held' for 'with' in 'held talks with'), or its head
    if no verb governs it."""
    return next((a for a in token.ancestors if a.tag_.startswith("VB")), token.head)


def _describe(participle: Token, name: Token, head: Token, dep: str) -> None:
    """Make `name` the `dep` of `head` and the participle its modifier; what the participle
    governed besides ('in Nairobi') goes to the clause."""
    for adjunct in [c for c in participle.children if c is not name]:
        adjunct.head = _clause_of(head) if dep == "pobj" else head
    name.head, name.dep_ = head, dep
    participle.head, participle.dep_ = name, "amod"


SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")


def _fronted_subject(name: Token) -> Token | None:
    """The verb a name the parser hung on a fronted phrase's noun is the missing subject of:
    'On Monday, X, ... met' (X an appos of 'Monday'), 'Following a summit in Lima, X and Y
    issued' (X a conj of 'Lima'). The name follows a comma, the phrase runs up to the verb, and
    the verb has no subject."""
    doc, noun = name.doc, name.head
    if name.dep_ not in ("appos", "conj") or name.tag_ not in ("NNP", "NNPS"):
        return None
    first = name.left_edge.i
    if noun.dep_ != "pobj" or first == 0 or doc[first - 1].text != ",":
        return None
    phrase = noun.head  # the fronted phrase: a preposition on a verb after the name
    while not (phrase.dep_ == "prep" and phrase.head.pos_ in ("VERB", "AUX")):
        if phrase.head.i == phrase.i:
            return None
        phrase = phrase.head
    verb, after = phrase.head, phrase.right_edge.i + 1
    if verb.i < name.i or phrase.i > name.i:
        return None
    if after != verb.i and not (doc[after].text == "," and after + 1 == verb.i):
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    return verb


def _make_subject(name: Token, verb: Token) -> None:
    """Make `name` the subject of `verb`; what stood in apposition or conjunction after it on
    the same noun is its."""
    noun = name.head
    for other in [c for c in noun.children if c.dep_ in ("appos", "conj") and c.i > name.i]:
        other.head = name
    name.head, name.dep_ = verb, "nsubj"


def _set_off_after_a_title(name: Token, heads: frozenset[str]) -> bool:
    """Whether a name the parser joined to a title as a conjunct stands in apposition to it: 'the
    Chancellor, Kenji Mori, and ...' (the title with its article, the name set off by commas)."""
    title, doc = name.head, name.doc
    if name.dep_ != "conj" or name.tag_ not in ("NNP", "NNPS") or title.lower_ not in heads:
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in title.children):
        return False
    first = name.left_edge.i
    if first != title.i + 2 or doc[title.i + 1].text != ",":
        return False
    return name.i + 1 < len(doc) and doc[name.i + 1].text == ","


def _make_apposition(name: Token) -> None:
    """Make `name` stand in apposition to the title it was joined to; what was joined after it
    is joined to the title."""
    title = name.head
    for other in [c for c in name.children if c.dep_ in ("conj", "cc") and c.i > name.i]:
        other.head = title
    name.dep_ = "appos"


def _set_off_after_a_joined_title(name: Token, heads: frozenset[str]) -> Token | None:
    """The title a name set off by commas right after it stands for, where the parser hung the
    name on the first of the names the title is joined to: 'X and the local MP, Y,' (Y is the
    MP, not X's apposition)."""
    if name.dep_ != "appos" or name.tag_ not in ("NNP", "NNPS"):
        return None
    comma = name.left_edge.i - 1
    title = next(
        (c for c in name.head.children if c.dep_ == "conj" and c.right_edge.i == comma - 1), None
    )
    if title is None or name.doc[comma].text != "," or title.lower_ not in heads:
        return None
    return title if any(c.dep_ == "det" for c in title.children) else None


def _title_after_a_body(title: Token, heads: frozenset[str], bodies: frozenset[str]) -> bool:
    """Whether a title was set in apposition to the name of a body right before it, itself in
    apposition: 'X, Harbour Party MP for Y, said' (see the module's docstring)."""
    body = title.head
    return (
        title.dep_ == "appos"
        and title.lower_ in heads
        and body.i == title.i - 1
        and body.dep_ == "appos"
        and body.is_title
        and body.lower_ in bodies
    )


def _make_modifier(title: Token) -> None:
    """Make the body's name before the title a modifier of it, the title in its place."""
    body = title.head
    title.head, title.dep_ = body.head, body.dep_
    body.head, body.dep_ = title, "compound"


def _title_read_as_a_verb(to: Token, heads: frozenset[str], verbs: frozenset[str]) -> bool:
    """Whether 'to' and the title after it were read as an infinitive under a verb that gives a
    post with 'to': 'promoted Y to chancellor' (see the module's docstring)."""
    title = to.head
    if to.dep_ != "aux" or title.i != to.i + 1 or title.dep_ not in ("xcomp", "ccomp"):
        return False
    if title.lower_ not in heads or any(c.dep_ == "dobj" for c in title.children):
        return False
    return title.head.lemma_.lower() in verbs


def _make_the_post(to: Token) -> None:
    """Make the title after 'to' the object of 'to', a preposition on the verb; the title's
    subject becomes the verb's object."""
    title = to.head
    verb = title.head
    for subject in [c for c in title.children if c.dep_ == "nsubj"]:
        subject.head, subject.dep_ = verb, "dobj"
    to.head, to.dep_, to.tag_, to.pos_ = verb, "prep", "IN", "ADP"
    title.head, title.dep_, title.tag_, title.pos_ = to, "pobj", "NN", "NOUN"


def _prepositions_without_objects(doc: Doc) -> list[int]:
    """The positions of the prepositions that have no object, read from the doc's arrays (a
    Token is made only for those, a few a doc)."""
    strings = doc.vocab.strings
    prep, objects = strings["prep"], {strings["pobj"], strings["pcomp"]}
    deps = doc.to_array(DEP).tolist()
    offsets = doc.to_array(HEAD).astype("int64").tolist()  # from each token to its head
    taken = {i + offsets[i] for i, dep in enumerate(deps) if dep in objects}
    return [i for i, dep in enumerate(deps) if dep == prep and i not in taken]


def _object_read_as_a_subject(prep: Token) -> Token | None:
    """The noun right after a preposition without an object that the parser made the subject of
    an infinitive after it: 'with House Speaker Y to coordinate' (see the module's docstring)."""
    if prep.dep_ != "prep" or any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
        return None
    if prep.i + 1 >= len(prep.doc):
        return None
    noun = prep.doc[prep.i + 1]
    while noun.head.i != noun.i and noun.head.left_edge.i == prep.i + 1 and noun.dep_ != "nsubj":
        noun = noun.head
    verb = noun.head
    if noun.dep_ != "nsubj" or noun.left_edge.i != prep.i + 1 or verb.i < noun.i:
        return None
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    return noun if infinitive else None


def _gerund_read_as_adjective(gerund: Token, light: dict[str, list[str]]) -> bool:
    """Whether a gerund of a light verb was read as an adjective on its own object, the object
    of the verb before: 'photographed shaking hands' (see the module's docstring)."""
    noun = gerund.head
    return (
        gerund.tag_ == "VBG"
        and gerund.dep_ == "amod"
        and noun.i == gerund.i + 1
        and noun.dep_ == "dobj"
        and noun.lower_ in light.get(gerund.lemma_.lower(), ())
    )


def _make_clause(gerund: Token) -> None:
    """Make the gerund a clause on the verb its object hung on, with that noun its object."""
    noun = gerund.head
    verb = noun.head
    for child in [c for c in noun.children if c.dep_ == "prep"]:
        child.head = gerund  # "holding talks in Lima": the clause's place
    gerund.head, gerund.dep_, gerund.pos_ = verb, "xcomp", "VERB"
    noun.head = gerund


def _title_after_name(title: Token) -> Token | None:
    """The name a title in capitals (or the letters of an honour) right after it heads by
    mistake: 'Hill' in 'Jane Hill MP', 'Jane Hill QC' (a name of two words or more; not 'Labour
    MP Jane Hill', where the title comes before the name, nor 'a Labour MP', a title with its
    article)."""
    if title.i < 2 or title.dep_ == "compound":
        return None
    if any(c.dep_ == "det" for c in title.children):
        return None
    name, first = title.doc[title.i - 1], title.doc[title.i - 2]
    if name.tag_ != "NNP" or name.dep_ != "compound" or name.head.i != title.i:
        return None
    return name if first.tag_ == "NNP" and first.dep_ == "compound" else None


def _put_title_after(name: Token, title: Token) -> None:
    """Make `name` the head of its phrase and the title in apposition to it."""
    for word in [c for c in title.children if c.i < name.i]:
        word.head = name  # "Jane" of "Jane Hill MP"
    name.head, name.dep_ = (title.head, title.dep_) if title.head.i != title.i else (name, "ROOT")
    title.head, title.dep_ = name, "appos"


_WRITTEN: dict[int, tuple[Rules, frozenset[int]]] = {}


def _written_after_names(rules: Rules) -> frozenset[int]:
    """The ids of the words `_title_after_name` reads, made once per rules object: the title
    heads in capitals ('MP', 'MEP') and the letters of honours ('QC')."""
    cached = _WRITTEN.get(id(rules))
    if cached is None or cached[0] is not rules:
        words = [w.upper() for w in rules.posts["heads"]] + rules.person_names["postnominals"]
        cached = _WRITTEN[id(rules)] = (rules, frozenset(hash_string(w) for w in words))
    return cached[1]


def mend_parse(doc: Doc, rules: Rules) -> Doc:
    """The doc with the misparses above mended."""
    written = _written_after_names(rules)
    for i in [i for i, w in enumerate(doc.to_array(ORTH).tolist()) if w in written]:
        if (name := _title_after_name(doc[i])) is not None:
            _put_title_after(name, doc[i])
    linked = {doc.vocab.strings["appos"], doc.vocab.strings["conj"]}
    heads = rules.words("posts", "heads")
    bodies = rules.words("posts", "membership_nouns")
    for i in [i for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep in linked]:
        if (verb := _fronted_subject(doc[i])) is not None:
            _make_subject(doc[i], verb)
        elif _set_off_after_a_title(doc[i], heads):
            _make_apposition(doc[i])
        elif _title_after_a_body(doc[i], heads, bodies):
            _make_modifier(doc[i])
        elif (title := _set_off_after_a_joined_title(doc[i], heads)) is not None:
            doc[i].head = title
    for i in _prepositions_without_objects(doc):
        if (noun := _object_read_as_a_subject(doc[i])) is not None:
            noun.head, noun.dep_ = doc[i], "pobj"
    promoting = frozenset(rules.posts["role_verbs"]["to"])
    for i in positions_of(doc, ["to"], LOWER):
        if _title_read_as_a_verb(doc[i], heads, promoting):
            _make_the_post(doc[i])
    light = rules.triggers["met"]["light_verbs"]
    for i in positions_of(doc, light, LEMMA):
        if _gerund_read_as_adjective(doc[i], light):
            _make_clause(doc[i])
    # Read the words as ids: a Token is made only where a modifier stands (few docs have one).
    modifiers = {doc.vocab.strings[w] for w in rules.triggers["visited"]["visitor_modifiers"]}
    prepositions = set(rules.triggers["met"]["with_prepositions"])
    verbs = set(rules.triggers["met"]["verbs"])
    for i, word in enumerate(doc.to_array(LOWER).tolist()):
        if word not in modifiers:
            continue
        token = doc[i]
        if (name := _described(token)) is not None:
            _describe(token, name, token.head, "nsubj")
        elif (name := _accompanied(token, prepositions)) is not None:
            _describe(token, name, token.head, "pobj")
        elif (name := _received(token, verbs)) is not None:
            _describe(token, name, token.head, "dobj")
    return doc


@Language.component(COMPONENT)
def misparses_component(doc: Doc) -> Doc:
    """The registered component: `mend_parse` with the shipped rules."""
    return mend_parse(doc, load_rules())

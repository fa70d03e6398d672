"""CoNLL04's birthplaces: "City, State" given as where someone was born is one place.

CoNLL04 writes a birthplace given as "City, State" as one place ("born in Fort Scott, Kan.",
"Born July 14, 1913, in Omaha, Neb.", "a native of Shanghai, China": 61 of the 62 such places in
its training split), without the sentence's full stop ("Tupelo, Miss" in "... born in Tupelo,
Miss."); elsewhere ("based in Troy, Mich.": 161 of 184) the city and the state are two places.
The words that make a place a birthplace are data (`data/conll04.json`). The component runs
after the CoNLL04 name recogniser only (`kg.evaluation.names.use_names`): news extraction never
adds it, and keeps its places apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

CONLL04_PATH = Path(__file__).parent / "data" / "conll04.json"
PLACE_LABELS = ("GPE", "LOC", "FAC")
COMPONENT = "newskg_names_birthplaces"


@dataclass(frozen=True)
class Birthplaces:
    """What makes a place a birthplace: the words right before it ("native of"), or a word
    it hangs from in the parse ("born")."""

    cues: frozenset[tuple[str, ...]]
    words: frozenset[str]
    reach: int

    def named_at(self, place: Span) -> bool:
        """Whether the text gives `place` as someone's birthplace."""
        doc = place.doc
        for cue in self.cues:
            words = doc[max(place.start - len(cue), 0) : place.start]
            if tuple(t.lower_ for t in words) == cue:
                return True
        return any(t.lower_ in self.words for t in list(place.root.ancestors)[: self.reach])


@cache
def birthplaces(path: Path = CONLL04_PATH) -> Birthplaces:
    """The birthplace words of `data/conll04.json`."""
    data = json.loads(path.read_text(encoding="utf-8"))["birthplaces"]
    return Birthplaces(
        frozenset(tuple(cue.lower().split()) for cue in data["cues"]),
        frozenset(w.lower() for w in data["words"]),
        int(data["reach"]),
    )


def _full_stop(token: Token) -> bool:
    """A sentence's last token that carries the full stop ("Miss." ending the sentence)."""
    return bool(token.is_sent_end) and len(token.text) > 1 and token.text.endswith(".")


@Language.component(COMPONENT)
def join_birthplaces(doc: Doc) -> Doc:
    """Make a birthplace written "City, State" one place, without the sentence's full stop."""
    known = birthplaces()
    ents = list(doc.ents)
    kept: list[tuple[int, int, Span]] = []  # character span, and the entity it comes from
    stops: list[Token] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        after = ents[i + 1] if i + 1 < len(ents) else None
        if ent.label_ not in PLACE_LABELS or not known.named_at(ent):
            kept.append((ent.start_char, ent.end_char, ent))
            i += 1
            continue
        end = ent
        if (
            after is not None
            and after.label_ in PLACE_LABELS
            and after.start == ent.end + 1
            and doc[ent.end].text == ","
        ):
            end, i = after, i + 1
        last = doc[end.end - 1]
        stop = _full_stop(last) and any(t.text == "," for t in doc[ent.start : end.end])
        if stop:
            stops.append(last)
        kept.append((ent.start_char, end.end_char - (1 if stop else 0), ent))
        i += 1
    if not stops and len(kept) == len(ents):
        return doc
    with doc.retokenize() as retokenizer:
        for token in stops:
            head = (token, 0) if token.head is token else token.head
            retokenizer.split(
                token,
                [token.text[:-1], "."],
                heads=[head, (token, 0)],
                attrs={
                    "POS": [token.pos_, "PUNCT"],
                    "TAG": [token.tag_, "."],
                    "DEP": [token.dep_, "punct"],
                    "LEMMA": [token.lemma_.removesuffix(".") or token.lemma_, "."],
                },
            )
    spans = []
    for start, end_char, ent in kept:
        span = doc.char_span(start, end_char, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)
        if span is not None:
            spans.append(span)
    doc.ents = spans
    return doc

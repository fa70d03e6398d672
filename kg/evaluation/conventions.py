"""CoNLL04's conventions, set from outside extraction: the pipeline and rules its adapter uses.

Extraction itself knows nothing of CoNLL04. `kg eval --conll04`, `train_affiliations` and
`crossval_affiliations` read CoNLL04 with the pipeline of `conll04_pipeline` (the NER fine-tuned
on CoNLL04 train, then `birthplaces`) and extract with the rules of `conll04_rules`: acronyms kept
apart from the organisation they spell, and the affiliation sources and extra patterns of
`data/conll04.json`. The news path never sets these.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language

from kg.errors import EvalError
from kg.evaluation.birthplaces import CONLL04_PATH
from kg.evaluation.names import NAMES_PATH, use_names
from kg.extract.affiliations import AffiliationRules, load_affiliation_rules, parse_pattern
from kg.extract.pairs import SIGNATURES
from kg.extract.pipeline import load_pipeline
from kg.extract.rules import Rules, load_rules


def _read(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def conll04_affiliation_rules(path: Path = CONLL04_PATH) -> AffiliationRules:
    """The news affiliation rules with CoNLL04's sources per predicate and its extra patterns."""
    news = load_affiliation_rules()
    data = _read(path)["affiliations"]
    sources = {p: tuple(s) for p, s in data["sources"].items()}
    unknown = sorted(set(sources) - set(SIGNATURES))
    if unknown:
        raise EvalError(
            f"'{path}' gives affiliation sources for {', '.join(unknown)}; "
            f"use the predicates {', '.join(SIGNATURES)}."
        )
    extra = tuple(parse_pattern(spec, news.words) for spec in data.get("patterns", ()))
    return replace(news, sources=sources, patterns=news.patterns + extra)


def conll04_rules(rules: Rules | None = None, path: Path = CONLL04_PATH) -> Rules:
    """`rules` (default: the shipped ones) as CoNLL04 wants them applied."""
    return replace(
        rules or load_rules(),
        join_acronyms=bool(_read(path)["join_acronyms"]),
        affiliations=conll04_affiliation_rules(path),
    )


def conll04_pipeline(model: str, names: Path = NAMES_PATH) -> Language:
    """The pipeline `model` as extraction loads it, reading names as CoNLL04 annotates them."""
    return use_names(load_pipeline(model), names)

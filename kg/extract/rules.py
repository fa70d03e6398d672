"""Extraction rules as data: the JSON files in `rules/`, loaded once into one frozen value."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.extract.affiliations import AffiliationRules

RULES_DIR = Path(__file__).parent / "rules"


@dataclass(frozen=True)
class Rules:
    """Everything the extractor knows that is not code: triggers, titles, parties, speech verbs."""

    parties: dict[str, tuple[str, ...]]
    demonyms: dict[str, str]
    places: dict[str, str]
    posts: dict[str, Any]
    triggers: dict[str, Any]
    factuality: dict[str, Any]
    captions: dict[str, Any]
    quotes: dict[str, Any]
    pronouns: dict[str, Any]
    join_acronyms: bool = True
    """An acronym is the organisation it spells ("CBI"); off for a corpus that annotates the two
    apart."""
    affiliations: AffiliationRules | None = None
    """The affiliation patterns and sources; None: those of `rules/affiliations.json`."""

    @property
    def party_alias_to_name(self) -> dict[str, str]:
        """Every surface form of a party -> its canonical name."""
        return {alias: name for name, aliases in self.parties.items() for alias in (name, *aliases)}


def _read(rules_dir: Path, name: str) -> dict[str, Any]:
    path = rules_dir / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("_comment", None)
    return data


@cache
def load_rules(rules_dir: Path = RULES_DIR) -> Rules:
    """Read the rule files from `rules_dir` (default: the ones shipped with newskg)."""
    return Rules(
        parties={name: tuple(aliases) for name, aliases in _read(rules_dir, "parties").items()},
        demonyms=_read(rules_dir, "demonyms"),
        places=_read(rules_dir, "places"),
        posts=_read(rules_dir, "posts"),
        triggers=_read(rules_dir, "triggers"),
        factuality=_read(rules_dir, "factuality"),
        captions=_read(rules_dir, "captions"),
        quotes=_read(rules_dir, "quotes"),
        pronouns=_read(rules_dir, "pronouns"),
    )

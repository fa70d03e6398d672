"""Extraction rules as data: the JSON files in `rules/`, loaded once into one frozen value."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.extract.affiliations import AffiliationRules

from kg.errors import RulesError

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
    party_mentions: dict[str, Any]
    person_names: dict[str, Any]
    join_acronyms: bool = True
    """An acronym is the organisation it spells ("CBI"); off for a corpus that annotates the two
    apart."""
    affiliations: AffiliationRules | None = None
    """The affiliation patterns and sources; None: those of `rules/affiliations.json`."""
    _word_sets: dict[tuple[str, ...], frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def words(self, section: str, *keys: str, lower: bool = False) -> frozenset[str]:
        """The words of the lists `keys` of one rule file's section ('posts': `self.posts`) as
        one set, lowered if `lower`; made once per Rules, as stages test every name against
        them."""
        cache_key = (section, *keys, "lower" if lower else "")
        found = self._word_sets.get(cache_key)
        if found is None:
            data = getattr(self, section)
            words = (word for key in keys for word in data[key])
            found = frozenset(w.lower() for w in words) if lower else frozenset(words)
            self._word_sets[cache_key] = found
        return found

    @cached_property
    def party_alias_to_name(self) -> dict[str, str]:
        """Every surface form of a party -> its canonical name (made once per Rules: stages
        read it for every article)."""
        return {alias: name for name, aliases in self.parties.items() for alias in (name, *aliases)}

    @cached_property
    def role_verb_words(self) -> frozenset[str]:
        """Every verb of `posts.role_verbs`, whatever post it gives (read for every name)."""
        return frozenset(word for words in self.posts["role_verbs"].values() for word in words)

    @cached_property
    def abbreviated_titles(self) -> frozenset[str]:
        """Title heads written short, singular and plural, as they stand before a name: 'Sen.',
        'Sens.' (for the tokenizer, which splits 'Sens' + '.', and the sentence splitter)."""
        singular = [w.capitalize() for w in self.posts["heads"] if w.endswith(".")]
        return frozenset([*singular, *(w[:-1] + "s." for w in singular)])

    @cached_property
    def whole_words(self) -> frozenset[str]:
        """Words the tokenizer keeps whole where it would split them at the hyphen:
        `posts.whole_words` ('re-elected') and the hyphenated `party_member_nouns`, which the
        rules compare one token against ('Labour left-winger X'), singular and plural."""
        nouns = [w for w in self.posts["party_member_nouns"] if "-" in w]
        forms = [form for w in nouns for form in (w, f"{w}s")]
        capitalised = [form[0].upper() + form[1:] for form in forms]
        return frozenset([*self.posts["whole_words"], *forms, *capitalised])


JSON_TYPES: dict[str, type | tuple[type, ...]] = {
    "list": list,
    "object": dict,
    "string": str,
    "number": (int, float),
    "boolean": bool,
}


def _check(name: str, data: dict[str, Any], keys: dict[str, str]) -> None:
    """Raise a RulesError unless `data` has exactly the keys `keys` (schema.json) gives it, each
    of its type: a renamed key stops loading, never a KeyError mid-extraction."""
    fixed = {k: t for k, t in keys.items() if k != "*"}
    problems = [f"it has no key '{k}'" for k in fixed if k not in data]
    if "*" not in keys:
        problems += [f"'{k}' is not a key it may have" for k in data if k not in fixed]
    for key, value in data.items():
        expected = keys.get(key, keys.get("*"))
        if expected is not None and not isinstance(value, JSON_TYPES[expected]):
            problems.append(f"'{key}' is a {type(value).__name__}, not a JSON {expected}")
    if problems:
        raise RulesError(
            f"Rule file rules/{name}.json does not fit rules/schema.json: {'; '.join(problems)}. "
            f"Fix the file, or the schema if the key was renamed on purpose."
        )


def _read(rules_dir: Path, name: str, schema: dict[str, dict[str, str]] | None = None) -> Any:
    path = rules_dir / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise RulesError(f"Rule file '{path}' is not readable JSON: {exc}") from exc
    data = {k: v for k, v in data.items() if not k.startswith("_")}  # "_comment": prose
    if schema is not None:
        _check(name, data, schema[name])
    return data


def read_rule_file(name: str, rules_dir: Path = RULES_DIR) -> dict[str, Any]:
    """One rule file of `rules_dir` (without its '_' comment keys), checked against schema.json:
    for the files that stages compile themselves (`affiliations`, `us_states`)."""
    return _read(rules_dir, name, _read(rules_dir, "schema"))


@cache
def load_rules(rules_dir: Path = RULES_DIR) -> Rules:
    """Read the rule files from `rules_dir` (default: the ones shipped with newskg), each checked
    against `schema.json`."""
    schema = _read(rules_dir, "schema")

    def read(name: str) -> Any:
        return _read(rules_dir, name, schema)

    parties = read("parties")
    return Rules(
        parties={name: tuple(aliases) for name, aliases in parties.items()},
        demonyms=read("demonyms"),
        places=read("places"),
        posts=read("posts"),
        triggers=read("triggers"),
        factuality=read("factuality"),
        captions=read("captions"),
        quotes=read("quotes"),
        pronouns=read("pronouns"),
        party_mentions=read("party_mentions"),
        person_names=read("person_names"),
    )

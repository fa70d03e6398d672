"""Rule files are checked against rules/schema.json when loaded: a renamed key is a clear error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import spacy

from kg.errors import RulesError
from kg.extract.affiliations import load_affiliation_rules
from kg.extract.rules import RULES_DIR, load_rules
from kg.extract.verb_relations import load_verb_relations, verb_matchers


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(RULES_DIR, folder)
    return folder


def _edit(folder: Path, name: str, change) -> None:
    path = folder / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_rules_shipped_files_fit_the_schema() -> None:
    rules = load_rules(RULES_DIR)
    assert "minister" in rules.posts["heads"]
    assert rules.party_alias_to_name["Tories"] == "Conservatives"


def test_rules_renamed_key_names_file_and_key(rules_copy: Path) -> None:
    _edit(rules_copy, "posts", lambda d: d.update(headz=d.pop("heads")))
    with pytest.raises(RulesError) as caught:
        load_rules(rules_copy)
    message = str(caught.value)
    assert "rules/posts.json" in message
    assert "no key 'heads'" in message
    assert "'headz' is not a key it may have" in message


def test_rules_wrong_type_is_named(rules_copy: Path) -> None:
    _edit(rules_copy, "triggers", lambda d: d.update(departure_verbs="leave"))
    with pytest.raises(RulesError, match="'departure_verbs' is a str, not a JSON list"):
        load_rules(rules_copy)


def test_rules_free_keys_are_typed(rules_copy: Path) -> None:
    _edit(rules_copy, "parties", lambda d: d.update(Whigs="Whig"))
    with pytest.raises(RulesError, match="rules/parties.json.*'Whigs' is a str, not a JSON list"):
        load_rules(rules_copy)


def test_rules_unreadable_json_is_named(rules_copy: Path) -> None:
    (rules_copy / "quotes.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(RulesError, match="quotes.json' is not readable JSON"):
        load_rules(rules_copy)


def test_rules_affiliation_patterns_file_is_checked_too(rules_copy: Path) -> None:
    _edit(rules_copy, "affiliations", lambda d: d.update(pattern=d.pop("patterns")))
    with pytest.raises(RulesError, match="rules/affiliations.json.*no key 'patterns'"):
        load_affiliation_rules(rules_copy)


def test_rules_verb_relations_unknown_class_is_named(rules_copy: Path) -> None:
    def rename(data: dict) -> None:
        data["classes"]["joiners"] = data["classes"].pop("joining_verbs")

    _edit(rules_copy, "verb_relations", rename)
    with pytest.raises(RulesError, match=r"rules\[\d+\] uses the class '\$joining_verbs'"):
        load_verb_relations(rules_copy)


def test_rules_verb_relations_need_verb_and_object_nodes(rules_copy: Path) -> None:
    def rename(data: dict) -> None:
        data["rules"][0]["pattern"][1]["RIGHT_ID"] = "org"

    _edit(rules_copy, "verb_relations", rename)
    with pytest.raises(RulesError, match="must name the nodes 'verb' and 'object'"):
        load_verb_relations(rules_copy)


def test_rules_verb_relations_bad_pattern_is_refused(rules_copy: Path) -> None:
    def misspell(data: dict) -> None:
        data["rules"][0]["pattern"][1]["REL_OPP"] = data["rules"][0]["pattern"][1].pop("REL_OP")

    _edit(rules_copy, "verb_relations", misspell)
    rules = load_verb_relations(rules_copy)
    with pytest.raises(RulesError, match=r"rules\[0\] is not a DependencyMatcher pattern"):
        verb_matchers(spacy.blank("en").vocab, rules)


def test_rules_verb_relations_attribute_the_sentences_lack_is_refused(rules_copy: Path) -> None:
    def by_entity(data: dict) -> None:
        data["rules"][0]["pattern"][1]["RIGHT_ATTRS"]["ENT_TYPE"] = "ORG"

    _edit(rules_copy, "verb_relations", by_entity)
    with pytest.raises(RulesError, match=r"rules\[0\] tests ENT_TYPE, which the sentences"):
        load_verb_relations(rules_copy)


def test_rules_verb_relations_predicate_is_checked(rules_copy: Path) -> None:
    _edit(rules_copy, "verb_relations", lambda d: d["rules"][0].update(predicate="memberof"))
    with pytest.raises(RulesError, match=r"rules\[0\] states 'memberof'"):
        load_verb_relations(rules_copy)

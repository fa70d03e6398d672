"""Named splits of a gold folder (`splits.json`): which gold files are worked on, which checked.

A splits file maps a split's name to the stems of its gold files (`{"work": ["002", ...],
"check": ["008", ...]}`; keys whose value is not a list, such as a note, are not splits). Errors
are read on the work split only: on the check split only aggregate scores are read, so that its
figures stay a fair measure of what was developed on the other.
"""

from __future__ import annotations

import json
from pathlib import Path

from kg.errors import EvalError
from kg.evaluation.gold import RELATIONS, GoldArticle
from kg.evaluation.scores import Score

SPLITS_FILE = "splits.json"
CHECK = "check"
Splits = dict[str, frozenset[str]]
"""Split name -> the stems of its gold files."""


def default_splits_path(gold_dir: Path) -> Path:
    """Where a gold folder's splits file is by default: next to the folder."""
    return gold_dir.parent / SPLITS_FILE


def read_splits(path: Path) -> Splits:
    """The named splits of a splits file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvalError(
            f"No splits file at '{path}'. Pass the splits file's path with --splits FILE, or "
            f"leave out --split to score every gold file."
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"Splits file '{path}' is not readable JSON: {exc}") from exc
    splits = (
        {
            name: frozenset(stems)
            for name, stems in data.items()
            if isinstance(stems, list) and all(isinstance(s, str) for s in stems)
        }
        if isinstance(data, dict)
        else {}
    )
    if not splits:
        raise EvalError(
            f"Splits file '{path}' names no split; write it as "
            f'{{"work": ["002", ...], "check": ["008", ...]}} (gold file stems).'
        )
    return splits


def in_split(golds: list[GoldArticle], splits: Splits, name: str, path: Path) -> list[GoldArticle]:
    """The gold articles of split `name` (`path`: the splits file, for the messages)."""
    if name not in splits:
        raise EvalError(
            f"No split '{name}' in '{path}'; it has: {', '.join(sorted(splits))}. "
            f"Pass one of these to --split."
        )
    known = {g.path.stem for g in golds}
    missing = sorted(splits[name] - known)
    if missing:
        folder = golds[0].path.parent if golds else "the gold folder"
        raise EvalError(
            f"Split '{name}' in '{path}' lists {', '.join(missing)}, with no gold file in "
            f"'{folder}'. Fix the splits file or pass the gold folder it describes."
        )
    return [g for g in golds if g.path.stem in splits[name]]


def select(golds: list[GoldArticle], path: Path, names: list[str]) -> dict[str, list[GoldArticle]]:
    """The gold articles of each split in `names`, as the splits file at `path` lists them."""
    splits = read_splits(path)
    return {name: in_split(golds, splits, name, path) for name in names}


def refuse_errors_on_check(names: list[str]) -> None:
    """Refuse to list errors when any of the splits `names` is the check split."""
    if CHECK in names:
        raise EvalError(
            f"kg eval lists errors (--errors) on the work split only; on the '{CHECK}' split "
            f"only aggregate scores are read. Leave out --errors, or use --split work."
        )


def _cell(score: Score) -> str:
    return f"{score.precision:.2f} / {score.recall:.2f} / {score.f1:.2f}"


def compare_markdown(scores: dict[str, dict[str, Score]], sizes: dict[str, int]) -> str:
    """A Markdown table of two splits side by side: P / R / F1 of each, and the F1 gap."""
    if len(scores) != 2:
        raise EvalError(
            f"Comparing splits takes two of them, like 'work,check'; got {len(scores)}: "
            f"{', '.join(scores)}."
        )
    first, second = scores
    rows = [
        [
            "relation",
            f"{first} ({sizes[first]}) P / R / F1",
            f"{second} ({sizes[second]}) P / R / F1",
            f"gap ({first} F1 − {second} F1)",
        ],
        ["---", "---:", "---:", "---:"],
    ]
    for relation in RELATIONS:
        a, b = scores[first][relation], scores[second][relation]
        rows.append([relation, _cell(a), _cell(b), f"{a.f1 - b.f1:+.2f}"])
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)

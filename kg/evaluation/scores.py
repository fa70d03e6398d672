"""Precision, recall and F1: the counts of one relation, the tables that print them, and the
JSON Lines reader the held-out datasets share."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import EvalError

Pair = tuple[str, str]


@dataclass
class Score:
    """Counts for one relation, and the pairs behind the errors."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[tuple[str, Pair, str]] = field(default_factory=list)
    false_negatives: list[tuple[str, Pair]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when the gold has nothing."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def as_dict(self) -> dict[str, float | int]:
        """The figures as JSON-ready values."""
        p, r, f1 = self.precision, self.recall, self.f1
        return {"precision": p, "recall": r, "f1": f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def report(scores: dict[str, Score], errors: bool = False) -> str:
    """A plain-text table of precision / recall / F1 per relation, then the errors if asked."""
    lines = [f"{'relation':<16}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for relation, s in scores.items():
        lines.append(
            f"{relation:<16}{s.precision:>7.2f}{s.recall:>7.2f}{s.f1:>7.2f}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
        )
    if errors:
        for relation, s in scores.items():
            for name, pair, sent in s.false_positives:
                lines.append(f"FP {relation} {name}: {pair[0]} — {pair[1]} | {sent}")
            for name, pair in s.false_negatives:
                lines.append(f"FN {relation} {name}: {pair[0]} — {pair[1]}")
    return "\n".join(lines)


def markdown(scores: dict[str, Score]) -> str:
    """A Markdown table of precision / recall / F1 per relation."""
    rows = [["relation", "P", "R", "F1", "TP", "FP", "FN"], ["---", *["---:"] * 6]]
    for relation, s in scores.items():
        rows.append([relation, *(f"{v:.2f}" for v in (s.precision, s.recall, s.f1))])
        rows[-1] += [str(s.tp), str(s.fp), str(s.fn)]
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def json_lines(path: Path, what: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The JSON objects of a JSON Lines file with their line numbers; `what` names the file in
    the one-line error a line that is not a JSON object gives."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{what} '{path}' is not readable: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{what} '{path}', line {number}: not JSON ({exc}).") from exc
        if not isinstance(record, dict):
            raise EvalError(f"{what} '{path}', line {number}: not a JSON object.")
        yield number, record

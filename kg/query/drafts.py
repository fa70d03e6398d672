"""Facts about a person gathered from the rows of a query, which give one row per label the
person has and per sentence stating the fact (people.py, visits.py)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from kg.query.actors import Actor, actor_of
from kg.query.evidence import Citation, cite
from kg.store.query_result import Value

Row = dict[str, Value]
Key = TypeVar("Key", bound=Hashable)


@dataclass
class PersonDraft:
    """One fact while its rows are read: the first row, the person's labels, the sentences."""

    row: Row
    labels: set[str] = field(default_factory=set)
    evidence: list[Citation] = field(default_factory=list)

    def add(self, row: Row) -> None:
        self.labels.add(str(row["personLabel"]))
        cite(self.evidence, row)

    def person(self) -> Actor:
        """The row's ?person (of ?personType) under its least label: an IRI two articles label
        differently ("Ben-Gvir", "Ben Gvir") is one actor with one name."""
        return actor_of(self.row["person"], min(self.labels), self.row["personType"])


def gather(rows: Iterable[Row], key: Callable[[Row], Key]) -> dict[Key, PersonDraft]:
    """The rows gathered into one draft per `key(row)`, in the order of their first rows."""
    drafts: dict[Key, PersonDraft] = {}
    for row in rows:
        drafts.setdefault(key(row), PersonDraft(row)).add(row)
    return drafts

"""Photo captions, credits and contributor lines: recognised in the raw text before parsing.

A caption never yields a meeting. Its credit names a person (the photographer) and their agency;
"X contributed to this report" names a contributor. The caption's description may confirm the date
or place of a meeting the article body states (see `relations.enrich_from_captions`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.rules import Rules


@dataclass(frozen=True)
class Credit:
    """A person credited on the article, with their agency when the credit gives one."""

    name: str
    agency: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Captions:
    """Where captions and credit lines are in the text, and who they credit."""

    spans: tuple[tuple[int, int], ...]
    descriptions: tuple[tuple[int, int], ...]
    credits: tuple[Credit, ...]

    def covers(self, start: int, end: int) -> bool:
        """True if the character range [start, end) overlaps a caption or credit line."""
        return any(start < s_end and s_start < end for s_start, s_end in self.spans)


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        stripped = match.group().strip()
        if stripped:
            offset = match.group().index(stripped)
            yield start + offset, start + offset + len(stripped)


def person_name(raw: str) -> str:
    """A credited name as a person's name: 'RONALDO SCHEMIDT' -> 'Ronaldo Schemidt'."""
    name = " ".join(raw.split()).strip(" .,;")
    return name.title() if name.isupper() else name


def _split_names(raw: str) -> list[str]:
    return [part for part in re.split(r",\s*|\s+and\s+", raw) if part.strip()]


def find_captions(text: str, rules: Rules) -> Captions:
    """Find caption paragraphs, credit lines and contributor lines in `text`."""
    starts = tuple(rules.captions["caption_starts"])
    markers = rules.captions["credit_markers"]
    contributor = [re.compile(p) for p in rules.captions["contributor_patterns"]]
    spans: list[tuple[int, int]] = []
    descriptions: list[tuple[int, int]] = []
    credits: list[Credit] = []
    for start, end in _paragraphs(text):
        para = text[start:end]
        marker = next((m for m in markers if m in para), None)
        if para.startswith(starts) or marker:
            spans.append((start, end))
            lead = next((s for s in starts if para.startswith(s)), "")
            desc_end = para.index(marker) if marker else len(para)
            descriptions.append((start + len(lead), start + desc_end))
            if marker:
                credit = para[desc_end + len(marker) :]
                name, _, agency = credit.partition("/")
                for raw in _split_names(name):
                    credits.append(
                        Credit(person_name(raw), agency.strip(" .") or None, start, end, para)
                    )
            continue
        for pattern in contributor:
            found = pattern.match(para)
            if found:
                spans.append((start, end))
                for raw in _split_names(found.group("names")):
                    credits.append(Credit(person_name(raw), None, start, end, para))
                break
    return Captions(tuple(spans), tuple(descriptions), tuple(credits))

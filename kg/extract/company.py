"""Company kept across sentences: 'X was also joined by A and B'.

'Also' tells the reader that A and B came to a company X was already in, so they met everyone the
same paragraph has already put with X ('His speech was introduced by his son Nick. Mr Howard was
also joined on stage by his wife Sandra': Nick and Sandra were on the stage together). Without
'also', or across a paragraph break, nothing is added.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Span

from kg.extract.entities import Resolved
from kg.extract.relations import Found
from kg.extract.text import doc_text


def _same_paragraph(earlier: Span, later: Span) -> bool:
    return "\n" not in doc_text(earlier.doc)[earlier.start_char : later.start_char]


def _other(found: Found, person: Resolved) -> Resolved | None:
    if found.subject is person:
        return found.object
    return found.subject if found.object is person else None


def joined_company(found: Iterable[Found]) -> Iterator[Found]:
    """The meetings 'also joined' adds: each newcomer with each earlier companion of the host."""
    meetings = [f for f in found if f.predicate == "met"]
    added: set[frozenset[int]] = set()
    for joining in meetings:
        host = joining.joined
        if host is None:
            continue
        newcomers = [p for p in (joining.subject, joining.object) if p is not host]
        for earlier in meetings:
            if earlier.sentence.start >= joining.sentence.start or earlier.status != "asserted":
                continue
            companion = _other(earlier, host)
            if companion is None or not _same_paragraph(earlier.sentence, joining.sentence):
                continue
            for newcomer in newcomers:
                key = frozenset((id(companion), id(newcomer)))
                if newcomer is companion or key in added:
                    continue
                added.add(key)
                yield Found(
                    "met",
                    companion,
                    newcomer,
                    joining.sentence,
                    min(joining.confidence, earlier.confidence),
                    joining.status,
                    joining.date or earlier.date,
                    joining.place or earlier.place,
                    joining.indirect or earlier.indirect,
                )

"""The one place newskg mints IRIs: stable, readable, derived only from names and ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote

from rdflib import URIRef

from kg.settings import DEFAULT_BASE_IRI
from kg.types import EntityType

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')

ENTITY_PATHS: dict[EntityType, str] = {
    "person": "person",
    "organization": "org",
    "party": "org",
    "place": "place",
}
"""The IRI path segment per entity type (parties are organisations)."""

RESOURCE_KINDS = ("person", "org", "place", "article", "meeting", "visit", "post", "statement")
"""Every path segment newskg mints IRIs under: `{base}{kind}/{id}`."""


def slug(name: str) -> str:
    """Lowercase ASCII words joined by hyphens: "Itamar Ben-Gvir" -> "itamar-ben-gvir"."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = _NON_ALNUM.sub("-", folded.lower()).strip("-")
    # A name with no Latin letters (e.g. Arabic or Hebrew script) still needs a stable IRI.
    return text or "u-" + _digest(name)


def entity_iri(name: str, entity_type: EntityType, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """`{base}person/{slug}`, `{base}org/{slug}` (parties too) or `{base}place/{slug}`."""
    return URIRef(f"{base}{ENTITY_PATHS[entity_type]}/{slug(name)}")


def resource_iri(kind: str, id: str, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """`{base}{kind}/{id}` for a kind of `RESOURCE_KINDS`, percent-encoding the id as minted."""
    if kind not in RESOURCE_KINDS:
        raise ValueError(f"Unknown resource kind {kind!r}; use one of {', '.join(RESOURCE_KINDS)}.")
    return URIRef(f"{base}{kind}/{quote(id, safe='-._~')}")


def article_iri(article_id: str, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """`{base}article/{article_id}`, percent-encoding anything that is not IRI-safe."""
    return URIRef(f"{base}article/{quote(article_id, safe='-._~')}")


def post_iri(
    label: str,
    post_in: str | None = None,
    base: str = DEFAULT_BASE_IRI,
    holder: str | None = None,
) -> URIRef:
    """`{base}post/{slug}` of the title and where it is held: "defense-minister-israel". Where
    the text does not say where, the holder keeps it apart: "prime-minister-held-by-x" (the prime
    ministers of two countries are two posts, not one node)."""
    where = post_in or (f"held by {holder}" if holder else None)
    return URIRef(f"{base}post/{slug(' '.join(filter(None, (label, where))))}")


def meeting_iri(
    article_id: str,
    participants: Iterable[str],
    date: str | None,
    status: str,
    base: str = DEFAULT_BASE_IRI,
    event: str | None = None,
) -> URIRef:
    """`{base}meeting/{event}` if given (`Fact.event`), else a hash of article, participants,
    date and status.

    With an event key the meeting is shared by every article reporting it (`kg.resolve`).
    """
    if event is not None:
        return URIRef(f"{base}meeting/{quote(event, safe='-._~')}")
    key = _digest(article_id, *sorted(participants), date or "", status)
    return URIRef(f"{base}meeting/{key}")


def visit_iri(
    article_id: str,
    person: str,
    place: str,
    date: str | None,
    status: str,
    base: str = DEFAULT_BASE_IRI,
) -> URIRef:
    """`{base}visit/{hash}` of article, visitor, place, date and status."""
    return URIRef(f"{base}visit/{_digest(article_id, person, place, date or '', status)}")


def statement_iri(
    article_id: str, speaker: str, quote: str, status: str, base: str = DEFAULT_BASE_IRI
) -> URIRef:
    """`{base}statement/{hash}` of article, speaker, quote text and status."""
    return URIRef(f"{base}statement/{_digest(article_id, speaker, quote, status)}")


def web_iri(url: str) -> URIRef:
    """An article's URL as an IRI, percent-encoding characters an IRI cannot hold."""
    return URIRef(_NOT_IN_IRI.sub(lambda m: quote(m.group(), safe=""), url.strip()))


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]

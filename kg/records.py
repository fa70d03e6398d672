"""Facts as JSON Lines records: what `kg extract --format jsonl` writes."""

from __future__ import annotations

from typing import Any

from kg.types import Evidence, Extraction, Fact


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {"sentence": evidence.sentence, "start": evidence.start, "end": evidence.end}


def fact_record(extraction: Extraction, fact: Fact) -> dict[str, Any]:
    """One fact as the JSON object of DESIGN.md (names are the article's canonical names)."""
    record: dict[str, Any] = {
        "article": extraction.article.id,
        "predicate": fact.predicate,
        "subject": fact.subject,
        "subject_type": fact.subject_type,
        "object": fact.object,
        "object_type": fact.object_type,
        "status": fact.status,
        "date": fact.date,
        "place": fact.place,
        "evidence": _evidence(fact.evidence[0]) if fact.evidence else None,
        "confidence": fact.confidence,
    }
    if fact.post_in is not None:
        record["post_in"] = fact.post_in
    if fact.event is not None:
        record["event"] = fact.event
    if len(fact.evidence) > 1:
        record["more_evidence"] = [_evidence(e) for e in fact.evidence[1:]]
    return record

"""Schemathesis over the API's own OpenAPI schema: no operation answers 500 or breaks its schema.

Every operation of /openapi.json is called with generated requests (valid and invalid ones: the
examples, coverage and fuzzing phases) against the app in this process, over the small fixture
graph in memory, with the bearer token so that the write routes run too. Deterministic (a fixed
seed, derandomised) and bounded: FUZZ_EXAMPLES generated requests per operation.
"""

from __future__ import annotations

import pytest
import schemathesis
import spacy
from fastapi import FastAPI
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from spacy.language import Language

from api.main import create_app
from kg.ingest import Ingester
from kg.settings import DEFAULT_BASE_IRI, Settings, default_model
from kg.store import Store
from tests.conftest import mini_store

TOKEN = "fuzz-token"
FUZZ_EXAMPLES = 10
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
CONFIG = {
    "seed": 20240607,
    "generation": {"max-examples": FUZZ_EXAMPLES, "deterministic": True, "database": "none"},
    "phases": {"stateful": {"enabled": False}},
    "suppress-health-check": ["all"],
}

# Bodies the schema declares as plain strings in RDF and SPARQL media types go out as the text.
schemathesis.serializer.alias(
    [
        "application/sparql-query",
        "application/sparql-update",
        "application/n-triples",
        "application/x-turtle",
    ],
    "text/plain",
)


def _app() -> FastAPI:
    return create_app(SETTINGS, mini_store(Store.open("memory:")), INGESTER)


# The schema is loaded when this module is imported (schemathesis' fixture-based lazy loading does
# not work with pytest 9), so the app is made here, cheaply: a blank pipeline that the `nlp`
# fixture replaces with the session's trained one before the first request.
SETTINGS = Settings(
    model=default_model(),
    store="memory:",
    token=TOKEN,
    query_timeout=2,
    max_rows=50,
    max_body=64 * 1024,
)
INGESTER = Ingester(spacy.blank("en"), DEFAULT_BASE_IRI)
schema = schemathesis.openapi.from_asgi(
    "/openapi.json", _app(), config=schemathesis.Config.from_dict(CONFIG)
)


@pytest.fixture(autouse=True, scope="module")
def trained_pipeline(nlp: Language) -> None:
    INGESTER.nlp = nlp


@schema.parametrize()
def test_every_operation_no_500_and_keeps_its_schema(case: schemathesis.Case) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)

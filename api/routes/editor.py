"""GET /sparql/editor.json: what the SPARQL editor page (YASGUI at GET /sparql) needs to know
about this server: the prefixes it starts with and where resource IRIs have their pages."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import SettingsDep
from kg.query.linked_data import LOCAL_PATH
from kg.query.prefixes import PREDECLARED

router = APIRouter(tags=["sparql"])


class EditorSettings(BaseModel):
    """The query editor's start-up settings."""

    endpoint: str = Field(description="Where the editor sends queries: this server's /sparql.")
    prefixes: dict[str, str] = Field(description="Prefix name to namespace IRI.")
    resources: str = Field(description="The base IRI of the graph's resources.")
    pages: str = Field(description="Where this server serves a page for each resource IRI.")


@router.get(
    "/sparql/editor.json",
    summary="The prefixes and resource pages the SPARQL editor starts with",
)
def editor_settings(settings: SettingsDep) -> EditorSettings:
    """Prefixes to declare, and the base IRI whose resources open at this server's /id/ pages
    (`{base_iri}person/x` at `/id/person/x`) rather than at their IRI."""
    return EditorSettings(
        endpoint="/sparql",
        prefixes=PREDECLARED,
        resources=settings.base_iri,
        pages=LOCAL_PATH,
    )

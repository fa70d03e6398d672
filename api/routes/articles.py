"""POST /articles (ingest one), GET /articles (list), GET /articles/{id} (its graph, or its page
for a browser) and GET /articles/{id}/facts (what the page shows, as JSON)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ValidationError

from api.deps import Body, IngesterDep, SettingsDep, StoreDep, WriteAccess
from api.negotiation import HTML, best_media_type, media_type
from api.schemas import MAX_ARTICLE_ID, ArticleIn, ErrorBody
from kg.ingest import Ingested
from kg.query import articles
from kg.query.article_facts import ArticleFacts, article_facts
from kg.query.article_page import article_html
from kg.query.articles import MAX_PAGE, ArticlePage
from kg.rdf.formats import RDF_FORMATS, serialize
from kg.sources import article_from_text
from kg.types import Article

router = APIRouter(prefix="/articles", tags=["articles"])

TEXT_PARAMETERS = ("published", "title", "url", "id")

ARTICLE_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": ArticleIn.model_json_schema()},
        "text/plain": {
            "schema": {"type": "string"},
            "example": "Blinken met Palestinian leader Mahmoud Abbas in Ramallah on Tuesday.",
        },
    },
}


class Unprocessable(BaseModel):
    """A field of the wrong type (a list of errors, each with its `loc`), or the article could
    not be extracted (a message)."""

    detail: str | list[dict[str, Any]]


@router.post(
    "",
    status_code=201,
    summary="Ingest an article: extract its facts and write its graph",
    openapi_extra={"requestBody": ARTICLE_BODY},
    responses={
        400: {"model": ErrorBody, "description": "The article cannot be read."},
        401: {"model": ErrorBody, "description": "Missing or wrong bearer token."},
        403: {"model": ErrorBody, "description": "Writes are disabled on this server."},
        413: {"model": ErrorBody, "description": "The body or the text is over the limit."},
        415: {"model": ErrorBody, "description": "Neither JSON nor plain text."},
        422: {"model": Unprocessable, "description": "Bad fields, or extraction failed."},
    },
)
def post_article(
    _: WriteAccess,
    request: Request,
    body: Body,
    store: StoreDep,
    ingester: IngesterDep,
    published: Annotated[
        date | None, Query(description="text/plain only: the date the article was published.")
    ] = None,
    title: Annotated[str | None, Query(description="text/plain only: its headline.")] = None,
    url: Annotated[
        str | None, Query(description="text/plain only: where it was published.")
    ] = None,
    id: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=MAX_ARTICLE_ID,
            description="text/plain only: its id (default: a hash of the text).",
        ),
    ] = None,
) -> Ingested:
    """A JSON body `{"text", "published"?, "title"?, "url"?, "id"?}`, or the text itself as
    `text/plain` with those as query parameters. The article is extracted, its persons and
    meetings resolved against the graph, and its named graph written (replacing an earlier
    version with the same id). Needs `Authorization: Bearer <token>`."""
    given = {"published": published, "title": title, "url": url, "id": id}
    article = _article(request.headers.get("content-type", ""), body, given)
    limit = ingester.nlp.max_length
    if len(article.text) > limit:
        raise HTTPException(
            status_code=413,
            detail=f"The article text is {len(article.text)} characters, over the language "
            f"pipeline's limit of {limit}; send it in parts of at most {limit} characters.",
        )
    return ingester.ingest(store, article)


@router.get("", summary="List articles, newest first")
def list_articles(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ArticlePage:
    """Id, IRI, headline, publication date and number of facts of each article."""
    return articles.list_articles(store, limit, offset)


@router.get(
    "/{article_id}",
    summary="An article's named graph as Turtle, N-Triples or JSON-LD, or its page as HTML",
    response_class=Response,
    responses={
        200: {"content": {media: {} for media in (*RDF_FORMATS, HTML)}},
        404: {"model": ErrorBody, "description": "No article with that id."},
        406: {"model": ErrorBody, "description": "None of the accepted types is offered."},
    },
)
def get_article(
    article_id: Annotated[str, Path(max_length=MAX_ARTICLE_ID)],
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
) -> Response:
    """Every triple the article's graph holds, in the format the `Accept` header asks for
    (text/turtle by default); a browser (asking for text/html first) gets the article's page:
    headline, date, source link, and its facts with their sentences."""
    answer_type = best_media_type(request.headers.get("accept"), (*RDF_FORMATS, HTML))
    if answer_type == HTML:
        return HTMLResponse(article_html(store, article_id, settings.base_iri))
    graph = articles.article_graph(store, article_id, settings.base_iri)
    return Response(serialize(graph, answer_type), media_type=answer_type)


@router.get(
    "/{article_id}/facts",
    summary="An article's headline, date, source and facts with their sentences",
    responses={404: {"model": ErrorBody, "description": "No article with that id."}},
)
def get_article_facts(
    article_id: Annotated[str, Path(max_length=MAX_ARTICLE_ID)],
    store: StoreDep,
    settings: SettingsDep,
) -> ArticleFacts:
    """What the article's page shows, as JSON: `title`, `published`, `url`, and `facts` in the
    order of the text, each with `relation`, `status`, `subject`, `object`, `post_in`, `date`,
    `place` and `sentences`."""
    return article_facts(store, article_id, settings.base_iri)


def _article(content_type: str, body: bytes, given: Mapping[str, object]) -> Article:
    media = media_type(content_type)
    if media == "application/json":
        extra = [name for name, value in given.items() if value is not None]
        if extra:
            raise HTTPException(
                status_code=422,
                detail=f"Query parameter(s) {', '.join(extra)} are for text/plain bodies; "
                "put them in the JSON body instead.",
            )
        try:
            fields = ArticleIn.model_validate_json(_utf8(body))
        except ValidationError as error:
            raise RequestValidationError(
                [{**e, "loc": ("body", *e["loc"])} for e in error.errors(include_url=False)]
            ) from None
        return article_from_text(**fields.model_dump(), source="POST /articles")
    if media == "text/plain":
        text = _utf8(body)
        # `given` holds the route's text/plain query parameters, typed by their declarations.
        return article_from_text(text, source="POST /articles", **given)  # type: ignore[arg-type]
    raise HTTPException(
        status_code=415,
        detail=f"Content-Type '{content_type}' is not accepted: send application/json "
        '({"text": ..., "published": ...}) or text/plain (with ?published=YYYY-MM-DD).',
    )


def _utf8(body: bytes) -> str:
    # Decoded here for JSON too: pydantic would echo undecodable bytes in a 422 it cannot encode.
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise HTTPException(
            status_code=400,
            detail=f"The body is not valid UTF-8 (byte at offset {error.start}); send UTF-8.",
        ) from None

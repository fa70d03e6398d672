"""POST /articles (ingest articles), GET /articles (list), GET /articles/{id} (its graph, or its
page for a browser) and GET /articles/{id}/facts (what the page shows, as JSON)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from api.deps import Body, IngesterDep, SettingsDep, StoreDep, WriteAccess
from api.negotiation import HTML, best_media_type, body_format
from api.schemas import MAX_ARTICLE_ID, ArticleIn, ErrorBody
from kg.documents import ARTICLE_FORMATS, BY_MEDIA_TYPE, Origin, holds_many, read_document
from kg.ingest import Ingested
from kg.query import articles
from kg.query.article_facts import ArticleFacts, article_facts
from kg.query.article_page import article_html
from kg.query.articles import MAX_PAGE, ArticlePage
from kg.rdf.formats import RDF_FORMATS, serialize
from kg.types import Article

router = APIRouter(prefix="/articles", tags=["articles"])

ORIGIN = Origin("the request body", file=False)
ACCEPTED = (
    "text/plain (an article, its first line 'date YYYY-MM-DD'), application/json (an object "
    '{"text": ...} or a list of them) or application/x-ndjson (JSON Lines)'
)
JSON_LINES = next(f for f in ARTICLE_FORMATS if f.name == "jsonl")
ARTICLE_LIST = {"type": "array", "items": ArticleIn.model_json_schema()}
ARTICLE_BODY = {
    "required": True,
    "content": {
        "text/plain": {
            "schema": {"type": "string"},
            "example": "date 2023-02-02\n\nBlinken in Amman\n\n"
            "Blinken met Jordan's King Abdullah in Amman on Thursday.",
        },
        "application/json": {"schema": {"oneOf": [ArticleIn.model_json_schema(), ARTICLE_LIST]}},
        **{media: {"schema": {"type": "string"}} for media in JSON_LINES.media_types},
    },
}


class Unprocessable(BaseModel):
    """A query parameter of the wrong type (a list of errors, each with its `loc`), or the
    article could not be extracted (a message)."""

    detail: str | list[dict[str, Any]]


@router.post(
    "",
    status_code=201,
    summary="Ingest articles: extract their facts and write their graphs",
    openapi_extra={"requestBody": ARTICLE_BODY},
    responses={
        400: {"model": ErrorBody, "description": "An article cannot be read (names line, field)."},
        401: {"model": ErrorBody, "description": "Missing or wrong bearer token."},
        403: {"model": ErrorBody, "description": "Writes are disabled on this server."},
        413: {"model": ErrorBody, "description": "The body or a text is over the limit."},
        415: {"model": ErrorBody, "description": "Not one of the article formats."},
        422: {"model": Unprocessable, "description": "Bad parameters, or extraction failed."},
    },
)
def post_article(
    _: WriteAccess,
    request: Request,
    body: Body,
    store: StoreDep,
    ingester: IngesterDep,
    published: Annotated[
        date | None,
        Query(description="Plain text only: the date it was published (over its date line)."),
    ] = None,
    title: Annotated[
        str | None, Query(description="Plain text only: its headline (over its first line).")
    ] = None,
    url: Annotated[
        str | None, Query(description="Plain text only: where it was published.")
    ] = None,
    id: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=MAX_ARTICLE_ID,
            description="Plain text only: its id (default: a hash of the text).",
        ),
    ] = None,
) -> Ingested | list[Ingested]:
    """The formats `kg build` reads: plain text (`text/plain`, or `text/html`) with an optional
    first line `date YYYY-MM-DD` and headline, and the query parameters over those; JSON, one
    object `{"text", "published"?, "title"?, "url"?, "id"?}` or a list of them; JSON Lines
    (`application/x-ndjson`), one object a line. Each article is extracted, its persons and
    meetings resolved against the graph, and its named graph written (replacing an earlier
    version with the same id). The answer is the ingested article, or the list of them for a
    list or JSON Lines. Needs `Authorization: Bearer <token>`."""
    format = body_format(request.headers.get("content-type"), BY_MEDIA_TYPE, ACCEPTED)
    given = {"published": published, "title": title, "url": url, "id": id}
    extra = [name for name, value in given.items() if value is not None]
    if extra and format.name != "text":
        raise HTTPException(
            status_code=422,
            detail=f"Query parameter(s) {', '.join(extra)} are for text/plain bodies; "
            "put them in the JSON body instead.",
        )
    found = [
        _checked(a, ingester.nlp.max_length)
        for a in read_document(body, format, ORIGIN, given=given)
    ]
    if not found:
        raise HTTPException(
            status_code=400,
            detail=f"The {format.name} body holds no article; send at least one.",
        )
    ingested = ingester.ingest_all(store, found)
    return ingested if holds_many(body, format) else ingested[0]


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


def _checked(article: Article, limit: int) -> Article:
    """`article`, unless its text is over the pipeline's limit (413) or its id too long (422)."""
    where = article.source or "the article"
    if len(article.text) > limit:
        raise HTTPException(
            status_code=413,
            detail=f"{where}: the article text is {len(article.text)} characters, over the "
            f"language pipeline's limit of {limit}; send it in parts of at most {limit} "
            "characters.",
        )
    if len(article.id) > MAX_ARTICLE_ID:
        raise HTTPException(
            status_code=422,
            detail=f"{where}: field 'id' is {len(article.id)} characters, over the limit of "
            f"{MAX_ARTICLE_ID}; give a shorter id.",
        )
    return article

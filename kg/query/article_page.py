"""An article's HTML page: headline, date, source link, and each fact with its sentences."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from kg.query.article_facts import ArticleFact, ArticleFacts, Named, article_facts
from kg.query.linked_data import LINKED_SCHEMES, LOCAL_PATH
from kg.settings import DEFAULT_BASE_IRI
from kg.store import GraphStore

VERBS = {
    "met": "met",
    "visited": "visited",
    "leads": "leads",
    "member_of": "is a member of",
    "works_for": "works for",
    "holds_position": "holds the post",
    "located_in": "is in",
    "based_in": "is based in",
    "lives_in": "lives in",
    "said": "said",
}
"""How a fact's relation reads between its subject and object."""
STATUS_NOTES = {
    "planned": "planned",
    "negated": "negated: did not happen",
    "reported": "reported",
    "past": "past: no longer so",
}
"""The tag a fact that is not simply asserted carries."""
ACTOR_PATHS = ("person/", "org/")
"""Resources the explorer shows as actors: their links open it at `/#actor={id}`."""

STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 1.5rem auto;
  padding: 0 1rem; color: #222 }
nav { font-size: .9rem }
h1 { font-size: 1.5rem; margin: .6rem 0 .2rem }
.meta { color: #555; margin: 0 }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .4rem }
ol { padding-left: 1.4rem }
li { margin-bottom: .8rem }
li p { margin: 0 }
blockquote { margin: .25rem 0 0; padding-left: .7rem; border-left: 3px solid #c8d3e6;
  color: #444; font-size: .95rem }
.status { font-size: .8rem; background: #fde9c8; border-radius: .6rem; padding: 0 .45rem;
  margin-left: .3rem }
a { color: #0645ad }
"""


def article_html(store: GraphStore, article_id: str, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """The page of the article `article_id`; NotFoundError if there is none."""
    return html_page(article_facts(store, article_id, base_iri), base_iri)


def html_page(article: ArticleFacts, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """The page of `article`: headline, date, source, its facts and then its quotes."""
    title = escape(article.title or f"Article {article.id}")
    meta = []
    if article.published:
        meta.append(
            f'Published <time datetime="{escape(article.published)}">'
            f"{escape(article.published)}</time>"
        )
    else:
        meta.append("Publication date not recorded")
    if article.url and article.url.lower().startswith(LINKED_SCHEMES):
        meta.append(
            f'<a href="{escape(article.url)}" rel="noopener">Source: {escape(article.url)}</a>'
        )
    else:
        meta.append("No source link recorded")
    rdf = f"{LOCAL_PATH}article/{quote(article.id, safe='-._~')}"
    meta.append(
        f'also as <a href="{rdf}?format=turtle">Turtle</a> and '
        f'<a href="{rdf}?format=jsonld">JSON-LD</a>'
    )
    link = _Linker(base_iri)
    facts = [fact for fact in article.facts if fact.relation != "said"]
    quotes = [fact for fact in article.facts if fact.relation == "said"]
    return f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<style>{STYLE}</style>
</head>
<body>
<nav><a href="/">newskg explorer</a></nav>
<article>
<h1>{title}</h1>
<p class="meta">{" · ".join(meta)}</p>
<p class="meta"><code>{escape(article.iri)}</code></p>
{_section("Facts", facts, link)}
{_section("Quotes", quotes, link)}
</article>
</body>
</html>
"""


def _section(title: str, facts: list[ArticleFact], link: _Linker) -> str:
    if not facts:
        return f"<h2>{title}</h2>\n<p>None extracted from this article.</p>"
    items = "\n".join(_item(fact, link) for fact in facts)
    return f'<h2>{title} ({len(facts)})</h2>\n<ol aria-label="{title}">\n{items}\n</ol>'


def _item(fact: ArticleFact, link: _Linker) -> str:
    words = [link(fact.subject), escape(VERBS.get(fact.relation, fact.relation))]
    if fact.relation == "said":
        words.append(f"“{escape(fact.object.label)}”")
    elif fact.relation == "holds_position":
        words.append(escape(fact.object.label))
        if fact.post_in is not None:
            words.append(f"in {link(fact.post_in)}")
    else:
        words.append(link(fact.object))
    if fact.date:
        words.append(f"on {escape(fact.date)}")
    if fact.place is not None:
        words.append(f"in {link(fact.place)}")
    note = STATUS_NOTES.get(fact.status)
    tag = f'<span class="status">{escape(note)}</span>' if note else ""
    sentences = "".join(f"<blockquote>{escape(said)}</blockquote>" for said in fact.sentences)
    return f"<li><p>{' '.join(words)}{tag}</p>{sentences}</li>"


class _Linker:
    """A named node as a link: actors to the explorer, other resources to their /id/ page."""

    def __init__(self, base_iri: str) -> None:
        self.base = base_iri

    def __call__(self, named: Named) -> str:
        text = escape(named.label)
        if named.iri is None or not named.iri.startswith(self.base):
            return text
        path = named.iri.removeprefix(self.base)
        if path.startswith(ACTOR_PATHS):
            href = f"/#actor={path.split('/', 1)[1]}"
        else:
            href = LOCAL_PATH + path
        return f'<a href="{escape(href)}">{text}</a>'

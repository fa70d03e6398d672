"""HTML in article text: scraped articles keep their markup, which is dropped before parsing."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# An HTML tag or comment: "<p>", "</b>", "<a href='x'>", "<br/>", "<!-- x -->" (not "a < b").
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.DOTALL)
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "head"})
_BLOCK_NAMES = (
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 "
    "h6 header hr li main nav ol p pre section table td th tr ul"
)
_BLOCK_TAGS = frozenset(_BLOCK_NAMES.split())


def has_markup(text: str) -> bool:
    """Whether `text` holds an HTML tag or comment."""
    return TAG.search(text) is not None


def plain_text(markup: str) -> str:
    """The text of an HTML fragment: tags dropped, scripts and styles left out, entities
    decoded, block elements (paragraphs, headings, list items) on lines of their own."""
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n" if tag == "br" else "\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(self._hidden - 1, 0)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)

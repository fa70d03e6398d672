"""A parsed article's text, joined once: spaCy rebuilds `Doc.text` from every token on each
access, which costs as much as a pass of the rules over the whole article."""

from __future__ import annotations

from spacy.tokens import Doc

KEY = "newskg.text"
"""Where the text is kept in `Doc.user_data`."""


def doc_text(doc: Doc) -> str:
    """`doc.text`, read once per Doc."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return text


def parsed_from(doc: Doc, text: str) -> Doc:
    """`doc`, knowing it was parsed from `text` (spaCy keeps the text verbatim: `doc.text == text`),
    so that `doc_text` never joins its tokens."""
    doc.user_data[KEY] = text
    return doc

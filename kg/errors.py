"""The project's own errors. Each message says what was wrong, shows the value, says what to do."""

from __future__ import annotations


class NewsKGError(Exception):
    """Base class: every error newskg raises on purpose."""


class SourceError(NewsKGError):
    """An article could not be read: the message names the file (and line)."""


class ModelNotFoundError(NewsKGError):
    """The configured spaCy pipeline is not installed."""


class StoreError(NewsKGError):
    """The graph store could not be opened or written."""


class QueryError(NewsKGError):
    """A SPARQL query is malformed or not allowed."""


class LimitError(NewsKGError):
    """A request is over one of the server's limits (the message names the setting and value)."""


class EvalError(NewsKGError):
    """Gold files for evaluation are missing or malformed."""


class ReadOnlyError(QueryError):
    """A SPARQL Update was sent where only queries are allowed."""


class NotAcceptableError(QueryError):
    """The client asked for a result format that cannot hold the query's results."""


class QueryTimeoutError(NewsKGError):
    """A query ran past the time limit and was stopped."""


class NotFoundError(NewsKGError):
    """The store holds nothing under the id or IRI asked for."""


class ExtractionError(NewsKGError):
    """Extraction failed on an article: the message names it and says why."""


class RulesError(NewsKGError):
    """A rule file under kg/extract/rules is missing a key or holds a malformed pattern."""

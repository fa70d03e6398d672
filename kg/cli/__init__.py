"""The `kg` command: build, extract, query, export, serve and eval, one module each (eval's in
kg.evaluation).

Every failure is one line on stderr ("kg: ..."), never a traceback; the exit status is 1 when
some input failed and the rest went on, 2 when the command could not run at all.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kg import __version__
from kg.cli import build, export, extract, query, serve
from kg.errors import NewsKGError
from kg.evaluation import command as evaluation

COMMANDS = {
    "build": build,
    "extract": extract,
    "query": query,
    "export": export,
    "serve": serve,
    "eval": evaluation,
}
"""Each subcommand's module: its HELP line, `add_arguments(parser)` and `run(args) -> status`."""


class Parser(argparse.ArgumentParser):
    """`kg`'s parser: a flag its subcommand does not know is refused with that command's usage
    (argparse's own would show the usage of `kg`)."""

    commands: dict[str, argparse.ArgumentParser]

    def parse_args(self, args=None, namespace=None):
        parsed, unknown = self.parse_known_args(args, namespace)
        if unknown:
            self.commands[parsed.command].error(f"unrecognized arguments: {' '.join(unknown)}")
        return parsed


def parser() -> Parser:
    """The argument parser of the `kg` command."""
    main = Parser(prog="kg", description="Turn news articles into a knowledge graph and query it.")
    main.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    main.commands = {}
    for name, module in COMMANDS.items():
        sub = commands.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(func=module.run)
        main.commands[name] = sub
    return main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `kg` command; return its exit status."""
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except NewsKGError as error:
        print(f"kg: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "kg: interrupted; every article written before this point is in the store.",
            file=sys.stderr,
        )
        return 130

"""The ``claimmap`` command. This module only parses arguments: each command lives
in its own module, imported when that command runs, so start-up stays fast.

To add a command, add one line to ``COMMANDS``: name -> "module:attribute".
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Mapping
from typing import Any, ClassVar

import click

from claimmap import __version__
from claimmap.errors import ClaimmapError

COMMANDS: dict[str, str] = {
    "analyze": "claimmap.cli.analyze:analyze",
    "articles": "claimmap.cli.analyze:articles",
    "show": "claimmap.cli.analyze:show",
    "gazetteer": "claimmap.cli.gazetteer:gazetteer",
    "eval": "claimmap.cli.evaluate:evaluate",
    "events": "claimmap.cli.events:events",
    "event": "claimmap.cli.events:event",
    "export": "claimmap.cli.export:export",
    "report": "claimmap.cli.report:report",
    "serve": "claimmap.cli.serve:serve",
    "bench": "claimmap.cli.bench:bench",
}


def import_command(spec: str) -> click.Command | None:
    """The command named by ``"module:attribute"``, or None when that module is not
    part of this installation (any other import error propagates)."""
    module_name, attr = spec.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return None
    command = getattr(module, attr)
    assert isinstance(command, click.Command)
    return command


class LazyGroup(click.Group):
    """A click group whose subcommands (``lazy``: name -> "module:attribute") are
    imported only when used."""

    lazy: ClassVar[Mapping[str, str]] = COMMANDS

    def list_commands(self, ctx: click.Context) -> list[str]:
        found = [n for n in self.lazy if self.get_command(ctx, n) is not None]
        return sorted(set(super().list_commands(ctx)) | set(found))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            return import_command(self.lazy[cmd_name])
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClaimmapError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimmap")
def main() -> None:
    """claimmap: turn war reporting into a claim map.

    \b
    Examples:
      claimmap analyze articles/ --json analysis.json
      claimmap articles
      claimmap show 000_2f9920e3ff4f715d
    """

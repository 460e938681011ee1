"""Errors a user can act on. Every message says what went wrong and what to do."""

from __future__ import annotations


class ClaimmapError(Exception):
    """Base class: the CLI prints the message (no traceback) and exits non-zero."""


class InputRejected(ClaimmapError):
    """One input (a file, or one record of a file) that cannot be used.

    ``where`` names it precisely (``path`` or ``path:line``); ``reason`` says why.
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class StoreError(ClaimmapError):
    """The store cannot be opened, migrated or written."""


class GazetteerError(ClaimmapError):
    """The gazetteer index cannot be built, loaded or imported into."""

"""Errors that carry a code for programs and a plain Spanish sentence for cashiers."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the business said no.

    ``code`` is stable and meant for programs and tests; ``message`` is what a
    cashier reads, in plain Spanish; ``field`` names the input it concerns so a
    screen can show the message next to it.
    """

    def __init__(self, code: str, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, {self.message!r})"


class NotFound(DomainError):
    pass


class Unauthorized(DomainError):
    pass

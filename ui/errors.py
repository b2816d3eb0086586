"""The one place that turns an exception into what the cashier reads.

A :class:`DomainError` already carries a plain Spanish sentence.  Anything
else is a bug or a broken machine: the cashier gets a plain sentence with
what to do next, and the trace goes to the log, never to the screen.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.domain.errors import DomainError

log = logging.getLogger("ventanilla.ui")


@dataclass(frozen=True)
class Shown:
    """An error as the screen shows it: the sentence and the field it concerns."""

    text: str
    field: str | None = None
    code: str = "unexpected"


def describe(error: BaseException) -> Shown:
    if isinstance(error, DomainError):
        return Shown(error.message, error.field, error.code)
    log.error("unexpected error at the counter", exc_info=(type(error), error, error.__traceback__))
    if isinstance(error, (sqlite3.OperationalError, OSError)) or "OperationalError" in type(error).__name__:
        return Shown(
            QCoreApplication.translate(
                "errors", "No se pudo leer o guardar en el disco de la caja. Intente de nuevo; si se repite, llame a soporte."
            ),
            None,
            "storage_error",
        )
    return Shown(
        QCoreApplication.translate(
            "errors",
            "Ocurrió un error inesperado y no se completó la operación. Intente de nuevo; si se repite, llame a soporte.",
        ),
        None,
        "unexpected",
    )

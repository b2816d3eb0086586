"""What the clerk reads when something fails: one plain Spanish sentence.

The central service answers errors as JSON ``{"error", "message"}``: the code
is the contract, the message a Spanish sentence.  The desk speaks from the
``error`` code where it has a sentence of its own (one that says what to do at
the desk), and shows the central's message where it knows no better, and for
the lines of a refused file (each as the central wrote it, after «Línea N:»).  Anything that is not a
:class:`DeskError` or an :class:`InputError` is a bug: it is logged with its
trace and the clerk reads a sentence with what to do next.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from ui.central_office.client import DeskError

log = logging.getLogger("ventanilla.central_office")

#: how many bad lines of a refused file are spelled out (the rest are counted)
SHOWN_LINES = 5


class InputError(Exception):
    """A field the clerk filled in wrongly, found before anything is sent."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message, self.field = message, field


def _t(text: str) -> str:
    return QCoreApplication.translate("central_office", text)


def _sentences() -> dict[str, str]:
    return {
        "unreachable": _t("No se pudo conectar con el servicio central. Revise la red y la dirección, e intente de nuevo."),
        "timeout": _t("El servicio central no respondió a tiempo. Intente de nuevo en un momento."),
        "admin_token_required": _t("Falta la clave de acceso de la oficina central. Pida una al administrador."),
        "bad_admin_token": _t("La clave de acceso de la oficina central no es válida o fue revocada. Pida una nueva al administrador."),
        "unknown_window": _t("Esa ventana de liquidación no existe en la central."),
        "unknown_exception": _t("Esa excepción no existe en la central."),
        "exception_resolved": _t("Esa excepción ya estaba resuelta. La lista se actualizó."),
        "cannot_adjust": _t("Esta excepción no tiene agente ni moneda a los que cargar un ajuste. Apruébela u ordene un reverso."),
        "cannot_reverse": _t("Solo se puede reversar un pago recibido y marcado; esta excepción no corresponde a uno."),
        "already_reversed": _t("Ese pago ya estaba anulado o reversado."),
        "bad_amount": _t("El monto no es válido: escriba un monto distinto de cero."),
        "bad_action": _t("Elija cómo resolver: aprobar, ajustar o reversar."),
        "unknown_agent": _t("Ese agente no existe en la central. Revise el código del agente."),
        "unknown_deposit": _t("Ese depósito no existe en la central."),
        "deposit_matched": _t("Ese depósito ya está asignado a una ventana."),
        "bad_tender": _t("Un depósito es de efectivo o de cheques."),
        "bad_date": _t("Una fecha no es válida. Escríbala como dd/mm/aaaa."),
        "bad_period": _t("El período no es válido: «hasta» no puede ser anterior a «desde», y el período no puede pasar de un año."),
        "bad_currency": _t("La moneda no es válida. Use el código de tres letras, por ejemplo DOP."),
        "bad_field": _t("Falta un dato obligatorio o es demasiado largo."),
        "unknown_payment": _t("No hay ningún pago con ese id en la central. Cópielo del recibo («Id de pago»)."),
        "payment_voided": _t("Ese pago fue anulado o reversado: no hay cheque que devolver."),
        "no_cheque": _t("Ese pago no tiene un cheque con ese número."),
        "which_cheque": _t("El pago tiene varios cheques: escriba el número del cheque devuelto."),
        "already_returned": _t("Ese cheque ya estaba marcado como devuelto."),
        "too_large": _t("El archivo es demasiado grande (más de 20 MB). Divídalo e impórtelo por partes."),
        "not_a_pdf": _t("La central no envió un PDF. Intente de nuevo; si se repite, llame a soporte."),
        "database_unavailable": _t("La base de datos de la central está ocupada o no responde. Intente de nuevo en un momento."),
        "database_error": _t("La base de datos de la central rechazó la operación. Intente de nuevo en un momento."),
        "invalid_request": _t("La central rechazó los datos enviados. Revise los campos e intente de nuevo."),
    }


def _unexpected() -> str:
    return _t("Ocurrió un error inesperado y no se completó la operación. Intente de nuevo; si se repite, llame a soporte.")


def bad_file_sentence(error: DeskError) -> str:
    lines = error.lines
    n = len(lines) or 1
    head = (_t("El archivo tiene un error y no se importó nada.") if n == 1
            else _t("El archivo tiene {n} errores y no se importó nada.").format(n=n))
    shown = []
    for line, message in lines[:SHOWN_LINES]:
        where = _t("Línea {line}").format(line=line) if line else _t("Archivo")
        shown.append(f"{where}: {message}")
    if len(lines) > SHOWN_LINES:
        shown.append(_t("y {n} más.").format(n=len(lines) - SHOWN_LINES))
    return " ".join([head, *shown]) if shown else head


def sentence(error: BaseException) -> str:
    """The one sentence the desk shows for this failure."""
    if isinstance(error, InputError):
        return error.message
    if isinstance(error, DeskError):
        if error.code == "bad_file":
            return bad_file_sentence(error)
        known = _sentences().get(error.code)
        if known:
            return known
        log.warning("central answered %s (%s): %s", error.code, error.status, error.message)
        if error.status is not None and error.status >= 500:
            return _t("El servicio central tuvo un problema y no completó la operación. Intente de nuevo; si se repite, llame a soporte.")
        said = (error.message or error.code).strip()
        return _t("La central no aceptó la operación: {message}").format(
            message=said if said.endswith((".", "!", "?")) else said + ".")
    if isinstance(error, OSError):
        log.warning("file error at the desk: %s", error)
        return _t("No se pudo leer o guardar el archivo {name}. Revise que exista y que la carpeta permita escribir.").format(
            name=f"«{error.filename}»" if error.filename else "")
    log.error("unexpected error at the central office desk", exc_info=(type(error), error, error.__traceback__))
    return _unexpected()

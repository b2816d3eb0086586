"""Changing the terminal's settings from the admin's screen, and enrolling it with central.

The settings stay one typed object read once at start-up (``app.settings``):
this service validates what the admin typed into a whole :class:`Settings`,
writes ``settings.toml`` atomically (temporary file, then ``os.replace``) and
records a ``settings_changed`` audit entry with every changed key, old and
new, in the same step.  Nothing is written when any value is wrong; every
wrong value is reported against its field so the screen can show it there.

Device addresses (printer, customer display) are checked by functions the
wiring passes in (``extra_checks``): app/ does not import printing/.  The
remote half of enrolment (HTTP) is passed in the same way.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.amounts import number_format
from app.domain.errors import DomainError
from app.domain.money import minor_units
from app.domain.policy import load_policy
from app.services.enrolment import credentials, record_enrolment
from app.services.journal import record_audit
from app.services.ports import Clock, UnitOfWorkFactory
from app.settings import OutletSettings, Settings, dump_settings, load_settings

LANGUAGES = ("es", "en")
_HHMM = re.compile(r"^\d{2}:\d{2}$")
_MAX_TEXT = 120

#: the form's keys: Settings' own fields, and the outlet's as "outlet.<name>"
FLAT_KEYS = tuple(f.name for f in fields(Settings) if f.name != "outlet")
OUTLET_KEYS = tuple(f"outlet.{f.name}" for f in fields(OutletSettings))
KEYS = FLAT_KEYS + OUTLET_KEYS


class SettingsRefused(DomainError):
    """One or more values cannot be used; ``problems`` maps each field to its sentence."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        first = next(iter(problems))
        super().__init__("bad_settings", problems[first], field=first)
        self.problems = dict(problems)


@dataclass(frozen=True)
class SavedSettings:
    settings: Settings
    #: key -> (old, new) as written to the audit log
    changes: Mapping[str, tuple[Any, Any]]


@dataclass(frozen=True)
class EnrolmentState:
    terminal_id: str
    enrolled: bool
    central_url: str
    #: items this terminal already recorded (shifts, payments): enrolment is refused when > 0
    items: int


@dataclass(frozen=True)
class Enrolled:
    terminal_id: str
    agent_id: str
    central_url: str


def settings_values(settings: Settings) -> dict[str, str]:
    """The settings as the form shows them: every key, as text ('' for none)."""
    out = {k: "" if getattr(settings, k) is None else str(getattr(settings, k)) for k in FLAT_KEYS}
    for key in OUTLET_KEYS:
        out[key] = str(getattr(settings.outlet, key.split(".", 1)[1]))
    return out


def _flatten(settings: Settings) -> dict[str, Any]:
    data = settings.to_dict()
    outlet = data.pop("outlet")
    data.update({f"outlet.{k}": v for k, v in outlet.items()})
    return data


def _without_password(url: str) -> str:
    """A URL for the audit log: user:password@ never goes there."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]))


class SettingsService:
    def __init__(
        self,
        path: Path,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        *,
        extra_checks: Mapping[str, Callable[[str], object]] | None = None,
    ) -> None:
        self.path = Path(path)
        self.uow = uow_factory
        self.clock = clock
        self.extra_checks = dict(extra_checks or {})

    # --- reading ------------------------------------------------------------------------
    def current(self) -> Settings:
        """What settings.toml says now (the running terminal keeps what it read at start-up)."""
        return load_settings(self.path)

    def check_policy(self, path: str):
        """The policy file read and validated (``Policy``: name, version); DomainError when it cannot be used."""
        return load_policy(path)

    # --- validating and saving ----------------------------------------------------------
    def validate(self, values: Mapping[str, str]) -> Settings:
        """A Settings from the form's text, or SettingsRefused naming every wrong field."""
        unknown = sorted(set(values) - set(KEYS))
        if unknown:
            raise DomainError("bad_setting", f"Ajuste desconocido: {', '.join(unknown)}.")
        base = settings_values(Settings())
        v = {k: str(values.get(k, base[k])).strip() for k in KEYS}
        problems: dict[str, str] = {}

        def check(key: str, fn: Callable[[str], object]) -> None:
            try:
                fn(v[key])
            except DomainError as e:
                problems[key] = e.message
            except (ValueError, ArithmeticError) as e:
                problems[key] = f"Valor no válido: {e}."

        def required(name: str) -> Callable[[str], None]:
            def fn(text: str) -> None:
                if not text:
                    raise DomainError("bad_setting", f"Escriba {name}.")
                if len(text) > _MAX_TEXT:
                    raise DomainError("bad_setting", f"Es demasiado largo (máximo {_MAX_TEXT} caracteres).")
            return fn

        v["currency"] = v["currency"].upper()
        check("terminal_name", required("el nombre de la caja"))
        check("outlet.name", required("el nombre de la estafeta"))
        check("outlet.agent_id", required("el código del agente"))
        check("currency", _check_currency)
        check("locale", lambda t: number_format(t) if t else _refuse("Elija el formato regional."))
        check("timezone", _check_timezone)
        check("language", lambda t: None if t in LANGUAGES else _refuse("El idioma es es (español) o en (inglés)."))
        check("cutoff", _check_cutoff)
        check("cash_rounding", _check_rounding)
        check("central_url", _check_central_url)
        check("policy_file", lambda t: load_policy(t) if t else None)
        check("receipt_footer", lambda t: None if len(t) <= 200 else _refuse("El pie del recibo es demasiado largo (máximo 200 caracteres)."))
        for key, fn in self.extra_checks.items():
            if key in v and v[key]:
                check(key, fn)
        if problems:
            raise SettingsRefused(problems)
        try:
            return Settings(
                **{k: v[k] for k in FLAT_KEYS if k not in ("cutoff", "cash_rounding")},
                cutoff=v["cutoff"] or None,
                cash_rounding=v["cash_rounding"] or None,
                outlet=OutletSettings(**{k.split(".", 1)[1]: v[k] for k in OUTLET_KEYS}),
            )
        except DomainError as e:  # the object's own guard: the checks above should have said it
            raise SettingsRefused({e.field or "terminal_name": e.message}) from None

    def save(self, values: Mapping[str, str], *, by: str | None) -> SavedSettings:
        """Validate, write settings.toml atomically and audit the change; nothing is written on a bad value."""
        new = self.validate(values)
        try:
            old_text: str | None = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            old_text = None
        try:
            old = self.current()
        except DomainError:  # an unreadable file is replaced whole; every key counts as changed
            old = None
        before = _flatten(old) if old is not None else {}
        after = _flatten(new)
        changes = {k: (before.get(k), after.get(k)) for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)}
        if not changes and old is not None:
            return SavedSettings(new, {})
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(dump_settings(new))
            f.flush()
            os.fsync(f.fileno())
        audited = {k: [_audit_value(k, o), _audit_value(k, n)] for k, (o, n) in changes.items()}
        with self.uow() as uow:
            record_audit(uow, self.clock.now(), by, "settings_changed", changes=audited, file=str(self.path))
            os.replace(tmp, self.path)
            try:
                uow.commit()
            except BaseException:
                _put_back(self.path, old_text)
                raise
        return SavedSettings(new, changes)

    # --- enrolment ---------------------------------------------------------------------
    def enrolment_state(self) -> EnrolmentState:
        creds = credentials(self.uow)
        with self.uow() as uow:
            counters = uow.terminal.counters()
        return EnrolmentState(counters.terminal_id, creds is not None, creds[2] if creds else "", counters.last_seq)

    def refuse_if_items(self) -> None:
        """Items sealed under the provisional id could never be accepted by central (see record_enrolment)."""
        with self.uow() as uow:
            if uow.terminal.counters().last_seq > 0:
                raise DomainError(
                    "outbox_not_empty",
                    "Esta caja ya registró operaciones sin alta; use una carpeta de datos nueva para darla de alta.",
                    field="enrolment_code",
                )

    def enrol(self, central_url: str, code: str, name: str, *, by: str | None,
              remote: Callable[[str, str, str], Any]) -> Enrolled:
        """Trade a one-time code for this terminal's identity (``remote`` is sync.client.enroll) and store it."""
        url = central_url.strip().rstrip("/")
        try:
            _check_central_url(url)
            if not url:
                _refuse("Escriba la dirección de la central.")
        except DomainError as e:
            raise DomainError(e.code, e.message, field="central_url") from None
        code = code.strip()
        if not code:
            raise DomainError("no_code", "Escriba el código de alta que dio la central.", field="enrolment_code")
        self.refuse_if_items()  # before the code is spent at central
        got = remote(url, code, name.strip() or "Caja")
        record_enrolment(self.uow, self.clock, got.terminal_id, got.agent_id, got.secret, url, by=by)
        return Enrolled(got.terminal_id, got.agent_id, url)


def _refuse(message: str) -> None:
    raise DomainError("bad_setting", message)


def _check_currency(text: str) -> None:
    if not text:
        _refuse("Escriba la moneda: su código ISO, como DOP, COP o MXN.")
    try:
        minor_units(text)
    except DomainError:
        _refuse(f"La moneda «{text}» no existe aquí: use su código ISO, como DOP, COP o MXN.")


def _check_timezone(text: str) -> None:
    if not text:
        _refuse("Escriba la zona horaria, p. ej. America/Santo_Domingo.")
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        _refuse(f"La zona horaria «{text}» no existe; escriba por ejemplo America/Santo_Domingo.")


def _check_cutoff(text: str) -> None:
    if not text:
        return
    try:
        if not _HHMM.match(text):
            raise ValueError
        time.fromisoformat(text)
    except ValueError:
        _refuse(f"La hora de corte «{text}» no es HH:MM (p. ej. 18:00).")


def _check_rounding(text: str) -> None:
    if not text:
        return
    try:
        step = Decimal(text)
    except InvalidOperation:
        _refuse(f"El redondeo de efectivo «{text}» no es un número.")
        return
    if not step.is_finite() or step <= 0:
        _refuse("El redondeo de efectivo debe ser un número positivo (p. ej. 5).")


def _check_central_url(text: str) -> None:
    if not text:
        return
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        _refuse(f"La dirección de la central «{text}» no sirve: empiece con https:// (o http://) y el nombre del servidor.")


def _audit_value(key: str, value: Any) -> Any:
    if value is not None and key in ("central_url", "printer", "display"):
        return _without_password(str(value))
    return value


def _put_back(path: Path, text: str | None) -> None:
    """The audit entry did not commit: the file goes back to what it was."""
    if text is None:
        path.unlink(missing_ok=True)
        return
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)

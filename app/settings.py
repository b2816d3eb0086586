"""One typed settings object, read once at start-up from TOML.

The file lives in the platform's config directory (``settings.toml``); the
composition root (``ventanilla.paths``) finds it.  Unknown keys are refused
so a typo in the file does not silently fall back to a default.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.domain.amounts import number_format
from app.domain.errors import DomainError
from app.domain.money import minor_units


@dataclass(frozen=True)
class OutletSettings:
    name: str = "Estafeta de demostración"
    agent_id: str = "AG001"
    agent_name: str = "Agente de demostración"
    address: str = ""


@dataclass(frozen=True)
class Settings:
    terminal_name: str = "Caja 1"
    currency: str = "DOP"
    locale: str = "es_DO"
    timezone: str = "America/Santo_Domingo"
    language: str = "es"
    #: business-day cut-off, local time "HH:MM"; payments after it belong to the next day
    cutoff: str | None = None
    #: cash rounding step in major units ("5" rounds cash to the nearest 5); none by default
    cash_rounding: str | None = None
    printer: str = ""  # URL: tcp://host:9100, serial:///dev/ttyUSB0?baudrate=9600, usb://04b8:0e15, file:///tmp/r.bin
    printer_profile: str = "80mm"
    display: str = ""
    central_url: str = ""
    policy_file: str = ""
    receipt_footer: str = "Gracias por su pago."
    outlet: OutletSettings = field(default_factory=OutletSettings)

    def __post_init__(self) -> None:
        minor_units(self.currency)
        number_format(self.locale)
        if self.cutoff is not None:
            self.cutoff_time  # noqa: B018 - validates
        if self.cash_rounding is not None and self.cash_rounding_step is not None and self.cash_rounding_step <= 0:
            raise DomainError("bad_setting", "El redondeo de efectivo debe ser positivo.")

    @property
    def cutoff_time(self) -> time | None:
        if self.cutoff is None:
            return None
        try:
            return time.fromisoformat(self.cutoff)
        except ValueError:
            raise DomainError("bad_setting", f"La hora de corte {self.cutoff!r} no es HH:MM.") from None

    @property
    def cash_rounding_step(self) -> Decimal | None:
        if not self.cash_rounding:
            return None
        try:
            return Decimal(self.cash_rounding)
        except ArithmeticError:
            raise DomainError("bad_setting", "El redondeo de efectivo no es un número.") from None

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


def _build(cls: type, data: dict[str, Any], where: str) -> Any:
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise DomainError("bad_setting", f"Ajuste desconocido en {where}: {', '.join(unknown)}.")
    kwargs = dict(data)
    if cls is Settings and isinstance(kwargs.get("outlet"), dict):
        kwargs["outlet"] = _build(OutletSettings, kwargs["outlet"], f"{where} [outlet]")
    return cls(**kwargs)


def load_settings(path: Path) -> Settings:
    if not path.exists():
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise DomainError("bad_settings_file", f"El archivo de ajustes {path} no se puede leer: {e}") from e
    try:
        return _build(Settings, data, str(path))
    except TypeError as e:
        raise DomainError("bad_settings_file", f"El archivo de ajustes {path} tiene valores inválidos: {e}") from e


def dump_settings(settings: Settings) -> str:
    """TOML text for the settings (flat values and the [outlet] table)."""

    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int):
            return str(v)
        s = str(v).replace("\\", "\\\\").replace('"', '\\"')
        return f'"{s}"'

    data = settings.to_dict()
    outlet = data.pop("outlet")
    lines = [f"{k} = {value(v)}" for k, v in data.items()]
    lines += ["", "[outlet]"] + [f"{k} = {value(v)}" for k, v in outlet.items()]
    return "\n".join(lines) + "\n"

"""The tender policy document: versioned TOML, validated into a :class:`Policy`.

The central office writes the document; a terminal that is not enrolled reads
it from a TOML file, an enrolled one receives the same document as JSON from
``GET /api/v1/policy`` (central turns the TOML into JSON: dates and times become
text, so both spellings are accepted here).  Amounts are integers in minor units
(what central.md promises), or a table by currency.  docs/policy.md describes
every key; this module is the one place that reads them.

Every problem with a document is a :class:`DomainError` with a code and a
Spanish sentence naming the key, never a trace: a bad document must not stop a
counter that still holds the previous one.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Final, Mapping

from app.domain.accounts import Segment
from app.domain.errors import DomainError
from app.domain.money import MAX_MAJOR, Money, minor_units

#: the document format this engine reads (top-level ``format``)
FORMAT: Final = 1
MAX_DOCUMENT_CHARS: Final = 1_000_000
TENDER_KINDS: Final = ("cash", "cheque", "card")
SEGMENTS: Final = tuple(s.value for s in Segment)
#: roles that may approve an override; a policy may narrow them, never add cashiers
APPROVER_ROLE_CHOICES: Final = ("supervisor", "admin", "central")

_MAX_MINOR: Final = int(MAX_MAJOR)  # below MAX_MAJOR whatever the currency's decimals
_BILLER_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,39}$")
_BANK_CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9_\-]{0,19}$")
_WORD_RE = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,29}$")
_PERCENT_RE = re.compile(r"^\d{1,3}(\.\d{1,4})?$")


# --------------------------------------------------------------------------
# the catalogue: areas, their parameters and the rules they drive
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Param:
    kind: str  # money | step | days | count | hours | bool | kinds | words | bands
    default: Any


#: areas that may differ per biller and segment, with their parameters and defaults
SCOPED_AREAS: Final[dict[str, dict[str, Param]]] = {
    "tenders": {"allowed": Param("kinds", TENDER_KINDS)},
    "cash": {
        "max_payment": Param("money", None),
        "aml_threshold": Param("money", None),
        "payer_id_types": Param("words", ("cedula", "pasaporte", "rnc")),
        "rounding_step": Param("step", None),
    },
    "cheque": {
        "max_amount": Param("money", None),
        "postdated_days": Param("days", 0),
        "stale_days": Param("days", 180),
        "returned_drawer_days": Param("days", 180),
    },
    "card": {
        "min_amount": Param("money", None),
        "max_amount": Param("money", None),
        "brands": Param("words", ("visa", "mastercard")),
    },
    "partial": {"allowed": Param("bool", True), "minimum": Param("money", None)},
    "overpayment": {"allowed": Param("bool", False), "max_credit": Param("money", None)},
    "account": {"agreement_installment_minimum": Param("bool", True)},
    "discount": {"bands": Param("bands", ()), "requires_full_settlement": Param("bool", True)},
}

#: areas that hold for the whole terminal (not per biller or segment)
GLOBAL_AREAS: Final[dict[str, dict[str, Param]]] = {
    "offline": {
        "max_payment": Param("money", None),
        "max_shift_total": Param("money", None),
        "max_unsynced_count": Param("count", None),
        "max_unsynced_total": Param("money", None),
        "max_hours_since_sync": Param("hours", None),
    },
    "drawer": {"max_cash": Param("money", None), "close_tolerance": Param("money", None)},
}

#: rule codes a supervisor may be allowed to override, by area.  Anything not
#: here (identity documents, duplicate cheques, card numbers, the numbers of the
#: payment itself, judicial accounts) is never overridable.
OVERRIDABLE_CODES: Final[dict[str, tuple[str, ...]]] = {
    "tenders": ("tender_not_allowed",),
    "cash": ("cash_above_max",),
    "cheque": ("cheque_above_max", "cheque_postdated", "cheque_stale", "cheque_drawer_returned"),
    "card": ("card_below_min", "card_above_max"),
    "partial": ("partial_not_allowed", "partial_below_minimum"),
    "overpayment": ("overpayment_not_allowed", "overpayment_above_limit"),
    "account": ("agreement_below_installment",),
    "discount": ("discount_requires_settlement",),
    "offline": (
        "offline_payment_above_max",
        "offline_shift_total_above_max",
        "offline_unsynced_count_above_max",
        "offline_unsynced_total_above_max",
        "offline_sync_too_old",
    ),
}

#: what a supervisor may override when the area does not say
DEFAULT_OVERRIDABLE: Final[dict[str, tuple[str, ...]]] = {
    "tenders": (),
    "cash": ("cash_above_max",),
    "cheque": ("cheque_above_max",),
    "card": ("card_below_min", "card_above_max"),
    "partial": ("partial_below_minimum",),
    "overpayment": (),
    "account": ("agreement_below_installment",),
    "discount": (),
    "offline": ("offline_payment_above_max", "offline_sync_too_old"),
}


# --------------------------------------------------------------------------
# what a document becomes
# --------------------------------------------------------------------------

#: a money parameter: None (no limit), minor units for any currency, or by currency
MoneyParam = int | Mapping[str, int] | None


class MissingCurrency(Exception):
    """A money table has no entry for the payment's currency (policy evaluation turns it into a violation)."""

    def __init__(self, path: str, currency: str) -> None:
        super().__init__(path, currency)
        self.path, self.currency = path, currency


def money_param(value: MoneyParam, currency: str, path: str = "") -> Money | None:
    if value is None:
        return None
    if isinstance(value, int):
        return Money.from_minor(value, currency)
    if currency not in value:
        raise MissingCurrency(path, currency)
    return Money.from_minor(value[currency], currency)


@dataclass(frozen=True, slots=True)
class Bank:
    code: str
    name: str
    cheque_number_length: int


@dataclass(frozen=True, slots=True)
class DiscountBand:
    """Debts at least ``min_days`` past due: the cashier grants up to ``cashier_percent``
    alone, a supervisor up to ``supervisor_percent``; above it only the central office."""

    min_days: int
    cashier_percent: Decimal
    supervisor_percent: Decimal


@dataclass(frozen=True, slots=True)
class OfflineLimits:
    max_payment: MoneyParam = None
    max_shift_total: MoneyParam = None
    max_unsynced_count: int | None = None
    max_unsynced_total: MoneyParam = None
    max_hours_since_sync: int | None = None


@dataclass(frozen=True, slots=True)
class ResolvedRules:
    """The rules in force for one biller and segment, defaults filled in."""

    scope: str  # "base/residential", "biller AGUA/business" — for messages and debugging
    tenders_allowed: tuple[str, ...]
    cash_max_payment: MoneyParam
    cash_aml_threshold: MoneyParam
    payer_id_types: tuple[str, ...]
    cash_rounding_step: MoneyParam
    cheque_max_amount: MoneyParam
    cheque_postdated_days: int
    cheque_stale_days: int | None
    cheque_returned_drawer_days: int | None
    card_min_amount: MoneyParam
    card_max_amount: MoneyParam
    card_brands: tuple[str, ...]
    partial_allowed: bool
    partial_minimum: MoneyParam
    overpayment_allowed: bool
    overpayment_max_credit: MoneyParam
    agreement_installment_minimum: bool
    discount_bands: tuple[DiscountBand, ...]
    discount_requires_full_settlement: bool
    offline: OfflineLimits
    overridable: frozenset[str]
    #: money parameters resolved per currency, filled on first use (pure: same value each time)
    _money_cache: dict = field(default_factory=dict, repr=False, compare=False, hash=False)

    def money(self, name: str, currency: str) -> Money | None:
        key = (name, currency)
        try:
            return self._money_cache[key]
        except KeyError:
            pass
        if name.startswith("offline_"):
            raw = getattr(self.offline, name[len("offline_"):])
            path = f"offline.{name[len('offline_'):]}"
        else:
            raw = getattr(self, name)
            area, _, param = name.partition("_")
            path = f"{area}.{param}"
        value = money_param(raw, currency, path)
        self._money_cache[key] = value
        return value


@dataclass(frozen=True, eq=False)
class Policy:
    """A validated policy document.  Build it with :func:`parse_policy`,
    :func:`load_policy` or :func:`policy_from_document`."""

    version: int
    name: str
    currencies: tuple[str, ...]
    cutoff: time | None
    banks: Mapping[str, Bank]
    offline: OfflineLimits
    drawer_max_cash: MoneyParam
    drawer_close_tolerance: MoneyParam
    approver_roles: tuple[str, ...]
    min_reason_length: int
    billers: tuple[str, ...]
    document: Mapping[str, Any] = field(repr=False, compare=False)
    _resolved: Mapping[tuple[str | None, str], ResolvedRules] = field(repr=False, compare=False, default_factory=dict)

    def rules_for(self, biller_id: str | None, segment: str | Segment) -> ResolvedRules:
        """The rules for a biller and segment; an unknown biller gets the base rules."""
        seg = segment.value if isinstance(segment, Segment) else segment
        rules = self._resolved.get((biller_id, seg)) or self._resolved.get((None, seg))
        if rules is None:
            raise DomainError("unknown_segment", f"El segmento «{seg}» no existe.")
        return rules


# --------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------


def _bad(path: str, detail: str, code: str = "policy_bad_value") -> DomainError:
    return DomainError(code, f"La política no es válida: «{path}» {detail}", field=path)


def load_policy(path: str | Path) -> Policy:
    """Read and validate a TOML policy file."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        reason = e.strerror or type(e).__name__
        raise DomainError("policy_file_unreadable", f"No se puede leer el archivo de política {p}: {reason}.") from None
    if len(raw) > MAX_DOCUMENT_CHARS:
        raise DomainError("policy_too_large", "El archivo de política es demasiado grande (máximo 1 MB).")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DomainError("policy_not_utf8", f"El archivo de política {p.name} no está en UTF-8.") from None
    return parse_policy(text)


def load_default_policy() -> Policy:
    """The documented policy shipped in resources/policy/default.toml."""
    from importlib import resources as importlib_resources

    text = importlib_resources.files("resources.policy").joinpath("default.toml").read_text("utf-8")
    return parse_policy(text)


def parse_policy(text: str, *, version: int | None = None) -> Policy:
    """Validate a TOML policy document.  ``version`` (central's number) wins over the document's."""
    if not isinstance(text, str):
        raise DomainError("policy_not_toml", "La política debe ser texto TOML.")
    if len(text) > MAX_DOCUMENT_CHARS:
        raise DomainError("policy_too_large", "El documento de política es demasiado grande (máximo 1 MB).")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        where = re.search(r"line (\d+), column (\d+)", str(e))
        at = f" (línea {where.group(1)}, columna {where.group(2)})" if where else ""
        raise DomainError("policy_not_toml", f"El documento de política no es TOML válido{at}.") from None
    return policy_from_document(document, version=version)


def policy_from_document(document: Mapping[str, Any], *, version: int | None = None) -> Policy:
    """Validate a policy document already parsed (TOML, or JSON as central serves it)."""
    if not isinstance(document, Mapping):
        raise DomainError("policy_bad_value", "La política debe ser una tabla de claves y valores.")
    doc = dict(document)
    _unknown_keys(doc, {"format", "version", "name", "currencies", "business_day", "banks", "overrides", "segment",
                        "biller", *SCOPED_AREAS, *GLOBAL_AREAS}, "")
    fmt = doc.get("format", FORMAT)
    if isinstance(fmt, bool) or not isinstance(fmt, int):
        raise _bad("format", "debe ser un número entero.")
    if fmt != FORMAT:
        raise DomainError(
            "policy_format_unsupported",
            f"La política usa el formato {fmt} y esta caja entiende el formato {FORMAT}: actualice la aplicación.",
            field="format",
        )
    if version is None:
        if "version" not in doc:
            raise DomainError("policy_missing_key", "La política no es válida: falta «version».", field="version")
        version = doc["version"]
    if isinstance(version, bool) or not isinstance(version, int) or not 0 <= version < 2**31:
        raise _bad("version", "debe ser un número entero no negativo.")
    name = doc.get("name", "")
    if not isinstance(name, str) or len(name) > 200:
        raise _bad("name", "debe ser un texto de hasta 200 caracteres.")

    currencies = _currencies(doc.get("currencies", []))
    ctx = _Reader(currencies)

    cutoff = _cutoff(doc.get("business_day", {}))
    banks = _banks(doc.get("banks", {}))
    approver_roles, min_reason = _overrides_section(doc.get("overrides", {}))

    glob: dict[str, dict[str, Any]] = {}
    for area, spec in GLOBAL_AREAS.items():
        table = _table(doc.get(area, {}), area)
        keys = set(spec) | ({"overridable"} if area in OVERRIDABLE_CODES else set())
        _unknown_keys(table, keys, area)
        glob[area] = {k: ctx.value(spec[k], table[k], f"{area}.{k}") if k in table else spec[k].default for k in spec}
    offline = OfflineLimits(**glob["offline"])
    offline_overridable = ctx.overridable(_table(doc.get("offline", {}), "offline"), "offline")

    base = {area: ctx.area(_table(doc.get(area, {}), area), area, area) for area in SCOPED_AREAS}
    segments = _overlays(ctx, doc.get("segment", {}), "segment")
    billers_raw = _table(doc.get("biller", {}), "biller")
    billers: dict[str, tuple[dict, dict]] = {}
    for biller_id, overlay in billers_raw.items():
        if not _BILLER_ID_RE.match(biller_id):
            raise _bad(f"biller.{biller_id}", "no es un código de empresa válido (letras, cifras, - y _).")
        overlay = _table(overlay, f"biller.{biller_id}")
        _unknown_keys(overlay, {"name", "segment", *SCOPED_AREAS}, f"biller.{biller_id}")
        if not isinstance(overlay.get("name", ""), str):
            raise _bad(f"biller.{biller_id}.name", "debe ser un texto.")
        own = {a: ctx.area(_table(overlay[a], f"biller.{biller_id}.{a}"), a, f"biller.{biller_id}.{a}")
               for a in SCOPED_AREAS if a in overlay}
        billers[biller_id] = (own, _overlays(ctx, overlay.get("segment", {}), f"biller.{biller_id}.segment"))

    resolved: dict[tuple[str | None, str], ResolvedRules] = {}
    for seg in SEGMENTS:
        layers = [base, segments.get(seg, {})]
        resolved[(None, seg)] = _resolve(layers, offline, offline_overridable, f"base/{seg}")
        for biller_id, (own, by_seg) in billers.items():
            resolved[(biller_id, seg)] = _resolve(layers + [own, by_seg.get(seg, {})], offline, offline_overridable,
                                                  f"biller {biller_id}/{seg}")

    return Policy(
        version=version,
        name=name,
        currencies=currencies,
        cutoff=cutoff,
        banks=banks,
        offline=offline,
        drawer_max_cash=glob["drawer"]["max_cash"],
        drawer_close_tolerance=glob["drawer"]["close_tolerance"],
        approver_roles=approver_roles,
        min_reason_length=min_reason,
        billers=tuple(sorted(billers)),
        document=doc,
        _resolved=resolved,
    )


# --------------------------------------------------------------------------
# helpers of the reader
# --------------------------------------------------------------------------


def _table(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise _bad(path, "debe ser una tabla ([sección]).")
    return dict(value)


def _unknown_keys(table: Mapping[str, Any], known: set[str], path: str) -> None:
    unknown = sorted(k for k in table if k not in known)
    if unknown:
        where = f"{path}.{unknown[0]}" if path else unknown[0]
        raise DomainError(
            "policy_unknown_key",
            f"La política no es válida: la clave «{where}» no existe (¿un error de escritura?).",
            field=where,
        )


def _currencies(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise _bad("currencies", "debe ser una lista de códigos de moneda, como [\"DOP\"].")
    for c in value:
        try:
            minor_units(c)
        except DomainError:
            raise _bad("currencies", f"nombra la moneda «{c}», que no está configurada.") from None
    if len(set(value)) != len(value):
        raise _bad("currencies", "repite una moneda.")
    return tuple(value)


def _cutoff(section: Any) -> time | None:
    table = _table(section, "business_day")
    _unknown_keys(table, {"cutoff"}, "business_day")
    value = table.get("cutoff", False)
    if value is False:
        return None
    if isinstance(value, time):
        if value.tzinfo is not None:
            raise _bad("business_day.cutoff", "es una hora local, sin zona horaria.")
        return value
    if isinstance(value, str) and re.match(r"^\d{2}:\d{2}(:\d{2})?$", value):
        try:
            return time.fromisoformat(value)
        except ValueError:
            pass
    raise _bad("business_day.cutoff", f"debe ser una hora HH:MM (por ejemplo \"20:00\"), no {value!r}.")


def _banks(section: Any) -> dict[str, Bank]:
    table = _table(section, "banks")
    banks: dict[str, Bank] = {}
    for code, entry in table.items():
        path = f"banks.{code}"
        if not _BANK_CODE_RE.match(code):
            raise _bad(path, "no es un código de banco válido (mayúsculas y cifras).")
        entry = _table(entry, path)
        _unknown_keys(entry, {"name", "cheque_number_length"}, path)
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip() or len(name) > 80:
            raise _bad(f"{path}.name", "debe ser el nombre del banco.")
        length = entry.get("cheque_number_length")
        if isinstance(length, bool) or not isinstance(length, int) or not 4 <= length <= 12:
            raise _bad(f"{path}.cheque_number_length", "debe ser un número de dígitos entre 4 y 12.")
        banks[code] = Bank(code, name.strip(), length)
    return banks


def _overrides_section(section: Any) -> tuple[tuple[str, ...], int]:
    table = _table(section, "overrides")
    _unknown_keys(table, {"approver_roles", "min_reason_length"}, "overrides")
    roles = table.get("approver_roles", ["supervisor", "admin"])
    if not isinstance(roles, list) or not roles or any(r not in APPROVER_ROLE_CHOICES for r in roles):
        raise _bad("overrides.approver_roles", f"debe ser una lista con algunos de: {', '.join(APPROVER_ROLE_CHOICES)}.")
    length = table.get("min_reason_length", 5)
    if isinstance(length, bool) or not isinstance(length, int) or not 1 <= length <= 200:
        raise _bad("overrides.min_reason_length", "debe ser un número entre 1 y 200.")
    return tuple(dict.fromkeys(roles)), length


def _overlays(ctx: _Reader, section: Any, path: str) -> dict[str, dict[str, dict[str, Any]]]:
    table = _table(section, path)
    _unknown_keys(table, set(SEGMENTS), path)
    result = {}
    for seg, overlay in table.items():
        overlay = _table(overlay, f"{path}.{seg}")
        _unknown_keys(overlay, set(SCOPED_AREAS), f"{path}.{seg}")
        result[seg] = {a: ctx.area(_table(overlay[a], f"{path}.{seg}.{a}"), a, f"{path}.{seg}.{a}") for a in overlay}
    return result


def _resolve(layers: list[dict[str, dict[str, Any]]], offline: OfflineLimits, offline_overridable: tuple[str, ...] | None,
             scope: str) -> ResolvedRules:
    merged: dict[str, dict[str, Any]] = {}
    for area, spec in SCOPED_AREAS.items():
        values = {k: p.default for k, p in spec.items()}
        values["overridable"] = DEFAULT_OVERRIDABLE[area]
        for layer in layers:
            values.update(layer.get(area, {}))
        merged[area] = values
    overridable = {code for area in SCOPED_AREAS for code in merged[area]["overridable"]}
    overridable.update(offline_overridable if offline_overridable is not None else DEFAULT_OVERRIDABLE["offline"])
    m = merged
    return ResolvedRules(
        scope=scope,
        tenders_allowed=m["tenders"]["allowed"],
        cash_max_payment=m["cash"]["max_payment"],
        cash_aml_threshold=m["cash"]["aml_threshold"],
        payer_id_types=m["cash"]["payer_id_types"],
        cash_rounding_step=m["cash"]["rounding_step"],
        cheque_max_amount=m["cheque"]["max_amount"],
        cheque_postdated_days=m["cheque"]["postdated_days"] or 0,
        cheque_stale_days=m["cheque"]["stale_days"],
        cheque_returned_drawer_days=m["cheque"]["returned_drawer_days"],
        card_min_amount=m["card"]["min_amount"],
        card_max_amount=m["card"]["max_amount"],
        card_brands=m["card"]["brands"],
        partial_allowed=m["partial"]["allowed"],
        partial_minimum=m["partial"]["minimum"],
        overpayment_allowed=m["overpayment"]["allowed"],
        overpayment_max_credit=m["overpayment"]["max_credit"],
        agreement_installment_minimum=m["account"]["agreement_installment_minimum"],
        discount_bands=m["discount"]["bands"],
        discount_requires_full_settlement=m["discount"]["requires_full_settlement"],
        offline=offline,
        overridable=frozenset(overridable),
    )


class _Reader:
    """Type-checks one parameter value, with the document's declared currencies."""

    def __init__(self, currencies: tuple[str, ...]) -> None:
        self.currencies = currencies

    def area(self, table: dict[str, Any], area: str, path: str) -> dict[str, Any]:
        spec = SCOPED_AREAS[area]
        _unknown_keys(table, set(spec) | {"overridable"}, path)
        values = {k: self.value(spec[k], v, f"{path}.{k}") for k, v in table.items() if k != "overridable"}
        overridable = self.overridable(table, area, path)
        if overridable is not None:
            values["overridable"] = overridable
        return values

    def overridable(self, table: Mapping[str, Any], area: str, path: str | None = None) -> tuple[str, ...] | None:
        path = f"{path or area}.overridable"
        if "overridable" not in table:
            return None
        value = table["overridable"]
        if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
            raise _bad(path, "debe ser una lista de códigos de regla.")
        allowed = OVERRIDABLE_CODES[area]
        for code in value:
            if code not in allowed:
                raise DomainError(
                    "policy_rule_not_overridable",
                    f"La política no es válida: «{path}» nombra «{code}», que no es una regla de «{area}» "
                    f"que un supervisor pueda autorizar (se admiten: {', '.join(allowed)}).",
                    field=path,
                )
        return tuple(dict.fromkeys(value))

    def value(self, param: Param, value: Any, path: str) -> Any:
        kind = param.kind
        if kind in ("money", "step"):
            return self.money(value, path, allow_zero_as_none=kind == "step")
        if kind in ("days", "count", "hours"):
            upper = {"days": 3650, "count": 1_000_000_000, "hours": 8760}[kind]
            if value is False:
                return None
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= upper:
                raise _bad(path, f"debe ser un número entero entre 0 y {upper:,}".replace(",", ".") + " (o false: sin límite).")
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                raise _bad(path, "debe ser true o false.")
            return value
        if kind == "kinds":
            if not isinstance(value, list) or any(v not in TENDER_KINDS for v in value):
                raise _bad(path, "debe ser una lista con algunos de: cash, cheque, card.")
            return tuple(dict.fromkeys(value))
        if kind == "words":
            if not isinstance(value, list) or not all(isinstance(v, str) and _WORD_RE.match(v.lower()) for v in value):
                raise _bad(path, "debe ser una lista de códigos en minúsculas, como [\"visa\", \"mastercard\"].")
            return tuple(dict.fromkeys(v.lower() for v in value))
        if kind == "bands":
            return self.bands(value, path)
        raise AssertionError(kind)  # pragma: no cover - the catalogue names only the kinds above

    def money(self, value: Any, path: str, *, allow_zero_as_none: bool = False) -> MoneyParam:
        if value is False:
            return None
        if isinstance(value, Mapping):
            table = {}
            for cur, minor in value.items():
                try:
                    minor_units(cur)
                except DomainError:
                    raise _bad(f"{path}.{cur}", "no es una moneda configurada.") from None
                table[cur] = self._minor(minor, f"{path}.{cur}")
            missing = [c for c in self.currencies if c not in table]
            if missing:
                raise _bad(path, f"no da un valor para {', '.join(missing)} (la política declara esas monedas).")
            if allow_zero_as_none and not any(table.values()):
                return None
            return table
        minor = self._minor(value, path)
        if allow_zero_as_none and minor == 0:
            return None
        return minor

    @staticmethod
    def _minor(value: Any, path: str) -> int:
        if isinstance(value, float):
            raise _bad(path, "debe ser un entero en unidades menores (centavos), nunca con decimales: 5000000 son 50.000,00.")
        if isinstance(value, bool) or not isinstance(value, int):
            raise _bad(path, "debe ser un monto entero en unidades menores (centavos), false o una tabla por moneda.")
        if value < 0:
            raise _bad(path, "no puede ser negativo.")
        if value >= _MAX_MINOR:
            raise _bad(path, "es demasiado grande.")
        return value

    def bands(self, value: Any, path: str) -> tuple[DiscountBand, ...]:
        if not isinstance(value, list):
            raise _bad(path, "debe ser una lista de tramos [[discount.bands]].")
        bands = []
        for i, entry in enumerate(value):
            where = f"{path}[{i}]"
            entry = _table(entry, where)
            _unknown_keys(entry, {"min_days", "cashier_percent", "supervisor_percent"}, where)
            days = entry.get("min_days")
            if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 36500:
                raise _bad(f"{where}.min_days", "debe ser un número de días de atraso (entero, 0 o más).")
            cashier = _percent(entry.get("cashier_percent"), f"{where}.cashier_percent")
            supervisor = _percent(entry.get("supervisor_percent"), f"{where}.supervisor_percent")
            if cashier > supervisor:
                raise _bad(where, "da al cajero más descuento que al supervisor.")
            bands.append(DiscountBand(days, cashier, supervisor))
        if len({b.min_days for b in bands}) != len(bands):
            raise _bad(path, "repite un tramo con los mismos días.")
        return tuple(sorted(bands, key=lambda b: b.min_days))


def _percent(value: Any, path: str) -> Decimal:
    if isinstance(value, float):
        raise _bad(path, "debe ser un entero o un texto como \"12.5\" (nunca un decimal TOML).")
    if isinstance(value, bool):
        raise _bad(path, "debe ser un porcentaje entre 0 y 100.")
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise _bad(path, "debe ser un porcentaje entre 0 y 100.")
    if not _PERCENT_RE.match(text):
        raise _bad(path, f"debe ser un porcentaje entre 0 y 100, no {value!r}.")
    try:
        pct = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern already guards it
        raise _bad(path, "debe ser un porcentaje.") from None
    if pct > 100:
        raise _bad(path, "no puede pasar de 100.")
    return pct


__all__ = [
    "FORMAT",
    "Bank",
    "DiscountBand",
    "MissingCurrency",
    "OfflineLimits",
    "Policy",
    "ResolvedRules",
    "load_default_policy",
    "load_policy",
    "money_param",
    "parse_policy",
    "policy_from_document",
]

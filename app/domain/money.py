"""Money as a value type: a Decimal amount and an ISO 4217 currency.

Floats are refused on the way in; mixed currencies are refused in every
operation.  Storage holds integer minor units (``to_minor`` / ``from_minor``).
Rounding happens in one function, :func:`round_to`, with an explicit mode.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from app.domain.errors import DomainError

#: minor-unit digits per currency.  COP is configurable (see
#: :func:`set_minor_units`): most billers print pesos without cents.
_MINOR_UNITS: dict[str, int] = {
    "DOP": 2,
    "MXN": 2,
    "PEN": 2,
    "USD": 2,
    "ARS": 2,
    "GTQ": 2,
    "HNL": 2,
    "BOB": 2,
    "CLP": 0,
    "PYG": 0,
    "COP": 2,
}

#: the sign printed before amounts.  Several currencies share "$"; receipts
#: add the ISO code where it matters.
CURRENCY_SIGNS: Final[dict[str, str]] = {
    "DOP": "RD$",
    "MXN": "$",
    "PEN": "S/",
    "USD": "US$",
    "ARS": "$",
    "GTQ": "Q",
    "HNL": "L",
    "BOB": "Bs",
    "CLP": "$",
    "PYG": "₲",
    "COP": "$",
}

#: one trillion major units: far above any bill a counter takes, far below
#: what an SQLite INTEGER holds in minor units.
MAX_MAJOR: Final = Decimal("1000000000000")


def minor_units(currency: str) -> int:
    try:
        return _MINOR_UNITS[currency]
    except KeyError:
        raise DomainError(
            "unknown_currency", f"La moneda {currency!r} no está configurada."
        ) from None


def set_minor_units(currency: str, digits: int) -> None:
    """Configure a currency's minor units (COP is 0 or 2 depending on the network)."""
    if currency not in ("COP",) and currency in _MINOR_UNITS and _MINOR_UNITS[currency] != digits:
        raise DomainError("fixed_currency", f"Los decimales de {currency} no se pueden cambiar.")
    if digits not in (0, 2, 3):
        raise DomainError("bad_minor_units", "Una moneda tiene 0, 2 o 3 decimales.")
    _MINOR_UNITS[currency] = digits


def round_to(amount: Decimal, currency: str, rounding: str = ROUND_HALF_UP, step: Decimal | None = None) -> Decimal:
    """The one rounding function.

    Rounds ``amount`` to the currency's minor units, or to a multiple of
    ``step`` (cash rounding: to the nearest 5 or 10 where coins are gone),
    with the explicit ``rounding`` mode from :mod:`decimal`.
    """
    exponent = Decimal(1).scaleb(-minor_units(currency))
    if step is not None:
        if step <= 0:
            raise DomainError("bad_rounding_step", "El redondeo debe ser un valor positivo.")
        units = (amount / step).quantize(Decimal(1), rounding=rounding)
        return (units * step).quantize(exponent)
    return amount.quantize(exponent, rounding=rounding)


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.amount, float) or not isinstance(self.amount, (Decimal, int)):
            raise TypeError("Money needs a Decimal or an int amount, never a float")
        if isinstance(self.amount, bool):
            raise TypeError("Money needs a Decimal or an int amount")
        amount = Decimal(self.amount)
        if not amount.is_finite():
            raise DomainError("bad_amount", "El monto no es un número válido.")
        digits = minor_units(self.currency)
        if abs(amount) >= MAX_MAJOR:
            raise DomainError("amount_too_large", "El monto es demasiado grande.")
        if amount.as_tuple().exponent < -digits and amount != amount.quantize(Decimal(1).scaleb(-digits)):
            raise DomainError(
                "too_many_decimals",
                f"El monto tiene más decimales de los que admite {self.currency} ({digits}).",
            )
        object.__setattr__(self, "amount", amount.quantize(Decimal(1).scaleb(-digits)))

    # construction -----------------------------------------------------
    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    @classmethod
    def from_minor(cls, minor: int, currency: str) -> Money:
        if isinstance(minor, bool) or not isinstance(minor, int):
            raise TypeError("minor units are an int")
        return cls(Decimal(minor).scaleb(-minor_units(currency)), currency)

    def to_minor(self) -> int:
        return int(self.amount.scaleb(minor_units(self.currency)))

    # arithmetic -------------------------------------------------------
    def _same(self, other: object) -> Money:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise DomainError(
                "mixed_currencies",
                f"No se pueden combinar montos en {self.currency} y {other.currency}.",
            )
        return other

    def __add__(self, other: Money) -> Money:
        return Money(self.amount + self._same(other).amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        return Money(self.amount - self._same(other).amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __mul__(self, factor: int) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, int):
            raise TypeError("Money multiplies by an int only; use round_to for rates")
        return Money(self.amount * factor, self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        return self.amount < self._same(other).amount

    def __le__(self, other: Money) -> bool:
        return self.amount <= self._same(other).amount

    def __gt__(self, other: Money) -> bool:
        return self.amount > self._same(other).amount

    def __ge__(self, other: Money) -> bool:
        return self.amount >= self._same(other).amount

    def __bool__(self) -> bool:
        return self.amount != 0

    def is_zero(self) -> bool:
        return self.amount == 0

    def is_negative(self) -> bool:
        return self.amount < 0

    def min(self, other: Money) -> Money:
        return self if self <= other else other

    def __str__(self) -> str:
        return f"{self.currency} {self.amount}"


def total(amounts: list[Money] | tuple[Money, ...], currency: str) -> Money:
    result = Money.zero(currency)
    for m in amounts:
        result = result + m
    return result

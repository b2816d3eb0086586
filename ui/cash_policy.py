"""The two cash-control numbers the screens need until the policy engine provides them.

* **Drawer limit** (``drop_limit_minor``): cash in the drawer above which the
  counter asks for a sangría.  Taken from ``settings.drawer_cash_limit``
  (major units, text) when settings have it; else the table below, which
  mirrors ``[drawer] max_cash`` of resources/policy/default.toml.
* **Close tolerance** (``close_tolerance_minor``): the largest over/short per
  tender that still closes a shift without a recount.  From
  ``settings.close_tolerance`` (major units) when present; else the table.

Both are in minor units.  Once the policy engine is wired into Services, its
``drop_limit`` replaces the first table.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from app.domain.money import Money

#: minor units, per currency (resources/policy/default.toml [drawer] max_cash)
DRAWER_CASH_LIMIT_MINOR: dict[str, int] = {
    "DOP": 10_000_000,
    "COP": 600_000_000,
    "MXN": 3_000_000,
    "PEN": 600_000,
    "CLP": 1_500_000,
    "USD": 170_000,
}

#: major units, per currency: about one US dollar, what a miscounted coin or two costs
CLOSE_TOLERANCE_MAJOR: dict[str, str] = {
    "DOP": "50",
    "COP": "4000",
    "MXN": "20",
    "PEN": "3",
    "CLP": "1000",
    "USD": "1",
}


def _setting_minor(settings, name: str, currency: str) -> int | None:
    value = getattr(settings, name, None)
    if value in (None, ""):
        return None
    try:
        return Money(Decimal(str(value)), currency).to_minor()
    except (InvalidOperation, ArithmeticError, ValueError):
        return None


def drop_limit_minor(settings) -> int | None:
    currency = settings.currency
    from_settings = _setting_minor(settings, "drawer_cash_limit", currency)
    return from_settings if from_settings is not None else DRAWER_CASH_LIMIT_MINOR.get(currency)


def close_tolerance_minor(settings) -> int:
    currency = settings.currency
    from_settings = _setting_minor(settings, "close_tolerance", currency)
    if from_settings is not None:
        return from_settings
    return Money(Decimal(CLOSE_TOLERANCE_MAJOR.get(currency, "0")), currency).to_minor()

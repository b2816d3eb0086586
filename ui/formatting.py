"""Amounts, dates and freshness as the cashier reads them (outlet locale and time zone)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.domain.amounts import format_amount, number_format
from app.domain.money import Money
from app.settings import Settings


class Formats:
    def __init__(self, settings: Settings) -> None:
        self.locale = settings.locale
        self.currency = settings.currency
        self.zone = ZoneInfo(settings.timezone)
        self.decimal_sep = number_format(settings.locale).decimal_sep

    def money(self, m: Money, *, sign: bool = True) -> str:
        # a no-break space keeps «RD$» on the same line as its number
        return format_amount(m, self.locale, sign=sign).replace(" ", "\u00a0")

    def whole(self, major: int) -> str:
        """A bill or coin: ``RD$ 2,000`` (no cents)."""
        text = format_amount(Money(major, self.currency), self.locale, sign=True)
        dec = self.decimal_sep
        return text.split(dec)[0].replace(" ", "\u00a0") if dec in text else text.replace(" ", "\u00a0")

    def minor(self, amount_minor: int, *, sign: bool = True) -> str:
        return self.money(Money.from_minor(amount_minor, self.currency), sign=sign)

    def day(self, d: date) -> str:
        return d.strftime("%d/%m/%Y")

    def moment(self, dt: datetime) -> str:
        """``21/11 18:40`` in the outlet's time zone: short enough for a status line."""
        return dt.astimezone(self.zone).strftime("%d/%m %H:%M")

    def today(self, now: datetime) -> date:
        return now.astimezone(self.zone).date()

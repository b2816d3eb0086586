"""Stored times are RFC 3339 UTC text; these turn them back and forth."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from app.domain.protocol import parse_rfc3339, rfc3339

__all__ = ["to_text", "from_text", "business_date", "rfc3339", "parse_rfc3339"]


def to_text(moment: datetime) -> str:
    return rfc3339(moment)


def from_text(text: str) -> datetime:
    return parse_rfc3339(text)


def business_date(moment: datetime, tz: str, cutoff: time | None = None) -> date:
    """The outlet's business date: its local date, moved to the next day after the cut-off."""
    local = moment.astimezone(ZoneInfo(tz))
    day = local.date()
    if cutoff is not None and local.time() >= cutoff:
        day = day + timedelta(days=1)
    return day


def utc(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc)

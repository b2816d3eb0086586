"""The desk's only way to the central service: its admin HTTP API.

``DeskClient`` wraps ``/admin/v1`` with an admin bearer token.  Answers come
back as plain dicts and lists (amounts in minor units, as the API sends them);
CSV and PDF come back as bytes.  Every failure becomes a :class:`DeskError`
carrying the API's error code, which :mod:`ui.central_office.errors` turns
into a Spanish sentence.  Calls block: widgets run them on a ``Worker``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import requests

PREFIX = "/admin/v1"


@dataclass
class DeskError(Exception):
    """What went wrong, as the central service (or the network) said it."""

    code: str
    message: str
    status: int | None = None
    #: a refused file: (line, what is wrong with it)
    lines: list[tuple[int, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


@dataclass(frozen=True)
class ImportResult:
    """A file the central applied: how many rows and what became of them (matched, unmatched…)."""

    rows: int
    counts: dict[str, int]


def _params(**kw: Any) -> dict[str, Any]:
    return {k: v for k, v in kw.items() if v not in (None, "")}


class DeskClient:
    """The admin API of one central service, spoken with one admin token."""

    def __init__(self, url: str, token: str, *, timeout: float = 30.0) -> None:
        self.url = url.rstrip("/")
        self.token = token.strip()
        self.timeout = timeout
        # one session per thread: the desk's worker pool calls from several threads at once
        self._local = threading.local()

    def _session(self) -> requests.Session:
        s = getattr(self._local, "session", None)
        if s is None:
            s = self._local.session = requests.Session()
            s.headers["Authorization"] = f"Bearer {self.token}"
        return s

    # -- the wire --------------------------------------------------------------------

    def request(self, method: str, path: str, **kw: Any) -> requests.Response:
        try:
            r = self._session().request(method, self.url + PREFIX + path, timeout=self.timeout, **kw)
        except requests.Timeout as e:
            raise DeskError("timeout", "the central service did not answer in time") from e
        except requests.RequestException as e:
            raise DeskError("unreachable", f"cannot reach {self.url}") from e
        if r.status_code >= 400:
            raise self._error(r)
        return r

    @staticmethod
    def _error(r: requests.Response) -> DeskError:
        try:
            body = r.json()
        except ValueError:
            body = None
        if not isinstance(body, dict) or "error" not in body:
            return DeskError(f"http_{r.status_code}", r.reason or "", r.status_code)
        lines = [(int(e.get("line", 0)), str(e.get("message", ""))) for e in body.get("errors", []) if isinstance(e, dict)]
        return DeskError(str(body["error"]), str(body.get("message", "")), r.status_code, lines)

    def get_json(self, path: str, **params: Any) -> Any:
        return self.request("GET", path, params=_params(**params)).json()

    def post_json(self, path: str, body: dict[str, Any] | None = None) -> Any:
        return self.request("POST", path, json=body if body is not None else {}).json()

    def csv(self, path: str, **params: Any) -> bytes:
        """Any listing as the API's CSV (``?format=csv``), with the same filters as on screen."""
        return self.request("GET", path, params=_params(format="csv", **params)).content

    def pdf(self, path: str, **params: Any) -> bytes:
        data = self.request("GET", path, params=_params(**params)).content
        if not data.startswith(b"%PDF"):
            raise DeskError("not_a_pdf", "the central service did not send a PDF")
        return data

    def _upload(self, path: str, data: bytes, **params: Any) -> ImportResult:
        r = self.request("POST", path, params=_params(**params), data=data, headers={"Content-Type": "text/csv"})
        body = r.json()
        return ImportResult(int(body.get("rows", 0)), {str(k): int(v) for k, v in body.get("counts", {}).items()})

    # -- windows ---------------------------------------------------------------------

    def windows(self, *, state: str | None = None, agent_id: str | None = None, date_from: str | None = None,
                date_to: str | None = None) -> list[dict[str, Any]]:
        return self.get_json("/windows", state=state, agent_id=agent_id, date_from=date_from, date_to=date_to)["windows"]

    def window(self, window_id: int) -> dict[str, Any]:
        return self.get_json(f"/windows/{int(window_id)}")

    def window_report(self, window_id: int) -> bytes:
        return self.pdf(f"/windows/{int(window_id)}/report.pdf")

    def close_windows(self) -> dict[str, Any]:
        return self.post_json("/windows/close")

    def reconcile(self, *, business_date: str | None = None, agent_id: str | None = None) -> dict[str, Any]:
        return self.post_json("/reconcile", _params(business_date=business_date, agent_id=agent_id))

    # -- exceptions ------------------------------------------------------------------

    def exceptions(self, *, status: str | None = None, type: str | None = None, agent_id: str | None = None,
                   assigned_to: str | None = None, window_id: int | None = None,
                   business_date: str | None = None) -> list[dict[str, Any]]:
        return self.get_json("/exceptions", status=status, type=type, agent_id=agent_id, assigned_to=assigned_to,
                             window_id=window_id, business_date=business_date)["exceptions"]

    def exception(self, exception_id: int) -> dict[str, Any]:
        return self.get_json(f"/exceptions/{int(exception_id)}")

    def assign_exception(self, exception_id: int, assignee: str) -> dict[str, Any]:
        return self.post_json(f"/exceptions/{int(exception_id)}/assign", {"assignee": assignee})

    def resolve_exception(self, exception_id: int, action: str, reason: str, *, amount: int | None = None,
                          cashier_id: str | None = None) -> dict[str, Any]:
        return self.post_json(f"/exceptions/{int(exception_id)}/resolve",
                              _params(action=action, reason=reason, amount=amount, cashier_id=cashier_id))

    # -- deposits and files ----------------------------------------------------------

    def deposits(self, *, status: str | None = None, agent_id: str | None = None,
                 business_date: str | None = None) -> list[dict[str, Any]]:
        return self.get_json("/deposits", status=status, agent_id=agent_id, business_date=business_date)["deposits"]

    def add_deposit(self, *, agent_id: str, business_date: str, bank: str, reference: str, amount: int, currency: str,
                    tender: str = "cash") -> int:
        body = {"agent_id": agent_id, "business_date": business_date, "bank": bank, "reference": reference,
                "amount": amount, "currency": currency, "tender": tender}
        return int(self.post_json("/deposits", body)["id"])

    def assign_deposit(self, deposit_id: int, *, agent_id: str, business_date: str, reason: str,
                       tender: str | None = None) -> dict[str, Any]:
        return self.post_json(f"/deposits/{int(deposit_id)}/assign",
                              _params(agent_id=agent_id, business_date=business_date, reason=reason, tender=tender))

    def import_bank_statement(self, data: bytes, *, bank: str = "", name: str = "statement") -> ImportResult:
        return self._upload("/bank-statements", data, bank=bank, name=name)

    def import_card_settlement(self, data: bytes, *, name: str = "settlement") -> ImportResult:
        return self._upload("/card-settlements", data, name=name)

    def card_settlements(self, *, agent_id: str | None = None, business_date: str | None = None,
                         unmatched: bool = False) -> list[dict[str, Any]]:
        return self.get_json("/card-settlements", agent_id=agent_id, business_date=business_date,
                             unmatched="true" if unmatched else None)["settlements"]

    # -- returned cheques ------------------------------------------------------------

    def returned_cheques(self) -> list[dict[str, Any]]:
        return self.get_json("/returned-cheques")["returned_cheques"]

    def mark_cheque_returned(self, *, payment_id: str, reason: str, number: str | None = None,
                             returned_on: str | None = None) -> dict[str, Any]:
        return self.post_json("/returned-cheques",
                              _params(payment_id=payment_id, reason=reason, number=number, returned_on=returned_on))

    # -- KPIs, over/short, audit -----------------------------------------------------

    def kpis(self, date_from: str, date_to: str, *, agent_id: str | None = None, biller_id: str | None = None,
             currency: str | None = None) -> dict[str, Any]:
        """The KPIs in one currency (``None``: the central picks the period's main one; the answer says which,
        and lists every currency of the period with its payments)."""
        return self.get_json("/kpis", date_from=date_from, date_to=date_to, agent_id=agent_id, biller_id=biller_id,
                             currency=currency)

    def kpi_report(self, date_from: str, date_to: str, *, agent_id: str | None = None,
                   biller_id: str | None = None, currency: str | None = None) -> bytes:
        return self.pdf("/kpis/report.pdf", date_from=date_from, date_to=date_to, agent_id=agent_id, biller_id=biller_id,
                        currency=currency)

    def over_short(self, *, date_from: str | None = None, date_to: str | None = None, agent_id: str | None = None,
                   cashier_id: str | None = None) -> list[dict[str, Any]]:
        return self.get_json("/over-short", date_from=date_from, date_to=date_to, agent_id=agent_id,
                             cashier_id=cashier_id)["cashiers"]

    def audit(self, subject: str | None = None) -> list[dict[str, Any]]:
        return self.get_json("/audit", subject=subject)["audit"]

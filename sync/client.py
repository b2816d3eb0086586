"""The terminal's HTTP client for central: PROTOCOL.md over requests.

Implements ``app.services.ports.SyncTransport``.  Every request but
enrolment and health is signed with the terminal secret; the terminal clock
is corrected by the offset central reported last (``clock_skew`` answers and
every ``server_time``), so a terminal whose clock drifted keeps working.
Network trouble becomes ``CentralUnavailable`` (try later); a batch-level
4xx becomes ``CentralRefused`` with central's error code.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import requests

from app.domain.errors import DomainError
from app.services.ports import CentralRefused, CentralUnavailable, Clock, SystemClock
from sync.wire import parse_rfc3339, signed_headers

API = "/api/v1"


@dataclass(frozen=True)
class Enrolment:
    terminal_id: str
    agent_id: str
    secret: str  # base64, as central sent it
    server_time: datetime


def _unavailable(e: Exception) -> CentralUnavailable:
    return CentralUnavailable("central_unavailable", "Sin conexión con la central; los pagos quedan en cola.")


def _error_of(response: requests.Response) -> tuple[str, str]:
    try:
        body = response.json()
        return str(body.get("error") or f"http_{response.status_code}"), str(body.get("message") or "")
    except ValueError:
        return f"http_{response.status_code}", response.text[:200]


def enroll(base_url: str, code: str, name: str, *, timeout: float = 10.0) -> Enrolment:
    """Trade a one-time enrolment code for this terminal's id and secret."""
    try:
        r = requests.post(f"{base_url.rstrip('/')}{API}/terminals/enroll", json={"enrollment_code": code, "name": name}, timeout=timeout)
    except requests.RequestException as e:
        raise _unavailable(e) from e
    if r.status_code == 201:
        body = r.json()
        return Enrolment(body["terminal_id"], body["agent_id"], body["secret"], parse_rfc3339(body["server_time"]))
    code_, message = _error_of(r)
    if r.status_code == 409:
        raise CentralRefused("enrollment_used", "Ese código de alta ya se usó. Pida uno nuevo a la central.")
    if r.status_code in (400, 401, 403, 404, 422):
        raise CentralRefused(code_, message or "La central rechazó el código de alta.")
    raise CentralUnavailable(code_, "La central no pudo atender el alta; intente más tarde.")


class CentralClient:
    def __init__(
        self,
        base_url: str,
        terminal_id: str,
        secret: str | bytes,
        *,
        clock: Clock | None = None,
        timeout: float = 10.0,
        lookup_timeout: float = 1.0,
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._prefix = urlsplit(self.base_url).path  # central may live under a path
        self.terminal_id, self.secret = terminal_id, secret
        self.clock = clock or SystemClock()
        self.timeout, self.lookup_timeout = timeout, lookup_timeout
        self.http = session or requests.Session()
        self._offset = timedelta(0)
        self._lock = threading.Lock()

    # --- clock ------------------------------------------------------------------

    @property
    def offset(self) -> timedelta:
        return self._offset

    def _learn_server_time(self, text: str | None) -> None:
        if not text:
            return
        try:
            server = parse_rfc3339(text)
        except ValueError:
            return
        with self._lock:
            self._offset = server - self.clock.now()

    def now(self) -> datetime:
        return self.clock.now() + self._offset

    # --- signed requests --------------------------------------------------------

    def _request(self, method: str, path: str, *, query: dict[str, Any] | None = None, body: Any = None,
                 headers: dict[str, str] | None = None, timeout: float | None = None) -> requests.Response:
        path_with_query = f"{self._prefix}{API}{path}"
        if query:
            path_with_query += "?" + urlencode(query)
        data = b"" if body is None else json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
        for attempt in (1, 2):
            signed = signed_headers(self.terminal_id, self.secret, method, path_with_query, data, self.now())
            all_headers = {**signed, **(headers or {})}
            if body is not None:
                all_headers["Content-Type"] = "application/json"
            url = f"{urlsplit(self.base_url).scheme}://{urlsplit(self.base_url).netloc}{path_with_query}"
            try:
                r = self.http.request(method, url, data=data or None, headers=all_headers, timeout=timeout or self.timeout)
            except requests.RequestException as e:
                raise _unavailable(e) from e
            if r.status_code == 401 and attempt == 1:
                code, _ = _error_of(r)
                if code == "clock_skew":
                    self._learn_server_time(r.json().get("server_time"))
                    continue  # once, with the corrected clock
            return r
        return r

    def _check(self, r: requests.Response) -> Any:
        if r.status_code >= 500:
            raise CentralUnavailable("central_error", "La central tuvo un problema; se reintentará.")
        if r.status_code >= 400:
            code, message = _error_of(r)
            if r.status_code == 401:
                raise CentralRefused(code, "La central no reconoce esta caja: revise el alta (ventanilla enroll).")
            if r.status_code == 403:
                raise CentralRefused(code, "La central bloqueó esta caja. Llame a la oficina central.")
            raise CentralRefused(code, message or f"La central rechazó el pedido ({r.status_code}).")
        try:
            return r.json()
        except ValueError as e:
            raise CentralUnavailable("central_bad_answer", "La central respondió algo ilegible; se reintentará.") from e

    # --- SyncTransport ------------------------------------------------------------

    def send_batch(self, batch_id: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        payments = [i for i in items if i.get("type") == "payment"]
        envelope = {
            "batch_id": batch_id,
            "terminal_id": self.terminal_id,
            "sent_at": _rfc(self.now()),
            "items": items,
            "control": {
                "count": len(items),
                "amount_total": sum(int(i["amount"]) for i in payments),
                "first_seq": items[0]["seq"],
                "last_seq": items[-1]["seq"],
            },
        }
        r = self._request("POST", "/batches", body=envelope, headers={"Idempotency-Key": batch_id})
        if r.status_code == 409:
            raise CentralUnavailable("batch_in_progress", "La central aún procesa el lote anterior; se reintentará.")
        body = self._check(r)
        self._learn_server_time(body.get("server_time"))
        results = body.get("results")
        if not isinstance(results, list):
            raise CentralUnavailable("central_bad_answer", "La central respondió sin resultados; se reintentará.")
        return results

    def fetch_account(self, account_id: str) -> dict[str, Any] | None:
        r = self._request("GET", f"/accounts/{quote(account_id, safe='')}", timeout=self.lookup_timeout)
        if r.status_code == 404:
            return None
        return self._check(r)

    def fetch_snapshot(self, cursor: str, limit: int) -> tuple[list[dict[str, Any]], str, bool]:
        body = self._check(self._request("GET", "/snapshot/accounts", query={"cursor": cursor, "limit": limit}))
        return body["accounts"], body["next_cursor"], bool(body.get("has_more"))

    def fetch_policy(self) -> dict[str, Any]:
        return self._check(self._request("GET", "/policy"))

    def fetch_terminal_state(self) -> dict[str, Any]:
        return self._check(self._request("GET", "/terminals/me"))

    def fetch_returned_cheques(self) -> dict[str, Any]:
        return self._check(self._request("GET", "/returned-cheques"))

    def health(self) -> bool:
        try:
            r = self.http.get(f"{self.base_url}{API}/health", timeout=self.lookup_timeout)
        except requests.RequestException:
            return False
        if r.status_code == 200:
            self._learn_server_time(r.json().get("server_time"))
            return True
        return False


def _rfc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


__all__ = ["CentralClient", "Enrolment", "enroll", "DomainError"]

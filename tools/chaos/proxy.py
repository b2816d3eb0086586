"""A hostile network between terminals and central: an HTTP-level fault proxy on loopback.

Every request is read whole, then one fate is drawn for it:

| fate | what the terminal sees | what central sees |
|---|---|---|
| ``pass`` | central's answer | the request |
| ``drop_request`` | the connection cut, no answer | nothing |
| ``drop_response`` | the connection cut, no answer | the request (applied!) |
| ``duplicate`` | central's answer to the first copy | the request twice, at once |
| ``replay_later`` | central's answer | the request, and again 0.05-2 s later (after newer ones: reordered) |
| ``delay`` | central's answer, 0.05-1 s late (other terminals overtake it) | the request, late |
| ``bad_gateway`` | 502 with an HTML body, as a real proxy sends | nothing |
| ``bad_gateway_after`` | 502 | the request (applied!) |

    proxy = FaultProxy("http://127.0.0.1:8700", rates={"drop_request": 0.2, ...}, seed=1)
    proxy.start(); ...; proxy.counts; proxy.stop()
"""

from __future__ import annotations

import http.client
import random
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

FATES = ("drop_request", "drop_response", "duplicate", "replay_later", "delay", "bad_gateway", "bad_gateway_after")
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"}


class FaultProxy:
    def __init__(self, upstream: str, rates: dict[str, float] | None = None, *, seed: int = 0, port: int = 0) -> None:
        parts = urlsplit(upstream)
        self.upstream_host, self.upstream_port = parts.hostname or "127.0.0.1", parts.port or 80
        self.rates = dict(rates or {})
        unknown = set(self.rates) - set(FATES)
        if unknown or sum(self.rates.values()) > 1:
            raise ValueError(f"bad rates {self.rates}")
        self.rng = random.Random(seed)
        self.rng_lock = threading.Lock()
        self.counts: dict[str, int] = {f: 0 for f in ("pass", *FATES)}
        self.upstream_errors = 0
        self._late: list[threading.Thread] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def _any(self) -> None:
                proxy._handle(self)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _any

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> FaultProxy:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        for t in self._late:
            t.join(5)

    def set_rates(self, rates: dict[str, float]) -> None:
        self.rates = dict(rates)

    # -- inside the server's threads ----------------------------------------------------

    def _fate(self) -> tuple[str, float]:
        with self.rng_lock:
            roll, extra = self.rng.random(), self.rng.random()
            acc = 0.0
            fate = "pass"
            for name in FATES:
                acc += self.rates.get(name, 0.0)
                if roll < acc:
                    fate = name
                    break
            self.counts[fate] += 1
        return fate, extra

    def _forward(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
        conn = http.client.HTTPConnection(self.upstream_host, self.upstream_port, timeout=120)
        try:
            conn.request(method, path, body=body or None, headers=headers)
            r = conn.getresponse()
            return r.status, r.getheaders(), r.read()
        finally:
            conn.close()

    def _forward_quietly(self, method: str, path: str, headers: dict[str, str], body: bytes, delay: float = 0.0) -> None:
        if delay:
            time.sleep(delay)
        try:
            self._forward(method, path, headers, body)
        except (OSError, http.client.HTTPException):
            self.upstream_errors += 1

    def _cut(self, h: BaseHTTPRequestHandler) -> None:
        h.close_connection = True
        try:
            h.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        headers = {k: v for k, v in h.headers.items() if k.lower() not in HOP_BY_HOP}
        method, path = h.command, h.path
        fate, extra = self._fate()
        if fate == "drop_request":
            return self._cut(h)
        if fate == "bad_gateway":
            return self._answer(h, 502, [("Content-Type", "text/html")], b"<html><body>502 Bad Gateway</body></html>")
        if fate == "delay":
            time.sleep(0.05 + extra * 0.95)
        if fate == "duplicate":
            twin = threading.Thread(target=self._forward_quietly, args=(method, path, headers, body), daemon=True)
            twin.start()
            self._late.append(twin)
        try:
            status, answer_headers, answer = self._forward(method, path, headers, body)
        except (OSError, http.client.HTTPException):
            self.upstream_errors += 1
            return self._answer(h, 502, [("Content-Type", "text/html")], b"<html><body>502 Bad Gateway</body></html>")
        if fate == "replay_later":
            late = threading.Thread(target=self._forward_quietly, args=(method, path, headers, body, 0.05 + extra * 1.95), daemon=True)
            late.start()
            self._late.append(late)
        if fate == "drop_response":
            return self._cut(h)
        if fate == "bad_gateway_after":
            return self._answer(h, 502, [("Content-Type", "text/html")], b"<html><body>502 Bad Gateway</body></html>")
        self._answer(h, status, answer_headers, answer)

    def _answer(self, h: BaseHTTPRequestHandler, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        try:
            h.send_response(status)
            for k, v in headers:
                if k.lower() not in HOP_BY_HOP and k.lower() != "content-length":
                    h.send_header(k, v)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)
        except OSError:
            pass

"""The fault proxy does what each fault says: the campaigns' faults are real."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from tools.chaos.proxy import FaultProxy


class Upstream:
    def __init__(self):
        self.seen = []
        upstream = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                upstream.seen.append(body)
                answer = b'{"ok": true}'
                self.send_response(200)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"


@pytest.fixture
def upstream():
    u = Upstream()
    yield u
    u.server.shutdown()


def through(upstream, fate):
    proxy = FaultProxy(upstream.url, {fate: 1.0} if fate != "pass" else {}).start()
    try:
        try:
            r = requests.post(proxy.url + "/x", data=b"hello", timeout=5)
            answer = (r.status_code, r.content)
        except requests.ConnectionError:
            answer = "cut"
        import time

        time.sleep(2.2 if fate == "replay_later" else 0.3)
        return answer, len(upstream.seen), proxy.counts[fate]
    finally:
        proxy.stop()


@pytest.mark.parametrize("fate, answer, arrived", [
    ("pass", (200, b'{"ok": true}'), 1),
    ("drop_request", "cut", 0),
    ("drop_response", "cut", 1),
    ("duplicate", (200, b'{"ok": true}'), 2),
    ("replay_later", (200, b'{"ok": true}'), 2),
    ("delay", (200, b'{"ok": true}'), 1),
    ("bad_gateway", 502, 0),
    ("bad_gateway_after", 502, 1),
])
def test_each_fault_does_what_it_says(upstream, fate, answer, arrived):
    got, seen, counted = through(upstream, fate)
    if isinstance(answer, int):
        got = got[0]
    assert (got, seen, counted) == (answer, arrived, 1)

"""Real device endpoints for the printing tests: a TCP printer on loopback and pty serial ports.

``PrinterBrain`` plays the printer's side of the conversation: it records
every byte and answers DLE EOT n with the status byte the test chose and
GS r 1 (job printed) unless told the job never finished.
"""

from __future__ import annotations

import os
import select
import socket
import threading
import time
import tty
from collections.abc import Callable

# DLE EOT answers (0xx1xx10), per n
READY = {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12}
DRAWER_HIGH = {**READY, 1: 0x16}
PAPER_LOW = {**READY, 4: 0x1E}
PAPER_OUT = {1: 0x1A, 2: 0x32, 3: 0x12, 4: 0x72}
COVER_OPEN = {1: 0x1A, 2: 0x16, 3: 0x12, 4: 0x12}
OFFLINE = {1: 0x1A, 2: 0x12, 3: 0x12, 4: 0x12}
CUTTER_ERROR = {1: 0x1A, 2: 0x52, 3: 0x1A, 4: 0x12}


class PrinterBrain:
    def __init__(
        self,
        status: dict[int, int] | None = None,
        *,
        silent: bool = False,
        completes: bool = True,
        on_job: Callable[[PrinterBrain], None] | None = None,
        drop_after: int | None = None,
    ) -> None:
        self.status = dict(status or READY)
        self.silent = silent  # answers nothing at all
        self.completes = completes  # answers GS r 1 (the job came out)
        self.on_job = on_job  # called when GS r arrives: e.g. paper runs out
        self.drop_after = drop_after  # hang up after this many bytes
        self.data = bytearray()
        self.jobs_completed = 0
        self._pending = bytearray()
        self.lock = threading.Lock()

    def feed(self, chunk: bytes) -> bytes:
        """Bytes from the host; returns the answer bytes."""
        out = bytearray()
        with self.lock:
            self.data += chunk
            self._pending += chunk
            buf = self._pending
            i = 0
            while i < len(buf) - 2:
                if buf[i] == 0x10 and buf[i + 1] == 0x04:
                    if not self.silent:
                        out.append(self.status[buf[i + 2]])
                    i += 3
                elif buf[i] == 0x1D and buf[i + 1] == 0x72:
                    if self.on_job:
                        self.on_job(self)
                    if not self.silent and self.completes:
                        self.jobs_completed += 1
                        out.append(0x03 if self.status[4] & 0x0C else 0x00)
                    i += 3
                else:
                    i += 1
            self._pending = bytearray(buf[i:])
        return bytes(out)

    @property
    def bytes(self) -> bytes:
        with self.lock:
            return bytes(self.data)

    def wait_for(self, until: Callable[[bytes], bool], timeout: float = 2.0) -> bytes:
        """The bytes received, once ``until`` holds (or the bounded wait ends)."""
        deadline = time.monotonic() + timeout
        while not until(self.bytes) and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.bytes


class LoopbackPrinter:
    """A raw TCP 'port 9100' printer on 127.0.0.1."""

    def __init__(self, brain: PrinterBrain | None = None) -> None:
        self.brain = brain or PrinterBrain()
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.1)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, daemon=True)
        self._accept.start()

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            t = threading.Thread(target=self._handle, args=(conn,), daemon=True)
            t.start()
            self._threads.append(t)

    def _handle(self, conn: socket.socket) -> None:
        conn.settimeout(0.1)
        received = 0
        with conn:
            while not self._stop.is_set():
                try:
                    chunk = conn.recv(4096)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not chunk:
                    return
                if self.brain.drop_after is not None and received + len(chunk) > self.brain.drop_after:
                    self.brain.feed(chunk[: self.brain.drop_after - received])
                    conn.shutdown(socket.SHUT_RDWR)
                    return
                received += len(chunk)
                answer = self.brain.feed(chunk)
                if answer:
                    conn.sendall(answer)

    def close(self) -> None:
        self._stop.set()
        self.server.close()
        self._accept.join(2)
        for t in self._threads:
            t.join(2)

    def __enter__(self) -> LoopbackPrinter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PtyDevice:
    """A pseudo-terminal pair: the code under test opens ``path``; we are the device on the master."""

    def __init__(self, brain: PrinterBrain | None = None) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.path = os.ttyname(self.slave)
        self.brain = brain
        self.data = bytearray()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                time.sleep(0.01)
                continue
            self.data += chunk
            if self.brain is not None:
                answer = self.brain.feed(chunk)
                if answer:
                    os.write(self.master, answer)

    def received(self, until: Callable[[bytes], bool] | None = None, timeout: float = 2.0) -> bytes:
        """Bytes read so far, waiting (bounded) until ``until`` says enough arrived."""
        deadline = time.monotonic() + timeout
        while until is not None and not until(bytes(self.data)) and time.monotonic() < deadline:
            time.sleep(0.01)
        return bytes(self.data)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        os.close(self.master)
        os.close(self.slave)

    def __enter__(self) -> PtyDevice:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def closed_port() -> int:
    """A loopback port nobody listens on."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port

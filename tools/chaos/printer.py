"""A receipt printer on a loopback TCP port ("port 9100"), for the crash campaign.

It answers DLE EOT status as a ready printer and answers ``GS r 1`` (the job
came out) only after ``print_seconds``, like a real printer pushing paper:
a SIGKILL can land while the receipt is printing.  A job counts as printed
when its ``GS r`` arrived; the QR code of each printed receipt carries its
verification string ``V1|payment id|receipt no|amount|mac``.
"""

from __future__ import annotations

import socket
import threading
import time

DLE_EOT = b"\x10\x04"
GS_R = b"\x1d\x72"
READY = 0x12


class LoopbackPrinter:
    def __init__(self, print_seconds: float = 0.03) -> None:
        self.print_seconds = print_seconds
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.1)
        self.port = self.server.getsockname()[1]
        self.jobs: list[bytes] = []  # completed jobs (GS r answered), in order
        self.cut_off = 0  # connections that closed before their job completed
        self.lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}?timeout=3"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except OSError:
                continue
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        buf = bytearray()
        job_start = 0
        conn.settimeout(0.2)
        with conn:
            while not self._stop.is_set():
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not chunk:
                    break
                buf += chunk
                out = bytearray()
                i = job_start
                while True:
                    eot, gsr = buf.find(DLE_EOT, i), buf.find(GS_R, i)
                    hits = [x for x in (eot, gsr) if x >= 0 and x + 2 < len(buf)]
                    if not hits:
                        break
                    at = min(hits)
                    if at == eot:
                        out.append(READY)
                        i = at + 3
                        if not buf[job_start:at].strip(b"\x00"):
                            job_start = i  # a status request before the job is not part of it
                    else:
                        time.sleep(self.print_seconds)  # the paper moves
                        with self.lock:
                            self.jobs.append(bytes(buf[job_start:at]))
                        out.append(0x00)
                        i = job_start = at + 3
                if out:
                    try:
                        conn.sendall(bytes(out))
                    except OSError:
                        break
            if buf[job_start:].strip(b"\x00\x10\x04\x01\x02\x03\x04"):
                with self.lock:
                    self.cut_off += 1

    def printed_receipts(self) -> list[tuple[str, int, int]]:
        """(payment id, receipt no, amount) of every receipt that came out whole."""
        from printing.decode import decode_escpos

        out = []
        with self.lock:
            jobs = list(self.jobs)
        for job in jobs:
            for qr in decode_escpos(job).qr_codes:
                parts = qr.data.split("|") if isinstance(qr.data, str) else []
                if len(parts) == 5 and parts[0] == "V1":
                    out.append((parts[1], int(parts[2]), int(parts[3])))
        return out

    def close(self) -> None:
        self._stop.set()
        self.server.close()
        self._thread.join(2)

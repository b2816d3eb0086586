"""The background sender: back-off with jitter, retrying forever, clean stop."""

import random
import threading
import time

from app.domain.errors import DomainError
from app.services.sync import SyncStatus
from sync.loop import BackgroundSync, backoff_delay


def test_backoff_grows_exponentially_with_full_jitter_and_a_cap():
    rng = random.Random(7)
    ceilings = [min(300.0, 2 ** (n - 1)) for n in range(1, 15)]
    for n, ceiling in enumerate(ceilings, start=1):
        samples = [backoff_delay(n, rng=rng) for _ in range(200)]
        assert all(0 <= s <= ceiling for s in samples)
        assert max(samples) > ceiling * 0.8, "jitter spreads over the whole interval"
    assert backoff_delay(0) == 0.0 and backoff_delay(1000, rng=rng) <= 300.0


class FlakyService:
    def __init__(self, failures: int) -> None:
        self.left, self.calls, self.pulls = failures, 0, 0

    def push_all(self):
        self.calls += 1
        if self.left > 0:
            self.left -= 1
            raise DomainError("central_unavailable", "Sin conexión con la central.")
        return []

    def pull_policy(self):
        self.pulls += 1

    def pull_returned_cheques(self):
        pass

    def pull_snapshot(self):
        return 0

    def status(self):
        return SyncStatus(0, None, 0, None, None)


def test_it_retries_until_central_answers_and_reports_each_state():
    service = FlakyService(failures=3)
    seen = []
    loop = BackgroundSync(service, push_every=0.05, backoff_cap=0.05, on_status=lambda st, online, msg: seen.append((online, msg)))
    loop.start()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not (seen and seen[-1][0]):
        time.sleep(0.01)
    loop.stop()
    assert [s[0] for s in seen[:4]] == [False, False, False, True]
    assert seen[0][1] == "Sin conexión con la central." and seen[3][1] == ""
    assert loop.failures == 0 and service.pulls >= 1


def test_stop_ends_the_thread_promptly():
    loop = BackgroundSync(FlakyService(0), push_every=60)
    loop.start()
    time.sleep(0.05)
    t0 = time.monotonic()
    loop.stop()
    assert time.monotonic() - t0 < 2 and not any(t.name == "ventanilla-sync" for t in threading.enumerate())

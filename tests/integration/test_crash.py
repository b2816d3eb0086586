"""Kill a terminal with SIGKILL while it takes payments, 50 times.

After every restart: the store opens, every payment whose commit returned is
there exactly once, receipt numbers and seq have no gaps, and both hash
chains (outbox items, audit log) verify.
"""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from app.domain.protocol import verify_chain
from app.services.auth import Argon2PinHasher
from app.services.journal import verify_audit
from app.storage.bulk import load_demo
from ventanilla.bootstrap import build_terminal
from ventanilla.paths import resolve

ROOT = Path(__file__).resolve().parents[2]
KILLS = 50


@pytest.mark.slow
def test_payments_survive_sigkill_exactly_once(tmp_path):
    # many one-peso payments from a terminal that never syncs: a policy without offline limits
    (tmp_path / "settings.toml").write_text(f'policy_file = "{ROOT / "tests/data/policy_load_test.toml"}"\n')
    t = build_terminal(resolve(tmp_path), hasher=Argon2PinHasher.cheap())
    now = datetime.now(timezone.utc)
    load_demo(t.engine, 40, 3, now.date(), now, "DOP", 2)
    t.auth.add_user("ana", "Ana", "cashier", "1234")
    with t.uow() as uow:
        accounts = [a for a in (f"{d}{n:09d}" for n in range(1, 41) for d in "1234") if uow.accounts.get(a)]
        accounts = [a for a in accounts if uow.accounts.get(a).account.status.value != "judicial"]
    t.close()

    rng = random.Random(20261123)
    promised: dict[str, int] = {}
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for round_no in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("crash_child.py")), str(tmp_path), ",".join(accounts)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first.strip() == "ready", child.stderr.read() if child.stderr else first
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        for line in out.splitlines():
            if line.startswith("paid "):
                _, pid, receipt = line.split()
                promised[pid] = int(receipt)
        check_store(tmp_path, promised, round_no)
    assert len(promised) > KILLS, "the child should have committed payments between kills"


def check_store(home: Path, promised: dict[str, int], round_no: int) -> None:
    t = build_terminal(resolve(home), hasher=Argon2PinHasher.cheap())  # opens, migrates, recovers the WAL
    try:
        con = sqlite3.connect(home / "store.db")
        rows = con.execute("select payment_id, receipt_no, seq from payments order by receipt_no").fetchall()
        stored = {pid: receipt for pid, receipt, _ in rows}
        for pid, receipt in promised.items():
            assert stored.get(pid) == receipt, f"round {round_no}: committed payment {pid} lost"
        receipts = [r for _, r, _ in rows]
        assert receipts == list(range(1, len(receipts) + 1)), f"round {round_no}: receipt numbers have a gap"
        seqs = [s for (s,) in con.execute("select seq from outbox order by seq")]
        assert seqs == list(range(1, len(seqs) + 1)), f"round {round_no}: seq has a gap"
        payment_items = con.execute("select count(*) from outbox where type='payment'").fetchone()[0]
        assert payment_items == len(rows), "one outbox item per payment, no more, no less"
        bodies = [json.loads(b) for (b,) in con.execute("select body from outbox order by seq")]
        assert verify_chain(bodies) is None, f"round {round_no}: hash chain broken"
        head = con.execute("select chain_head, last_seq, last_receipt_no from terminal_state").fetchone()
        assert head == (bodies[-1]["hash"], len(seqs), len(receipts))
        with t.uow() as uow:
            assert verify_audit(uow.audit.all()) == []
        con.close()
    finally:
        t.close()

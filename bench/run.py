"""``make bench``: the store's speed and memory with 1,000,000 accounts.

Each metric is measured next to a raw sqlite3 baseline in the same run with
the same pragmas, printed as a table and written to bench/results.json as
``{"<metric>": {"value", "unit", "target", "baseline", "ratio"}}``.
A missed target is reported as missed; targets are never loosened here.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import Metric, p99  # noqa: E402
from bench.common import timed_ms as timed  # noqa: E402
from app.domain.barcodes import build_fixed, build_gs1, format_from_config  # noqa: E402
from app.domain.money import Money  # noqa: E402
from app.services.auth import Argon2PinHasher  # noqa: E402
from app.services.demo_data import BILLERS, generate  # noqa: E402
from app.storage.bulk import load_demo  # noqa: E402
from ventanilla.bootstrap import build_terminal  # noqa: E402
from ventanilla.paths import resolve  # noqa: E402

TARGETS = {
    "seed_1m_accounts_s": (60.0, "s"),
    "lookup_account_p99_ms": (2.0, "ms"),
    "lookup_barcode_p99_ms": (2.0, "ms"),
    "search_name_p99_ms": (25.0, "ms"),
    "payment_commit_p99_ms": (8.0, "ms"),
    "store_rss_mb": (300.0, "MB"),
    "close_shift_5000_s": (2.0, "s"),
}
RATIO_TARGETS = {"payment_commit_p99_ms": 4.0}
PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON")


def raw_connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    for p in PRAGMAS:
        con.execute(p)
    return con


def bench_seed(home: Path, n: int) -> tuple[float, float]:
    """Our seed against raw executemany of the same rows into plain tables."""
    now = datetime.now(timezone.utc)
    terminal = build_terminal(resolve(home), hasher=Argon2PinHasher.cheap())
    t = time.perf_counter()
    load_demo(terminal.engine, n, 1, now.date(), now, "DOP", 2)
    ours = time.perf_counter() - t
    terminal.close()

    base_path = home / "baseline_seed.db"
    con = raw_connect(base_path)
    con.execute("CREATE TABLE a(pk INTEGER PRIMARY KEY, account_id TEXT UNIQUE, biller_id TEXT, name TEXT, national_id TEXT,"
                " segment TEXT, status TEXT, balance INTEGER)")
    con.execute("CREATE TABLE d(document_id TEXT PRIMARY KEY, account_id TEXT, due TEXT, amount INTEGER, paid INTEGER)")
    t = time.perf_counter()
    con.execute("BEGIN")
    acc, docs = [], []
    for a, ds in generate(n, 1, now.date()):
        acc.append((a.account_id, a.biller_id, a.name, a.national_id, a.segment.value, a.status.value, 0))
        docs.extend((d.document_id, d.account_id, d.due_date.isoformat(), d.amount_minor, d.paid_minor) for d in ds)
        if len(acc) >= 20000:
            con.executemany("INSERT INTO a(account_id,biller_id,name,national_id,segment,status,balance) VALUES (?,?,?,?,?,?,?)", acc)
            con.executemany("INSERT INTO d VALUES (?,?,?,?,?)", docs)
            acc, docs = [], []
    con.executemany("INSERT INTO a(account_id,biller_id,name,national_id,segment,status,balance) VALUES (?,?,?,?,?,?,?)", acc)
    con.executemany("INSERT INTO d VALUES (?,?,?,?,?)", docs)
    con.execute("COMMIT")
    baseline = time.perf_counter() - t
    con.close()
    base_path.unlink()
    return ours, baseline


def sample_accounts(store: Path, k: int, rng: random.Random) -> list[tuple[str, str, str]]:
    con = sqlite3.connect(store)
    (max_pk,) = con.execute("SELECT max(pk) FROM accounts").fetchone()
    rows = []
    for pk in rng.sample(range(1, max_pk + 1), k):
        rows.append(con.execute("SELECT account_id, biller_id, name FROM accounts WHERE pk=?", (pk,)).fetchone())
    con.close()
    return rows


def barcode_for(account_id: str, biller_id: str) -> str:
    cfg = next(b.barcode for b in BILLERS if b.biller_id == biller_id)
    fmt = format_from_config(cfg)
    if cfg["kind"] == "gs1":
        return build_gs1(fmt.gln, account_id, 123450, 2, None)
    return build_fixed(fmt, account_id, 123450, None)


def bench_lookups(home: Path, rng: random.Random) -> dict[str, tuple[float, float]]:
    # 5,000 one-peso payments from a terminal that never syncs: the default policy
    # would (rightly) stop it at its offline limits, so this uses one without them.
    (home / "settings.toml").write_text(f'policy_file = "{ROOT / "tests/data/policy_load_test.toml"}"\n')
    terminal = build_terminal(resolve(home), hasher=Argon2PinHasher.cheap())
    counter = terminal.counter
    sample = sample_accounts(terminal.paths.store, 2000, rng)
    raw = raw_connect(terminal.paths.store)

    def raw_key(account_id: str) -> None:
        raw.execute("SELECT * FROM accounts WHERE account_id=?", (account_id,)).fetchone()

    ids = [(a,) for a, _, _ in sample]
    results: dict[str, tuple[float, float]] = {}
    timed(counter.lookup_account, ids[:100])  # warm
    results["lookup_account_p99_ms"] = (p99(timed(counter.lookup_account, ids)), p99(timed(raw_key, ids)))
    codes = [(barcode_for(a, b),) for a, b, _ in sample]
    results["lookup_barcode_p99_ms"] = (p99(timed(counter.lookup_barcode, codes)), p99(timed(raw_key, ids)))

    def partial(name: str) -> str:
        words = name.split()
        picked = rng.sample(words, min(2, len(words)))
        return " ".join(w[: max(3, len(w) - rng.randrange(0, 3))] for w in picked)

    queries = [(partial(name),) for _, _, name in sample[:1000]]

    def raw_fts(q: str) -> None:
        from app.storage.uow import fts_query

        raw.execute(
            "SELECT * FROM accounts WHERE pk IN (SELECT rowid FROM account_names WHERE account_names MATCH ? LIMIT 50)"
            " ORDER BY name",
            (fts_query(q),),
        ).fetchall()

    results["search_name_p99_ms"] = (p99(timed(counter.search_name, queries)), p99(timed(raw_fts, queries)))

    # 5,000 consecutive cash payments on accounts with a balance
    terminal.auth.add_user("bench", "Bench", "cashier", "1234")
    session = terminal.shifts.open_shift(terminal.auth.login("bench", "1234"), {100000: 1})
    payable = [a for a, *_ in sample if counter.lookup_account(a).account.status.value != "judicial"]
    one = Money(Decimal("1.00"), "DOP")
    pay_args = [(session, payable[i % len(payable)], one, one) for i in range(5000)]
    ours = p99(timed(counter.take_cash_payment, pay_args))
    raw.execute("CREATE TABLE IF NOT EXISTS bench_baseline(id INTEGER PRIMARY KEY, payload TEXT)")

    def raw_commit(i: int) -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO bench_baseline(payload) VALUES (?)", (f"payment {i}",))
        raw.execute("COMMIT")

    results["payment_commit_p99_ms"] = (ours, p99(timed(raw_commit, [(i,) for i in range(5000)])))
    raw.execute("DROP TABLE bench_baseline")

    # closing that shift of 5,000 payments: figures, Z report and manifest
    from app.domain.shifts import BlindCount

    expected_cash = terminal.shifts.x_report(session).figures.expected["cash"]
    count = BlindCount({100000: expected_cash // 100000, 100: (expected_cash % 100000) // 100}, 0, 0, 0)
    t0 = time.perf_counter()
    outcome = terminal.shifts.close_shift(session, count)
    close_s = time.perf_counter() - t0
    assert outcome.status == "closed", outcome.status
    t0 = time.perf_counter()
    raw.execute(
        "SELECT t.kind, count(*), sum(t.amount_minor) FROM tenders t JOIN payments p USING (payment_id)"
        " WHERE p.shift_id = ? GROUP BY t.kind",
        (session.shift_id,),
    ).fetchall()
    results["close_shift_5000_s"] = (close_s, time.perf_counter() - t0)
    raw.close()
    terminal.close()
    return results


RSS_CHILD = r"""
import random, sys, sqlite3
sys.path.insert(0, sys.argv[3])
mode, home = sys.argv[1], sys.argv[2]
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
ids = [l.strip() for l in open(home + "/rss_ids.txt")]
if mode == "ours":
    from app.services.auth import Argon2PinHasher
    from ventanilla.bootstrap import build_terminal
    from ventanilla.paths import resolve
    t = build_terminal(resolve(home), hasher=Argon2PinHasher.cheap())
    for a in ids:
        t.counter.lookup_account(a)
else:
    con = sqlite3.connect(home + "/store.db")
    con.execute("PRAGMA journal_mode=WAL"); con.execute("PRAGMA synchronous=FULL")
    for a in ids:
        con.execute("SELECT * FROM accounts WHERE account_id=?", (a,)).fetchone()
        con.execute("SELECT * FROM documents WHERE account_id=?", (a,)).fetchall()
print(rss())
"""


def bench_rss(home: Path, rng: random.Random) -> tuple[float, float]:
    ids = [a for a, _, _ in sample_accounts(home / "store.db", 1000, rng)]
    (home / "rss_ids.txt").write_text("\n".join(ids))
    out = []
    for mode in ("ours", "raw"):
        r = subprocess.run([sys.executable, "-c", RSS_CHILD, mode, str(home), str(ROOT)], capture_output=True, text=True, check=True)
        out.append(float(r.stdout.strip().splitlines()[-1]))
    return out[0], out[1]


def store_section(accounts: int) -> list[Metric]:
    rng = random.Random(42)
    home = Path(tempfile.mkdtemp(prefix="ventanilla-bench-"))
    try:
        print(f"seeding {accounts:,} accounts in {home} ...", flush=True)
        ours, base = bench_seed(home, accounts)
        measured = {"seed_1m_accounts_s": (ours, base)}
        print("lookups, searches, payments, close ...", flush=True)
        measured.update(bench_lookups(home, rng))
        print("memory ...", flush=True)
        measured["store_rss_mb"] = bench_rss(home, rng)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return [
        Metric(name, value, TARGETS[name][1], TARGETS[name][0], baseline, RATIO_TARGETS.get(name))
        for name, (value, baseline) in measured.items()
    ]


SECTIONS = {
    "store": lambda args: store_section(args.accounts),
    "printing": lambda args: __import__("bench.printing_bench", fromlist=["run"]).run(),
    "ui": lambda args: __import__("bench.ui_bench", fromlist=["run"]).run(),
    "policy": lambda args: __import__("bench.policy_bench", fromlist=["run"]).run(),
    "office": lambda args: __import__("bench.office_bench", fromlist=["run"]).run(),
    "central": lambda args: __import__("bench.central_bench", fromlist=["run"]).run(quick=args.quick),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--accounts", type=int, default=1_000_000)
    ap.add_argument("--only", action="append", choices=sorted(SECTIONS), help="run only these sections (repeatable)")
    ap.add_argument("--quick", action="store_true", help="smaller central loads, for trying the bench out")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results.json"))
    args = ap.parse_args(argv)
    metrics: list[Metric] = []
    failed: dict[str, str] = {}
    for name in args.only or list(SECTIONS):
        try:
            metrics.extend(SECTIONS[name](args))
        except ModuleNotFoundError as e:
            failed[name] = f"not available: {e}"
        except Exception as e:  # one broken section must not hide the others' figures
            failed[name] = f"{type(e).__name__}: {e}"
            print(f"section {name} failed: {failed[name]}", flush=True)
    results: dict[str, dict] = {}
    out = Path(args.out)
    if args.only and out.exists():
        # a partial run updates its sections' figures and keeps the others (each says when it was taken)
        before = json.loads(out.read_text())
        taken = before.get("_meta", {}).get("when")
        results = {k: {"when": taken, **v} for k, v in before.items() if k != "_meta"}
    when = datetime.now(timezone.utc).isoformat(timespec="seconds")
    results.update({m.name: {**m.to_json(), "when": when} for m in metrics})
    results["_meta"] = {"accounts": args.accounts, "when": when, "sections": args.only or list(SECTIONS),
                        "python": sys.version.split()[0], "sqlite": sqlite3.sqlite_version, "cpus": os.cpu_count(),
                        "sections_failed": failed}
    out.write_text(json.dumps(results, indent=2) + "\n")
    header = ("metric", "value", "baseline", "ratio", "target", "")
    rows = [
        (m.name, f"{m.value:.3f} {m.unit}", f"{m.baseline:.3f}" if m.baseline is not None else "-",
         f"{m.ratio:.2f}" if m.ratio is not None else "-",
         ("≥ " if m.higher_is_better else "≤ ") + f"{m.target}" + (f" (ratio {m.ratio_target})" if m.ratio_target else ""),
         "ok" if m.met else "MISSED")
        for m in metrics
    ]
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(6)]
    for r in [header] + rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)))
    for name, why in failed.items():
        print(f"section {name}: {why}")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

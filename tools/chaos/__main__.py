"""``python -m tools.chaos [all|crash|network|input|intruders|load ...] [--size long|short]``

Runs the campaigns (long by default), prints what each tried and what held,
and writes the table of the run into docs/reliability.md (between the
``chaos-table`` markers).  Exit status 1 when any invariant failed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from tools.chaos import common, report

CAMPAIGNS = ("crash", "network", "input", "intruders", "load")


def _runner(name: str):  # noqa: ANN202
    if name == "crash":
        from tools.chaos.crash import run
    elif name == "network":
        from tools.chaos.network import run
    elif name == "input":
        from tools.chaos.bad_input import run
    elif name == "intruders":
        from tools.chaos.intruders import run
    else:
        from tools.chaos.load import run
    return run


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.chaos", description=__doc__)
    p.add_argument("campaigns", nargs="*", default=["all"], help="all, or some of: " + ", ".join(CAMPAIGNS))
    p.add_argument("--size", choices=("short", "long"), default="long")
    p.add_argument("--workdir", help="keep the campaigns' files here (default: a temporary folder)")
    p.add_argument("--no-doc", action="store_true", help="do not write docs/reliability.md")
    args = p.parse_args(argv)
    names = list(CAMPAIGNS) if "all" in args.campaigns else args.campaigns
    unknown = [n for n in names if n not in CAMPAIGNS]
    if unknown:
        p.error(f"unknown campaign(s): {', '.join(unknown)}")
    started = datetime.now(timezone.utc)
    results = []
    with tempfile.TemporaryDirectory(prefix="chaos-") as tmp:
        base = Path(args.workdir) if args.workdir else Path(tmp)
        for name in names:
            t0 = time.monotonic()
            try:
                results.append(_runner(name)(args.size, base / name, common.stdout_log))
            except Exception as e:  # noqa: BLE001 - a campaign that crashes is a failed row, the others still run
                r = common.CampaignResult(name, args.size)
                r.failures.append(f"campaign crashed: {type(e).__name__}: {e}")
                r.seconds = time.monotonic() - t0
                print(r.summary(), flush=True)
                results.append(r)
    if not args.no_doc:
        report.write_table(results, started, args.size)
        print(f"table written to {report.DOC}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""The cashier process the crash campaign kills: a terminal driven through its services.

It cycles through every phase of the counter's day, announcing each on stdout
(flushed) before it starts and saying what it finished, so the parent can
SIGKILL it inside a chosen phase and knows afterwards what was promised:

    enter commit                    take_payment's unit of work is running
    paid <payment id> <receipt no>  the commit returned: the store promised it
    enter between <payment id>      committed, the receipt not yet sent to the printer
    enter print <payment id>        the receipt is going to the TCP printer
    printed <payment id>            the printer said the job came out (GS r)
    enter sync                      a batch is on its way to central
    synced <acked>                  central answered and the results are stored
    enter close                     close_shift's unit of work is running
    closed <shift id>               the shift is closed
    opened <shift id>               a new shift is open

    python -m tools.chaos.crash_child HOME ACCOUNT,ACCOUNT,...
"""

from __future__ import annotations

import random
import sys
import time
from decimal import Decimal
from pathlib import Path

from app.domain.errors import DomainError
from app.domain.money import Money
from app.domain.shifts import BlindCount
from tools.chaos.common import open_terminal


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def counted(shifts, expected_cash: int) -> dict[int, int]:  # noqa: ANN001
    """The bills and coins that make exactly the expected cash (a careful cashier)."""
    left, out = expected_cash, {}
    for d in sorted(shifts.denominations("DOP"), key=lambda d: -d.minor):
        n, left = divmod(left, d.minor)
        if n:
            out[d.minor] = n
    assert left == 0, expected_cash
    return out


def main(home: str, accounts: list[str]) -> None:
    t = open_terminal(Path(home))
    user = t.auth.login("ana", "1234")
    session = t.shifts.current(user) or t.shifts.open_shift(user, {100000: 1})
    printer = t.printer
    svc = t.sync_service(timeout=5.0)
    say("ready")
    rng = random.Random()
    one = Money(Decimal("1.00"), "DOP")
    cycle = 0
    while True:
        cycle += 1
        say("enter commit")
        p = t.counter.take_cash_payment(session, rng.choice(accounts), Money(Decimal("5.00"), "DOP"), amount=one)
        say(f"paid {p.payment_id} {p.receipt_no}")

        p = t.counter.take_cash_payment(session, rng.choice(accounts), Money(Decimal("2.00"), "DOP"), amount=one)
        say(f"paid {p.payment_id} {p.receipt_no}")
        say(f"enter between {p.payment_id}")
        time.sleep(0.02)  # the UI hands the job to its printer thread
        say(f"enter print {p.payment_id}")
        if printer is not None:
            number = t.counter.start_print(p.payment_id)  # as ui/receipt_queue.py: counted, then sent
            try:
                printer.print_receipt(t.receipts().receipt_for(p.payment_id, print_count=number))
                say(f"printed {p.payment_id}")
            except DomainError as e:
                t.counter.print_not_made(p.payment_id, number)
                say(f"print_failed {e.code}")

        say("enter sync")
        try:
            report = svc.push_once() if svc is not None else None
            say(f"synced {report.acknowledged if report else 0}")
        except DomainError as e:
            say(f"sync_failed {e.code}")

        if cycle % 3 == 0:
            say("enter close")
            expected = t.shifts.x_report(session).figures.expected["cash"]
            outcome = t.shifts.close_shift(session, BlindCount(counted(t.shifts, expected), 0, 0, 0))
            assert outcome.status == "closed", outcome.status
            say(f"closed {session.shift_id}")
            session = t.shifts.open_shift(user, {100000: 1})
            say(f"opened {session.shift_id}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2].split(","))

"""Child of the crash test: takes payments until it is killed.

After each commit returns it prints ``paid <payment_id> <receipt_no>`` and
flushes, so the parent knows exactly which payments the store promised.
"""

import random
import sys
from decimal import Decimal

from app.domain.money import Money
from app.services.auth import Argon2PinHasher
from ventanilla.bootstrap import build_terminal
from ventanilla.paths import resolve


def main(home: str, accounts: list[str]) -> None:
    t = build_terminal(resolve(home), hasher=Argon2PinHasher.cheap())
    user = t.auth.login("ana", "1234")
    session = t.shifts.current(user) or t.shifts.open_shift(user, {100000: 1})
    print("ready", flush=True)
    rng = random.Random()
    one = Money(Decimal("1.00"), "DOP")
    while True:
        p = t.counter.take_cash_payment(session, rng.choice(accounts), Money(Decimal("5.00"), "DOP"), amount=one)
        print(f"paid {p.payment_id} {p.receipt_no}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2].split(","))

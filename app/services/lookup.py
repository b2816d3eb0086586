"""The counter's fresh balance: from central within about a second, else the snapshot.

DESIGN.md's counter flow: "balance and open documents (fresh from central when
online within ~1 s, else from the local snapshot, marked 'as of')".  The
screen shows the local view at once and calls :meth:`FreshLookup.fresh` off
the GUI thread; when central answers, the view comes back ``online=True`` and
a payment taken on it carries ``online_balance`` (PROTOCOL.md ``offline: false``).
"""

from __future__ import annotations

from dataclasses import replace

from app.domain.accounts import AccountView
from app.domain.errors import DomainError
from app.services.counter import CounterService
from app.services.sync import SyncService


class FreshLookup:
    def __init__(self, counter: CounterService, sync: SyncService | None) -> None:
        self.counter, self.sync = counter, sync

    @property
    def enabled(self) -> bool:
        return self.sync is not None

    def fresh(self, account_id: str) -> AccountView:
        """Central's balance when it answers in time; otherwise the local view, as it was."""
        if self.sync is not None:
            try:
                known = self.sync.refresh_account(account_id)
            except DomainError:
                known = False  # offline, slow or refused: the snapshot will do, marked "as of"
            if known:
                view = self.counter.lookup_account(account_id)
                return replace(view, online=True)
        return self.counter.lookup_account(account_id)

"""The policy in force at this counter, shared by every service.

It starts as the local file or the shipped default; once central delivers a
policy (the sync service stores it), that one supersedes it, and a newer
central version applies from the next action that asks.
"""

from __future__ import annotations

import json

from app.domain.errors import DomainError
from app.domain.policy import Policy, load_default_policy, policy_from_document
from app.services.ports import UnitOfWork


class PolicyHolder:
    def __init__(self, policy: Policy | None = None) -> None:
        self.policy = policy or load_default_policy()
        self.central_version: int | None = None

    def current(self, uow: UnitOfWork) -> Policy:
        stored = uow.values.get("policy_version")
        if stored and stored.isascii() and stored.isdigit() and (self.central_version is None or int(stored) > self.central_version):
            try:
                self.policy = policy_from_document(json.loads(uow.values.get("policy_document") or "{}"), version=int(stored))
                self.central_version = int(stored)
            except (DomainError, ValueError):
                pass  # the sync service refuses to store a bad document; this only guards a hand-edited store
        return self.policy

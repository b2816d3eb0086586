"""The short version of each campaign (tools/chaos) runs here, under make test.

A campaign prints what it tried and what held (``pytest -s`` shows it; a
failing run shows it in the captured output) and fails with the list of
broken invariants.
"""

from __future__ import annotations

import pytest

from tools.chaos.common import CampaignResult


def assert_campaign(result: CampaignResult, *, min_attempts: int, min_faults: int = 0) -> None:
    print(result.summary())
    assert result.attempts >= min_attempts, f"the campaign tried too little: {result.attempts} < {min_attempts}"
    assert sum(result.faults.values()) >= min_faults, f"too few faults injected: {result.faults}"
    assert result.invariants, "no invariant was checked"
    assert result.ok, "broken invariants:\n" + "\n".join(result.failures)


@pytest.fixture
def campaign_log():
    lines: list[str] = []

    def log(line: str) -> None:
        lines.append(line)
        print(line)

    return log

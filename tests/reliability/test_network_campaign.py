"""Campaign 2, short: terminals sync through dropped requests and responses, duplicates, replays and 502s."""

import pytest

from tests.reliability.conftest import assert_campaign
from tools.chaos import network


@pytest.mark.slow
def test_terminals_and_central_end_equal_through_a_hostile_network(tmp_path, campaign_log):
    result = network.run("short", tmp_path, campaign_log)
    size = network.SIZES["short"]
    assert_campaign(result, min_attempts=size.terminals * size.payments, min_faults=10)
    assert result.faults.get("drop_response", 0) + result.faults.get("bad_gateway_after", 0) >= 1, \
        "the run must include requests central applied but the terminal never heard about"
    assert result.invariants["per-account balances equal"] == size.terminals

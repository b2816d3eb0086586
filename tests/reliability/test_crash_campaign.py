"""Campaign 1, short: SIGKILL the cashier process in every phase and central mid-ingest and mid-snapshot."""

import pytest

from tests.reliability.conftest import assert_campaign
from tools.chaos import crash


@pytest.mark.slow
def test_sigkill_in_every_phase_keeps_every_promise(tmp_path, campaign_log):
    result = crash.run("short", tmp_path, campaign_log)
    size = crash.SIZES["short"]
    assert_campaign(result, min_attempts=size.terminal_kills + size.ingest_kills + size.snapshot_kills,
                    min_faults=size.terminal_kills)
    for phase in crash.PHASES:
        assert result.faults.get(f"SIGKILL terminal in {phase}", 0) >= 1, phase
    assert result.invariants["no committed payment lost"] == size.terminal_kills
    assert result.invariants["central holds exactly the terminal's items"] >= 2
    assert result.figures["payments promised by killed processes"] > size.terminal_kills

"""Campaign 5, short: 20 terminals syncing at once against central on PostgreSQL for about 20 s."""

import os

import pytest

from tests.reliability.conftest import assert_campaign
from tools.chaos import load


@pytest.mark.slow
@pytest.mark.postgres
def test_many_terminals_at_once_get_no_error_and_memory_stays_flat(tmp_path, campaign_log):
    try:
        load.postgres_server()
    except load.PostgresUnavailable as e:
        if os.environ.get("VENTANILLA_REQUIRE_PG") == "1":
            pytest.fail(f"{e} and VENTANILLA_REQUIRE_PG=1 requires it")
        pytest.skip(str(e))
    result = load.run("short", tmp_path, campaign_log)
    assert_campaign(result, min_attempts=load.SIZES["short"].terminals)
    assert result.figures["errors"] == 0
    assert result.figures["items recorded"] >= 1000, "the run must actually load the service"

"""Reconciling one business day of 1,000 agents × 300 payments at central."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.common import Metric


def run() -> list[Metric]:
    from central.bench import reconcile_day_s

    with tempfile.TemporaryDirectory() as tmp:
        result = reconcile_day_s(f"sqlite:///{Path(tmp) / 'central.db'}", 1000, 300)
    assert result["reconciled"] == 1000, result
    return [Metric("reconcile_day_300k_s", result["seconds"], "s", 10.0,
                   note=f"SQLite; {result['items']} items, {result['reconciled']} windows reconciled")]

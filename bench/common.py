"""What every bench section returns, and how results are judged and written."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Metric:
    name: str
    value: float
    unit: str
    target: float
    baseline: float | None = None  # measured in the same run
    ratio_target: float | None = None
    higher_is_better: bool = False  # throughputs: value >= target, ratio >= ratio_target
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    @property
    def met(self) -> bool:
        ok = self.value >= self.target if self.higher_is_better else self.value <= self.target
        if self.ratio_target is not None:
            r = self.ratio
            ok = ok and r is not None and (r >= self.ratio_target if self.higher_is_better else r <= self.ratio_target)
        return ok

    def to_json(self) -> dict:
        out = {
            "value": round(self.value, 3),
            "unit": self.unit,
            "target": self.target,
            "baseline": round(self.baseline, 3) if self.baseline is not None else None,
            "ratio": round(self.ratio, 2) if self.ratio is not None else None,
            "met": self.met,
        }
        if self.ratio_target is not None:
            out["ratio_target"] = self.ratio_target
        if self.note:
            out["note"] = self.note
        return out


def p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[98]


def timed_ms(fn, args_list) -> list[float]:
    out = []
    for args in args_list:
        t = time.perf_counter()
        fn(*args)
        out.append((time.perf_counter() - t) * 1000)
    return out

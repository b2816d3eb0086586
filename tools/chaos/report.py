"""The table of the last ``make chaos`` run, kept in docs/reliability.md between markers."""

from __future__ import annotations

import os
import platform
import re
from datetime import datetime
from pathlib import Path

from tools.chaos.common import ROOT, CampaignResult

DOC = ROOT / "docs" / "reliability.md"
BEGIN, END = "<!-- chaos-table:begin -->", "<!-- chaos-table:end -->"


def _cell(d: dict) -> str:
    return "<br>".join(f"{k}: {v}" for k, v in sorted(d.items())) or "—"


HEADER = "| campaign | run | attempts | faults injected | invariants checked (times) | failures | figures |"


def _rows(results: list[CampaignResult], started: datetime, size: str) -> dict[str, str]:
    rows = {}
    for r in results:
        figures = "<br>".join(f"{k}: {v}".replace("|", "/") for k, v in r.figures.items()) or "—"
        failures = str(len(r.failures)) + "".join(f"<br>• {f.replace('|', '/')[:300]}" for f in r.failures[:8])
        rows[r.name] = (f"| {r.name} | {started:%Y-%m-%d %H:%M} UTC, `{size}`, {r.seconds / 60:.1f} min | {r.attempts} | "
                        f"{_cell(r.faults)} | {_cell(r.invariants)} | {failures} | {figures} |")
    return rows


def table(results: list[CampaignResult], started: datetime, size: str, keep: dict[str, str] | None = None) -> str:
    """The table; rows of campaigns not in this run are kept from the previous table (``keep``)."""
    rows = {**(keep or {}), **_rows(results, started, size)}
    lines = [
        BEGIN,
        f"The last run of each campaign (its date and size in the row); this one on {platform.node() or 'a host'}"
        f" with Python {platform.python_version()} and {os.cpu_count()} cores.",
        "",
        HEADER,
        "|---|---|---:|---|---|---|---|",
    ]
    lines += list(rows.values())
    lines.append(END)
    return "\n".join(lines)


def _existing_rows(text: str) -> dict[str, str]:
    if BEGIN not in text or END not in text:
        return {}
    block = text.split(BEGIN, 1)[1].split(END, 1)[0]
    return {line.split("|")[1].strip(): line for line in block.splitlines()
            if line.startswith("| ") and line != HEADER and not line.startswith("| campaign")}


def write_table(results: list[CampaignResult], started: datetime, size: str, doc: Path = DOC) -> None:
    text = doc.read_text(encoding="utf-8") if doc.exists() else f"# Reliability\n\n{BEGIN}\n{END}\n"
    new = table(results, started, size, _existing_rows(text))
    if BEGIN in text and END in text:
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: new, text, flags=re.S)
    else:
        text += "\n" + new + "\n"
    doc.write_text(text, encoding="utf-8")

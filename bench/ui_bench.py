"""Start-up of the cashier app to a usable login window, on a demo store."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import Metric

ROOT = Path(__file__).resolve().parents[1]
CHILD = r"""
import time, sys
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from ventanilla.paths import resolve
from ventanilla.bootstrap import build_terminal
from ui.app import build_window
app = QApplication([])
terminal = build_terminal(resolve(sys.argv[1]))
window = build_window(terminal)
window.show()
app.processEvents()
print(time.perf_counter() - t0)
"""
BASELINE = r"""
import time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
w = QLabel("hola"); w.show(); app.processEvents()
print(time.perf_counter() - t0)
"""


def run() -> list[Metric]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as home:
        subprocess.run([sys.executable, "-m", "ventanilla", "--data-dir", home, "seed-demo", "--accounts", "2000"],
                       check=True, capture_output=True, env=env, cwd=ROOT)
        subprocess.run([sys.executable, "-c", CHILD, home], check=True, capture_output=True, env=env, cwd=ROOT)  # warm caches
        ours = min(float(subprocess.run([sys.executable, "-c", CHILD, home], check=True, capture_output=True, text=True,
                                        env=env, cwd=ROOT).stdout.split()[-1]) for _ in range(3))
        base = min(float(subprocess.run([sys.executable, "-c", BASELINE], check=True, capture_output=True, text=True,
                                        env=env, cwd=ROOT).stdout.split()[-1]) for _ in range(3))
    return [Metric("ui_startup_s", ours, "s", 2.0, base, note="best of 3, imports included; baseline: QApplication + one label")]

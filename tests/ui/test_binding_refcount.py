"""The Qt binding must not leak references to None, True or False (PySide6 6.12.0 on Python 3.11 does).

Python 3.12+ makes these objects immortal, which hides the leak; on 3.11 the interpreter aborts once None's
count reaches zero. The probe runs in a child so that an abort fails the test instead of ending the run.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 20_000
TOLERANCE = 50  # a few dozen references may come and go with caches; a leak loses one per call

PROBE = f"""
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Emitter(QObject):
    toggled = Signal(bool)

app = QApplication([])
label = QLabel("x")
emitter = Emitter()
received = []
emitter.toggled.connect(received.append)
before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
for number in range({CALLS}):
    label.setText("y")   # a Qt method that returns nothing
    label.update()
    emitter.toggled.emit(number % 2 == 0)
received.clear()
after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
print(*(a - b for a, b in zip(after, before)))
"""


def test_void_calls_and_signals_keep_reference_counts() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert child.returncode == 0, f"the probe ended with {child.returncode}: {child.stderr[-2000:]}"
    none_delta, true_delta, false_delta = (int(n) for n in child.stdout.split())
    assert none_delta > -TOLERANCE, f"None lost {-none_delta} references over {CALLS} calls"
    assert true_delta > -TOLERANCE, f"True lost {-true_delta} references over {CALLS} signals"
    assert false_delta > -TOLERANCE, f"False lost {-false_delta} references over {CALLS} signals"

"""Chart axes at round steps (0, 10, 20, 30 — never 0, 9, 19, 28, 38)."""

from __future__ import annotations

import math

from PySide6.QtCharts import QValueAxis

STEPS = (1, 2, 5, 10)


def round_scale(top: float, most_ticks: int = 6) -> tuple[int, int]:
    """(step, maximum) for counts from 0 to ``top``: the step is 1, 2 or 5 times a power of ten, the
    maximum the first multiple of it at or above ``top``, with at most ``most_ticks`` intervals."""
    top = max(float(top), 1.0)
    magnitude = 10 ** math.floor(math.log10(top / most_ticks)) if top > most_ticks else 1
    for factor in STEPS:
        step = max(1, int(factor * magnitude))
        if math.ceil(top / step) <= most_ticks:
            return step, step * math.ceil(top / step)
    step = int(10 * magnitude)
    return step, step * math.ceil(top / step)


def count_axis(top: float) -> QValueAxis:
    """A value axis for counts: from 0 to a round maximum, a tick at every round step, whole numbers."""
    step, maximum = round_scale(top)
    axis = QValueAxis()
    axis.setRange(0, maximum)
    axis.setTickType(QValueAxis.TicksFixed)
    axis.setTickCount(maximum // step + 1)
    axis.setLabelFormat("%d")
    return axis

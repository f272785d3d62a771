"""Charts drawn as SVG on the server: no script, no network, readable when printed.

``monthly_chart`` turns twelve monthly values (and an optional target for the year) into the
geometry a template draws: bars for each month, a polyline of the running total and a dashed
line at the target.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from capuy.text import format_number

WIDTH, HEIGHT, PAD = 360, 140, 20


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    title: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    cumulative: str  # polyline points
    target_y: float | None
    maximum: str


def monthly_chart(values: list[Decimal | None], target: Decimal | None, cumulative: bool) -> Chart:
    """Bars of ``values`` (one per month); with ``cumulative``, the running total and the
    target share one scale so the line meets the dashed target when the year's target is met."""
    present = [v or Decimal(0) for v in values]
    running: list[Decimal] = []
    total = Decimal(0)
    for v in present:
        total += v
        running.append(total)
    top = max([*present, *(running if cumulative else []), target or Decimal(0), Decimal(1)])
    inner_w, inner_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD
    step = inner_w / max(len(values), 1)

    def y(v: Decimal) -> float:
        return round(PAD + inner_h - float(v / top) * inner_h, 1)

    bars = [
        Bar(
            x=round(PAD + i * step + step * 0.15, 1),
            y=y(v),
            width=round(step * 0.7, 1),
            height=round(PAD + inner_h - y(v), 1),
            label=str(i + 1),
            title=f"Tháng {i + 1}: "
            + ("chưa có số liệu" if values[i] is None else format_number(v)),
        )
        for i, v in enumerate(present)
    ]
    points = " ".join(f"{round(PAD + (i + 0.5) * step, 1)},{y(v)}" for i, v in enumerate(running))
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        bars=bars,
        cumulative=points if cumulative else "",
        target_y=y(target) if (target is not None and cumulative) else None,
        maximum=format_number(top.normalize()),
    )

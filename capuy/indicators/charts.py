"""Charts drawn as SVG on the server: no script, no network, readable when printed.

``monthly_chart`` turns twelve monthly values (and an optional target for the year) into the
geometry a template draws: bars for each month, a polyline of the running total and a dashed
line at the target. Coordinates are strings with a decimal point ("253.3"): SVG reads no other
separator, and Django would write a float with the Vietnamese decimal comma.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from capuy.text import format_number

WIDTH, HEIGHT, PAD = 360, 140, 20


def _svg(value: float) -> str:
    """A coordinate as SVG writes it: a decimal point, no grouping (12.5, 120)."""
    return f"{round(value, 1):g}"


@dataclass(frozen=True)
class Bar:
    x: str
    y: str
    width: str
    height: str
    centre: str  # where the month's label is centred
    label: str
    title: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    cumulative: str  # polyline points
    target_y: str | None
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
            x=_svg(PAD + i * step + step * 0.15),
            y=_svg(y(v)),
            width=_svg(step * 0.7),
            height=_svg(PAD + inner_h - y(v)),
            centre=_svg(PAD + (i + 0.5) * step),
            label=str(i + 1),
            title=f"Tháng {i + 1}: "
            + ("chưa có số liệu" if values[i] is None else format_number(v)),
        )
        for i, v in enumerate(present)
    ]
    points = " ".join(f"{_svg(PAD + (i + 0.5) * step)},{_svg(y(v))}" for i, v in enumerate(running))
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        bars=bars,
        cumulative=points if cumulative else "",
        target_y=_svg(y(target)) if (target is not None and cumulative) else None,
        maximum=format_number(top.normalize()),
    )

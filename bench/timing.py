"""Timing helpers shared by the benchmarks: medians, capped runs in a forked child, a table."""

from __future__ import annotations

import math
import multiprocessing
import resource
import statistics
import time
from collections.abc import Callable
from typing import Any


def median_time(run: Callable[[], Any], repeat: int = 15, budget: float = 5.0) -> float:
    """The median wall time of `run` in seconds, over up to `repeat` runs within `budget` s
    (after one warm-up run)."""
    run()
    samples: list[float] = []
    started = time.perf_counter()
    while len(samples) < repeat and (not samples or time.perf_counter() - started < budget):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _child(run: Callable[[], Any], conn: Any, memory: int | None) -> None:
    if memory is not None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    start = time.perf_counter()
    try:
        result = run()
    except MemoryError:
        conn.send((None, "out of memory"))
        return
    conn.send((time.perf_counter() - start, result))


def capped_time(
    run: Callable[[], Any], cap: float, memory: int | None = None
) -> tuple[float, Any, bool]:
    """(seconds, result, capped): `run` once in a forked child (which shares the parent's loaded
    data), killed after `cap` seconds or stopped past `memory` bytes of address space; then the
    time is `cap`, capped is True and the result says why."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(run, child, memory))
    process.start()
    child.close()
    if parent.poll(cap):
        try:
            seconds, result = parent.recv()
        except EOFError:  # the child died: a native allocation failed past the memory limit
            seconds, result = None, "out of memory"
        process.join()
        if seconds is None:
            return cap, result, True
        return seconds, result, False
    process.kill()
    process.join()
    return cap, "time", True


def geometric_mean(values: list[float]) -> float:
    """The geometric mean of positive values."""
    return math.exp(sum(math.log(v) for v in values) / len(values))


def ms(seconds: float) -> str:
    """Seconds as a short millisecond figure."""
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "| " + " | ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)) + " |",
        "| " + " | ".join("-" * w for w in widths) + " |",
    ]
    lines += [
        "| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    return "\n".join(lines)

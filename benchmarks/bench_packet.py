"""How long a counselor waits for the biggest packet: a take-home sheet plus 14 letters.

Run: .venv/bin/python benchmarks/bench_packet.py [--runs N]
Target: at most 150 ms per packet once the fonts are registered (done once per process).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from onestop_desk.reports import encrypt_pdf, register_fonts, render_packet, samples

TARGET_MS = 150.0


def _timed(func: Callable[[], bytes], runs: int) -> tuple[list[float], bytes]:
    times = []
    result = b""
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append((time.perf_counter() - start) * 1000)
    return times, result


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    start = time.perf_counter()
    register_fonts()
    print(f"font registration: {(time.perf_counter() - start) * 1000:.0f} ms (once per process)")

    sheet = samples.take_home()
    letters = samples.letters()
    render_packet(sheet, letters)  # warm-up: imports, glyph caches

    times, pdf = _timed(lambda: render_packet(sheet, letters), args.runs)
    median = statistics.median(times)
    verdict = "ok" if median <= TARGET_MS else "OVER TARGET"
    print(
        f"packet (sheet + {len(letters)} letters): median {median:.1f} ms, "
        f"p95 {_p95(times):.1f} ms, {len(pdf) / 1024:.0f} KB  [{verdict}, target {TARGET_MS:.0f}]"
    )

    enc_times, encrypted = _timed(lambda: encrypt_pdf(pdf, "원스톱-2025!"), args.runs)
    print(
        f"encrypt (AES-256): median {statistics.median(enc_times):.1f} ms, "
        f"p95 {_p95(enc_times):.1f} ms, {len(encrypted) / 1024:.0f} KB"
    )


if __name__ == "__main__":
    main()

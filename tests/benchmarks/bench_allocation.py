# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Time ``allocate()`` against the literal, quadratic reading of the SPEC rule.

Usage, from the repository root::

    python tests/benchmarks/bench_allocation.py [--literal-max N] [--sizes 1000,...]

For each queue length, kind of needs and stock level it prints the time of
``allocate()`` (best of a few runs), the time of the literal loop (one run,
only up to ``--literal-max`` positions) and the speed-up; where both ran it
also checks they agree.
"""

import argparse
import os
import random
import sys
import time

TESTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, TESTS_DIR)

from _allocation_loader import load_allocation  # noqa: E402
from literal_allocation import literal_allocate  # noqa: E402

NEED_KINDS = {
    # A parts shop: most customers want a few pieces, some want many.
    "needs 1-20": lambda rng: rng.randint(1, 20),
    # Every position far larger than the queue is long: the most rounds.
    "needs 900-1000": lambda rng: rng.randint(900, 1000),
}
STOCK_SHARES = (0.1, 0.5, 0.9)


def best_time(function, *args, repeat):
    """Best wall time of ``repeat`` calls, and the last result."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = function(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--literal-max",
        type=int,
        default=10000,
        help="longest queue the literal loop is timed on (default: %(default)s)",
    )
    parser.add_argument(
        "--sizes",
        default="1000,10000,100000",
        help="comma-separated queue lengths (default: %(default)s)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of allocate()")
    parser.add_argument("--seed", type=int, default=20170922)
    args = parser.parse_args(argv)
    allocate = load_allocation().allocate

    print(
        "%9s  %-15s %5s  %12s  %18s  %9s"
        % ("positions", "needs", "stock", "allocate()", "literal loop", "speed-up")
    )
    mismatches = 0
    for size in (int(size) for size in args.sizes.split(",")):
        for kind, draw_need in NEED_KINDS.items():
            rng = random.Random(args.seed)
            needs = [draw_need(rng) for _ in range(size)]
            for share in STOCK_SHARES:
                stock = int(sum(needs) * share)
                fast_seconds, fast_result = best_time(
                    allocate, needs, stock, repeat=args.repeat
                )
                if size <= args.literal_max:
                    literal_seconds, literal_result = best_time(
                        literal_allocate, needs, stock, repeat=1
                    )
                    mismatches += literal_result != fast_result
                    literal_text = "%15.1f ms" % (literal_seconds * 1000)
                    speed_up_text = "%8.1fx" % (literal_seconds / fast_seconds)
                    if literal_result != fast_result:
                        speed_up_text += "  MISMATCH"
                else:
                    literal_text = "skipped (O(N^2))"
                    speed_up_text = "%9s" % "-"
                print(
                    "%9d  %-15s %4d%%  %9.1f ms  %18s  %s"
                    % (
                        size,
                        kind,
                        share * 100,
                        fast_seconds * 1000,
                        literal_text,
                        speed_up_text,
                    )
                )
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())

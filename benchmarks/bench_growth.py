"""Does the time of an analysis grow linearly with the input, on adversarial text?

Each family below repeats one pattern that once made a stage quadratic (runs of
unclosed quotation marks, chains of split quotes, dots and initialisms, hyphen chains,
unclosed Markdown and HTML, one unclosed quote per line, a single line of prose, CR-only
line endings, quotes continuing the last speaker, a new name before each quote) to 10 k,
100 k and 1 M characters, and times :func:`rhetoric.analyze` on each. The growth
exponent between two sizes is ``log(t2 / t1) / log(n2 / n1)``: 1 is linear, 2
quadratic. A family stops growing once one run passes ``--budget`` seconds.

Usage: ``python benchmarks/bench_growth.py [--sizes 10000 100000 1000000] [--budget 120]``.
Prints a table and writes ``benchmarks/growth.json``; the figures are quoted in
``docs/speed.md``.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import rhetoric  # noqa: E402

FAMILIES = {
    "unclosed straight quotes": 'He said "yes and no ',
    "unclosed curly quotes": "He said “yes and no ",
    "unclosed guillemets": "Il dit « oui et non ",
    "split-quote chains": "“We agree,” he said, “we do.” ",
    "runs of dots": "Wait. . . . ",
    "initialism chains": "U.S.A.B.C.D.E.F.G. ",
    "hyphen chain": "anti-",
    "capital runs": "WORD ",
    "unclosed Markdown": "*open and _more [link ",
    "unclosed HTML comments and scripts": "<!-- a <script> b ",
    "one unclosed quote per line": 'A "line of text\n',
    "one line of prose": "The minister said the plan would work and critics disagreed, ",
    "CR-only line endings": "Line of text here.\r",
    "quotes going on from the last speaker": "Smith went on, saying “hello.”\n\n",
    "a new name before each quote": "Zq{i}x deflected questions before saying “hello there.”\n\n",
}
"""Each family's repeated pattern; ``{i}`` in it is the repetition's number (a new word
each time)."""


def make(pattern: str, n: int) -> str:
    """``pattern`` repeated to ``n`` characters (``{i}`` numbered)."""
    if "{i}" not in pattern:
        return (pattern * (n // len(pattern) + 1))[:n]
    parts, size, i = [], 0, 0
    while size < n:
        parts.append(pattern.replace("{i}", str(i)))
        size += len(parts[-1])
        i += 1
    return "".join(parts)[:n]


def timed(text: str) -> float:
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unclosed quotes warn; that is not the cost
        rhetoric.analyze(text)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    p.add_argument("--budget", type=float, default=120.0, help="seconds; stop a family past it")
    args = p.parse_args(argv)
    timed(make("Warm up. " * 10, 2_000))  # load lexicons, models and dictionaries once
    rows = []
    for name, pattern in FAMILIES.items():
        times: dict[int, float] = {}
        for n in args.sizes:
            times[n] = timed(make(pattern, n))
            if times[n] > args.budget:
                break
        sizes = sorted(times)
        exponents = [
            math.log(times[b] / times[a]) / math.log(b / a)
            for a, b in zip(sizes, sizes[1:], strict=False)
            if times[a] > 0
        ]
        rows.append({"family": name, "seconds": times, "exponents": exponents})
        cells = "  ".join(f"{n:>9,}: {t:7.2f} s" for n, t in times.items())
        exps = ", ".join(f"{e:.2f}" for e in exponents)
        print(f"{name:36s} {cells}   exponents {exps}", flush=True)
    out = {
        "sizes": args.sizes,
        "families": rows,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    (ROOT / "benchmarks" / "growth.json").write_text(json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

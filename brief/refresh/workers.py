"""A small pool of worker processes that can be killed: a time limit per task, a memory bound.

concurrent.futures cannot stop one stuck task (trafilatura has no timeout, and a pathological
page can spin for minutes), so each worker here is a multiprocessing process with its own pipe:
the parent sends one task, waits at most ``timeout`` seconds for the answer, and on silence
kills that process and starts a fresh one. Each worker caps its own address space with
``RLIMIT_AS``, so a page that makes the parser balloon ends in a MemoryError inside the worker
instead of the machine swapping.

Workers are started with "spawn": the parent runs an event loop and threads, and forking a
threaded process can copy a held lock into the child. A worker first runs ``warm`` (imports
what its tasks need) and says it is ready; the time limit starts with the task, not the import.

    pool = WorkerPool(process_page, size=2, timeout=30.0, warm=warm_up)
    pool.start()
    outcome = await pool.run(job)   # WorkerTimeout / WorkerCrashed / WorkerError
    pool.close()

A one-off task from a single-threaded caller (`brief summarize`) uses ``run_once``: there the
worker is forked, which skips a new interpreter and its imports (~0.3 s of a 0.5 s command).
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import resource
import signal
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

from brief.errors import BriefError

J = TypeVar("J")
R = TypeVar("R")

# Address space of one worker. Extraction and analysis of a large page peak near 300 MiB of
# address space (numpy and lxml included); four times that leaves room and still stops a
# runaway parse long before it hurts the machine.
WORKER_MEMORY = 1024 * 1024 * 1024
# A worker that has not finished its imports in this time is broken (the imports take ~1 s).
_START_SECONDS = 120.0
_READY = "ready"
_STOP_SECONDS = 2.0


class WorkerError(BriefError):
    """A task failed inside its worker (the message says how)."""


class WorkerTimeout(WorkerError):
    """A task ran past the time limit; its worker was killed and replaced."""


class WorkerCrashed(WorkerError):
    """The worker died during the task (killed, out of memory, crashed in C code)."""


def _serve(
    conn: Connection, func: Callable[[Any], Any], warm: Callable[[], None] | None, memory: int
) -> None:
    """The worker's main loop: answer ("ok", result), ("raise", a BriefError) or ("error",
    message) to each task; return when the parent says so or is gone (its pipe closed)."""
    # Ctrl-C reaches the whole process group; the parent decides what to do with its workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A spawned worker inherits the terminal: whatever a library prints there would draw over
    # the TUI or the progress bar. Answers travel through the pipe; the rest goes nowhere.
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    os.close(quiet)
    # One BLAS thread: a worker is one core's worth of work, and OpenBLAS reserves address
    # space per thread, which would eat into the memory bound.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if memory > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    if warm is not None:
        warm()
    conn.send(_READY)
    while True:
        try:
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        try:
            answer: tuple[str, Any] = ("ok", func(task))
        except BriefError as err:  # an answer of the task's own (FeedError, StoreError, …)
            answer = ("raise", err)
        except MemoryError:
            answer = ("error", "out of memory (worker limit reached)")
        except Exception as err:  # reported to the parent, which records it as the reason
            answer = ("error", f"{type(err).__name__}: {err}")
        try:
            conn.send(answer)
        except OSError:  # the parent is gone (killed): nobody wants the answer
            return


class _Worker:
    """One process and the parent's end of its pipe."""

    def __init__(
        self,
        ctx: Any,
        func: Callable[[Any], Any],
        warm: Callable[[], None] | None,
        memory: int,
    ) -> None:
        self.conn, child = ctx.Pipe()
        self.process: BaseProcess = ctx.Process(
            target=_serve, args=(child, func, warm, memory), daemon=True
        )
        self.process.start()
        child.close()
        self.ready = False
        self.alive = True

    def call(self, task: Any, timeout: float) -> Any:
        """Run one task (blocking; the pool calls this from a thread)."""
        if not self.ready:
            self._wait_ready()
        try:
            self.conn.send(task)
            if not self.conn.poll(timeout):
                self.kill()
                raise WorkerTimeout(f"gave up after {timeout:g} s")
            kind, value = self.conn.recv()
        except (EOFError, OSError) as err:
            self.kill()
            raise WorkerCrashed(f"worker died ({self._exit_reason()})") from err
        if kind == "raise":
            raise value
        if kind != "ok":
            raise WorkerError(str(value))
        return value

    def _wait_ready(self) -> None:
        try:
            if self.conn.poll(_START_SECONDS) and self.conn.recv() == _READY:
                self.ready = True
                return
        except (EOFError, OSError):
            pass
        self.kill()
        raise WorkerCrashed(f"worker failed to start ({self._exit_reason()})")

    def _exit_reason(self) -> str:
        self.process.join(0.5)
        code = self.process.exitcode
        if code is None:
            return "still running"
        return f"killed by signal {-code}" if code < 0 else f"exit status {code}"

    def kill(self) -> None:
        """Stop the process now; it is never reused."""
        self.alive = False
        if self.process.is_alive():
            self.process.kill()
        self.process.join(_STOP_SECONDS)
        self.conn.close()

    def stop(self) -> None:
        """Ask the process to finish, then make sure it has (one still starting up never had
        a task: it is stopped at once)."""
        if self.alive and self.ready:
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
            self.process.join(_STOP_SECONDS)
        self.kill()


class WorkerPool(Generic[J, R]):
    """``size`` worker processes running ``func`` (a module-level function), one task each.

    ``run`` is a coroutine: it waits for an idle worker, hands it the task from a thread and
    returns the result, or raises WorkerTimeout, WorkerCrashed or WorkerError. A BriefError the
    task raises (FeedError, StoreError, …) is raised again as it is. A worker that timed out or
    died is replaced before the next task. A worker whose parent dies exits (its pipe closes).
    """

    def __init__(
        self,
        func: Callable[[J], R],
        *,
        size: int,
        timeout: float,
        warm: Callable[[], None] | None = None,
        memory: int = WORKER_MEMORY,
    ) -> None:
        self._func = func
        self._size = max(1, size)
        self._timeout = timeout
        self._warm = warm
        self._memory = memory
        self._ctx = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self._idle: asyncio.Queue[_Worker] | None = None
        self.replaced = 0  # workers killed for a timeout or found dead

    def start(self) -> None:
        """Start the processes now, so their imports overlap with other work."""
        while len(self._workers) < self._size:
            self._workers.append(self._spawn())

    def _spawn(self) -> _Worker:
        return _Worker(self._ctx, self._func, self._warm, self._memory)

    async def run(self, task: J) -> R:
        """The result of ``func(task)`` computed in a worker, within the time limit."""
        if self._idle is None:
            self.start()
            self._idle = asyncio.Queue()
            for worker in self._workers:
                self._idle.put_nowait(worker)
        worker = await self._idle.get()
        try:
            result: R = await asyncio.to_thread(worker.call, task, self._timeout)
            return result
        except asyncio.CancelledError:
            # The thread may still be waiting on this worker: it must not be handed out again.
            worker.kill()
            raise
        finally:
            if not worker.alive:
                self.replaced += 1
                self._workers.remove(worker)
                worker = self._spawn()
                self._workers.append(worker)
            self._idle.put_nowait(worker)

    def close(self) -> None:
        """Stop every worker (idle ones finish cleanly; a busy one is killed)."""
        for worker in self._workers:
            worker.stop()
        self._workers.clear()
        self._idle = None


def run_once(
    func: Callable[[J], R],
    task: J,
    *,
    timeout: float,
    warm: Callable[[], None] | None = None,
    memory: int = WORKER_MEMORY,
) -> R:
    """``func(task)`` in one fresh worker under the same time limit and memory bound as a pool's.

    The worker is forked when the caller has no other thread (nothing can hold a lock the
    child would inherit) on Linux; spawned elsewhere (macOS frameworks do not survive a fork).
    """
    alone = threading.active_count() == 1
    method = "fork" if alone and sys.platform.startswith("linux") else "spawn"
    worker = _Worker(multiprocessing.get_context(method), func, warm, memory)
    try:
        result: R = worker.call(task, timeout)
        return result
    finally:
        worker.stop()

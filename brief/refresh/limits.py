"""Many downloads at once, politely: a global limit and a limit per host; run_all; a writer
thread for the store calls of a refresh.

    limiter = HostLimiter(total=8, per_host=2)
    async with limiter.slot("https://example.org/feed"):
        ...  # at most 8 requests in all, at most 2 to example.org

The host slot is taken before the global one, so a request waiting for a busy host never
holds one of the global slots other hosts could use.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Coroutine, Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar
from urllib.parse import urlsplit

T = TypeVar("T")


class HostLimiter:
    """Semaphores: ``total`` requests at once, ``per_host`` of them to any one host."""

    def __init__(self, total: int, per_host: int) -> None:
        self._total = asyncio.Semaphore(max(1, total))
        self._per_host = max(1, per_host)
        self._hosts: dict[str, asyncio.Semaphore] = {}

    @contextlib.asynccontextmanager
    async def slot(self, url: str) -> AsyncIterator[None]:
        """Hold one slot for ``url``'s host and one global slot."""
        host = host_key(url)
        semaphore = self._hosts.get(host)
        if semaphore is None:
            semaphore = self._hosts[host] = asyncio.Semaphore(self._per_host)
        async with semaphore, self._total:
            yield


def host_key(url: str) -> str:
    """The host (and port) a URL's requests go to, lowercased."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    host = (parts.hostname or "").lower()
    return f"{host}:{port}" if port else host


async def run_all(coroutines: Iterable[Coroutine[Any, Any, None]]) -> None:
    """Run the coroutines concurrently; the first error cancels the others and is raised."""
    try:
        async with asyncio.TaskGroup() as group:
            for coroutine in coroutines:
                group.create_task(coroutine)
    except BaseExceptionGroup as errors:
        # One error is what the user sees (a StoreError, say), not a group of them.
        raise errors.exceptions[0] from None


class StoreWriter:
    """Store calls made one at a time by one thread, in the order they were asked for.

    A store call takes milliseconds of SQLite and Python; made on the event loop it would hold
    up every download meanwhile. SQLite releases the GIL while it works.
    """

    def __init__(self) -> None:
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="brief-store")

    async def __call__(self, method: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``method(*args, **kwargs)`` in the writer thread; its exception is raised here."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, partial(method, *args, **kwargs))

    def close(self) -> None:
        """Wait for the calls under way, then stop the thread."""
        self._thread.shutdown(wait=True)

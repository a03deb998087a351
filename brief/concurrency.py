"""Many downloads at once, politely: a global limit and a limit per host; run_all.

    limiter = HostLimiter(total=8, per_host=2)
    async with limiter.slot("https://example.org/feed"):
        ...  # at most 8 requests in all, at most 2 to example.org

The host slot is taken before the global one, so a request waiting for a busy host never
holds one of the global slots other hosts could use.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Coroutine, Iterable
from typing import Any
from urllib.parse import urlsplit


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

"""gzip/deflate decoding that never inflates past a size cap (HTTP bodies and .gz files).

A 200 KB gzip bomb inflates to 200 MB; zlib's one-shot decompress would build all of it in
memory before anyone could look at the size. Here every step asks zlib for at most the room
left under the cap plus one byte, so going over is noticed with the cap's worth in memory.
"""

from __future__ import annotations

import zlib

ENCODINGS = ("gzip", "x-gzip", "deflate")

# Default cap on a decoded page or file: far above any article, far below a bomb.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class TruncatedError(ValueError):
    """The compressed stream ended before its end marker: the body is incomplete."""


class Inflater:
    """Incremental decoder for one gzip (possibly multi-member) or deflate stream."""

    def __init__(self, encoding: str, limit: int) -> None:
        if encoding not in ENCODINGS:
            raise ValueError(f"unsupported encoding {encoding!r}")
        self._gzip = encoding != "deflate"
        self._limit = limit
        self._obj = self._decompressor(raw=False)
        self._started = False
        self.produced = 0

    @property
    def over_limit(self) -> bool:
        """True once the decoded size is above the cap (decoding stops there)."""
        return self.produced > self._limit

    def feed(self, data: bytes) -> bytes:
        """Decode the next compressed bytes; ValueError when they are corrupt."""
        out = bytearray()
        while data and not self.over_limit:
            room = self._limit - self.produced + 1
            try:
                chunk = self._obj.decompress(data, room)
            except zlib.error as err:
                if not self._gzip and not self._started:
                    # "deflate" should carry a zlib header; some servers send raw deflate.
                    self._obj = self._decompressor(raw=True)
                    self._started = True
                    continue
                raise ValueError(f"corrupt compressed data ({err})") from err
            self._started = True
            out += chunk
            self.produced += len(chunk)
            if self._obj.eof:
                # Concatenated gzip members decode as one stream, like gzip(1) does.
                data = self._obj.unused_data if self._gzip else b""
                if data:
                    self._obj = self._decompressor(raw=False)
            else:
                data = self._obj.unconsumed_tail
        return bytes(out)

    def finish(self) -> bytes:
        """The last decoded bytes once the input is over."""
        if self.over_limit:
            return b""
        try:
            tail = self._obj.flush(self._limit - self.produced + 1)
        except zlib.error as err:
            raise ValueError(f"corrupt compressed data ({err})") from err
        self.produced += len(tail)
        if self._started and not self._obj.eof:
            # zlib says nothing about a stream cut short: only its end marker proves it whole.
            raise TruncatedError("compressed data cut short (no end of stream)")
        return tail

    def _decompressor(self, *, raw: bool) -> zlib._Decompress:
        if raw:
            return zlib.decompressobj(-zlib.MAX_WBITS)
        return zlib.decompressobj(16 + zlib.MAX_WBITS if self._gzip else zlib.MAX_WBITS)

"""A request body that never ends, counting what the server read of it: a body refused
before it is read leaves the count far under its limit."""

from collections.abc import Iterator

MB = 1024 * 1024


class EndlessBody:
    def __init__(self, limit_mb: int = 50):
        self.read = 0
        self.limit = limit_mb * MB

    def __iter__(self) -> Iterator[bytes]:
        while self.read < self.limit:
            self.read += MB
            yield b"\x00" * MB
